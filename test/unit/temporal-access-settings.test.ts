import { PickType } from '@nestjs/swagger';
import { loadAppConfig } from '../../api/config/app-config';
import {
  loadConfig,
  serviceSettingsForLog,
  ServiceSettings,
  TEMPORAL_CONNECTION_VARIABLES,
} from '../../config/parkflow-config';
import { loadWorkerConfig } from '../../worker/worker-config';

/** How the Temporal access variables are refused (README "Configuration"): each problem names its variables. */
const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
const TOKEN = {
  TEMPORAL_AUTH_TOKEN_URL: 'http://localhost:8081/realms/parkflow/protocol/openid-connect/token',
  TEMPORAL_AUTH_CLIENT_ID: 'parkflow-worker',
  TEMPORAL_AUTH_CLIENT_SECRET_FILE: '/run/secrets/temporal-client-secret',
};
/** The problems the worker's configuration reports for `env`, one per line; none when it loads. */
function problems(env: Record<string, string>): string[] {
  try {
    loadWorkerConfig({ ...base, ...env });
    return [];
  } catch (error) {
    return (error as Error).message.split('\n- ').slice(1);
  }
}

describe('the Temporal access settings', () => {
  it('are all optional: unset, a process connects as before', () => {
    expect(problems({})).toEqual([]);
    const config = loadWorkerConfig(base);
    for (const name of TEMPORAL_CONNECTION_VARIABLES.slice(2)) expect(config[name]).toBeUndefined();
  });

  it('take a CA alone (server-verified TLS), a certificate pair, a server name and a token client', () => {
    expect(problems({ TEMPORAL_TLS_CA_FILE: '/certs/ca.pem' })).toEqual([]);
    const full = {
      TEMPORAL_TLS_CA_FILE: '/certs/ca.pem',
      TEMPORAL_TLS_CERT_FILE: '/certs/parkflow-worker.pem',
      TEMPORAL_TLS_KEY_FILE: '/certs/parkflow-worker.key',
      TEMPORAL_TLS_SERVER_NAME: 'temporal',
      ...TOKEN,
    };
    expect(problems(full)).toEqual([]);
    expect(loadAppConfig({ ...base, ...full })).toMatchObject(full);
    const { TEMPORAL_AUTH_CLIENT_SECRET_FILE: _file, ...withSecret } = TOKEN;
    expect(problems({ ...withSecret, TEMPORAL_AUTH_CLIENT_SECRET: 's3cret' })).toEqual([]);
  });

  it('refuse a client certificate without its key, and a key without its certificate', () => {
    const message =
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together: set both (the client certificate and its ' +
      'private key) or neither';
    expect(problems({ TEMPORAL_TLS_CERT_FILE: '/certs/w.pem' })).toEqual([message]);
    expect(problems({ TEMPORAL_TLS_KEY_FILE: '/certs/w.key' })).toEqual([message]);
  });

  it('refuse a server name without TLS, or one that is no host name', () => {
    expect(problems({ TEMPORAL_TLS_SERVER_NAME: 'temporal' })).toEqual([
      'TEMPORAL_TLS_SERVER_NAME applies to TLS only: set TEMPORAL_TLS_CA_FILE or TEMPORAL_TLS_CERT_FILE too',
    ]);
    expect(problems({ TEMPORAL_TLS_CA_FILE: '/ca.pem', TEMPORAL_TLS_SERVER_NAME: 'temporal:7233' })).toEqual([
      "TEMPORAL_TLS_SERVER_NAME must be a host name, got 'temporal:7233'",
    ]);
  });

  it('want the token endpoint, the client id and one secret together', () => {
    expect(problems({ TEMPORAL_AUTH_CLIENT_ID: 'parkflow-worker' })).toEqual([
      'TEMPORAL_AUTH_TOKEN_URL must be set with TEMPORAL_AUTH_CLIENT_ID and its secret (the token endpoint)',
      'TEMPORAL_AUTH_CLIENT_SECRET_FILE (or TEMPORAL_AUTH_CLIENT_SECRET) must be set with TEMPORAL_AUTH_TOKEN_URL',
    ]);
    expect(problems({ TEMPORAL_AUTH_TOKEN_URL: TOKEN.TEMPORAL_AUTH_TOKEN_URL })).toEqual([
      'TEMPORAL_AUTH_CLIENT_ID must be set with TEMPORAL_AUTH_TOKEN_URL (the client the token is issued to)',
      'TEMPORAL_AUTH_CLIENT_SECRET_FILE (or TEMPORAL_AUTH_CLIENT_SECRET) must be set with TEMPORAL_AUTH_TOKEN_URL',
    ]);
    expect(problems({ ...TOKEN, TEMPORAL_AUTH_CLIENT_SECRET: 's3cret' })).toEqual([
      'set TEMPORAL_AUTH_CLIENT_SECRET_FILE or TEMPORAL_AUTH_CLIENT_SECRET, not both',
    ]);
    expect(problems({ ...TOKEN, TEMPORAL_AUTH_TOKEN_URL: 'keycloak/token' })).toEqual([
      "TEMPORAL_AUTH_TOKEN_URL must be the http(s) URL of the token endpoint, got 'keycloak/token'",
    ]);
  });

  it('never repeat the client secret in a message or the start-up log line', () => {
    const env = { ...base, TEMPORAL_AUTH_CLIENT_ID: 'parkflow-worker', TEMPORAL_AUTH_CLIENT_SECRET: 'pa55word' };
    expect(() => loadWorkerConfig(env)).toThrow(/TEMPORAL_AUTH_TOKEN_URL must be set/);
    expect(() => loadWorkerConfig(env)).not.toThrow(/pa55word/);
    const logged = serviceSettingsForLog(
      loadWorkerConfig({ ...env, TEMPORAL_AUTH_TOKEN_URL: TOKEN.TEMPORAL_AUTH_TOKEN_URL }),
    );
    expect(logged).toMatchObject({
      TEMPORAL_AUTH_TOKEN_URL: TOKEN.TEMPORAL_AUTH_TOKEN_URL,
      TEMPORAL_AUTH_CLIENT_ID: 'parkflow-worker',
    });
    expect(JSON.stringify(logged)).not.toContain('pa55word');
  });

  it('are refused alike by a command that picks only the connection variables (npm run policy-clock)', () => {
    class ConnectionOnly extends PickType(ServiceSettings, TEMPORAL_CONNECTION_VARIABLES) {}
    const load = (env: Record<string, string>) =>
      loadConfig({ process: 'policy-clock', settings: ConnectionOnly }, env);
    expect(load({ TEMPORAL_TLS_CA_FILE: '/ca.pem', ...TOKEN })).toMatchObject({ TEMPORAL_ADDRESS: '127.0.0.1:7233' });
    expect(() => load({ TEMPORAL_TLS_KEY_FILE: '/w.key', TEMPORAL_AUTH_CLIENT_ID: 'w' })).toThrow(
      /TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together[\s\S]*TEMPORAL_AUTH_TOKEN_URL must be set/,
    );
  });
});
