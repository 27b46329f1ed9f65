import type { defineUpdate } from '@temporalio/workflow';
import type { Actor, CaseStage, OfficerRole } from './case';
import * as m from './messages';

/**
 * The route of an action on an existing case: `POST /v1/cases/{caseId}/<path>` (`{name}` marks a path
 * parameter), answered 200 with the case after the action.
 */
export interface CaseActionRoute {
  readonly path: string;
  /** The operation's one-line summary in the OpenAPI document, citing the rules it applies. */
  readonly summary: string;
}

/**
 * An upload's route: `POST /v1/cases/{caseId}/<path>` with a `multipart/form-data` body (the file and its fields),
 * answered 201 with what was recorded. The file goes to the object store; the Update records its fingerprint.
 */
export type UploadRoute = CaseActionRoute;

/** The endpoints of the filing, which has no case to name yet: OpenAPI paths. */
export interface FilingRoutes {
  /** Starts the case together with its filing (Update-with-Start), answered 201 with the submission outcome. */
  readonly start: string;
  /** The corrected application of a returned case, answered 200 with the submission outcome. */
  readonly resubmission: string;
}

/** One officer action as {@link OFFICER_ACTIONS} declares it; `Name` is its key. */
export type OfficerActionSpec<Name extends string> = {
  /** The Update the case workflow handles; its name is the action's (history, audit trail, InvalidStage details). */
  readonly update: ReturnType<typeof defineUpdate<unknown, [{ actor: Actor }], Name>>;
  /** The stages its validator accepts the action in; in any other it is refused (409 `invalid_stage`). */
  readonly stages: ReadonlyArray<CaseStage | 'draft'>;
  /** The roles that may call it; any other is 403 (api-contract "Identity"). */
  readonly roles: readonly OfficerRole[];
} & ({ readonly route: CaseActionRoute } | { readonly filing: FilingRoutes } | { readonly upload: UploadRoute });

/**
 * Type-checks a table of officer actions: each entry's key must be its Update's name, so a key and an Update
 * that drift apart do not compile. `const` keeps the literal stages, roles and paths.
 */
export const defineOfficerActions = <const T extends { [K in keyof T]: OfficerActionSpec<K & string> }>(table: T): T =>
  table;

/**
 * Every officer action of the case workflow (§5; api-contract "Stages", "Identity" and "Resources"), declared
 * once: its Update, the stages that allow it, the roles that may call it and its HTTP route. The workflow's
 * stage checks and Update handlers (`workflows/lifecycle/actions.ts`), the API's routes (`api/actions`,
 * `api/applications`) and the authorization and OpenAPI tests all read it. Its order is the order the workflow
 * registers the handlers in.
 */
