import type { CaseSnapshot } from '../definitions/case';
import type { NoticeRecipient } from '../definitions/records';
import { deadlineText as shown } from '../definitions/civil-date';
import { addPolicyDays } from '../policy-time';
import { dueAtOf } from './calendar';
import type { NoticeDraft, ScheduleContext, Series } from './schedule';
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
          {
            kind: 'evaluation_due',
            recipient: municipal,
            dueAt: due,
            clause: '§5.3 R-EVL-1 R-EVL-2',
            message: `the periodic evaluation of ${state.parkName} is due (${shown(due)})`,
          },
        ],
      },
    ];
  }
  if (state.stage === 'rectifying' && state.rectifyBy) {
    const due = state.rectifyBy;
    return [
      {
        key: `rectification:${due}`,
        at: weekly(due),
        notices: () => [
          {
            kind: 're_evaluation_due',
            recipient: municipal,
            dueAt: due,
            clause: '§5.3 R-EVL-1',
            message: `the rectification deadline of ${state.parkName} (${shown(due)}) has passed: re-evaluate the park`,
          },
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
  const outstanding = () => demand.amount - demand.paidAmount;
  const escalate = (s: CaseSnapshot) => {
    s.refundDemand!.status = 'escalated';
  };
  const overdueNotices = (index: number): NoticeDraft[] => [
    ...(index === 0
      ? [
          {
            ...about,
            kind: 'refund_escalated' as const,
            recipient: { role: 'municipal' as const },
            message:
              `the refund demand on ${state.parkName} is unpaid ` +
              `past ${shown(due)}: ${outstanding()} CNY outstanding`,
          },
        ]
      : []),
    {
      ...about,
      kind: 'refund_reminder' as const,
      recipient: district,
      message: `${outstanding()} CNY of the subsidy of ${state.parkName} is overdue since ${shown(due)}`,
    },
  ];
  // Runs before R-CAL-3: escalated with the weekly notices. From it, escalated at the deadline itself, and notified
  // at 09:00 of working days.
  const weekly = everyDaysFrom(ctx, due, ctx.policy.overdueRepeatDays);
  const escalationWithNotices: Series = {
    key: 'refund:escalation',
    at: weekly,
    mutate: escalate,
    notices: overdueNotices,
  };
  const escalationAtTheDeadline: Series[] = [
    { key: 'refund:escalation', at: once(due), mutate: escalate, notices: () => [] },
    { key: 'refund:overdue', at: weekly, notices: overdueNotices },
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
      notices: () => [
        {
          ...about,
          kind: 'refund_reminder',
          recipient: district,
          message: `${outstanding()} CNY of the subsidy of ${state.parkName} ` + `must be refunded by ${shown(due)}`,
        },
      ],
    },
    ...(ctx.calendar ? escalationAtTheDeadline : [escalationWithNotices]),
  ];
}
