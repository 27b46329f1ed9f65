import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK } from 'jose';
import { Provider } from 'oidc-provider';
import {
  KEYCLOAK_CLAIMS,
  PARKFLOW_AUDIENCE,
  PARKFLOW_RESOURCE,
  providerConfiguration,
  signingKey,
  type Officer,
  type PublicClient,
} from '../../../scripts/oidc-provider-setup';
import type { HttpStack } from '../../../tooling/http/http-calls';

export { KEYCLOAK_CLAIMS, OTHER_AUDIENCE, PARKFLOW_AUDIENCE, type Officer } from '../../../scripts/oidc-provider-setup';

/** A real OpenID provider (npm `oidc-provider`, set up as scripts/oidc-provider-setup.ts does) in this process. */
export interface OidcIssuer {
  /** The issuer URL (`iss`), with its discovery document under `/.well-known/openid-configuration`. */
  readonly url: string;
  /** The API's configuration for this issuer. */
  readonly apiEnv: Record<string, string>;
  /** An access token from the token endpoint (client credentials), for the API or `audience: 'other'`. */
  token(officer: Officer, audience?: 'parkflow' | 'other'): Promise<string>;
  /** Signs `claims` with the current signing key directly (to break a token rule the provider itself keeps). */
  sign(claims: Record<string, unknown>): Promise<string>;
  /** A new signing key (ES256 after RS256 and so on), published first; the old ones stay published. */
  rotateKey(): Promise<string>;
  /**
   * Registers a browser's public client (Authorization Code with PKCE S256, no secret; Keycloak's `parkflow-console`)
   * and the officers who may sign in through it: the provider's development login form takes an officer's `sub` as
   * the login, with any password, then asks for consent (drive both over HTTP: `/interaction/<uid>`).
   */
  registerPublicClient(client: PublicClient, officers: Officer[]): void;
  close(): Promise<void>;
}

/** Starts the provider on a free port; each officer becomes a client the first time a token is asked for. */
export async function startOidcIssuer(): Promise<OidcIssuer> {
  const server: Server = createServer((request, response) => provider.callback()(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const secret = randomBytes(24).toString('hex');
  const officers = new Map<string, Officer>();
  const keys: JWK[] = [await signingKey('RS256')];

  const publicClients: PublicClient[] = [];
  const accounts = new Map<string, Officer>();
  const configuration = () =>
    providerConfiguration({
      keys,
      secret,
      officers: [...officers.values()],
      publicClients,
      accounts,
      devInteractions: true,
    });
  let provider = new Provider(url, configuration());
  const rebuild = (): void => {
    provider = new Provider(url, configuration());
  };

  return {
    url,
    apiEnv: { AUTH_ISSUER: url, AUTH_AUDIENCE: PARKFLOW_AUDIENCE, ...KEYCLOAK_CLAIMS },
    async token(officer, audience = 'parkflow') {
      if (JSON.stringify(officers.get(officer.sub)) !== JSON.stringify(officer)) {
        officers.set(officer.sub, officer);
        rebuild();
      }
      const form = { grant_type: 'client_credentials', client_id: officer.sub, client_secret: secret };
      const resource = audience === 'parkflow' ? PARKFLOW_RESOURCE : 'urn:other:api';
      const response = await fetch(`${url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form, resource }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`the provider issued no token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async sign(claims) {
      const [key] = keys;
      const privateKey = await importJWK(key, key.alg);
      return new SignJWT(claims).setProtectedHeader({ alg: key.alg as string, kid: key.kid }).sign(privateKey);
    },
    registerPublicClient(client, signingIn) {
      publicClients.push(client);
      for (const officer of signingIn) accounts.set(officer.sub, officer);
      rebuild();
    },
    async rotateKey() {
      keys.unshift(await signingKey(keys[0].alg === 'RS256' ? 'ES256' : 'RS256'));
      rebuild();
      return keys[0].kid as string;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * {@link HttpStack.token} answered from tokens the issuer gave `officers` beforehand: the drivers ask for tokens
 * synchronously, as they do of HS256 development tokens. An officer not fetched beforehand is a test bug.
 */
export async function issuedTokens(issuer: OidcIssuer, officers: Officer[]): Promise<HttpStack['token']> {
  const tokens = new Map<string, string>();
  const id = (role: string, district: string | undefined, sub: string): string => `${role}|${district ?? ''}|${sub}`;
  for (const officer of officers)
    tokens.set(id(officer.role, officer.district, officer.sub), await issuer.token(officer));
  return (role, district, sub = `${role}-officer`) => {
    const token = tokens.get(id(role, district, sub));
    if (!token) throw new Error(`no token fetched for ${id(role, district, sub)}: add the officer to issuedTokens`);
    return token;
  };
}
