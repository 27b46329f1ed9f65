import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection, WorkflowClient } from '@temporalio/client';
import { Browser, authorizationUrl, pkcePair } from './keycloak-browser';

/**
 * Callers of `npm run cluster`'s Temporal frontend as an intruder or an ops reader would be: straight to
 * 127.0.0.1:7233, past the API — with no certificate, with a certificate of the stack's CA but no token, or with
 * a token of their own.
 */
export const FRONTEND = '127.0.0.1:7233';

/** The files scripts/certificates.sh made for the cluster (`<data>/certs`). */
const certificate = (dataDir: string, name: string): Buffer => readFileSync(join(dataDir, 'certs', name));

/** How a caller reaches the frontend: which certificate it shows (none: TLS without one) and which token it sends. */
export interface Caller {
  certificate?: 'parkflow-api' | 'temporal-ui';
  token?: string;
}

/** A workflow client as that caller, connecting on its first call (so a refused handshake is that call's). */
export function clientAs(dataDir: string, caller: Caller, namespace = 'default'): WorkflowClient {
  const connection = Connection.lazy({
    address: FRONTEND,
    connectTimeout: 10_000,
    tls: {
      serverRootCACertificate: certificate(dataDir, 'ca.pem'),
      serverNameOverride: 'localhost',
      ...(caller.certificate
        ? {
            clientCertPair: {
              crt: certificate(dataDir, `${caller.certificate}.pem`),
              key: certificate(dataDir, `${caller.certificate}.key`),
            },
          }
        : {}),
    },
    ...(caller.token ? { metadata: { authorization: `Bearer ${caller.token}` } } : {}),
  });
  return new WorkflowClient({ connection, namespace });
}

/**
 * An ops reader's access token, as the Temporal UI gets it when they sign in: Authorization Code at Keycloak with the
 * UI's confidential client (its secret from the cluster's `<data>/keycloak/secrets/temporal-ui`), its redirect URI.
 */
export async function opsReaderToken(
  dataDir: string,
  realmUrl: string,
  uiOrigin: string,
  password: string,
): Promise<string> {
  const redirectUri = `${uiOrigin}/auth/sso/callback`;
  const browser = new Browser();
  const login = await browser.get(
    authorizationUrl(`${realmUrl}/protocol/openid-connect/auth`, {
      clientId: 'temporal-ui',
      redirectUri,
      challenge: pkcePair().challenge,
    }).replace(/&code_challenge[^&]*/g, ''), // the UI's server does not use PKCE
  );
  const back = await browser.signIn(login, 'ops-reader', password);
  const code = back.location && new URL(back.location).searchParams.get('code');
  if (!code) throw new Error(`ops-reader was not signed in (${back.status}): ${back.html.slice(0, 500)}`);
  const answer = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: 'temporal-ui',
      client_secret: readFileSync(join(dataDir, 'keycloak', 'secrets', 'temporal-ui'), 'utf8'),
    }),
  });
  const tokens = (await answer.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error(`no token for ops-reader: ${JSON.stringify(tokens)}`);
  return tokens.access_token;
}

/** How a call to the frontend ended: done, or refused with the gRPC status (7 permission denied, 14 unavailable). */
export async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'done';
  } catch (error) {
    const grpc = findGrpcCode(error);
    return grpc === undefined ? `failed: ${(error as Error).message}` : `refused: ${grpcName(grpc)}`;
  }
}

function findGrpcCode(error: unknown): number | undefined {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as never)
    if (typeof cause.code === 'number') return cause.code;
  return undefined;
}

const GRPC_NAMES: Record<number, string> = { 7: 'permission denied', 14: 'unavailable', 16: 'unauthenticated' };
const grpcName = (code: number): string => GRPC_NAMES[code] ?? `code ${code}`;
