import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  clusterRealm,
  fingerprintOf,
  generatedClientSecrets,
  generatedSecret,
  keycloakDatabase,
  officerLines,
  realmPlaceholders,
  type KeycloakState,
  type Realm,
} from './keycloak-server';

/**
 * `node dist/scripts/keycloak-server.cli.js <dir>` (scripts/cluster.sh): Keycloak for `npm run cluster`, in the
 * foreground until SIGTERM — the distribution provisioned by scripts/provision.sh (`.tools/keycloak`, Maven Central's
 * org.keycloak:keycloak-quarkus-dist, built for PostgreSQL), on the cluster's PostgreSQL (database `keycloak`, made
 * with temporal-sql-tool like Temporal's own), importing compose's realm (docker/keycloak/parkflow-realm.json, its
 * redirect URIs moved to the cluster's front door). Its home is `<dir>/home` (the distribution's `lib` linked, its
 * own `data`), so the cached distribution is never written to.
 *
 * Once Keycloak is ready it gives the realm's demo officers the generated password kept in `<dir>/state.json` (they
 * have none in the realm file) and writes `<dir>/banner.txt` for the cluster's banner. A new Keycloak or realm file
 * empties the database first, so the realm is imported afresh. The confidential clients' secrets (service accounts
 * on Temporal, the Temporal UI) are generated with the state, given to the import as its placeholders, and written to
 * `<dir>/secrets/<client>` (owner only) for the processes that use them.
 *
 * Environment: DATABASE_URL; KEYCLOAK_PORT (8081), KEYCLOAK_MANAGEMENT_PORT (9000, its /health), PORT (the front
 * door, 3000), TEMPORAL_UI_PORT (8080), TEMPORAL_NAMESPACE (default); POSTGRES_SEEDS, DB_PORT, POSTGRES_USER,
 * SQL_PASSWORD (temporal-server.cli.js's exports).
 */
const say = (line: string): void => void process.stderr.write(`[keycloak] ${line}\n`);

const repoRoot = resolve(__dirname, '..', '..'); // compiled: dist/scripts/
const distribution = join(repoRoot, '.tools', 'keycloak');
const port = Number(process.env.KEYCLOAK_PORT ?? 8081);
const managementPort = Number(process.env.KEYCLOAK_MANAGEMENT_PORT ?? 9000);
const url = `http://localhost:${port}`;
const frontDoor = `http://localhost:${process.env.PORT ?? 3000}`;
const temporalUi = `http://localhost:${process.env.TEMPORAL_UI_PORT ?? 8080}`;
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
let keycloak: ChildProcess | undefined;

/**
 * temporal-sql-tool on the cluster's PostgreSQL, as docker/temporal/setup-schema.sh runs it for Temporal's databases;
 * `quiet`: a failure (the database exists, or does not) is not an error.
 */
function sqlTool(database: string, command: string[], quiet = false): void {
  const { POSTGRES_SEEDS: host, DB_PORT: dbPort, POSTGRES_USER: user } = process.env;
  if (!host || !user) throw new Error('POSTGRES_SEEDS and POSTGRES_USER are required (temporal-server.cli.js)');
  const connection = ['--plugin', 'postgres12', '--ep', host, '-p', dbPort ?? '5432', '-u', user, '--db', database];
  const args = [...connection, ...(quiet ? ['-q'] : []), ...command];
  execFileSync(join(repoRoot, '.tools', 'temporal-sql-tool'), args, {
    stdio: ['ignore', 'ignore', quiet ? 'ignore' : 'inherit'],
  });
}

function readState(path: string): (KeycloakState & { imported?: boolean }) | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The home Keycloak runs in: the distribution's build linked, its own data dir, the realm to import. */
function prepareHome(home: string, realmJson: string): void {
  mkdirSync(join(home, 'providers'), { recursive: true });
  mkdirSync(join(home, 'data', 'import'), { recursive: true });
  rmSync(join(home, 'lib'), { force: true });
  symlinkSync(join(distribution, 'lib'), join(home, 'lib'));
  writeFileSync(join(home, 'data', 'import', 'parkflow-realm.json'), realmJson);
}

/** One file per confidential client, holding its secret (no newline), readable by its owner only. */
function writeClientSecrets(secretsDir: string, state: KeycloakState): void {
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  for (const [client, secret] of Object.entries(state.clientSecrets))
    writeFileSync(join(secretsDir, client), secret, { mode: 0o600 });
}

async function ready(deadline: number, child: { exitCode: number | null }): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Keycloak exited (${child.exitCode}); see its log above`);
    const up = await fetch(`http://127.0.0.1:${managementPort}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('Keycloak was not ready in time');
}

