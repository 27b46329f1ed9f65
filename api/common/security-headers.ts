import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where Swagger UI lives (create-app.ts mounts it there). */
export const DOCS_PATH = '/docs';

/**
 * Security headers on every answer (helmet; docs/security.md, OWASP API8): `nosniff`, `X-Frame-Options: DENY`,
 * HSTS, no `X-Powered-By`, and a Content-Security-Policy — for JSON answers `default-src 'none'` (nothing in them
 * may load or run), for Swagger UI helmet's defaults, which allow its own scripts and styles. Those defaults'
 * `upgrade-insecure-requests` is left out: the local stack serves `/docs` over plain HTTP, and the browser would
 * ask for its scripts over HTTPS.
 */
export function securityHeaders(): RequestHandler {
  const common = helmet({ contentSecurityPolicy: false, frameguard: { action: 'deny' } });
  const docs = helmet.contentSecurityPolicy({ directives: { upgradeInsecureRequests: null } });
  const json = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  return (request: Request, response: Response, next: NextFunction) =>
    common(request, response, (error?: unknown) => {
      if (error) return next(error);
      const isDocs = request.path === DOCS_PATH || request.path.startsWith(`${DOCS_PATH}/`);
      return (isDocs ? docs : json)(request, response, next);
    });
}
