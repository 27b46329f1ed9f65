/**
 * Resolution of a life's abstract steps against the case as it stands: an action becomes the request an officer
 * of the right role would send now, an advance becomes the instant the clock goes to. The pure model and the
 * workflow test resolve the same steps the same way, so both see the same requests and instants.
 */
import type { ParkApplication } from '../../../workflows/definitions/application';
import type { CaseSnapshot } from '../../../workflows/definitions/case';
import { DEFAULT_POLICY, SERVICE_FUNCTIONS, type PolicyConfig } from '../../../workflows/definitions/policy';
import { nextDueEvent } from '../../../workflows/lifecycle/schedule';
import { agencies, validApplication } from '../../../tooling/fixtures/applications';
import { installedCalendar } from '../workflows/holiday-calendar';
import { CQ_MS, cqDay, cqYear, iso, plusDays } from './calendar';
import { guidedSpec } from './guided';
import {
  amountOf,
  EXPERT_POOL,
  LIFE_ACTORS,
  LIFE_DISTRICT,
  outstanding,
  subsidyTotal,
  type ActionSpec,
  type AdvanceSpec,
  type ResolvedAction,
} from './steps';

/** The application a submission spec describes: valid except for the shortfalls it asks for. */
export function applicationOf(spec: Extract<ActionSpec, { a: 'submitApplication' }>): ParkApplication {
  const roster = agencies(spec.agencies, LIFE_DISTRICT);
  if (spec.duplicateAgency && roster.length > 0) roster.push({ ...roster[0], name: '重复登记的机构' });
  const app = validApplication({
    district: spec.wrongDistrict ? '500103' : LIFE_DISTRICT,
    floorAreaSqm: spec.floorAreaSqm,
    serviceFunctions: SERVICE_FUNCTIONS.slice(0, SERVICE_FUNCTIONS.length - spec.missingFunctions),
    agencies: roster,
  });
  if (!spec.letter) app.documents.districtGovernmentLetter = null;
  if (!spec.measures) app.documents.supportMeasures = [];
  return app;
}

