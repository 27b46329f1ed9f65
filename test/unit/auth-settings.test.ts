import { loadAppConfig } from '../../api/config/app-config';
import { PRODUCTION_DOCUMENT_SETTINGS } from '../../tooling/fixtures/production-settings';
import { corsOrigins, durationSeconds, hs256Enabled } from '../../api/config/auth-settings';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
const production = { ...base, ...PRODUCTION_DOCUMENT_SETTINGS, NODE_ENV: 'production' };
const oidc = { AUTH_ISSUER: 'https://sso.cq.example/realms/hr', AUTH_AUDIENCE: 'parkflow-api' };

describe('sign-in configuration (api-contract "Identity", "Configuration")', () => {
  it('defaults: HS256 development tokens, 12 h lifetime bound, 60 s skew, claims role and district, no CORS', () => {
    const config = loadAppConfig(base);
    expect(config).toMatchObject({
      AUTH_MAX_TOKEN_LIFETIME: 43_200,
      AUTH_CLOCK_SKEW_SECONDS: 60,
      AUTH_ROLE_CLAIM: 'role',
      AUTH_DISTRICT_CLAIM: 'district',
      AUTH_ALLOW_HS256: false,
    });
    expect(hs256Enabled(config, false)).toBe(true);
    expect(corsOrigins(config)).toEqual([]);
  });

  it('production refuses HS256 unless explicitly allowed, and the development secret always', () => {
    expect(() => loadAppConfig(production)).toThrow(/NODE_ENV=production needs AUTH_ISSUER/);
    expect(() => loadAppConfig({ ...production, AUTH_ALLOW_HS256: 'true' })).toThrow(/AUTH_JWT_SECRET must be set/);
    const allowed = loadAppConfig({
      ...production,
      AUTH_ALLOW_HS256: 'true',
      AUTH_JWT_SECRET: 'a-real-production-secret',
    });
    expect(hs256Enabled(allowed, true)).toBe(true);
    const signedIn = loadAppConfig({ ...production, ...oidc });
    expect(hs256Enabled(signedIn, true)).toBe(false);
  });

  it('an issuer needs an audience; a JWKS URL needs an issuer; URLs, booleans and durations are checked', () => {
    expect(() => loadAppConfig({ ...base, AUTH_ISSUER: oidc.AUTH_ISSUER })).toThrow(/AUTH_AUDIENCE must be set/);
    expect(() => loadAppConfig({ ...base, AUTH_JWKS_URL: 'https://sso/certs' })).toThrow(/AUTH_JWKS_URL needs/);
    expect(() => loadAppConfig({ ...base, ...oidc, AUTH_ISSUER: 'sso.cq' })).toThrow(/AUTH_ISSUER must be the http/);
    expect(() => loadAppConfig({ ...base, AUTH_ALLOW_HS256: 'yes' })).toThrow(/AUTH_ALLOW_HS256 must be true or false/);
    expect(() => loadAppConfig({ ...base, AUTH_MAX_TOKEN_LIFETIME: 'forever' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME/);
    expect(() => loadAppConfig({ ...base, AUTH_MAX_TOKEN_LIFETIME: '30d' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME/);
    expect(() => loadAppConfig({ ...base, AUTH_ROLE_MAP: 'boss=mayor' })).toThrow(/AUTH_ROLE_MAP entry 'boss=mayor'/);
    expect(loadAppConfig({ ...base, AUTH_MAX_TOKEN_LIFETIME: '90m' }).AUTH_MAX_TOKEN_LIFETIME).toBe(5_400);
    expect([durationSeconds('12h'), durationSeconds('3600'), durationSeconds('1d'), durationSeconds('1w')]).toEqual([
      43_200,
      3_600,
      86_400,
      Number.NaN,
    ]);
  });

  it('CORS: an allowlist of origins, each one checked', () => {
    const origins = 'https://hr.cq.gov.cn, http://localhost:5173';
    expect(corsOrigins(loadAppConfig({ ...base, CORS_ALLOWED_ORIGINS: origins }))).toEqual([
      'https://hr.cq.gov.cn',
      'http://localhost:5173',
    ]);
    expect(() => loadAppConfig({ ...base, CORS_ALLOWED_ORIGINS: '*' })).toThrow(/CORS_ALLOWED_ORIGINS entry '\*'/);
  });
});
