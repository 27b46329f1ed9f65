import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { OFFICER_ACTIONS, type CaseRouteActionName } from '../../workflows/definitions/officer-actions';
import { Roles } from '../auth/auth.decorators';
import { CaseView } from '../cases/case-view';
import { ApiActionErrors } from '../common/openapi';
import { ActionPendingView } from '../action-outcomes/action-pending.view';

/**
 * The route of an officer action on a case, as OFFICER_ACTIONS declares it: `POST` at its path under the
 * controller's `v1/cases/:caseId`, callable by its roles only (others 403), documented with its summary. Every
 * officer action answers 200 with the case as it stands after the action (202 while its effects complete).
 */
export const OfficerActionRoute = (name: CaseRouteActionName): MethodDecorator => {
  const { route, roles } = OFFICER_ACTIONS[name];
  return applyDecorators(
    Post(route.path.replace(/\{(\w+)\}/g, ':$1')), // OpenAPI's `{paymentId}` is Nest's `:paymentId`
    Roles(...roles),
    HttpCode(200),
    ApiOperation({ summary: route.summary }),
    ApiOkResponse({ type: CaseView, description: 'the case after the action' }),
    ApiAcceptedResponse({
      type: ActionPendingView,
      description:
        'no outcome within UPDATE_WAIT_MS: the action was sent (its outcome not known yet — it may still be ' +
        'applied or refused) or accepted with effects still completing (a treasury hand-over); ' +
        'GET /v1/cases/{caseId}/actions/{updateId} gives the outcome',
    }),
    ApiActionErrors(),
  );
};
