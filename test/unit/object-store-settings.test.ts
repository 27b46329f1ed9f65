import { loadAppConfig } from '../../api/config/app-config';
import { DEVELOPMENT_OBJECT_STORE_CREDENTIALS } from '../../config/object-store-settings';
import { loadConfig } from '../../config/parkflow-config';
import { backupView } from '../../scripts/backup-settings';
import { storeUnreachable } from '../../persistence/object-store/object-store-errors';
import { loadWorkerConfig } from '../../worker/worker-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
const credentials = { OBJECT_STORE_ACCESS_KEY_ID: 'parkflow-api', OBJECT_STORE_SECRET_ACCESS_KEY: 's'.repeat(32) };

describe('the object store settings (issue 25)', () => {
  it("defaults to npm run dev's SeaweedFS, read the same by the API and the worker (its document sweep)", () => {
    const defaults = {
      OBJECT_STORE_ENDPOINT: 'http://127.0.0.1:8333',
      OBJECT_STORE_REGION: 'us-east-1',
      OBJECT_STORE_BUCKET: 'parkflow-documents',
      OBJECT_STORE_ACCESS_KEY_ID: DEVELOPMENT_OBJECT_STORE_CREDENTIALS.accessKeyId,
      OBJECT_STORE_SSE: 'AES256',
    };
    expect(loadAppConfig(base)).toMatchObject(defaults);
    expect(loadWorkerConfig(base)).toMatchObject(defaults);
    expect(() => loadWorkerConfig({ ...base, OBJECT_STORE_ACCESS_KEY_ID: 'parkflow-api' })).toThrow(
      'OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY go together: set both or neither',
    );
    expect(() => loadWorkerConfig({ ...base, DOCUMENT_SWEEP_GRACE_SECONDS: '30' })).toThrow(
      'DOCUMENT_SWEEP_GRACE_SECONDS must be at least 60 (an upload in flight is never swept)',
    );
  });

  it('refuses bad values, naming each variable and never repeating the secret', () => {
    const bad = {
      ...base,
      OBJECT_STORE_ENDPOINT: 'ftp://store',
      OBJECT_STORE_REGION: 'US East',
      OBJECT_STORE_BUCKET: 'Parkflow_Documents',
      OBJECT_STORE_ACCESS_KEY_ID: 'parkflow-api',
      OBJECT_STORE_SECRET_ACCESS_KEY: 'short-secret',
      OBJECT_STORE_SSE: 'aws:kms',
    };
    const message = (() => {
      try {
        loadAppConfig(bad);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const variable of Object.keys(bad).filter((name) => name !== 'DATABASE_URL' && !name.endsWith('KEY_ID')))
      expect(message).toMatch(new RegExp(`${variable} must`));
    expect(message).not.toContain('short-secret');
  });

  it('takes the two credentials together only, and refuses the development ones in production', () => {
    expect(() => loadAppConfig({ ...base, OBJECT_STORE_ACCESS_KEY_ID: 'parkflow-api' })).toThrow(
      /OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY go together/,
    );
    const production = { ...base, NODE_ENV: 'production', AUTH_ISSUER: 'https://sso.example', AUTH_AUDIENCE: 'api' };
    expect(() => loadAppConfig(production)).toThrow(
      /OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY must/,
    );
    expect(() => loadAppConfig({ ...production, ...credentials })).not.toThrow(/OBJECT_STORE/);
  });

  it('refuses the development credentials in production in every process holding them: worker, backup, restore', () => {
    const production = { ...base, NODE_ENV: 'production' };
    const refused = /OBJECT_STORE_ACCESS_KEY_ID and OBJECT_STORE_SECRET_ACCESS_KEY must be set in production/;
    expect(() => loadWorkerConfig(production)).toThrow(refused);
    for (const command of ['backup', 'restore'] as const)
      expect(() => loadConfig(backupView(command), production)).toThrow(refused);
    expect(loadWorkerConfig({ ...production, ...credentials })).toMatchObject({ NODE_ENV: 'production' });
    expect(loadConfig(backupView('backup'), { ...production, ...credentials })).toMatchObject(credentials);
    expect(() => loadWorkerConfig({ ...base, NODE_ENV: 'staging' })).toThrow(
      "NODE_ENV must be development, test or production, got 'staging'",
    );
  });
});

describe('which store errors mean "the object store is unavailable" (503 object_store)', () => {
  it('counts no answer at all, a timeout and a 5xx, not a refusal of the request', () => {
    expect(storeUnreachable(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(storeUnreachable(Object.assign(new Error('slow'), { name: 'TimeoutError' }))).toBe(true);
    // The SDK gave up after its retries with no HTTP answer (it may have wrapped the socket error, losing its code).
    expect(
      storeUnreachable(Object.assign(new Error('AWS SDK error wrapper for …'), { $metadata: { attempts: 3 } })),
    ).toBe(true);
    expect(storeUnreachable({ name: 'InternalError', $metadata: { httpStatusCode: 503, attempts: 3 } })).toBe(true);
    expect(storeUnreachable({ name: 'AccessDenied', $metadata: { httpStatusCode: 403, attempts: 1 } })).toBe(false);
    expect(storeUnreachable({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404, attempts: 1 } })).toBe(false);
    expect(storeUnreachable(new TypeError('a bug'))).toBe(false);
  });
});
