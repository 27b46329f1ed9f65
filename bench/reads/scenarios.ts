/**
 * The reads the bench measures: every filter `api-contract.md` documents for `GET /v1/cases`, `GET /v1/deadlines`
 * and `GET /v1/notifications`, each as the roles whose scope changes the query (the municipal bureau sees all, a
 * district officer one district, an expert the panels they sit on).
 */
import type { OfficerRole } from '../../workflows/definitions/case';
import { addDays, civilDateOf } from '../../workflows/definitions/civil-date';
import { BUSY_DISTRICT, PANEL_EXPERT, QUIET_DISTRICT } from './seed-plan';

/** Who calls: a role, with the district of a district officer and the subject of an expert. */
export interface Caller {
  role: OfficerRole;
  district?: string;
  sub?: string;
}

export interface Scenario {
  /** The request; `{caseId}` is replaced by a designated case of the busy district that has notices. */
  path: string;
  as: Caller;
  /** Measure this page of the list: the bench follows `nextCursor` from the first page (default 1). */
  page?: number;
}

const municipal: Caller = { role: 'municipal' };
const busyOfficer: Caller = { role: 'district', district: BUSY_DISTRICT };
const quietOfficer: Caller = { role: 'district', district: QUIET_DISTRICT };
const expert: Caller = { role: 'expert', sub: PANEL_EXPERT };

/** The scenarios, in the order the bench runs and prints them. */
export function scenarios(now = new Date()): Scenario[] {
  const today = civilDateOf(now.getTime());
  const inAMonth = addDays(today, 30);
  return [
    // GET /v1/cases: newest opened first
    { path: '/v1/cases', as: municipal },
    { path: '/v1/cases', as: municipal, page: 2 },
    { path: '/v1/cases', as: municipal, page: 40 },
    { path: '/v1/cases?stage=designated', as: municipal },
    { path: '/v1/cases?stage=under_review', as: municipal },
    { path: '/v1/cases?stage=rectifying', as: municipal, page: 2 },
    { path: `/v1/cases?district=${BUSY_DISTRICT}`, as: municipal },
    { path: '/v1/cases?overdue=true', as: municipal },
    { path: '/v1/cases?overdue=false', as: municipal },
    { path: '/v1/cases?overdue=true', as: municipal, page: 2 },
    { path: '/v1/cases?limit=200', as: municipal },
    { path: '/v1/cases', as: busyOfficer },
    { path: '/v1/cases?overdue=true', as: busyOfficer },
    { path: '/v1/cases?stage=designated', as: busyOfficer, page: 3 },
    { path: '/v1/cases?stage=designated', as: quietOfficer },
    { path: '/v1/cases', as: expert },
    // GET /v1/deadlines: earliest due first
    { path: '/v1/deadlines', as: municipal },
    { path: '/v1/deadlines', as: municipal, page: 5 },
    { path: '/v1/deadlines?overdue=true', as: municipal },
    { path: '/v1/deadlines?overdue=false', as: municipal },
    { path: '/v1/deadlines?kind=annual_report', as: municipal },
    { path: '/v1/deadlines?kind=rectification', as: municipal },
    { path: `/v1/deadlines?from=${today}&to=${inAMonth}`, as: municipal },
    { path: `/v1/deadlines?district=${BUSY_DISTRICT}&overdue=false`, as: municipal },
    { path: '/v1/deadlines', as: busyOfficer },
    { path: '/v1/deadlines?overdue=true', as: busyOfficer },
    { path: '/v1/deadlines?kind=evaluation', as: quietOfficer },
    { path: '/v1/deadlines', as: expert },
    // GET /v1/notifications: the caller's inbox, newest first
    { path: '/v1/notifications', as: municipal },
    { path: '/v1/notifications', as: municipal, page: 20 },
    { path: '/v1/notifications?unread=true', as: municipal },
    { path: '/v1/notifications?kind=refund_escalated', as: municipal },
    { path: '/v1/notifications?caseId={caseId}', as: municipal },
    { path: '/v1/notifications', as: busyOfficer },
    { path: '/v1/notifications?unread=true', as: busyOfficer },
    { path: '/v1/notifications?kind=annual_report_overdue', as: busyOfficer, page: 2 },
    { path: '/v1/notifications', as: quietOfficer },
  ];
}

/** `municipal`, `district 500112`, `expert expert-007`. */
export const callerName = (caller: Caller): string =>
  caller.role === 'district'
    ? `district ${caller.district}`
    : caller.sub
      ? `${caller.role} ${caller.sub}`
      : caller.role;

/** The scenario's request and page, for tables: `GET /v1/cases?stage=designated p2`. */
export const scenarioName = (scenario: Scenario): string =>
  `${scenario.path}${scenario.page && scenario.page > 1 ? ` (page ${scenario.page})` : ''}`;