export const OFFICER_ACTIONS = defineOfficerActions({
  submitApplication: {
    update: m.submitApplicationUpdate,
    // §5.1: the first filing (a new case is `draft`) or a corrected one while `returned`.
    stages: ['draft', 'returned'],
    roles: ['district'],
    filing: { start: '/v1/applications', resubmission: '/v1/cases/{caseId}/resubmission' },
  },
  acceptance: {
    update: m.acceptanceUpdate,
    stages: ['submitted'], // §5.1: the completeness check of a filed application
    roles: ['municipal'],
    route: {
      path: 'acceptance',
      summary: 'Completeness check; not accepted → returned (§5.1); accepting R-APP-4/5 flags needs a waiverReason',
    },
  },
  formPanel: {
    update: m.formPanelUpdate,
    // §5.1: formed once accepted; re-formed during the review to replace experts who have not reviewed.
    stages: ['accepted', 'under_review'],
    roles: ['municipal'],
    route: {
      path: 'panel',
      summary: 'Form or re-form the expert panel (3–7 distinct experts) → under_review (§5.1)',
    },
  },
  submitReview: {
    update: m.submitReviewUpdate,
    stages: ['under_review'], // §5.1: each panel member, while the review is open
    roles: ['expert'],
    route: { path: 'reviews', summary: 'One review opinion by an expert on the panel, once per expert (§5.1)' },
  },
  departmentOpinion: {
    update: m.departmentOpinionUpdate,
    // R-REV-3 (§5.1 会同相关部门): the bureau assesses with the departments, from acceptance until it decides.
    stages: ['accepted', 'under_review'],
    roles: ['municipal'],
    route: {
      path: 'department-opinions',
      summary: 'Record a department’s opinion (support / conditional / object) beside the expert reviews (R-REV-3)',
    },
  },
  designation: {
    update: m.designationUpdate,
    stages: ['under_review'], // §5.1: on the panel's findings (the validator also wants the review closed)
    roles: ['municipal'],
    route: {
      path: 'designation',
      summary:
        'Designate with a subsidy of 1,000,000–3,000,000 CNY (R-SUB-1), or reject; tranche 1 is instructed (§5.2)',
    },
  },
  incubationBase: {
    update: m.incubationBaseUpdate,
    stages: ['designated', 'rectifying'], // §5.2, R-SUB-3: a designated park that meets the criteria
    roles: ['municipal'],
    route: {
      path: 'incubation-base',
      summary: 'Recognise the park as an incubation base: one-time 600,000 CNY grant, at most once (R-SUB-3)',
    },
  },
  confirmPayment: {
    update: m.confirmPaymentUpdate,
    // R-PAY-1: every stage that can hold money in flight.
    stages: ['designated', 'rectifying', 'revoked'],
    roles: ['finance'],
    route: {
      path: 'payments/{paymentId}/confirmation',
      summary: 'The treasury paid this disbursement; each payment is confirmed once (§5.2)',
    },
  },
  annualReport: {
    update: m.annualReportUpdate,
    // §5.3, R-RPT-1/5: a designated park; once revoked, the years before the revocation year until the case closes
    stages: ['designated', 'rectifying', 'revoked'],
    roles: ['district'],
    route: {
      path: 'annual-reports',
      summary:
        'The yearly report of an ended reporting year (§5.3, R-RPT-1..5, R-SUB-2); the first one releases tranche 2',
    },
  },
  evaluation: {
    update: m.evaluationUpdate,
    stages: ['designated', 'rectifying'], // §5.3, R-EVL-1/2: periodic or on demand; re-evaluation after rectify
    roles: ['municipal'],
    route: {
      path: 'evaluations',
      summary:
        'Renew, rectify by a Chongqing day (R-CAL-1) or revoke on grounds, maybe with a refund (§5.3, R-EVL-1/2)',
    },
  },
  refundPayment: {
    update: m.refundPaymentUpdate,
    stages: ['revoked'], // R-REF-1: finance confirms receipt against the revocation's refund demand
    roles: ['finance'],
    route: {
      path: 'refund-payments',
      summary: 'A refund received against the open refund demand (R-REF-1); settled in full → closed',
    },
  },
  attachDocument: {
    update: m.attachDocumentUpdate,
    // R-DOC-1: papers come with the filing, the review, the yearly reports and the refund; none after the case ends.
    stages: ['submitted', 'returned', 'accepted', 'under_review', 'designated', 'rectifying', 'revoked'],
    roles: ['district', 'municipal', 'finance'],
    upload: {
      path: 'documents',
      summary: 'Upload one paper for the case (multipart): PDF, OFD, JPEG, PNG or XLSX by content, ≤ 20 MB (R-DOC-1)',
    },
  },
  refundWriteOff: {
    update: m.refundWriteOffUpdate,
    stages: ['revoked'], // R-PAY-1: the unpaid rest of the revocation's escalated refund demand
    roles: ['municipal'],
    route: {
      path: 'refund-write-off',
      summary: 'Write off the unpaid rest of an escalated refund demand, with its reason; may close the case (R-PAY-1)',
    },
  },
});

/** The name of an officer action: its key in {@link OFFICER_ACTIONS} and its Update's name. */
export type OfficerActionName = keyof typeof OFFICER_ACTIONS;

/** Every officer action's name, in the table's order. */
export const OFFICER_ACTION_NAMES = Object.keys(OFFICER_ACTIONS) as OfficerActionName[];

/** The actions with a JSON route on an existing case: all but the filing and the upload. */
export type CaseRouteActionName = {
  [K in OfficerActionName]: (typeof OFFICER_ACTIONS)[K] extends { route: CaseActionRoute } ? K : never;
}[OfficerActionName];

/** The names of the actions with a route on an existing case, in the table's order. */
export const CASE_ROUTE_ACTION_NAMES = OFFICER_ACTION_NAMES.filter(
  (name): name is CaseRouteActionName => 'route' in OFFICER_ACTIONS[name],
);

/** The OpenAPI path of an action on an existing case, e.g. `/v1/cases/{caseId}/acceptance`. */
export const caseActionPath = (name: CaseRouteActionName): string =>
  `/v1/cases/{caseId}/${OFFICER_ACTIONS[name].route.path}`;
