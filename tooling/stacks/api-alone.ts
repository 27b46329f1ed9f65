import { PRODUCTION_DOCUMENT_SETTINGS } from '../fixtures/production-settings';
import { runObjectStoreEnv } from '../object-store/run-object-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadAppConfig } from '../../api/config/app-config';
import { createApp } from '../../api/create-app';
import { freePort } from '../../scripts/free-port';
import { httpStack, type HttpStack } from '../http/http-calls';

export const API_ALONE_SECRET = 'api-alone-secret-0123456789';

/** The API alone on the suites' PostgreSQL, Temporal nowhere: for what the edge decides (tokens, headers, CORS). */
export interface ApiAlone extends HttpStack {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startApiAlone(env: Record<string, string> = {}): Promise<ApiAlone> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, // nothing listens: the edge's answers never reach Temporal
    AUTH_JWT_SECRET: API_ALONE_SECRET,
    // Also when a test makes it a production API; the run's own store when one runs.
    ...PRODUCTION_DOCUMENT_SETTINGS,
    ...runObjectStoreEnv(),
    ...env,
  });
  const app: NestExpressApplication = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  return { ...httpStack(baseUrl, API_ALONE_SECRET), baseUrl, close: () => app.close() };
}
