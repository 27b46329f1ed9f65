import type { Schema } from '../../api/client';

/** R-REF-1: what the revocation's refund demand still asks for: its amount less what has been refunded. */
export const outstandingRefund = (view: Schema<'CaseView'>): number =>
  view.refundDemand ? view.refundDemand.amount - view.refundDemand.paidAmount : 0;