/** The admin REST API: every user of the realm gets `password` (not temporary) and no pending required action. */
async function setOfficerPasswords(realm: string, admin: string, password: string): Promise<number> {
  const form = { grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: admin };
  const token = await fetch(`${url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  }).then((response) => response.json() as Promise<{ access_token?: string }>);
  if (!token.access_token) throw new Error('the bootstrap administrator could not sign in');
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${url}/admin/realms/${realm}${path}`, {
      method,
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const users = (await (await call('GET', '/users?briefRepresentation=true&max=1000')).json()) as Array<{
    id: string;
  }>;
  for (const user of users) {
    await call('PUT', `/users/${user.id}/reset-password`, { type: 'password', value: password, temporary: false });
    await call('PUT', `/users/${user.id}`, { requiredActions: [] });
  }
  return users.length;
}

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!dir || !databaseUrl) throw new Error('usage: DATABASE_URL=… keycloak-server.cli.js <dir>');
  if (!existsSync(join(distribution, 'lib', 'quarkus-run.jar')))
    throw new Error(`${distribution} is missing: run scripts/provision.sh --cluster (needs Java 17+ and Maven)`);
  const started = Date.now();
  mkdirSync(dir, { recursive: true });
  const version = readFileSync(join(distribution, 'version.txt'), 'utf8').trim();
  const composeRealm = JSON.parse(readFileSync(join(repoRoot, 'docker', 'keycloak', 'parkflow-realm.json'), 'utf8'));
  const realm: Realm = clusterRealm(composeRealm, frontDoor, temporalUi);
  const realmJson = `${JSON.stringify(realm, null, 2)}\n`;

  const statePath = join(dir, 'state.json');
  const fingerprint = fingerprintOf(version, realmJson);
  const kept = readState(statePath);
  const fresh = !kept?.imported || kept.fingerprint !== fingerprint;
  const state: KeycloakState = fresh
    ? {
        fingerprint,
        adminPassword: kept?.adminPassword ?? generatedSecret(),
        officerPassword: generatedSecret(),
        clientSecrets: generatedClientSecrets(),
      }
    : kept;
  if (fresh) {
    say(`${kept ? 'the realm file or Keycloak changed: ' : ''}a new database, importing the realm`);
    sqlTool('keycloak', ['drop-database', '-f'], true);
    sqlTool('keycloak', ['create-database']);
    rmSync(join(dir, 'home', 'data'), { recursive: true, force: true });
  } else {
    sqlTool('keycloak', ['create-database'], true); // PostgreSQL's data dir may be new: Keycloak imports again
  }
  writeFileSync(statePath, `${JSON.stringify({ ...state, imported: false })}\n`, { mode: 0o600 });
  writeClientSecrets(join(dir, 'secrets'), state);
  const home = join(dir, 'home');
  prepareHome(home, realmJson);
  rmSync(join(dir, 'banner.txt'), { force: true });

  const child = (keycloak = spawn(
    join(distribution, 'bin', 'kc.sh'),
    [
      `-Dkc.home.dir=${resolve(home)}`,
      'start',
      '--optimized',
      '--import-realm',
      '--http-enabled=true',
      `--http-port=${port}`,
      `--hostname=${url}`,
      `--http-management-port=${managementPort}`,
      '--cache=local',
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...keycloakDatabase(databaseUrl),
        ...realmPlaceholders(state, namespace),
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: state.adminPassword,
        // C1 only: a local stack's Keycloak starts sooner (22–37 s instead of 40–50 s beside the cluster's start-up).
        JAVA_OPTS_APPEND: process.env.JAVA_OPTS_APPEND ?? '-XX:TieredStopAtLevel=1',
      },
    },
  ));
  const stop = (): void => void child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

  await ready(started + Number(process.env.KEYCLOAK_READY_TIMEOUT ?? 300) * 1_000, child);
  const officers = await setOfficerPasswords(realm.realm, state.adminPassword, state.officerPassword);
  writeFileSync(statePath, `${JSON.stringify({ ...state, imported: true })}\n`, { mode: 0o600 });
  const seconds = ((Date.now() - started) / 1_000).toFixed(1);
  say(`ready in ${seconds} s (${fresh ? 'realm imported' : 'realm kept'}); ${officers} officers' passwords set`);
  const consoleClient = realm.clients.find((client) => client.clientId === 'parkflow-console');
  writeFileSync(
    join(dir, 'banner.txt'),
    [
      `Keycloak     ${url}/realms/${realm.realm}  (Keycloak ${version.replace(/^\D+/, '')}, database keycloak; ` +
        `ready in ${seconds} s)`,
      `             admin console ${url}/admin  user admin, password ${state.adminPassword}`,
      `Sign in      the console ${frontDoor}/ (or Swagger UI ${frontDoor}/docs → Authorize → oidc), ` +
        `client ${consoleClient?.clientId} (PKCE, no secret),`,
      `             then one of these officers with the password ${state.officerPassword}`,
      `             (ops-reader signs in to the Temporal UI ${temporalUi} only, and reads)`,
      ...officerLines(realm).map((line) => `               ${line.replaceAll('${TEMPORAL_NAMESPACE}', namespace)}`),
    ].join('\n') + '\n',
    { mode: 0o600 },
  );
}

main().catch((error: unknown) => {
  say(String((error as Error).message ?? error));
  keycloak?.kill('SIGTERM');
  process.exit(1);
});
