import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { JsonLogger, logLevelsFor } from './common/json-logger';
import { methodNotAllowed } from './common/method-not-allowed';
import { createOpenApiDocument } from './common/openapi-document';
import { parseQuery } from './common/query-parser';
import { assignRequestId, runInRequestContext } from './common/request-context';
import { requestLogger } from './common/request-log';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
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
  // Order: the id, the access log and the request metrics come first so that even a request refused before routing
  // (405, 413, bad JSON) is logged with an id and counted.
  app.use(
    assignRequestId,
    requestLogger(logger),
    app.get(RequestMetrics).middleware(openApi),
    methodNotAllowed(openApi),
  );
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(runInRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter({ temporalAddress: config.TEMPORAL_ADDRESS }));
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApi, { jsonDocumentUrl: 'docs-json' });
  return app;
}
