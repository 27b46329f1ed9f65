import type { OpenAPIObject } from '@nestjs/swagger';
import type { Request } from 'express';
import { patternOf } from '../common/method-not-allowed';
import { UNMATCHED_ROUTE } from './series';

/** A documented path as a route template (`/v1/cases/:caseId`) and the pattern of the paths it matches. */
export interface DocumentedRoute {
  template: string;
  pattern: RegExp;
}

/** The OpenAPI document's paths, in Express's template syntax (`{caseId}` → `:caseId`, as the routes declare them). */
export function documentedRoutes(document: OpenAPIObject): DocumentedRoute[] {
  return Object.keys(document.paths).map((path) => ({
    template: path.replace(/\{([^}]+)\}/g, ':$1'),
    pattern: patternOf(path),
  }));
}

/**
 * The route template of an answered request, never its raw path (ids would make a series per case): the route that
 * handled it; else the mount path of the middleware that answered (`/docs/*`: Swagger UI's files); else, for a request
 * answered before routing (405 on a documented path, 413, malformed JSON), the documented path it names; else
 * {@link UNMATCHED_ROUTE}.
 */
export function routeTemplateOf(request: Request, documented: readonly DocumentedRoute[]): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return `${request.baseUrl ?? ''}${route.path}`;
  // Express restores `baseUrl` when a mounted middleware passes the request on: still set, that middleware answered.
  if (request.baseUrl) return `${request.baseUrl}/*`;
  const path = request.originalUrl.split('?')[0];
  return documented.find(({ pattern }) => pattern.test(path))?.template ?? UNMATCHED_ROUTE;
}
