import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { JsonLogger, logLevelsFor } from './common/json-logger';
import { assignRequestId, runInRequestContext } from './common/request-context';
import { requestLogger } from './common/request-log';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';

/** Larger bodies are refused with 413 before they are parsed. */
export const BODY_LIMIT = '256kb';

/** Builds the configured Nest application (used by `main.ts` and by the e2e tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const logger = new JsonLogger(logLevelsFor(config.NODE_ENV));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    abortOnError: false, // report start-up errors to the caller instead of exiting the process
  });
  // Order: the id and the access log come first so even a rejected body (413, bad JSON) is logged with an id.
  app.use(assignRequestId, requestLogger(logger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(runInRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter({ temporalAddress: config.TEMPORAL_ADDRESS }));
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('parkflow API')
    .setDescription('Municipal HR-service industrial parks: application, review, designation, subsidy, reports, evaluation, refund.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs-json' });
  return app;
}
