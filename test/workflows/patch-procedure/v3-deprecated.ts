/** v3 (see fee-notice.ts): the old branch gone, the marker kept (deprecated) for the runs recorded under v2. */
import { deprecatePatch } from '@temporalio/workflow';
import { nextYearOncePaid, noticeOfRoundedFee, PATCH_ID } from './fee-notice';

export async function feeNoticeWorkflow(feeYuan: number): Promise<never> {
  deprecatePatch(PATCH_ID);
  await noticeOfRoundedFee(feeYuan);
  return nextYearOncePaid(feeYuan);
}
