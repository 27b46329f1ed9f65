import type { CaseSnapshot, DepartmentOpinion } from '../definitions/case';
import type { DepartmentOpinionRequest, DesignationRequest } from '../definitions/messages';
import { assertStage } from '../case-stages';
import { civilDateOf, isCivilDate } from '../definitions/civil-date';
import { outcome, type Context, type Outcome } from './outcome';
import { refuse } from './refusals';

/**
 * R-REV-3 (§5.1 会同相关部门和专家): the municipal bureau assesses the application together with the relevant
 * departments and records each one's opinion beside the experts' reviews. Opinions never block designation
 * (**default**), but an objection must be answered in the designation's reason.
 */

export function validateDepartmentOpinion(state: CaseSnapshot, request: DepartmentOpinionRequest, ctx: Context): void {
  assertStage('departmentOpinion', state);
  if (!request.department?.trim()) throw refuse('department', 'R-REV-3', 'rules.refusals.departmentRequired');
  if (!request.opinion?.trim()) throw refuse('opinion', 'R-REV-3', 'rules.refusals.opinionRequired');
  // R-CAL-1: a Chongqing day; an opinion cannot be dated after the policy date today.
  const today = civilDateOf(ctx.now);
  if (!isCivilDate(request.date) || request.date > today) {
    throw refuse('date', 'R-REV-3', 'rules.refusals.opinionDateAfterToday', { today });
  }
}

/** R-REV-3: records the opinion, in the order the bureau records them. */
export function applyDepartmentOpinion(state: CaseSnapshot, request: DepartmentOpinionRequest, ctx: Context): Outcome {
  const opinion: DepartmentOpinion = {
    department: request.department.trim(),
    position: request.position,
    opinion: request.opinion,
    date: request.date,
    recordedAt: ctx.now,
    recordedBy: request.actor.id,
  };
  state.departmentOpinions = [...(state.departmentOpinions ?? []), opinion];
  state.updatedAt = ctx.now;
  const { department, position, date } = opinion;
  return outcome('department_opinion_recorded', { department, position, date });
}

/** The departments whose recorded opinion objects to the park, each once, in the order recorded. */
export const objectingDepartments = (state: Pick<CaseSnapshot, 'departmentOpinions'>): string[] => [
  ...new Set((state.departmentOpinions ?? []).filter((o) => o.position === 'object').map((o) => o.department)),
];

/**
 * R-REV-3 default: a park designated over a department's objection carries a reason that answers it — one that names
 * every objecting department. A rejection needs no answer to an objection (its reason is required anyway, §5.1).
 */
export function assertObjectionsAnswered(state: CaseSnapshot, request: DesignationRequest): void {
  if (request.decision !== 'designate') return;
  const reason = request.reason ?? '';
  const unanswered = objectingDepartments(state).filter((department) => !reason.includes(department));
  if (unanswered.length > 0) {
    throw refuse('reason', 'R-REV-3', 'rules.refusals.objectionUnanswered', { departments: unanswered });
  }
}
