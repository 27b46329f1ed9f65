import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where Swagger UI lives (create-app.ts mounts it there). */
export const DOCS_PATH = '/docs';

/** Swagger UI's OAuth2 pop-up page (swagger-ui-dist's), where the identity provider sends the officer back. */
export const OAUTH2_REDIRECT_PATH = `${DOCS_PATH}/oauth2-redirect.html`;

/** The application setting holding the origins the docs pages may connect to besides their own (see below). */
const DOCS_CONNECT_SOURCES = 'parkflow docs connect-src';

/**
 * Lets Swagger UI's pages on `app` connect to `origins` (the OpenID Connect issuer: its discovery document and token
 * endpoint, which Swagger UI calls from the browser when an officer signs in). Kept in the application's settings,
 * so each API instance in a process has its own.
 */
export function allowDocsToConnect(app: { set(setting: string, value: unknown): unknown }, origins: string[]): void {
  app.set(DOCS_CONNECT_SOURCES, origins);
}

function docsConnectSources(request: Request): string {
  const origins = (request.app?.get(DOCS_CONNECT_SOURCES) as string[] | undefined) ?? [];
  return ["'self'", ...origins].join(' ');
}

/**
 * The officers' console's page (api/console/serve-console.ts): helmet's defaults — its own scripts, its own styles
 * and the inline ones Ant Design writes, images and fonts of its own or `data:` — with `connect-src` to `origins` (the
 * OpenID Connect issuer: discovery, token endpoint), never framed, and no `upgrade-insecure-requests` (plain HTTP on
 * the local stack, as for `/docs`). It replaces the JSON answers' policy on the page it is applied to.
 */
export function consoleContentSecurityPolicy(origins: string[]): RequestHandler {
  return helmet.contentSecurityPolicy({
    directives: {
      upgradeInsecureRequests: null,
      connectSrc: ["'self'", ...origins],
      frameAncestors: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  });
}

/**
 * Security headers on every answer (helmet; docs/security.md, OWASP API8): `nosniff`, `X-Frame-Options: DENY`,
 * HSTS, no `X-Powered-By`, and a Content-Security-Policy — for JSON answers `default-src 'none'` (nothing in them
 * may load or run), for Swagger UI helmet's defaults, which allow its own scripts and styles, plus `connect-src` to the
 * OpenID Connect issuer when sign-in is configured ({@link allowDocsToConnect}). Those defaults'
 * `upgrade-insecure-requests` is left out: the local stack serves `/docs` over plain HTTP, and the browser would
 * ask for its scripts over HTTPS.
 *
 * Cross-Origin-Opener-Policy is `same-origin` everywhere but on the sign-in's two pages: Swagger UI opens the
 * provider's login in a pop-up that comes back to `oauth2-redirect.html`, which hands the code to `window.opener`.
 * Under `same-origin` the browser would cut that link when the pop-up goes to the provider, so Swagger UI is
 * `same-origin-allow-popups` and the redirect page `unsafe-none`.
 */
export function securityHeaders(): RequestHandler {
  const common = helmet({
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: false,
    frameguard: { action: 'deny' },
  });
  const docs = helmet.contentSecurityPolicy({
    directives: { upgradeInsecureRequests: null, connectSrc: [(request) => docsConnectSources(request as Request)] },
  });
  const json = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  });
  return (request: Request, response: Response, next: NextFunction) =>
    common(request, response, (error?: unknown) => {
      if (error) return next(error);
      const isDocs = request.path === DOCS_PATH || request.path.startsWith(`${DOCS_PATH}/`);
      response.setHeader(
        'Cross-Origin-Opener-Policy',
        request.path === OAUTH2_REDIRECT_PATH ? 'unsafe-none' : isDocs ? 'same-origin-allow-popups' : 'same-origin',
      );
      return (isDocs ? docs : json)(request, response, next);
    });
}
