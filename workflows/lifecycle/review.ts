import type { CaseSnapshot, Panel, ReviewSummary } from '../definitions/case';
import type { PanelRequest, ReviewRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { deadlineDaysAfter } from '../definitions/civil-date';
import { dueAtOf } from './calendar';
import { noticeOf, type NoticeDraft } from './notice-drafts';
import { outcome, type Context, type Outcome } from './outcome';
import { refuse } from './refusals';

const mean = (values: number[]): number => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** The review closes when every current panel member has submitted (§5.1 default). */
export function isReviewComplete(panel: Panel | null): boolean {
  return !!panel && panel.expertIds.every((id) => panel.reviews.some((review) => review.expertId === id));
}

export function summarizeReviews(panel: Panel, closedAt: string): ReviewSummary {
  const reviews = panel.reviews.filter((review) => panel.expertIds.includes(review.expertId));
  return {
    closedAt,
    meanNecessity: mean(reviews.map((r) => r.necessity)),
    meanFeasibility: mean(reviews.map((r) => r.feasibility)),
    recommendFor: reviews.filter((r) => r.recommend).length,
    recommendAgainst: reviews.filter((r) => !r.recommend).length,
  };
}

export function validatePanel(state: CaseSnapshot, { expertIds }: PanelRequest, policy: PolicyConfig): void {
  assertStage('formPanel', state);
  if (state.reviewSummary) throw refuse('expertIds', '§5.1', 'rules.refusals.panelClosed');
  const distinct = new Set(expertIds);
  if (distinct.size !== expertIds.length) throw refuse('expertIds', '§5.1', 'rules.refusals.expertsNotDistinct');
  if (expertIds.length < policy.panelMinExperts || expertIds.length > policy.panelMaxExperts) {
    const size = { min: policy.panelMinExperts, max: policy.panelMaxExperts, count: expertIds.length };
    throw refuse('expertIds', '§5.1', 'rules.refusals.panelSize', size);
  }
  const reviewed = state.panel?.reviews.map((r) => r.expertId) ?? [];
  const dropped = reviewed.filter((id) => !distinct.has(id));
  if (dropped.length > 0) throw refuse('expertIds', '§5.1', 'rules.refusals.reviewedExpertsStay', { experts: dropped });
}

/** §5.1: forms the panel (→ under_review, a review window opens) or replaces experts who have not reviewed. */
export function applyPanel(state: CaseSnapshot, { expertIds }: PanelRequest, ctx: Context): Outcome {
  state.updatedAt = ctx.now;
  if (!state.panel) {
    state.panel = {
      expertIds,
      formedAt: ctx.now,
      reviewDueAt: deadlineDaysAfter(ctx.now, ctx.policy.reviewWindowDays),
      reviews: [],
      replaced: [],
    };
    state.stage = 'under_review';
    const details = { expertIds, reviewDueAt: state.panel.reviewDueAt };
    return outcome('panel_formed', details, { notices: invitations(state, expertIds, ctx) });
  }
  const previous = state.panel.expertIds;
  const removed = previous.filter((id) => !expertIds.includes(id));
  const added = expertIds.filter((id) => !previous.includes(id));
  state.panel.replaced.push(...removed.map((expertId) => ({ expertId, at: ctx.now })));
  state.panel.expertIds = expertIds;
  // Newly appointed experts get a full review window of their own.
  if (added.length > 0) state.panel.reviewDueAt = deadlineDaysAfter(ctx.now, ctx.policy.reviewWindowDays);
  closeReviewIfComplete(state, ctx);
  const details = { expertIds, replaced: removed, added, reviewDueAt: state.panel.reviewDueAt };
  return outcome('panel_reformed', details, { notices: invitations(state, added, ctx) });
}

/** Issue 20: each expert a panel newly names is invited, with the review's deadline (moved off rest days, R-CAL-3). */
function invitations(state: CaseSnapshot, expertIds: string[], ctx: Context): NoticeDraft[] {
  const dueAt = dueAtOf(ctx, state.panel!.reviewDueAt);
  return expertIds.map((expertId) =>
    noticeOf(state, 'panel_invitation', { recipient: { role: 'expert', expertId }, dueAt, clause: '§5.1' }),
  );
}

export function validateReview(state: CaseSnapshot, request: ReviewRequest): void {
  assertStage('submitReview', state);
  const panel = state.panel!;
  if (!panel.expertIds.includes(request.actor.id))
    throw refuse('actor', '§5.1', 'rules.refusals.notOnPanel', { expertId: request.actor.id });
  if (panel.reviews.some((r) => r.expertId === request.actor.id))
    throw refuse('actor', '§5.1', 'rules.refusals.alreadyReviewed');
  for (const field of ['necessity', 'feasibility'] as const) {
    const score = request[field];
    if (!Number.isInteger(score) || score < 0 || score > 100)
      throw refuse(field, '§5.1', 'rules.refusals.scoreOutOfRange');
  }
}

/** §5.1: one expert's opinion; the last one closes the review with a summary. */
export function applyReview(state: CaseSnapshot, request: ReviewRequest, ctx: Context): Outcome {
  const { necessity, feasibility, recommend, comments } = request;
  state.panel!.reviews.push({
    expertId: request.actor.id,
    necessity,
    feasibility,
    recommend,
    ...(comments ? { comments } : {}),
    submittedAt: ctx.now,
  });
  state.updatedAt = ctx.now;
  closeReviewIfComplete(state, ctx);
  return outcome('review_submitted', {
    expertId: request.actor.id,
    necessity,
    feasibility,
    recommend,
    reviewClosed: !!state.reviewSummary,
  });
}

function closeReviewIfComplete(state: CaseSnapshot, ctx: Context): void {
  if (isReviewComplete(state.panel)) state.reviewSummary = summarizeReviews(state.panel!, ctx.now);
}
