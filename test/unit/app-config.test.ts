import type { DataSource } from 'typeorm';
import { RecordingTreasuryGateway, TREASURY_GATEWAYS } from '../../activities/treasury/treasury-gateway';
import { DEVELOPMENT_JWT_SECRET, loadAppConfig } from '../../api/config/app-config';
import { DEVELOPMENT_OBJECT_STORE_CREDENTIALS } from '../../config/object-store-settings';
import { DatabaseSettings, loadConfig, withoutPassword } from '../../config/parkflow-config';
import { loadWorkerConfig, workerSettingsForLog } from '../../worker/worker-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('configuration (api-contract "Configuration")', () => {
  it('applies the local-stack defaults', () => {
    const config = loadAppConfig(base);
    expect(config).toMatchObject({
      PORT: 3000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'parkflow',
      POLICY_TIME_SCALE: 1,
    });
    expect(config.AUTH_JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('parses numbers and rejects bad values, naming each variable', () => {
    expect(loadAppConfig({ ...base, PORT: '8080', POLICY_TIME_SCALE: '86400' })).toMatchObject({
      PORT: 8080,
      POLICY_TIME_SCALE: 86400,
    });
    expect(() => loadAppConfig({ ...base, POLICY_TIME_SCALE: '-1' })).toThrow(/POLICY_TIME_SCALE/);
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadAppConfig({ ...base, TEMPORAL_ADDRESS: 'no-port' })).toThrow(/TEMPORAL_ADDRESS/);
  });

  it('reads the idempotency lease (short by default: its request renews it), refusing one under a second', () => {
    expect(loadAppConfig(base).IDEMPOTENCY_LEASE_MS).toBe(10_000);
    // No longer tied to UPDATE_WAIT_MS: a request that waits longer than the lease renews it meanwhile.
    expect(loadAppConfig({ ...base, UPDATE_WAIT_MS: '30000' }).IDEMPOTENCY_LEASE_MS).toBe(10_000);
    expect(loadAppConfig({ ...base, IDEMPOTENCY_LEASE_MS: '60000' }).IDEMPOTENCY_LEASE_MS).toBe(60_000);
    expect(() => loadAppConfig({ ...base, IDEMPOTENCY_LEASE_MS: 'soon' })).toThrow(
      /IDEMPOTENCY_LEASE_MS must be a whole number of milliseconds/,
    );
    expect(() => loadAppConfig({ ...base, IDEMPOTENCY_LEASE_MS: '500' })).toThrow(
      /IDEMPOTENCY_LEASE_MS must be at least 1000/,
    );
    expect(() => loadAppConfig({ ...base, UPDATE_WAIT_MS: 'x' })).toThrow(
      /^(?![\s\S]*IDEMPOTENCY_LEASE_MS)[\s\S]*UPDATE_WAIT_MS/,
    );
  });

  it('validates the worker configuration too', () => {
    expect(loadWorkerConfig(base)).toEqual({
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'parkflow',
      NODE_ENV: 'development',
      DATABASE_URL: base.DATABASE_URL,
      SMTP_FROM: 'parkflow <notices@parkflow.local>',
      MUNICIPAL_NOTICE_EMAILS: [],
      TREASURY_GATEWAY: 'recording',
      WORKER_METRICS_PORT: 0,
      WORKER_MAX_CACHED_WORKFLOWS: 1000,
      SCHEDULE_LAG_WARN_POLICY_DAYS: 1,
      // issue 25: the document sweep's store (npm run dev's SeaweedFS by default) and its grace
      OBJECT_STORE_ENDPOINT: 'http://127.0.0.1:8333',
      OBJECT_STORE_REGION: 'us-east-1',
      OBJECT_STORE_BUCKET: 'parkflow-documents',
      OBJECT_STORE_ACCESS_KEY_ID: DEVELOPMENT_OBJECT_STORE_CREDENTIALS.accessKeyId,
      OBJECT_STORE_SECRET_ACCESS_KEY: DEVELOPMENT_OBJECT_STORE_CREDENTIALS.secretAccessKey,
      OBJECT_STORE_SSE: 'AES256',
      DOCUMENT_SWEEP_GRACE_SECONDS: 3600,
    });
    expect(() => loadWorkerConfig({})).toThrow(/DATABASE_URL/);
    expect(() => loadWorkerConfig({ ...base, SCHEDULE_LAG_WARN_POLICY_DAYS: '0' })).toThrow(
      /SCHEDULE_LAG_WARN_POLICY_DAYS must be a positive number of policy days/,
    );
  });

  it('reads WORKER_METRICS_PORT (0 or unset: no metrics endpoint), naming a bad value', () => {
    expect(loadWorkerConfig({ ...base, WORKER_METRICS_PORT: '9464' }).WORKER_METRICS_PORT).toBe(9464);
    expect(loadWorkerConfig({ ...base, WORKER_METRICS_PORT: '' }).WORKER_METRICS_PORT).toBe(0);
    for (const bad of ['metrics', '-1', '65536', '94.5'])
      expect(() => loadWorkerConfig({ ...base, WORKER_METRICS_PORT: bad })).toThrow(/WORKER_METRICS_PORT/);
    expect(workerSettingsForLog(loadWorkerConfig(base)).WORKER_METRICS_PORT).toBe('off');
    expect(workerSettingsForLog(loadWorkerConfig({ ...base, WORKER_METRICS_PORT: '9464' })).WORKER_METRICS_PORT).toBe(
      9464,
    );
  });

  it('reads WORKER_MAX_CACHED_WORKFLOWS, the workflow cache bound (issue 13), naming a bad value', () => {
    expect(loadWorkerConfig({ ...base, WORKER_MAX_CACHED_WORKFLOWS: '250' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(250);
    for (const bad of ['many', '0', '-5', '2.5', '100001'])
      expect(() => loadWorkerConfig({ ...base, WORKER_MAX_CACHED_WORKFLOWS: bad })).toThrow(
        /WORKER_MAX_CACHED_WORKFLOWS/,
      );
    expect(workerSettingsForLog(loadWorkerConfig(base)).WORKER_MAX_CACHED_WORKFLOWS).toBe(1000);
  });

  it('reads SMTP_URL and MUNICIPAL_NOTICE_EMAILS for notice emails, naming a bad value', () => {
    const config = loadWorkerConfig({
      ...base,
      SMTP_URL: 'smtp://maildev:1025',
      MUNICIPAL_NOTICE_EMAILS: 'a@rlsbj.cq.gov.cn, b@rlsbj.cq.gov.cn',
    });
    expect(config).toMatchObject({
      SMTP_URL: 'smtp://maildev:1025',
      MUNICIPAL_NOTICE_EMAILS: ['a@rlsbj.cq.gov.cn', 'b@rlsbj.cq.gov.cn'],
    });
    expect(() => loadWorkerConfig({ ...base, SMTP_URL: 'http://maildev' })).toThrow(/SMTP_URL/);
    expect(() => loadWorkerConfig({ ...base, MUNICIPAL_NOTICE_EMAILS: 'a@rlsbj.cq.gov.cn,not-an-address' })).toThrow(
      /MUNICIPAL_NOTICE_EMAILS.*not-an-address/,
    );
  });

  it('declares each shared variable once: the worker and the API parse and refuse it the same way', () => {
    const env = { ...base, TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'parks', TEMPORAL_TASK_QUEUE: 'q' };
    const shared = {
      DATABASE_URL: base.DATABASE_URL,
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'parks',
      TEMPORAL_TASK_QUEUE: 'q',
    };
    expect(loadAppConfig(env)).toMatchObject(shared);
    expect(loadWorkerConfig(env)).toMatchObject(shared);
    const refusal = (load: () => unknown): string => {
      try {
        load();
      } catch (error) {
        return (error as Error).message.split('\n').slice(1).join('\n');
      }
      throw new Error('the configuration was accepted');
    };
    for (const bad of [{ DATABASE_URL: 'mysql://x' }, {}, { ...base, TEMPORAL_ADDRESS: 'no-port' }]) {
      expect(refusal(() => loadWorkerConfig(bad))).toBe(refusal(() => loadAppConfig(bad)));
    }
    expect(refusal(() => loadWorkerConfig({ DATABASE_URL: 'mysql://x' }))).toBe(
      '- DATABASE_URL must be a postgres:// connection string',
    );
    expect(refusal(() => loadWorkerConfig({ ...base, TEMPORAL_ADDRESS: 'no-port' }))).toBe(
      "- TEMPORAL_ADDRESS must be host:port, got 'no-port'",
    );
    expect(() => loadWorkerConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^invalid worker configuration:/);
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^invalid API configuration:/);
  });

  it('treats an empty variable as unset: its default applies, or it is refused when required', () => {
    const empty = {
      ...base,
      TEMPORAL_NAMESPACE: '',
      TEMPORAL_TASK_QUEUE: '',
      SMTP_URL: '',
      SMTP_FROM: '',
      TREASURY_GATEWAY: '',
    };
    expect(loadWorkerConfig(empty)).toMatchObject({
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'parkflow',
      SMTP_URL: undefined,
      SMTP_FROM: 'parkflow <notices@parkflow.local>',
      TREASURY_GATEWAY: 'recording',
    });
    expect(() => loadWorkerConfig({ DATABASE_URL: '' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ connection string/,
    );
  });

  it('reads DATABASE_URL alone for migrations, with the same check', () => {
    expect(loadConfig({ process: 'migration', settings: DatabaseSettings }, base).DATABASE_URL).toBe(base.DATABASE_URL);
    expect(() => loadConfig({ process: 'migration', settings: DatabaseSettings }, {})).toThrow(
      'invalid migration configuration:\n- DATABASE_URL must be a postgres:// connection string',
    );
  });

  it(
    'chooses the treasury gateway by TREASURY_GATEWAY: recording ' +
      'by default, an unknown name refused, naming the known ones',
    () => {
      expect(loadWorkerConfig(base).TREASURY_GATEWAY).toBe('recording');
      expect(loadWorkerConfig({ ...base, TREASURY_GATEWAY: 'recording' }).TREASURY_GATEWAY).toBe('recording');
      expect(() => loadWorkerConfig({ ...base, TREASURY_GATEWAY: 'swift' })).toThrow(
        "invalid worker configuration:\n- TREASURY_GATEWAY must be one of: recording; got 'swift'",
      );
      expect(TREASURY_GATEWAYS[loadWorkerConfig(base).TREASURY_GATEWAY]({} as DataSource)).toBeInstanceOf(
        RecordingTreasuryGateway,
      );
    },
  );

  it("logs the worker's settings at start without secrets", () => {
    const config = loadWorkerConfig({
      DATABASE_URL: 'postgres://parkflow:s3cret@db:5432/parkflow',
      SMTP_URL: 'smtps://mailer:pa55@smtp.example:465',
    });
    const logged = workerSettingsForLog(config);
    expect(logged).toEqual({
      DATABASE_URL: 'postgres://parkflow:***@db:5432/parkflow',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'parkflow',
      SMTP_URL: 'smtps://mailer:***@smtp.example:465',
      SMTP_FROM: 'parkflow <notices@parkflow.local>',
      MUNICIPAL_NOTICE_EMAILS: [],
      TREASURY_GATEWAY: 'recording',
      WORKER_METRICS_PORT: 'off',
      WORKER_MAX_CACHED_WORKFLOWS: 1000,
      SCHEDULE_LAG_WARN_POLICY_DAYS: 1,
      OBJECT_STORE_ENDPOINT: 'http://127.0.0.1:8333',
      OBJECT_STORE_BUCKET: 'parkflow-documents',
      DOCUMENT_SWEEP_GRACE_SECONDS: 3600,
    });
    expect(JSON.stringify(logged)).not.toMatch(/s3cret|pa55/);
    expect(workerSettingsForLog(loadWorkerConfig(base)).SMTP_URL).toBe('unset (notices stay in the in-app inbox)');
    expect(withoutPassword('postgres://u@h/db')).toBe('postgres://u@h/db');
  });
});
