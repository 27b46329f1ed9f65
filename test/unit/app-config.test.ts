import { DEVELOPMENT_JWT_SECRET, loadAppConfig } from '../../api/config/app-config';
import { loadWorkerConfig } from '../../worker/worker-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };

describe('configuration (api-contract "Configuration")', () => {
  it('applies the local-stack defaults', () => {
    const config = loadAppConfig(base);
    expect(config).toMatchObject({ PORT: 3000, TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'parkflow', POLICY_TIME_SCALE: 1 });
    expect(config.AUTH_JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('parses numbers and rejects bad values, naming each variable', () => {
    expect(loadAppConfig({ ...base, PORT: '8080', POLICY_TIME_SCALE: '86400' })).toMatchObject({ PORT: 8080, POLICY_TIME_SCALE: 86400 });
    expect(() => loadAppConfig({ ...base, POLICY_TIME_SCALE: '-1' })).toThrow(/POLICY_TIME_SCALE/);
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadAppConfig({ ...base, TEMPORAL_ADDRESS: 'no-port' })).toThrow(/TEMPORAL_ADDRESS/);
  });

  it('derives the idempotency lease from UPDATE_WAIT_MS unless set, and refuses one shorter than a request may run', () => {
    expect(loadAppConfig(base).IDEMPOTENCY_LEASE_MS).toBe(30_000);
    expect(loadAppConfig({ ...base, UPDATE_WAIT_MS: '2000' }).IDEMPOTENCY_LEASE_MS).toBe(14_000);
    expect(loadAppConfig({ ...base, IDEMPOTENCY_LEASE_MS: '60000' }).IDEMPOTENCY_LEASE_MS).toBe(60_000);
    expect(() => loadAppConfig({ ...base, IDEMPOTENCY_LEASE_MS: 'soon' })).toThrow(/IDEMPOTENCY_LEASE_MS/);
    expect(() => loadAppConfig({ ...base, IDEMPOTENCY_LEASE_MS: '5000' })).toThrow(/IDEMPOTENCY_LEASE_MS must be longer than UPDATE_WAIT_MS/);
    expect(() => loadAppConfig({ ...base, UPDATE_WAIT_MS: 'x' })).toThrow(/^(?![\s\S]*IDEMPOTENCY_LEASE_MS)[\s\S]*UPDATE_WAIT_MS/);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadAppConfig({ ...base, NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET/);
    expect(loadAppConfig({ ...base, NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-real-production-secret' }).NODE_ENV).toBe('production');
  });

  it('validates the worker configuration too', () => {
    expect(loadWorkerConfig(base)).toEqual({
      temporalAddress: '127.0.0.1:7233', temporalNamespace: 'default', taskQueue: 'parkflow', databaseUrl: base.DATABASE_URL,
      mailFrom: 'parkflow <notices@parkflow.local>', municipalNoticeEmails: [],
    });
    expect(() => loadWorkerConfig({})).toThrow(/DATABASE_URL/);
  });

  it('reads SMTP_URL and MUNICIPAL_NOTICE_EMAILS for notice emails, naming a bad value', () => {
    const config = loadWorkerConfig({ ...base, SMTP_URL: 'smtp://maildev:1025', MUNICIPAL_NOTICE_EMAILS: 'a@rlsbj.cq.gov.cn, b@rlsbj.cq.gov.cn' });
    expect(config).toMatchObject({ smtpUrl: 'smtp://maildev:1025', municipalNoticeEmails: ['a@rlsbj.cq.gov.cn', 'b@rlsbj.cq.gov.cn'] });
    expect(() => loadWorkerConfig({ ...base, SMTP_URL: 'http://maildev' })).toThrow(/SMTP_URL/);
    expect(() => loadWorkerConfig({ ...base, MUNICIPAL_NOTICE_EMAILS: 'a@rlsbj.cq.gov.cn,not-an-address' })).toThrow(/MUNICIPAL_NOTICE_EMAILS.*not-an-address/);
  });
});
