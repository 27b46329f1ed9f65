import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIDENTIAL_CLIENTS } from '../../scripts/keycloak-server';
import { composeText, environmentOf, root, services } from '../support/source/compose-file';

/**
 * A production topology nobody can walk around (docs/security.md "Temporal", "Ports"), checked by reading compose, the
 * realm and the server's secured overlay (no Docker engine here; the cluster test drives the same files for real).
 */
const realm = JSON.parse(readFileSync(join(root, 'docker/keycloak/parkflow-realm.json'), 'utf8'));
const secured = readFileSync(join(root, 'docker/temporal/secured.yaml'), 'utf8');
const clientOf = (id: string) => realm.clients.find((client: { clientId: string }) => client.clientId === id);
const permissionsOf = (id: string): string[] => {
  const mapper = clientOf(id).protocolMappers.find((m: { name: string }) => m.name === 'temporal permissions');
  return JSON.parse(mapper.config['claim.value']);
};
/** The services that speak to Temporal's frontend, and the certificate each shows. */
const CALLERS: Record<string, string> = {
  'parkflow-api': 'parkflow-api',
  'parkflow-worker': 'parkflow-worker',
  'temporal-ui': 'temporal-ui',
  'temporal-create-namespace': 'temporal-admin',
};

describe('compose publishes only the front door, Keycloak’s login and the signed-in Temporal UI', () => {
  it('no other host port: PostgreSQL, Temporal’s gRPC, metrics, Prometheus and the mail catcher stay inside', () => {
    const published = Object.entries(services).flatMap(([name, service]) =>
      ((service.ports ?? []) as string[]).map((port) => `${name} ${port}`),
    );
    expect(published.sort()).toEqual(['keycloak 8081:8080', 'parkflow-front-door 3000:3000', 'temporal-ui 8080:8080']);
  });

  it('the Temporal UI that is published signs ops staff in and has no write action', () => {
    expect(environmentOf('temporal-ui')).toMatchObject({
      TEMPORAL_AUTH_ENABLED: 'true',
      TEMPORAL_AUTH_CLIENT_ID: 'temporal-ui',
      TEMPORAL_DISABLE_WRITE_ACTIONS: 'true',
    });
  });
});

