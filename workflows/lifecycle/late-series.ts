import type { CaseSnapshot } from '../definitions/case';
import type { NoticeRecipient } from '../definitions/records';
import { addPolicyDays } from '../definitions/policy-time';
import { dueAtOf } from './calendar';
import { noticeOf, type NoticeDraft } from './notice-drafts';
import type { ScheduleContext, Series } from './schedule';
import { before, everyDaysFrom, once } from './series-timing';

/* The series of a designated park's later life: evaluations due, rectification passed, refund demands (§5.3). */

export function evaluationSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  const municipal: NoticeRecipient = { role: 'municipal' };
  const weekly = (due: string) => everyDaysFrom(ctx, due, ctx.policy.overdueRepeatDays);
  if (state.stage === 'designated' && state.nextEvaluationDue) {
    const due = dueAtOf(ctx, state.nextEvaluationDue);
    return [
      {
        key: `evaluation:${state.nextEvaluationDue}`,
        at: weekly(due),
        notices: () => [
          noticeOf(state, 'evaluation_due', { recipient: municipal, dueAt: due, clause: '§5.3 R-EVL-1 R-EVL-2' }),
        ],
      },
    ];
  }
  if (state.stage === 'rectifying' && state.rectifyBy) {
    // R-CAL-3: the officer's day, as a newer arrangement may have moved it (the key keeps the day the order named).
    const due = dueAtOf(ctx, state.rectifyBy);
    return [
      {
        key: `rectification:${state.rectifyBy}`,
        at: weekly(due),
        notices: () => [
          noticeOf(state, 're_evaluation_due', { recipient: municipal, dueAt: due, clause: '§5.3 R-EVL-1' }),
        ],
      },
    ];
  }
  return [];
}

export function refundSeries(state: CaseSnapshot, ctx: ScheduleContext): Series[] {
  const demand = state.refundDemand;
  if (state.stage !== 'revoked' || !demand || (demand.status !== 'open' && demand.status !== 'escalated')) return [];
  const district: NoticeRecipient = { role: 'district', district: state.district };
  const due = dueAtOf(ctx, demand.dueAt);
  const about = { dueAt: due, clause: '§5.3 R-REF-1' };
  const outstanding = () => ({ amount: demand.amount - demand.paidAmount });
  const escalate = (s: CaseSnapshot) => {
    s.refundDemand!.status = 'escalated';
  };
  const overdueNotices = (index: number): NoticeDraft[] => [
    ...(index === 0
      ? [noticeOf(state, 'refund_escalated', { ...about, recipient: { role: 'municipal' } }, outstanding())]
      : []),
    noticeOf(
      state,
      'refund_reminder',
      { ...about, recipient: district },
      outstanding(),
      'notices.inboxAfterDeadline.refund_reminder',
    ),
  ];
  return [
    {
      key: 'refund:reminder',
      at: before(
        ctx,
        due,
        ctx.policy.refundReminderDaysBefore,
        addPolicyDays(demand.dueAt, -ctx.policy.refundWindowDays),
      ),
      notices: () => [noticeOf(state, 'refund_reminder', { ...about, recipient: district }, outstanding())],
    },
    // Escalated at the deadline itself; the weekly notices go out at 09:00 of working days.
    { key: 'refund:escalation', at: once(due), mutate: escalate, notices: () => [] },
    { key: 'refund:overdue', at: everyDaysFrom(ctx, due, ctx.policy.overdueRepeatDays), notices: overdueNotices },
  ];
}
