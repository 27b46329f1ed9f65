import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OAUTH2_REDIRECT_PATH } from '../../api/common/security-headers';
import {
  clusterRealm,
  fingerprintOf,
  generatedSecret,
  keycloakDatabase,
  officerLines,
  type Realm,
} from '../../scripts/keycloak-server';
import { root } from '../support/source/compose-file';

/** Issue 20 item 3: `npm run cluster`'s Keycloak imports compose's realm, moved to the cluster's front door. */
const realm: Realm = JSON.parse(readFileSync(join(root, 'docker', 'keycloak', 'parkflow-realm.json'), 'utf8'));
const consoleOf = (r: Realm) => r.clients.find((client) => client.clientId === 'parkflow-console');

describe("npm run cluster's Keycloak (scripts/keycloak-server.ts)", () => {
  it('moves the console client to the cluster front door, and leaves compose’s realm as it is', () => {
    const moved = clusterRealm(realm, 'http://localhost:3100');
    expect(consoleOf(moved)?.redirectUris).toEqual(
      expect.arrayContaining([`http://localhost:3100${OAUTH2_REDIRECT_PATH}`, 'http://localhost:3100/signed-in']),
    );
    expect(consoleOf(moved)?.redirectUris?.join(' ')).not.toContain(':3000');
    expect(consoleOf(moved)?.webOrigins).toEqual(['http://localhost:3100']);
    expect(consoleOf(moved)?.attributes?.['post.logout.redirect.uris']).toBe('http://localhost:3100/');
    expect(consoleOf(moved)?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(consoleOf(realm)?.webOrigins).toEqual(['http://localhost:3000']);
    expect(clusterRealm(realm, 'http://localhost:3000')).toEqual(realm);
  });

  it('puts its database beside parkflow’s, with the same credentials', () => {
    expect(keycloakDatabase('postgres://parkflow:p%40ss@127.0.0.1:5434/parkflow')).toEqual({
      KC_DB_URL: 'jdbc:postgresql://127.0.0.1:5434/keycloak',
      KC_DB_USERNAME: 'parkflow',
      KC_DB_PASSWORD: 'p@ss',
    });
  });

  it('generates its secrets, and imports afresh when Keycloak or the realm changes', () => {
    const [one, two] = [generatedSecret(), generatedSecret()];
    expect(one).toMatch(/^[\w-]{24}$/);
    expect(one).not.toBe(two);
    expect(fingerprintOf('26.4.7', '{}')).toBe(fingerprintOf('26.4.7', '{}'));
    expect(fingerprintOf('26.4.7', '{}')).not.toBe(fingerprintOf('26.4.8', '{}'));
    expect(fingerprintOf('26.4.7', '{}')).not.toBe(fingerprintOf('26.4.7', '{"realm":"x"}'));
  });

  it('lists the demo officers for the banner', () => {
    const lines = officerLines(realm);
    expect(lines).toHaveLength(realm.users.length);
    expect(lines.find((line) => line.startsWith('yubei-officer'))).toMatch(/district 500112 {2}王晓燕$/);
  });
});
