import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { consoleContentSecurityPolicy } from '../common/security-headers';
import { CONSOLE_DIST_DIR } from './console-files';

/** The API's own paths: never the console's, whatever the request accepts (api-contract "Identity"). */
export const API_PREFIXES = ['/v1', '/docs', '/health', '/metrics'] as const;

const isApiPath = (path: string): boolean =>
  API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Serves the officers' console (`console/dist`, built by Vite) on the API's own origin, so it needs no CORS: the
 * build's files under `/assets/` (fingerprinted: cached for a year), and {@link consolePage} for every page.
 */
export function serveConsole(app: NestExpressApplication, issuer: string | undefined, dist = CONSOLE_DIST_DIR): void {
  app.use('/assets/', compressedAsset(join(dist, 'assets')));
  app.useStaticAssets(join(dist, 'assets'), { prefix: '/assets/', index: false, immutable: true, maxAge: '365d' });
  app.use(consolePage(issuer, dist));
}

/** Content encodings the build writes beside each asset (console/vite.config.mts), the smallest first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * An asset's precompressed copy when the browser accepts its encoding (Brotli, else gzip), with the asset's own type;
 * otherwise the static handler sends the asset itself. `Vary: Accept-Encoding` keeps shared caches honest.
 */
export function compressedAsset(assets: string): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const name = basename(request.path);
    response.vary('Accept-Encoding');
    // Ours is the preference (Brotli is smaller); Express's negotiation says whether each is accepted (q=0 refuses).
    const encoding = ENCODINGS.find(({ name: coding }) => request.acceptsEncodings(coding) === coding);
    const copy = encoding && name && join(assets, name + encoding.suffix);
    if (!encoding || !copy || !existsSync(copy)) return next();
    response.type(extname(name));
    response.setHeader('Content-Encoding', encoding.name);
    return response.sendFile(copy, { immutable: true, maxAge: '365d' }, (failed) => {
      if (failed && !response.headersSent) next(failed);
    });
  };
}

/**
 * Outside the API's paths, a GET that accepts HTML gets the console's single page (`index.html`, whatever the path:
 * the console routes in the browser); everything else — and everything while the console is not built — goes on to
 * the API, which answers in JSON. The page's Content-Security-Policy lets it run its own scripts and reach `issuer`
 * (the OpenID Connect provider it signs officers in at: discovery, token endpoint).
 */
export function consolePage(issuer: string | undefined, dist: string): RequestHandler {
  const page = join(dist, 'index.html');
  const policy = consoleContentSecurityPolicy(issuer ? [new URL(issuer).origin] : []);
  return (request: Request, response: Response, next: NextFunction) => {
    const html = (request.headers.accept ?? '').includes('text/html');
    if (!html || (request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    if (!existsSync(page)) return next();
    return policy(request, response, (error?: unknown) => {
      if (error) return next(error);
      response.sendFile(page, { headers: { 'Cache-Control': 'no-cache' } }, (failed) => {
        if (failed && !response.headersSent) next(failed);
      });
    });
  };
}
