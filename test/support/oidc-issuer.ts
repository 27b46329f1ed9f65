import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { Provider, type Configuration } from 'oidc-provider';
import type { OfficerRole } from '../../workflows/definitions/case';
import type { HttpStack } from './http-calls';

/** An officer the identity provider knows (a client of its own: `sub` is the client id). */
export interface Officer {
  sub: string;
  role: OfficerRole;
  district?: string;
}

/** The API's audience, and another service's, as resource indicators the provider issues tokens for. */
export const PARKFLOW_AUDIENCE = 'parkflow-api';
export const OTHER_AUDIENCE = 'other-api';
const RESOURCES: Record<string, string> = { 'urn:parkflow:api': PARKFLOW_AUDIENCE, 'urn:other:api': OTHER_AUDIENCE };

/** The claims a Keycloak realm puts in its tokens, which the API is configured to read (AUTH_*_CLAIM). */
export const KEYCLOAK_CLAIMS = { AUTH_ROLE_CLAIM: 'realm_access.roles', AUTH_DISTRICT_CLAIM: 'district' };

/** A real OpenID provider (npm `oidc-provider`) in this process, issuing RS256/ES256 access tokens (JWT). */
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
  registerPublicClient(client: { clientId: string; redirectUris: string[] }, officers: Officer[]): void;
  close(): Promise<void>;
}

async function signingKey(alg: 'RS256' | 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `${alg}-${randomBytes(4).toString('hex')}` };
}

/** The smallest storage the provider needs (its default one warns that it is for quick starts). */
class MemoryStore {
  private static readonly items = new Map<string, unknown>();
  constructor(private readonly model: string) {}
  private key = (id: string): string => `${this.model}:${id}`;
  async upsert(id: string, payload: unknown): Promise<void> {
    MemoryStore.items.set(this.key(id), payload);
    // A browser's session is found again by its uid (an interaction names it so).
    const { uid } = payload as { uid?: string };
    if (this.model === 'Session' && uid) MemoryStore.items.set(`sessionUid:${uid}`, id);
  }
  async find(id: string): Promise<unknown> {
    return MemoryStore.items.get(this.key(id));
  }
  async destroy(id: string): Promise<void> {
    MemoryStore.items.delete(this.key(id));
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async findByUid(uid: string): Promise<unknown> {
    const id = MemoryStore.items.get(`sessionUid:${uid}`) as string | undefined;
    return id === undefined ? undefined : this.find(id);
  }
  async consume(): Promise<void> {}
  async revokeByGrantId(): Promise<void> {}
}

/** The profile claims Keycloak's realm maps for a signed-in officer (username, display name, email). */
const profileOf = (officer: Officer): Record<string, string> => ({
  preferred_username: officer.sub,
  name: officer.sub,
  email: `${officer.sub}@officers.example`,
});

/** Starts the provider on a free port; each officer becomes a client the first time a token is asked for. */
export async function startOidcIssuer(): Promise<OidcIssuer> {
  const server: Server = createServer((request, response) => provider.callback()(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const secret = randomBytes(24).toString('hex');
  const officers = new Map<string, Officer>();
  const keys: JWK[] = [await signingKey('RS256')];

  const publicClients: Array<{ clientId: string; redirectUris: string[] }> = [];
  const accounts = new Map<string, Officer>();

  const configuration = (): Configuration => ({
    jwks: { keys: keys as never },
    cookies: { keys: [secret] },
    adapter: MemoryStore as never,
    clients: [
      ...[...officers.values()].map((officer) => ({
        client_id: officer.sub,
        client_secret: secret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        officer,
      })),
      ...publicClients.map((client) => ({
        client_id: client.clientId,
        token_endpoint_auth_method: 'none' as const,
        grant_types: ['authorization_code'],
        response_types: ['code' as const],
        redirect_uris: client.redirectUris,
      })),
    ],
    extraClientMetadata: { properties: ['officer'] },
    pkce: { methods: ['S256'], required: () => true },
    // A browser may call the token endpoint from its redirect URIs' origins (Keycloak's web origins "+").
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    // Officers signing in through a public client (Keycloak's claims: username, name, email).
    findAccount: (_ctx, sub) => {
      const officer = accounts.get(sub);
      return officer && { accountId: sub, claims: () => ({ sub, ...profileOf(officer) }) };
    },
    features: {
      // The provider's own login and consent pages, only once a browser's client is registered.
      devInteractions: { enabled: publicClients.length > 0 },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'urn:parkflow:api',
        // A signed-in officer's code (scope openid) is exchanged for a token for the API, as Keycloak's audience does.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: '',
          audience: RESOURCES[resource],
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3_600,
          jwt: { sign: { alg: keys[0].alg as 'RS256' | 'ES256' } },
        }),
      },
    },
    ttl: { ClientCredentials: 3_600 },
    // Keycloak's shape: realm roles (among the provider's own) and a district attribute.
    extraTokenClaims: (_ctx, token) => {
      const { client, accountId } = token as { client?: { officer?: Officer }; accountId?: string };
      const account = accountId ? accounts.get(accountId) : undefined;
      const officer = client?.officer ?? account;
      if (!officer) return {};
      if (account) {
        const roles = { realm_access: { roles: ['offline_access', account.role] }, ...profileOf(account) };
        return account.district ? { ...roles, district: account.district } : roles;
      }
      const roles = { realm_access: { roles: ['offline_access', officer.role] } };
      return officer.district ? { ...roles, district: officer.district } : roles;
    },
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
      const resource = audience === 'parkflow' ? 'urn:parkflow:api' : 'urn:other:api';
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
