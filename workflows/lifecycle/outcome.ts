import type { Payment } from '../definitions/case';
import type { PolicyConfig } from '../definitions/policy';
import type { Notice } from '../definitions/records';
import type { CaseCalendar } from '../definitions/work-calendar';

/** What applying an action or a timer event asks the workflow to do besides changing the state. */
export interface Outcome {
  /** Name of the action or event, for the audit trail. */
  action: string;
  details: Record<string, unknown>;
  notices: Array<Omit<Notice, 'caseId' | 'issuedAt' | 'key'>>;
  instruct: Payment[];
}

export const outcome = (
  action: string,
  details: Record<string, unknown> = {},
  extra: Partial<Pick<Outcome, 'notices' | 'instruct'>> = {},
): Outcome => ({
  action,
  details,
  notices: extra.notices ?? [],
  instruct: extra.instruct ?? [],
});

/** Everything a pure action or event needs to know besides the state. */
export interface Context {
  /** The policy date now (ISO). */
  now: string;
  policy: PolicyConfig;
  /** R-CAL-3: the case's working-day calendar: deadlines move off rest days, notices go out at 09:00 on workdays. */
  calendar: CaseCalendar;
}
