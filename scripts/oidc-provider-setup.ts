import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Configuration } from 'oidc-provider';
import type { OfficerRole } from '../workflows/definitions/case';

/**
 * A real OpenID provider (npm `oidc-provider`) shaped like the bureau's Keycloak realm: the development issuer of
 * `npm run dev` (scripts/dev-oidc-issuer.ts) and the tests' issuer (test/support/identity/oidc-issuer.ts) are both set
 * up here.
 */

/** An officer the identity provider knows (a client of its own: `sub` is the client id). */
export interface Officer {
  sub: string;
  role: OfficerRole;
  district?: string;
  /** The email address and display name its tokens carry, if any (the API records them in the officer directory). */
  email?: string;
  name?: string;
}

/** A browser's public client: Authorization Code with PKCE S256, no secret (Keycloak's `parkflow-console`). */
export interface PublicClient {
  clientId: string;
  redirectUris: string[];
  /** Where RP-initiated sign-out may send the browser back to. */
  postLogoutRedirectUris?: string[];
}

/** The API's audience, and another service's, as resource indicators the provider issues tokens for. */
export const PARKFLOW_AUDIENCE = 'parkflow-api';
export const OTHER_AUDIENCE = 'other-api';
export const PARKFLOW_RESOURCE = 'urn:parkflow:api';
const RESOURCES: Record<string, string> = { [PARKFLOW_RESOURCE]: PARKFLOW_AUDIENCE, 'urn:other:api': OTHER_AUDIENCE };

/** The claims a Keycloak realm puts in its tokens, which the API is configured to read (AUTH_*_CLAIM). */
export const KEYCLOAK_CLAIMS = { AUTH_ROLE_CLAIM: 'realm_access.roles', AUTH_DISTRICT_CLAIM: 'district' };

/** A new signing key of `alg` (private JWK, with a key id). */
export async function signingKey(alg: 'RS256' | 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `${alg}-${randomBytes(4).toString('hex')}` };
}

/** The smallest storage the provider needs (its default one warns that it is for quick starts). */
export class MemoryStore {
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
  name: officer.name ?? officer.sub,
  email: officer.email ?? `${officer.sub}@officers.example`,
});

/** Keycloak's shape: realm roles (among the provider's own) and a district attribute. */
const rolesOf = (officer: Officer, profile: Record<string, string>): Record<string, unknown> => {
  const roles = { realm_access: { roles: ['offline_access', officer.role] }, ...profile };
  return officer.district ? { ...roles, district: officer.district } : roles;
};

/** What a provider is set up with; the lists are read each time the configuration is built. */
export interface ProviderSetup {
  /** Signing keys, the first one signing. */
  keys: JWK[];
  /** Signs the provider's cookies, and is the client-credentials officers' client secret. */
  secret: string;
  /** Officers asking for tokens themselves (client credentials), each a confidential client of its own. */
  officers: Officer[];
  /** Browsers' public clients. */
  publicClients: PublicClient[];
  /** The officers who may sign in through a public client, by `sub` (their login). */
  accounts: Map<string, Officer>;
  /** The provider's own development login and consent pages; false: the caller serves `/interaction/<uid>`. */
  devInteractions: boolean;
  /** The page that confirms an RP-initiated sign-out (the provider's own when absent). */
  logoutSource?: (ctx: { body: unknown }, form: string) => Promise<void>;
}

/** The provider's configuration for `setup`: Keycloak-shaped JWT access tokens for the API's resource. */
export function providerConfiguration(setup: ProviderSetup): Configuration {
  const { keys, secret, officers, publicClients, accounts } = setup;
  return {
    jwks: { keys: keys as never },
    cookies: { keys: [secret] },
    adapter: MemoryStore as never,
    clients: [
      ...officers.map((officer) => ({
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
        // Refresh tokens (rotated, as for Keycloak's public clients) renew a signed-in console's session silently.
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code' as const],
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      })),
    ],
    extraClientMetadata: { properties: ['officer'] },
    pkce: { methods: ['S256'], required: () => true },
    // As Keycloak does for a standard-flow client: a refresh token without asking for offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // A browser may call the token endpoint from its redirect URIs' origins (Keycloak's web origins "+").
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    // The ID token's profile and email claims, as Keycloak's scopes of those names give them.
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    // Officers signing in through a public client (Keycloak's claims: username, name, email).
    findAccount: (_ctx, sub) => {
      const officer = accounts.get(sub);
      return officer && { accountId: sub, claims: () => ({ sub, ...profileOf(officer) }) };
    },
    features: {
      devInteractions: { enabled: setup.devInteractions && publicClients.length > 0 },
      clientCredentials: { enabled: true },
      ...(setup.logoutSource
        ? { rpInitiatedLogout: { enabled: true, logoutSource: setup.logoutSource as never } }
        : {}),
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PARKFLOW_RESOURCE,
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
    // The provider's own defaults, stated (it warns at each use of an unstated one).
    ttl: {
      ClientCredentials: 3_600,
      AccessToken: 3_600,
      AuthorizationCode: 600,
      IdToken: 3_600,
      Interaction: 3_600,
      Session: 14 * 86_400,
      RefreshToken: 12 * 3_600,
      Grant: 14 * 86_400,
    },
    extraTokenClaims: (_ctx, token) => {
      const { client, accountId } = token as { client?: { officer?: Officer }; accountId?: string };
      const account = accountId ? accounts.get(accountId) : undefined;
      if (account) return rolesOf(account, profileOf(account));
      const officer = client?.officer;
      if (!officer) return {};
      const { email, name } = officer;
      return rolesOf(officer, { ...(email ? { email } : {}), ...(name ? { name } : {}) });
    },
  };
}
