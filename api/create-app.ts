import 'reflect-metadata';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { answerInReadersLanguage } from './i18n/answer-language';
import { HttpErrorFilter } from './common/http-error.filter';
import { JsonLogger, logLevelsFor } from './common/json-logger';
import { methodNotAllowed } from './common/method-not-allowed';
import { serveDocs } from './common/docs-sign-in';
import { createOpenApiDocument } from './common/openapi-document';
import { serveConsole } from './console/serve-console';
import { parseQuery } from './common/query-parser';
import { assignRequestId, runInRequestContext } from './common/request-context';
import { requestLogger } from './common/request-log';
import { refuseDeepBodies } from './common/request-value-walk';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { corsOrigins } from './config/auth-settings';
import { RequestMetrics } from './metrics/request-metrics';
import { VALIDATED_MODELS } from './validated-models';

/** Larger bodies are refused with 413 before they are parsed. */
export const BODY_LIMIT = '256kb';

/** Builds the configured Nest application (used by `main.ts` and by the e2e tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const logger = new JsonLogger(logLevelsFor(config.NODE_ENV));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    abortOnError: false, // report start-up errors to the caller instead of exiting the process
  });
  const openApi = createOpenApiDocument(app, VALIDATED_MODELS);
  app.set('query parser', parseQuery);
  app.disable('x-powered-by');
  // CORS only for an allowlist: a browser page from anywhere else gets no permission to read the answers.
  const origins = corsOrigins(config);
  if (origins.length > 0) app.enableCors(corsOptions(origins));
  // Order: the reader's language, the headers, the id, the access log and the request metrics come first so that
  // even a request refused before routing (405, 413, bad JSON) is answered in it, has them, is logged and counted.
  app.use(
    answerInReadersLanguage,
    securityHeaders(),
    assignRequestId,
    requestLogger(logger),
    app.get(RequestMetrics).middleware(openApi),
    methodNotAllowed(openApi),
  );
  serveConsole(app, config.AUTH_ISSUER); // the officers' console's page and files, outside the API's paths
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(refuseDeepBodies); // before anything walks a body (api/common/request-value-walk.ts)
  app.use(runInRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter({ temporalAddress: config.TEMPORAL_ADDRESS }));
  app.enableShutdownHooks();
  serveDocs(app, openApi, config); // Swagger UI at /docs (signing in at AUTH_ISSUER), the document at /docs-json
  return app;
}

/** What an allowed origin may send and read: the contract's headers, no cookies (tokens travel as headers). */
const corsOptions = (origins: string[]): CorsOptions => ({
  origin: origins,
  methods: ['GET', 'POST', 'PUT'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'Accept-Language'],
  exposedHeaders: ['Location', 'Retry-After', 'X-Request-Id', 'Content-Language', 'Idempotent-Replayed'],
  credentials: false,
  maxAge: 600,
});
