/**
 * A made-up workflow on which test/workflows/patch-procedure.test.ts proves docs/workflow-changes.md once: a yearly fee
 * notice, a wait for the payment, then the next year's run (continue-as-new, as parkflow's cases do at each reporting
 * year). `v1.ts` … `v4-removed.ts` are four releases of this one workflow type. The made-up change between them: the
 * notice states the fee rounded to whole yuan and records it in the run's memo first — a new command, so a run that
 * passed this point under the old code no longer replays once the old branch is gone.
 */
import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, upsertMemo } from '@temporalio/workflow';

/** The patch id of the made-up change (what `TemporalChangeVersion` lists once a run took it). */
export const PATCH_ID = 'fee-notice-rounded';
export const FEE_NOTICE_WORKFLOW = 'feeNoticeWorkflow';
/** The payment of this year's fee arrived. */
export const paidSignal = defineSignal('paid');

/** How the notice goes out (a no-op in the test's workers). */
export interface FeeNoticeActivities {
  sendNotice(text: string): Promise<void>;
}

const { sendNotice } = proxyActivities<FeeNoticeActivities>({ startToCloseTimeout: '1 minute' });

/** The behaviour before the change: the fee as filed. */
export const noticeOfFeeAsFiled = (feeYuan: number): Promise<void> => sendNotice(`fee due: ${feeYuan} yuan`);

/** The behaviour after the change: the fee rounded to whole yuan, recorded in the memo before the notice. */
export async function noticeOfRoundedFee(feeYuan: number): Promise<void> {
  const rounded = Math.round(feeYuan);
  upsertMemo({ roundedFeeYuan: rounded });
  await sendNotice(`fee due: ${rounded} yuan`);
}

/** Waits for this year's payment, then continues as new for the next year (a fresh run and history). */
export async function nextYearOncePaid(feeYuan: number): Promise<never> {
  let paid = false;
  setHandler(paidSignal, () => void (paid = true));
  await condition(() => paid);
  return continueAsNew(feeYuan);
}
