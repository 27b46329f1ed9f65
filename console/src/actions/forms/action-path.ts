import {
  caseActionPath,
  type CaseRouteActionName,
  type OFFICER_ACTIONS,
} from '../../../../workflows/definitions/officer-actions';
import type { PostPath } from '../send-action';

/**
 * The POST path of an action on a case as a literal type, from the table's own `route.path`: one of the API's POST
 * paths (the API registers its routes from the same table), so its body type is the API's DTO.
 */
export type ActionPathOf<Name extends CaseRouteActionName> = Extract<
  (typeof OFFICER_ACTIONS)[Name] extends { route: { path: infer Route extends string } }
    ? `/v1/cases/{caseId}/${Route}`
    : never,
  PostPath
>;

/** The POST path of an action, built from the one table of officer actions (never retyped here). */
export const actionPath = <Name extends CaseRouteActionName>(name: Name): ActionPathOf<Name> =>
  caseActionPath(name) as ActionPathOf<Name>;
