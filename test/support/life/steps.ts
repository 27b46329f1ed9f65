/**
 * The vocabulary of a random life: who acts in it, and the abstract steps it is made of. A step is described
 * relative to the case ("a review by the second panel member", "to the next 31 December 16:00Z − 1 ms") rather
 * than as a concrete request, so fast-check can generate and shrink lives that stay meaningful whatever the case
 * has become; life-resolve.ts turns a step into the request or the instant it means at that point of the life.
 */
import type { Actor, CaseSnapshot, EvaluationOutcome } from '../../../workflows/definitions/case';
import type { DocumentPurpose } from '../../../workflows/definitions/documents';
import type { OfficerActionName } from '../../../workflows/definitions/officer-actions';

/** The district every life's case belongs to. */
export const LIFE_DISTRICT = '500112';
/** One officer per role; experts are named by id. */
export const LIFE_ACTORS = {
  district: { id: 'district-officer', role: 'district', district: LIFE_DISTRICT } as Actor,
  municipal: { id: 'municipal-officer', role: 'municipal' } as Actor,
  finance: { id: 'finance-officer', role: 'finance' } as Actor,
  expert: (id: string): Actor => ({ id, role: 'expert' }),
};
/** Experts the generators draw panels and reviewers from. */
export const EXPERT_POOL = [
  'expert-1',
  'expert-2',
  'expert-3',
  'expert-4',
  'expert-5',
  'expert-6',
  'expert-7',
  'expert-8',
  'expert-9',
  'expert-10',
];

/** The name of an officer action a life takes (an Update of the case workflow). */
export type ActionName = OfficerActionName;

/**
 * An amount relative to a ceiling the case knows (refund ceiling, outstanding refund): a share, ceiling + n, or a fixed
 * value.
 */
export type RelativeAmount = { share: number } | { plus: number } | { fixed: number };

/** The subsidy tranches paid or in flight, the incubation grant excluded: the ceiling of a refund demand (R-REF-1). */
export const subsidyTotal = (state: CaseSnapshot): number =>
  state.payments.filter((p) => p.kind !== 'incubation_grant').reduce((sum, p) => sum + p.amount, 0);
/** What the district still owes on the refund demand: the ceiling of a refund payment. */
export const outstanding = (state: CaseSnapshot): number =>
  state.refundDemand ? state.refundDemand.amount - state.refundDemand.paidAmount : 0;
/** The amount a {@link RelativeAmount} means against `ceiling`. */
export const amountOf = (amount: RelativeAmount, ceiling: number): number =>
  'share' in amount ? Math.round(ceiling * amount.share) : 'plus' in amount ? ceiling + amount.plus : amount.fixed;

/** An officer action, described abstractly; `resolveAction` (life-resolve.ts) turns it into a concrete request. */
export type ActionSpec =
  | {
      a: 'submitApplication';
      /** Distinct agencies on the roster (R-APP-3 needs 15). */
      agencies: number;
      duplicateAgency: boolean;
      /** R-APP-8: an issued promotion measure. */
      measures: boolean;
      /** R-APP-1: the district government's letter. */
      letter: boolean;
      /** R-APP-4: 8,000 m² in principle. */
      floorAreaSqm: number;
      /** R-APP-5: how many of the four service functions are missing. */
      missingFunctions: number;
      /** The application names another district than the case's. */
      wrongDistrict: boolean;
    }
  | { a: 'acceptance'; accepted: boolean; reason?: string; waiverReason?: string }
  | { a: 'formPanel'; expertIds: string[] }
  | {
      a: 'submitReview';
      expert: { panelIndex: number } | { id: string };
      necessity: number;
      feasibility: number;
      recommend: boolean;
    }
  | { a: 'designation'; decision: 'designate' | 'reject'; subsidyAmount?: number; reason: string }
  | { a: 'incubationBase' }
  | { a: 'confirmPayment'; payment: { index: number } | { id: string }; bankReference: string }
  | {
      a: 'annualReport';
      year: { fromFirst: number } | { fromNow: number };
      revenue: number;
      agencies: number;
      floorAreaSqm: number;
    }
  | {
      a: 'evaluation';
      outcome: EvaluationOutcome;
      findings: string;
      /** Days after today (Chongqing) or a literal text. */
      rectifyBy?: { days: number } | { text: string };
      grounds?: string[];
      refundAmount?: RelativeAmount;
    }
  | { a: 'refundPayment'; amount: RelativeAmount; bankReference: string }
  | { a: 'refundWriteOff'; reason: string }
  /** R-DOC-1: a paper uploaded for the case; an XLSX roster lists the filed agencies, or all but the first. */
  | { a: 'attachDocument'; purpose: DocumentPurpose; roster?: 'matching' | 'lacking' }
  /**
   * A plausible next action for the case's stage, chosen with `pick` (keeps random lives moving through the stages).
   */
  | { a: 'guided'; pick: number };

/** Where the clock goes next; instants already past leave it where it is. */
export type AdvanceSpec =
  | { to: 'by'; ms: number }
  /** The next 1 January 00:00 Chongqing (31 December 16:00Z), `skip` years later, + offset. */
  | { to: 'newYear'; skip: number; offsetMs: number }
  /** The next 1 July 00:00 Chongqing (30 June 16:00Z): the R-RPT-5 first-reporting-year cut-off. */
  | { to: 'midYear'; skip: number; offsetMs: number }
  /** The next report due instant, 31 March 16:00Z. */
  | { to: 'reportDue'; skip: number; offsetMs: number }
  /** The next last day of February (29 February in leap years, Chongqing) at `hour` Chongqing time. */
  | { to: 'lastOfFebruary'; hour: number }
  /** One of the case's current deadlines (`index` modulo their number) + offset. */
  | { to: 'deadline'; index: number; offsetMs: number }
  /** The next timed event of the case + offset. */
  | { to: 'nextEvent'; offsetMs: number };

/** One step of a life: an officer action or a clock advance. */
export type Step = { act: ActionSpec } | { advance: AdvanceSpec };
/** A whole life, as fast-check generates and shrinks it. */
export interface LifeSpec {
  /** The instant the case is opened (its first policy date). */
  start: number;
  steps: Step[];
}

/** A concrete action: the Update's name and its request (actor included), as the API would send it. */
export interface ResolvedAction {
  name: ActionName;
  request: Record<string, unknown> & { actor: Actor };
}
