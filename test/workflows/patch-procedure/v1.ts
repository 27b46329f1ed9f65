/** v1 of the made-up fee notice (see fee-notice.ts): the release before the change. */
import { nextYearOncePaid, noticeOfFeeAsFiled } from './fee-notice';

export async function feeNoticeWorkflow(feeYuan: number): Promise<never> {
  await noticeOfFeeAsFiled(feeYuan);
  return nextYearOncePaid(feeYuan);
}
