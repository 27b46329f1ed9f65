import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { CaseActionsController } from '../../api/actions/case-actions.controller';
import type { CaseActionsService } from '../../api/actions/case-actions.service';
import { ApplicationsController } from '../../api/applications/applications.controller';
import { ResubmissionController } from '../../api/applications/resubmission.controller';
import { CaseDocumentsController } from '../../api/documents/case-documents.controller';
import { ALLOWED_ROLES } from '../../api/auth/auth.decorators';
import {
  CASE_ROUTE_ACTION_NAMES,
  OFFICER_ACTION_NAMES,
  OFFICER_ACTIONS,
  caseActionPath,
  defineOfficerActions,
  type CaseRouteActionName,
  type OfficerActionName,
  type OfficerActionSpec,
} from '../../workflows/definitions/officer-actions';
import { OFFICER_UPDATES } from '../../workflows/lifecycle/actions';

/**
 * issue 11 item 6: an officer action is declared once, in OFFICER_ACTIONS. What the compiler cannot see — that
 * the API serves each declared route once, with the declared roles, sending the declared Update — is checked
 * here from Nest's route metadata.
 */
const OFFICER_CONTROLLERS = [
  ApplicationsController,
  ResubmissionController,
  CaseActionsController,
  CaseDocumentsController,
];

interface Route {
  path: string;
  roles: readonly string[];
}

/** The POST routes of a controller by method name: OpenAPI path (`{caseId}`, not `:caseId`) and admitted roles. */
function postRoutes(controller: (typeof OFFICER_CONTROLLERS)[number]): Array<Route & { method: string }> {
  const prototype = controller.prototype as unknown as Record<string, object>;
  return Object.getOwnPropertyNames(prototype).flatMap((method) => {
    const handler = prototype[method];
    if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) return [];
    const segments = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)];
    const path = `/${segments.join('/').split('/').filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
    return [{ method, path, roles: Reflect.getMetadata(ALLOWED_ROLES, handler) as string[] }];
  });
}

/** The endpoints an action is filed at: its route on a case, the upload's, or the filing's own endpoints. */
function declaredPaths(name: OfficerActionName): string[] {
  const action: OfficerActionSpec<string> = OFFICER_ACTIONS[name];
  if ('route' in action) return [caseActionPath(name as CaseRouteActionName)];
  if ('upload' in action) return [`/v1/cases/{caseId}/${action.upload.path}`];
  return Object.values(action.filing);
}

const byPath = (a: Route, b: Route): number => a.path.localeCompare(b.path);

describe('officer actions are declared once (issue 11 item 6)', () => {
  it(
    'each declared endpoint is one POST route ' +
      'admitting exactly the action’s roles; ' +
      'the controllers have no other',
    () => {
      const declared = OFFICER_ACTION_NAMES.flatMap((name) =>
        declaredPaths(name).map((path) => ({ path, roles: OFFICER_ACTIONS[name].roles })),
      );
      const served = OFFICER_CONTROLLERS.flatMap(postRoutes).map(({ path, roles }) => ({ path, roles }));
      expect(served.sort(byPath)).toEqual(declared.sort(byPath));
      expect(declared).toHaveLength(OFFICER_ACTION_NAMES.length + 1); // the filing has two endpoints
    },
  );

  it('the route of each action on a case sends that action’s Update', async () => {
    const sent = { act: async (_actor: unknown, _caseId: unknown, update: { name: string }) => update.name };
    const controller = new CaseActionsController(sent as unknown as CaseActionsService);
    const routes = postRoutes(CaseActionsController);
    for (const name of CASE_ROUTE_ACTION_NAMES) {
      const { method } = routes.find((route) => route.path === caseActionPath(name))!;
      const handler = (controller as unknown as Record<string, (...args: unknown[]) => Promise<string>>)[method];
      // (actor, caseId, body) — or (actor, caseId, paymentId, body): every argument an empty object does for both.
      await expect(handler.call(controller, {}, {}, {}, {})).resolves.toBe(name);
    }
  });

  it('the workflow registers a handler for every action, in the table’s order', () => {
    expect(OFFICER_UPDATES.map((action) => action.update.name)).toEqual(OFFICER_ACTION_NAMES);
  });

  it('a key that is not its Update’s name, an unknown stage or an unknown role does not compile', () => {
    const { acceptance } = OFFICER_ACTIONS;
    const drifted = [
      // @ts-expect-error the key is the Update's name ('acceptance')
      defineOfficerActions({ accept: acceptance }),
      // @ts-expect-error 'reviewing' is no stage
      defineOfficerActions({ acceptance: { ...acceptance, stages: ['reviewing'] } }),
      // @ts-expect-error 'mayor' is no officer role
      defineOfficerActions({ acceptance: { ...acceptance, roles: ['mayor'] } }),
    ];
    expect(drifted).toHaveLength(3);
  });
});
