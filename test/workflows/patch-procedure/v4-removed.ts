/** v4 (see fee-notice.ts): no trace of the patch; the change is plain behaviour. */
import { nextYearOncePaid, noticeOfRoundedFee } from './fee-notice';

export async function feeNoticeWorkflow(feeYuan: number): Promise<never> {
  await noticeOfRoundedFee(feeYuan);
  return nextYearOncePaid(feeYuan);
}
