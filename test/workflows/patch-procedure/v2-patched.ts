/** v2 (see fee-notice.ts): the change behind `patched()`; a run that passed this point under v1 keeps the old code. */
import { patched } from '@temporalio/workflow';
import { nextYearOncePaid, noticeOfFeeAsFiled, noticeOfRoundedFee, PATCH_ID } from './fee-notice';

export async function feeNoticeWorkflow(feeYuan: number): Promise<never> {
  if (patched(PATCH_ID)) await noticeOfRoundedFee(feeYuan);
  else await noticeOfFeeAsFiled(feeYuan);
  return nextYearOncePaid(feeYuan);
}