describe('Temporal’s frontend takes only callers with a certificate of the stack’s CA and a token', () => {
  it('the server runs the secured overlay of the repository, with the internal frontend for its system workers', () => {
    const env = services.temporal.environment;
    expect(env.TEMPORAL_AVAILABILITY_ZONE).toBe('secured');
    expect(services.temporal.volumes).toContain(
      './docker/temporal/secured.yaml:/etc/temporal/config/docker_secured.yaml:ro',
    );
    expect(String(env.SERVICES).split(':')).toEqual(expect.arrayContaining(['frontend', 'internal-frontend']));
    expect(env.TEMPORAL_JWKS_URL).toBe('http://keycloak:8080/realms/parkflow/protocol/openid-connect/certs');
    // npm run cluster starts the same overlay (one secured configuration for both topologies).
    expect(readFileSync(join(root, 'scripts/cluster.sh'), 'utf8')).toContain('docker/temporal/secured.yaml');
  });

  it('the overlay requires client certificates on the frontend and between nodes, and authorizes by token', () => {
    // Its template statements dropped, its expressions stand-ins: the structure the server reads.
    const rendered = parse(secured.replace(/^\s*\{\{-.*\}\}\n/gm, '').replace(/\{\{[^}]*\}\}/g, 'x'));
    for (const group of ['frontend', 'internode']) {
      expect(rendered.global.tls[group].server.requireClientAuth).toBe(true);
      expect(rendered.global.tls[group].server.clientCaFiles).toHaveLength(1);
    }
    expect(rendered.global.authorization).toMatchObject({
      authorizer: 'default',
      claimMapper: 'default',
      permissionsClaimName: 'permissions',
      audience: 'temporal',
    });
    expect(rendered.services['internal-frontend'].rpc).toBeDefined();
  });

  it('every caller mounts the certificates read-only from a file the operator makes, and names its own', () => {
    const mount = '${PARKFLOW_CERT_DIR:-./.data/certs}:/etc/parkflow/certs:ro';
    expect(composeText).toContain(`x-certificates: &certificates ${mount}`);
    for (const [name, certificate] of Object.entries({ ...CALLERS, temporal: 'temporal-server' })) {
      expect({ name, volumes: services[name].volumes }).toEqual({ name, volumes: expect.arrayContaining([mount]) });
      const paths = Object.entries(services[name].environment as Record<string, string>).filter(([key]) =>
        /^TEMPORAL_TLS_(CERT|KEY)(_FILE)?$/.test(key),
      );
      if (name === 'temporal') continue; // the server's own files are named by the overlay
      expect(paths.map(([, path]) => path).sort()).toEqual([
        `/etc/parkflow/certs/${certificate}.key`,
        `/etc/parkflow/certs/${certificate}.pem`,
      ]);
    }
  });

  it('the API and the workers fetch tokens of their own service accounts, their secrets in mounted files', () => {
    for (const [service, client] of [
      ['parkflow-api', 'parkflow-api-temporal'],
      ['parkflow-worker', 'parkflow-worker'],
    ]) {
      const env = services[service].environment;
      expect(env.TEMPORAL_AUTH_CLIENT_ID).toBe(client);
      const secret = String(env.TEMPORAL_AUTH_CLIENT_SECRET_FILE).replace('/run/secrets/', '');
      expect(services[service].secrets).toEqual([secret]);
      const variable = CONFIDENTIAL_CLIENTS[client as keyof typeof CONFIDENTIAL_CLIENTS];
      expect(parse(composeText).secrets[secret]).toEqual({ environment: variable });
      expect(services.keycloak.environment[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
    }
  });
});

describe('the realm: service accounts write in the namespace, ops staff read, the administrator administers', () => {
  it('each confidential client takes its secret from the environment, its tokens for the audience temporal', () => {
    for (const [client, variable] of Object.entries(CONFIDENTIAL_CLIENTS)) {
      expect(clientOf(client)).toMatchObject({ publicClient: false, secret: `\${${variable}}` });
      const audience = clientOf(client).protocolMappers.find(
        (m: { protocolMapper: string }) => m.protocolMapper === 'oidc-audience-mapper',
      );
      expect(audience.config['included.custom.audience']).toBe('temporal');
    }
  });

  it('the API and the workers write in the configured namespace only; the admin client is the cluster’s admin', () => {
    expect(permissionsOf('parkflow-api-temporal')).toEqual(['${TEMPORAL_NAMESPACE}:write']);
    expect(permissionsOf('parkflow-worker')).toEqual(['${TEMPORAL_NAMESPACE}:write']);
    expect(permissionsOf('temporal-admin')).toEqual(['temporal-system:admin']);
    expect(services.keycloak.environment.TEMPORAL_NAMESPACE).toBe(
      services['parkflow-api'].environment.TEMPORAL_NAMESPACE,
    );
  });

  it('ops staff sign in to the UI with read roles only, and no officer role', () => {
    const ops = realm.users.filter((user: { realmRoles: string[] }) => user.realmRoles.length === 0);
    expect(ops.map((user: { username: string }) => user.username)).toEqual(['ops-reader']);
    const roles: string[] = ops[0].clientRoles['temporal-ui'];
    expect(roles.every((role) => role.endsWith(':read'))).toBe(true);
    expect(clientOf('temporal-ui')).toMatchObject({ standardFlowEnabled: true, directAccessGrantsEnabled: false });
    expect(clientOf('temporal-ui').redirectUris).toEqual(['http://localhost:8080/auth/sso/callback']);
  });
});
