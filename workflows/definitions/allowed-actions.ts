import type { Actor, CaseSnapshot } from './case';
import { OFFICER_ACTION_NAMES, OFFICER_ACTIONS, type OfficerActionName } from './officer-actions';

/** The refund demand refunds can still be paid against or written off: ordered, neither settled nor written off. */
export function openRefundDemand(state: Pick<CaseSnapshot, 'refundDemand'>) {
  const demand = state.refundDemand;
  return demand && (demand.status === 'open' || demand.status === 'escalated') ? demand : undefined;
}

/**
 * What the case itself must hold for an action to make sense now, beyond its stage and the caller's role: the
 * preconditions its validator refuses first, before it looks at the request's body. Keyed by the table of officer
 * actions, so a new action without its entry does not compile.
 */
const READY: { [K in OfficerActionName]: (state: CaseSnapshot, actor: Actor) => boolean } = {
  submitApplication: () => true,
  acceptance: () => true,
  formPanel: (s) => !s.reviewSummary, // §5.1: a closed review keeps its panel
  // §5.1: an expert on the panel, once.
  submitReview: (s, actor) =>
    !!s.panel?.expertIds.includes(actor.id) && !s.panel.reviews.some((r) => r.expertId === actor.id),
  departmentOpinion: () => true, // R-REV-3: any number of departments, any time before the decision
  designation: (s) => !!s.reviewSummary, // §5.1: on the panel's findings
  incubationBase: (s) => !s.payments.some((p) => p.kind === 'incubation_grant'), // R-SUB-3: at most once
  confirmPayment: (s) => s.payments.some((p) => p.status === 'instructed'), // §5.2: each payment once
  // R-RPT-5: a revoked park files only the reports of the years before its revocation year still due.
  annualReport: (s) => s.stage !== 'revoked' || s.deadlines.some((d) => d.kind === 'annual_report'),
  evaluation: () => true,
  refundPayment: (s) => !!openRefundDemand(s), // R-REF-1
  refundWriteOff: (s) => openRefundDemand(s)?.status === 'escalated', // R-PAY-1: only after escalation
  attachDocument: (s, actor) => actor.role !== 'finance' || s.stage === 'revoked', // R-DOC-1: finance, bank slips only
};

/**
 * The officer actions `actor` may take on the case now (api-contract `allowedActions`): its stage and the caller's
 * role as the one table of officer actions declares them, and what the case must hold for each. A listed action can
 * still be refused for its body (e.g. R-SUB-1's range); an unlisted one is refused whatever the body.
 */
export function allowedActions(state: CaseSnapshot, actor: Actor): OfficerActionName[] {
  return OFFICER_ACTION_NAMES.filter((name) => {
    const { stages, roles } = OFFICER_ACTIONS[name];
    return (
      (stages as readonly string[]).includes(state.stage) &&
      (roles as readonly string[]).includes(actor.role) &&
      READY[name](state, actor)
    );
  });
}