/** The paper an upload spec describes, numbered after the case's papers so far (a fixed id per position). */
function paper(spec: Extract<ActionSpec, { a: 'attachDocument' }>, state: CaseSnapshot) {
  const n = (state.documents?.length ?? 0) + 1;
  const filed = state.application?.agencies ?? [];
  const roster = spec.roster === undefined ? undefined : spec.roster === 'matching' ? filed : filed.slice(1);
  const document = {
    documentId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    purpose: spec.purpose,
    sha256: n.toString(16).padStart(64, '0'),
    size: 1000 + n,
    contentType: roster ? XLSX : 'application/pdf',
    fileName: `${spec.purpose}-${n}`,
    ...(roster ? { roster: roster.map(({ name, creditCode }) => ({ name, creditCode })) } : {}),
  };
  return { document };
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Turns an abstract action into the request an officer of the right role would send now. */
export function resolveAction(spec: ActionSpec, state: CaseSnapshot, clock: string): ResolvedAction {
  if (spec.a === 'guided') return resolveAction(guidedSpec(state, clock, spec.pick), state, clock);
  const { district, municipal, finance, expert } = LIFE_ACTORS;
  switch (spec.a) {
    case 'submitApplication':
      return { name: spec.a, request: { actor: district, application: applicationOf(spec) } };
    case 'acceptance':
      return {
        name: spec.a,
        request: {
          actor: municipal,
          accepted: spec.accepted,
          ...(spec.reason !== undefined ? { reason: spec.reason } : {}),
          ...(spec.waiverReason !== undefined ? { waiverReason: spec.waiverReason } : {}),
        },
      };
    case 'formPanel':
      return { name: spec.a, request: { actor: municipal, expertIds: [...spec.expertIds] } };
    case 'submitReview': {
      const ids = state.panel?.expertIds ?? [];
      const id =
        'id' in spec.expert
          ? spec.expert.id
          : (ids[spec.expert.panelIndex % Math.max(1, ids.length)] ?? EXPERT_POOL[0]);
      return {
        name: spec.a,
        request: {
          actor: expert(id),
          necessity: spec.necessity,
          feasibility: spec.feasibility,
          recommend: spec.recommend,
        },
      };
    }
    case 'designation':
      return {
        name: spec.a,
        request: {
          actor: municipal,
          decision: spec.decision,
          reason: spec.reason,
          ...(spec.subsidyAmount !== undefined ? { subsidyAmount: spec.subsidyAmount } : {}),
        },
      };
    case 'incubationBase':
      return { name: spec.a, request: { actor: municipal, decisionReference: '渝人社〔2027〕1号' } };
    case 'confirmPayment': {
      const paymentId =
        'id' in spec.payment
          ? spec.payment.id
          : (state.payments[spec.payment.index % Math.max(1, state.payments.length)]?.paymentId ??
            `${state.caseId}:subsidy_tranche_1`);
      return { name: spec.a, request: { actor: finance, paymentId, paidAt: clock, bankReference: spec.bankReference } };
    }
    case 'annualReport': {
      const first = state.designation
        ? (state.designation.firstReportingYear ?? cqYear(state.designation.designatedAt))
        : cqYear(clock);
      const year = 'fromFirst' in spec.year ? first + spec.year.fromFirst : cqYear(clock) + spec.year.fromNow;
      const revenue = spec.revenue;
      const subsidyUse = {
        rent: 300_000,
        renovation: 200_000,
        propertyManagement: 100_000,
        publicFacilities: 100_000,
        operations: 300_000,
      };
      return {
        name: spec.a,
        request: {
          actor: district,
          report: { year, agencies: spec.agencies, revenue, staff: 12, floorAreaSqm: spec.floorAreaSqm, subsidyUse },
        },
      };
    }
    case 'evaluation': {
      const rectifyBy =
        spec.rectifyBy === undefined
          ? undefined
          : 'days' in spec.rectifyBy
            ? plusDays(cqDay(clock), spec.rectifyBy.days)
            : spec.rectifyBy.text;
      const refundAmount =
        spec.refundAmount === undefined ? undefined : amountOf(spec.refundAmount, subsidyTotal(state));
      return {
        name: spec.a,
        request: {
          actor: municipal,
          outcome: spec.outcome,
          findings: spec.findings,
          ...(rectifyBy !== undefined ? { rectifyBy } : {}),
          ...(spec.grounds !== undefined ? { grounds: [...spec.grounds] } : {}),
          ...(refundAmount !== undefined ? { refundAmount } : {}),
        },
      };
    }
    case 'refundPayment':
      return {
        name: spec.a,
        request: {
          actor: finance,
          amount: amountOf(spec.amount, outstanding(state)),
          paidAt: clock,
          bankReference: spec.bankReference,
        },
      };
    case 'refundWriteOff':
      return { name: spec.a, request: { actor: municipal, reason: spec.reason } };
    case 'attachDocument':
      return {
        name: spec.a,
        request: { actor: spec.purpose === 'refund_receipt' ? finance : district, ...paper(spec, state) },
      };
  }
}

/** The next instant strictly after `clock` of the form `base(year) + offset`, `skip` occurrences later. */
function nextOf(clock: string, base: (year: number) => number, offsetMs: number, skip: number): string {
  const now = Date.parse(clock);
  let year = cqYear(clock) - 1;
  while (base(year) + offsetMs <= now) year += 1;
  return iso(base(year + skip) + offsetMs);
}

/** The instant an advance goes to (may be at or before the clock: then the clock stays). */
export function resolveAdvance(
  spec: AdvanceSpec,
  state: CaseSnapshot,
  clock: string,
  policy: PolicyConfig = DEFAULT_POLICY,
): string {
  const now = Date.parse(clock);
  switch (spec.to) {
    case 'by':
      return iso(now + spec.ms);
    case 'newYear':
      return nextOf(clock, (y) => Date.UTC(y - 1, 11, 31, 16), spec.offsetMs, spec.skip);
    case 'midYear':
      return nextOf(clock, (y) => Date.UTC(y, 5, 30, 16), spec.offsetMs, spec.skip);
    case 'reportDue':
      return nextOf(clock, (y) => Date.UTC(y, 2, 31, 16), spec.offsetMs, spec.skip);
    case 'lastOfFebruary': {
      // The last day of February: the 29th in leap years (R-CAL-2: 29 Feb + n years → 28 Feb).
      let year = cqYear(clock);
      const at = (y: number) => Date.UTC(y, 2, 0, spec.hour) - CQ_MS;
      while (at(year) <= now) year += 1;
      return iso(at(year));
    }
    case 'deadline': {
      const deadlines = state.deadlines;
      if (deadlines.length === 0) return clock;
      return iso(Date.parse(deadlines[spec.index % deadlines.length].dueAt) + spec.offsetMs);
    }
    case 'nextEvent': {
      const due = safely(() => nextDueEvent(state, { now: clock, policy, calendar: installedCalendar() }));
      return due ? iso(Date.parse(due.at) + spec.offsetMs) : clock;
    }
  }
}

/**
 * A schedule that throws leaves the clock where it is: the model's loop meets the same throw and reports it as a crash.
 */
const safely = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};
