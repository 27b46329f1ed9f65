import { createHash, randomBytes } from 'node:crypto';

/** The realm compose imports (docker/keycloak/parkflow-realm.json), as far as `npm run cluster` reads it. */
export interface Realm {
  realm: string;
  clients: Array<{
    clientId: string;
    redirectUris?: string[];
    webOrigins?: string[];
    attributes?: Record<string, string>;
  }>;
  users: Array<{
    username: string;
    firstName?: string;
    lastName?: string;
    realmRoles: string[];
    clientRoles?: Record<string, string[]>;
    attributes?: { district?: string[] };
  }>;
}

/** The realm's confidential clients (service accounts on Temporal, the Temporal UI): their secrets come from here. */
export const CONFIDENTIAL_CLIENTS = {
  'parkflow-api-temporal': 'TEMPORAL_API_CLIENT_SECRET',
  'parkflow-worker': 'TEMPORAL_WORKER_CLIENT_SECRET',
  'temporal-admin': 'TEMPORAL_ADMIN_CLIENT_SECRET',
  'temporal-ui': 'TEMPORAL_UI_CLIENT_SECRET',
} as const;
export type ConfidentialClient = keyof typeof CONFIDENTIAL_CLIENTS;

/** Where compose's realm sends officers back to (its front door, `http://localhost:3000`). */
export const COMPOSE_ORIGIN = 'http://localhost:3000';
/** Where it sends ops staff back to (compose's Temporal UI). */
export const COMPOSE_TEMPORAL_UI_ORIGIN = 'http://localhost:8080';

/**
 * The realm as `npm run cluster` imports it: compose's, with the browser-facing URIs of its clients moved from
 * compose's front door to the cluster's (`PORT`), so the console's `/signed-in` and Swagger UI's redirect page are
 * allowed there (and `/` after signing out), and from compose's Temporal UI to the cluster's (`TEMPORAL_UI_PORT`).
 */
export function clusterRealm(
  realm: Realm,
  frontDoorOrigin: string,
  temporalUiOrigin = COMPOSE_TEMPORAL_UI_ORIGIN,
): Realm {
  const moves: Array<[string, string]> = [
    [COMPOSE_ORIGIN, frontDoorOrigin],
    [COMPOSE_TEMPORAL_UI_ORIGIN, temporalUiOrigin],
  ];
  const moved = (uri: string): string => {
    const move = moves.find(([from]) => uri === from || uri.startsWith(`${from}/`));
    return move ? move[1] + uri.slice(move[0].length) : uri;
  };
  return {
    ...realm,
    clients: realm.clients.map((client) => ({
      ...client,
      ...(client.redirectUris ? { redirectUris: client.redirectUris.map(moved) } : {}),
      ...(client.webOrigins ? { webOrigins: client.webOrigins.map(moved) } : {}),
      ...(client.attributes
        ? {
            attributes: Object.fromEntries(
              Object.entries(client.attributes).map(([name, value]) => [
                name,
                name === 'post.logout.redirect.uris' ? value.split('##').map(moved).join('##') : value,
              ]),
            ),
          }
        : {}),
    })),
  };
}

/**
 * What the cluster's Keycloak keeps between runs (`<dir>/state.json`, readable by its owner only): the bootstrap
 * administrator's password (Keycloak creates that administrator at the first start on an empty database only), the
 * demo officers' password, and what the database was made from — a new Keycloak or realm file starts from an empty
 * database, so the realm is imported afresh.
 */
export interface KeycloakState {
  /** The Keycloak version and the realm as imported: a change empties Keycloak's database. */
  fingerprint: string;
  adminPassword: string;
  officerPassword: string;
  /** The confidential clients' secrets, given to Keycloak's import as its placeholders. */
  clientSecrets: Record<ConfidentialClient, string>;
}

/** A new secret for every confidential client. */
export const generatedClientSecrets = (): Record<ConfidentialClient, string> =>
  Object.fromEntries(Object.keys(CONFIDENTIAL_CLIENTS).map((client) => [client, generatedSecret()])) as Record<
    ConfidentialClient,
    string
  >;

/** The environment Keycloak's realm import resolves its placeholders from (`${TEMPORAL_NAMESPACE}`, the secrets). */
export function realmPlaceholders(state: KeycloakState, namespace: string): Record<string, string> {
  const secrets = Object.entries(CONFIDENTIAL_CLIENTS).map(([client, variable]) => [
    variable,
    state.clientSecrets[client as ConfidentialClient],
  ]);
  return { TEMPORAL_NAMESPACE: namespace, ...Object.fromEntries(secrets) };
}

export const fingerprintOf = (keycloakVersion: string, realmJson: string): string =>
  createHash('sha256').update(`${keycloakVersion}\n${realmJson}`).digest('hex');

/** A generated secret (144 random bits, URL-safe), never a default. */
export const generatedSecret = (): string => randomBytes(18).toString('base64url');

/** Keycloak's JDBC settings for a database on the server of parkflow's `DATABASE_URL`, with its credentials. */
export function keycloakDatabase(databaseUrl: string, database = 'keycloak'): Record<string, string> {
  const url = new URL(databaseUrl);
  return {
    KC_DB_URL: `jdbc:postgresql://${url.hostname}:${url.port || '5432'}/${database}`,
    KC_DB_USERNAME: decodeURIComponent(url.username),
    KC_DB_PASSWORD: decodeURIComponent(url.password),
  };
}

/** One line per demo user for the cluster's banner: username, roles (the UI's for ops staff), district, name. */
export function officerLines(realm: Realm): string[] {
  return realm.users.map((user) => {
    const district = user.attributes?.district?.[0];
    const name = [user.firstName, user.lastName].filter(Boolean).join('');
    const roles = [...user.realmRoles, ...Object.values(user.clientRoles ?? {}).flat()].join(',');
    return `${user.username.padEnd(16)} ${roles}${district ? ` ${district}` : ''}  ${name}`;
  });
}
