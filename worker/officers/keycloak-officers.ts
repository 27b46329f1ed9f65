import { actorFromClaims } from '../../api/auth/claims';
import type { OfficerFacts } from '../../persistence/repositories/officers.repository';
import type { OfficerRole } from '../../workflows/definitions/case';

/** How to reach a Keycloak realm's admin API, and how its tokens describe an officer (as the API reads them). */
export interface KeycloakRealm {
  /** The Keycloak server, e.g. `http://localhost:8081`. */
  baseUrl: string;
  realm: string;
  credentials: { clientId: string; clientSecret: string } | { username: string; password: string };
  /** The API's AUTH_SUBJECT_CLAIM: which user field becomes the officer's id (`sub`, `preferred_username`, `email`). */
  subjectClaim: string;
  /** The API's AUTH_ROLE_MAP: the realm's role names → the contract's. */
  roleMap: Record<string, OfficerRole>;
  /** The user attribute holding a district officer's district code. */
  districtAttribute: string;
}

/** What the import found: the officers to record, and each user left out with why. */
export interface RealmOfficers {
  officers: OfficerFacts[];
  skipped: string[];
}

interface KeycloakUser {
  id: string;
  username: string;
  enabled?: boolean;
  email?: string;
  firstName?: string;
  lastName?: string;
  attributes?: Record<string, string[]>;
}

const PAGE = 100;
const TIMEOUT_MS = 10_000;

/** `fetch` with a bound, whose failure to connect names the URL (fetch says only "fetch failed"). */
async function call(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new Error(`${url} could not be reached: ${cause}`);
  }
}
/** The user field a token's subject claim is filled from (Keycloak's default mappers). */
const SUBJECT_FIELDS: Record<string, (user: KeycloakUser) => string | undefined> = {
  sub: (user) => user.id,
  preferred_username: (user) => user.username,
  email: (user) => user.email,
};

/**
 * Every officer of the realm through Keycloak's admin API: its users (`/admin/realms/<realm>/users`, paged), each
 * with its effective realm roles and its district attribute. A user is kept only as the API would admit their
 * token — one contract role (after the role map), and for a district officer one known district — so the
 * directory holds exactly the officers who can sign in; a disabled user is left out.
 */
export async function realmOfficers(realm: KeycloakRealm): Promise<RealmOfficers> {
  const subjectOf = SUBJECT_FIELDS[realm.subjectClaim];
  if (!subjectOf)
    throw new Error(
      `AUTH_SUBJECT_CLAIM '${realm.subjectClaim}' is no Keycloak user field (sub, preferred_username, email)`,
    );
  const token = await accessToken(realm);
  const get = async <T>(path: string): Promise<T> => {
    const url = `${realm.baseUrl}/admin/realms/${encodeURIComponent(realm.realm)}${path}`;
    const response = await call(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const result: RealmOfficers = { officers: [], skipped: [] };
  for (let first = 0; ; first += PAGE) {
    const users = await get<KeycloakUser[]>(`/users?briefRepresentation=false&first=${first}&max=${PAGE}`);
    for (const user of users) {
      if (user.enabled === false) {
        result.skipped.push(`${user.username}: disabled`);
        continue;
      }
      const roles = await get<Array<{ name: string }>>(
        `/users/${encodeURIComponent(user.id)}/role-mappings/realm/composite`,
      );
      try {
        result.officers.push(
          officerOf(
            user,
            subjectOf(user),
            roles.map((role) => role.name),
            realm,
          ),
        );
      } catch (error) {
        result.skipped.push(`${user.username}: ${(error as Error).message}`);
      }
    }
    if (users.length < PAGE) return result;
  }
}

/** The user as the API's claims would describe them; throws (naming why) when the API would refuse their token. */
function officerOf(
  user: KeycloakUser,
  subject: string | undefined,
  roles: string[],
  realm: KeycloakRealm,
): OfficerFacts {
  const claims = { sub: subject, roles, district: user.attributes?.[realm.districtAttribute] };
  const mapping = { subjectClaim: 'sub', roleClaim: 'roles', districtClaim: 'district', roleMap: realm.roleMap };
  const actor = actorFromClaims(claims, mapping, realm.realm);
  // Keycloak's "full name" mapper: the name claim is the first and the last name, space-separated.
  const displayName = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    subject: actor.id,
    role: actor.role,
    district: actor.district ?? null,
    email: user.email || null,
    displayName: displayName || null,
  };
}

/** An admin API token: client credentials in the realm, or an administrator's password grant in `master`. */
async function accessToken(realm: KeycloakRealm): Promise<string> {
  const { credentials } = realm;
  const [tokenRealm, form] =
    'clientId' in credentials
      ? [
          realm.realm,
          {
            grant_type: 'client_credentials',
            client_id: credentials.clientId,
            client_secret: credentials.clientSecret,
          },
        ]
      : [
          'master',
          {
            grant_type: 'password',
            client_id: 'admin-cli',
            username: credentials.username,
            password: credentials.password,
          },
        ];
  const url = `${realm.baseUrl}/realms/${encodeURIComponent(tokenRealm)}/protocol/openid-connect/token`;
  const response = await call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token)
    throw new Error(
      `${url} gave no token (${response.status}${body.error_description ? `: ${body.error_description}` : ''})`,
    );
  return body.access_token;
}
