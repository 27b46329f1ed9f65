import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig } from '../../api/config/app-config';
import { hs256Enabled } from '../../api/config/auth-settings';
import { OAUTH2_REDIRECT_PATH } from '../../api/common/security-headers';
import { DISTRICT_CODES } from '../../persistence/reference/chongqing-districts';
import { OFFICER_ROLES } from '../../workflows/definitions/case';
import { composeText, dependsOn, environmentOf, interpolated, root, services } from '../support/source/compose-file';

/** Issue 14, "Keycloak in compose" and "no default secrets", checked by reading the files (no Docker engine here). */
const keycloak = services.keycloak;
const realmMount = String(keycloak.volumes[0]).split(':');
const realm = JSON.parse(readFileSync(join(root, realmMount[0]), 'utf8'));
const apiEnv = environmentOf('parkflow-api');
const console = realm.clients.find((client: { clientId: string }) => client.clientId === 'parkflow-console');
/** The realm's officers; its other users are ops staff, with roles of the Temporal UI only (no officer role). */
const officers = realm.users.filter((user: { realmRoles: string[] }) => user.realmRoles.length > 0);
const mapper = (type: string) =>
  console.protocolMappers.find((m: { protocolMapper: string }) => m.protocolMapper === type);

describe('no default secrets in docker-compose.yml (issue 14)', () => {
  it('every password or secret comes from the environment, and compose stops naming it when it is missing', () => {
    const secretLike = /PASSWORD|SECRET|PWD/;
    const defaults = [...composeText.matchAll(/\$\{(\w+):-/g)].map((match) => match[1]);
    expect(defaults.filter((name) => secretLike.test(name))).toEqual([]);
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries((service.environment ?? {}) as Record<string, string>)) {
        // A secret is a required variable, or a file compose mounts from one (its `secrets`, at /run/secrets/).
        if (secretLike.test(key))
          expect({ service: name, key, value }).toEqual({
            service: name,
            key,
            value: key.endsWith('_FILE')
              ? expect.stringMatching(/^\/run\/secrets\/[\w-]+$/)
              : expect.stringMatching(/^\$\{\w+:\?.+\}$/),
          });
      }
    }
    // The URL carries a password from the environment too, and the example file lists every required one.
    expect(services['parkflow-api'].environment.DATABASE_URL).toContain('${PARKFLOW_DB_PASSWORD:?');
    const required = [...new Set([...composeText.matchAll(/\$\{(\w+):\?/g)].map((match) => match[1]))].sort();
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    expect(required).toEqual([
      'DOCUMENT_LINK_SECRET',
      'GRAFANA_ADMIN_PASSWORD',
      'KEYCLOAK_ADMIN_PASSWORD',
      'KEYCLOAK_DB_PASSWORD',
      'OBJECT_STORE_ACCESS_KEY_ID',
      'OBJECT_STORE_SECRET_ACCESS_KEY',
      'OBJECT_STORE_SSE_KEY',
      'PARKFLOW_DB_PASSWORD',
      'POSTGRES_PASSWORD',
      'TEMPORAL_ADMIN_CLIENT_SECRET',
      'TEMPORAL_API_CLIENT_SECRET',
      'TEMPORAL_UI_CLIENT_SECRET',
      'TEMPORAL_WORKER_CLIENT_SECRET',
    ]);
    for (const name of required) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('the database init script takes its passwords from the environment', () => {
    const init = readFileSync(join(root, 'docker/postgres/init-parkflow.sh'), 'utf8');
    expect(init).toContain('"$PARKFLOW_DB_PASSWORD"');
    expect(init).toContain('"$KEYCLOAK_DB_PASSWORD"');
    expect(init).not.toMatch(/PASSWORD '[^']*'/);
  });
});

describe('Keycloak signs officers in (issue 14): the realm file and the API wired to it', () => {
  it('runs a pinned Keycloak that imports the realm of the repository, before the API starts', () => {
    expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+\.\d+$/);
    expect(realmMount[0]).toBe('./docker/keycloak/parkflow-realm.json');
    expect(realmMount[1]).toMatch(/^\/opt\/keycloak\/data\/import\//);
    expect(keycloak.command).toContain('--import-realm');
    expect(dependsOn('parkflow-api').keycloak.condition).toBe('service_healthy');
  });

  it('the API takes only the realm’s tokens in production (no HS256), its keys fetched inside the network', () => {
    const config = loadAppConfig(apiEnv);
    expect(config.NODE_ENV).toBe('production');
    expect(hs256Enabled(config, true)).toBe(false);
    const hostname = interpolated(keycloak.command.find((arg: string) => arg.startsWith('--hostname=')).slice(11));
    expect(config.AUTH_ISSUER).toBe(`${hostname}/realms/${realm.realm}`);
    const [, containerPort] = String(keycloak.ports[0]).split(':');
    expect(config.AUTH_JWKS_URL).toBe(
      `http://keycloak:${containerPort}/realms/${realm.realm}/protocol/openid-connect/certs`,
    );
    expect(keycloak.command).toContain('--hostname-backchannel-dynamic=true');
  });

  it('the realm has the contract’s four roles, in the claim the API reads', () => {
    expect(realm.roles.realm.map((role: { name: string }) => role.name).sort()).toEqual([...OFFICER_ROLES].sort());
    expect(apiEnv.AUTH_ROLE_CLAIM).toBe('realm_access.roles'); // where Keycloak puts realm roles
    expect(apiEnv.AUTH_ROLE_MAP).toBeUndefined();
  });

  it('tokens of the officers’ console are for the API’s audience and carry the district attribute', () => {
    expect(realm.clients.map((client: { clientId: string }) => client.clientId)).toContain(apiEnv.AUTH_AUDIENCE);
    expect(mapper('oidc-audience-mapper').config).toMatchObject({
      'included.client.audience': apiEnv.AUTH_AUDIENCE,
      'access.token.claim': 'true',
    });
    expect(mapper('oidc-usermodel-attribute-mapper').config).toMatchObject({
      'user.attribute': 'district',
      'claim.name': apiEnv.AUTH_DISTRICT_CLAIM,
      'access.token.claim': 'true',
      multivalued: 'false',
    });
    expect(console).toMatchObject({ publicClient: true, implicitFlowEnabled: false, directAccessGrantsEnabled: false });
    expect(console.attributes['pkce.code.challenge.method']).toBe('S256');
  });

  it('the user profile declares the district attribute, and its pattern admits every district code', () => {
    const [profileProvider] = realm.components['org.keycloak.userprofile.UserProfileProvider'];
    const profile = JSON.parse(profileProvider.config['kc.user.profile.config'][0]);
    const district = profile.attributes.find((attribute: { name: string }) => attribute.name === 'district');
    const pattern = new RegExp(district.validations.pattern.pattern);
    for (const code of DISTRICT_CODES) expect(code).toMatch(pattern);
    expect(district.permissions.edit).toEqual(['admin']); // an officer cannot move to another district
  });

  it('example officers: one contract role each, a known district for district officers, no credentials', () => {
    expect(officers.length).toBeGreaterThanOrEqual(OFFICER_ROLES.length);
    for (const user of officers) {
      expect(user.realmRoles).toHaveLength(1);
      expect(OFFICER_ROLES).toContain(user.realmRoles[0]);
      const district = user.attributes?.district;
      if (user.realmRoles[0] === 'district') expect(DISTRICT_CODES.has(district?.[0])).toBe(true);
      else expect(district).toBeUndefined();
      expect(user.credentials).toBeUndefined();
    }
    expect(new Set(officers.flatMap((user: { realmRoles: string[] }) => user.realmRoles))).toEqual(
      new Set(OFFICER_ROLES),
    );
  });

  it('sessions and tokens are short: access tokens within the API’s lifetime bound, sessions within a day', () => {
    expect(realm.accessTokenLifespan).toBeLessThanOrEqual(loadAppConfig(apiEnv).AUTH_MAX_TOKEN_LIFETIME);
    expect(realm.ssoSessionMaxLifespan).toBeLessThanOrEqual(12 * 3_600);
    expect(realm).toMatchObject({ sslRequired: 'external', registrationAllowed: false, bruteForceProtected: true });
  });

  it('officers are known by their username (readable in the audit and on panels), set by administrators only', () => {
    expect(apiEnv.AUTH_SUBJECT_CLAIM).toBe('preferred_username');
    expect(realm.editUsernameAllowed).toBe(false);
    const [profileProvider] = realm.components['org.keycloak.userprofile.UserProfileProvider'];
    const profile = JSON.parse(profileProvider.config['kc.user.profile.config'][0]);
    const username = profile.attributes.find((attribute: { name: string }) => attribute.name === 'username');
    expect(username.permissions.edit).toEqual(['admin']);
    expect(username.validations.length.max).toBeLessThanOrEqual(200); // token.subject's bound
  });
});

describe('officers sign in from a browser (issue 20 item 3): the realm file and compose in step', () => {
  const frontDoor = `http://localhost:${String(services['parkflow-front-door'].ports[0]).split(':')[0]}`;
  const claimOf = (type: string, attribute?: string) =>
    console.protocolMappers.find(
      (m: { protocolMapper: string; config: Record<string, string> }) =>
        m.protocolMapper === type && (attribute === undefined || m.config['user.attribute'] === attribute),
    )?.config;

  it('the login pages are Chinese by default, English offered', () => {
    expect(realm).toMatchObject({
      internationalizationEnabled: true,
      supportedLocales: ['zh-CN', 'en'],
      defaultLocale: 'zh-CN',
    });
  });

  it('access tokens carry the email, the display name and the username the API records', () => {
    expect(claimOf('oidc-usermodel-property-mapper', 'email')).toMatchObject({
      'claim.name': 'email',
      'access.token.claim': 'true',
    });
    expect(claimOf('oidc-full-name-mapper')).toMatchObject({ 'access.token.claim': 'true' }); // the `name` claim
    expect(claimOf('oidc-usermodel-property-mapper', 'username')).toMatchObject({
      'claim.name': apiEnv.AUTH_SUBJECT_CLAIM,
      'access.token.claim': 'true',
    });
  });

  it('the console client sends officers back only to the console’s /signed-in and Swagger UI’s redirect page', () => {
    // The console's own path (console/src/auth/session.tsx), where oidc-client-ts completes the sign-in (issue 21).
    const session = readFileSync(join(root, 'console', 'src', 'auth', 'session.tsx'), 'utf8');
    const signedInPath = /export const SIGNED_IN_PATH = '([^']+)'/.exec(session)?.[1];
    expect(signedInPath).toBe('/signed-in');
    expect([...console.redirectUris].sort()).toEqual(
      [`${frontDoor}${signedInPath}`, `${frontDoor}${OAUTH2_REDIRECT_PATH}`].sort(),
    );
    expect(console.attributes['post.logout.redirect.uris']).toBe(`${frontDoor}/`); // the console's sign-out
    // Both call the token endpoint from the front door's origin: the console (one origin with the API) and Swagger UI.
    expect(console.webOrigins).toEqual([frontDoor]);
  });

  it('the console client is public, Authorization Code with PKCE (S256) only, and the API names it', () => {
    expect(console).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    expect(console.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(loadAppConfig(apiEnv).AUTH_CONSOLE_CLIENT_ID).toBe(console.clientId);
  });

  it('the demo officers: both districts, the bureau, three experts and finance, each with a name and an email', () => {
    const withRole = (role: string) =>
      realm.users.filter((user: { realmRoles: string[] }) => user.realmRoles[0] === role);
    expect(
      withRole('district').map((user: { attributes: { district: string[] } }) => user.attributes.district[0]),
    ).toEqual(expect.arrayContaining(['500112', '500103']));
    expect(withRole('municipal').length).toBeGreaterThanOrEqual(1);
    expect(withRole('expert').length).toBeGreaterThanOrEqual(3);
    expect(withRole('finance').length).toBeGreaterThanOrEqual(1);
    for (const user of realm.users) {
      expect(user).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String), emailVerified: true });
      expect(user.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    }
    expect(new Set(realm.users.map((user: { email: string }) => user.email)).size).toBe(realm.users.length);
  });

  it('npm run cluster runs the Keycloak version compose runs (scripts/provision.sh)', () => {
    const provision = readFileSync(join(root, 'scripts', 'provision.sh'), 'utf8');
    const version = /^KEYCLOAK_VERSION=(\S+)/m.exec(provision)?.[1];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(keycloak.image).toBe(`quay.io/keycloak/keycloak:${version}`);
  });
});
