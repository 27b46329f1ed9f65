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
  /**
   * The rules of issue 9 (R-CAL-1/2, R-RPT-5/6, R-EVL-2, R-PAY-1, R-APP-4/5 flags, R-APP-8) apply: true in every
   * run started since the patch 'civil-calendar-rules'; false only while a run started before it replays.
   */
  civil: boolean;
  /**
   * R-CAL-3: the case's working-day calendar; every deadline moves off rest days and notices go out at 09:00 on
   * working days. Absent in runs started before the patch 'statutory-holidays' (they keep their deadlines).
   */
  calendar?: CaseCalendar;
}
