import type { CaseSnapshot, Panel, ReviewSummary } from '../definitions/case';
import { invalidInput } from '../definitions/failures';
import type { PanelRequest, ReviewRequest } from '../definitions/messages';
import type { PolicyConfig } from '../definitions/policy';
import { assertStage } from '../case-stages';
import { daysAfter } from './calendar';
import { outcome, type Context, type Outcome } from './outcome';

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
  if (state.reviewSummary)
    throw invalidInput('expertIds', 'the review has closed; the panel can no longer change', '§5.1');
  const distinct = new Set(expertIds);
  if (distinct.size !== expertIds.length) throw invalidInput('expertIds', 'experts must be distinct', '§5.1');
  if (expertIds.length < policy.panelMinExperts || expertIds.length > policy.panelMaxExperts) {
    throw invalidInput(
      'expertIds',
      `a panel has ${policy.panelMinExperts}–${policy.panelMaxExperts} experts, not ${expertIds.length}`,
      '§5.1',
    );
  }
  const reviewed = state.panel?.reviews.map((r) => r.expertId) ?? [];
  const dropped = reviewed.filter((id) => !distinct.has(id));
  if (dropped.length > 0)
    throw invalidInput('expertIds', `experts who have reviewed stay on the panel: ${dropped.join(', ')}`, '§5.1');
}

/** §5.1: forms the panel (→ under_review, a review window opens) or replaces experts who have not reviewed. */
export function applyPanel(state: CaseSnapshot, { expertIds }: PanelRequest, ctx: Context): Outcome {
  state.updatedAt = ctx.now;
  if (!state.panel) {
    state.panel = {
      expertIds,
      formedAt: ctx.now,
      reviewDueAt: daysAfter(ctx, ctx.now, ctx.policy.reviewWindowDays),
      reviews: [],
      replaced: [],
    };
    state.stage = 'under_review';
    return outcome('panel_formed', { expertIds, reviewDueAt: state.panel.reviewDueAt });
  }
  const previous = state.panel.expertIds;
  const removed = previous.filter((id) => !expertIds.includes(id));
  const added = expertIds.filter((id) => !previous.includes(id));
  state.panel.replaced.push(...removed.map((expertId) => ({ expertId, at: ctx.now })));
  state.panel.expertIds = expertIds;
  // Newly appointed experts get a full review window of their own.
  if (added.length > 0) state.panel.reviewDueAt = daysAfter(ctx, ctx.now, ctx.policy.reviewWindowDays);
  closeReviewIfComplete(state, ctx);
  return outcome('panel_reformed', { expertIds, replaced: removed, added, reviewDueAt: state.panel.reviewDueAt });
}

export function validateReview(state: CaseSnapshot, request: ReviewRequest): void {
  assertStage('submitReview', state);
  const panel = state.panel!;
  if (!panel.expertIds.includes(request.actor.id))
    throw invalidInput('actor', `expert ${request.actor.id} is not on this case's panel`, '§5.1');
  if (panel.reviews.some((r) => r.expertId === request.actor.id))
    throw invalidInput('actor', 'each expert reviews once; this expert already has', '§5.1');
  for (const field of ['necessity', 'feasibility'] as const) {
    const score = request[field];
    if (!Number.isInteger(score) || score < 0 || score > 100)
      throw invalidInput(field, 'must be an integer from 0 to 100', '§5.1');
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
