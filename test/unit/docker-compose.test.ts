import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PARK_CASE_SEARCH_ATTRIBUTES } from '../../workflows/definitions/search-attributes';

// No Docker engine runs here, so the compose file is checked by reading it: services, ports, env, order.
const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const services: Record<string, any> = compose.services;
const dependsOn = (name: string) => services[name].depends_on as Record<string, { condition: string }>;

describe('docker-compose.yml (Temporal self-hosting shape + parkflow)', () => {
  it('has PostgreSQL, schema set-up, server, namespace set-up, UI, migrations, worker and API', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'maildev',
        'parkflow-api',
        'parkflow-migrate',
        'parkflow-worker',
        'postgresql',
        'temporal',
        'temporal-admin-tools',
        'temporal-create-namespace',
        'temporal-ui',
      ].sort(),
    );
    expect(services['temporal-admin-tools'].image).toMatch(/^temporalio\/admin-tools:/);
    expect(services.temporal.image).toMatch(/^temporalio\/server:/);
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
  });

  it('runs the Temporal server version that npm run cluster builds (scripts/provision.sh)', () => {
    const provision = readFileSync(join(__dirname, '..', '..', 'scripts', 'provision.sh'), 'utf8');
    const version = /^TEMPORAL_SERVER_VERSION=v(\S+)/m.exec(provision)?.[1];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(services.temporal.image).toBe(`temporalio/server:${version}`);
    for (const name of ['temporal-admin-tools', 'temporal-create-namespace']) {
      expect(services[name].image).toBe(`temporalio/admin-tools:${version}`);
    }
  });

  it('publishes the API on 3000, the Temporal frontend on 7233 and the UI on 8080', () => {
    expect(services['parkflow-api'].ports).toContain('3000:3000');
    expect(services.temporal.ports).toContain('7233:7233');
    expect(services['temporal-ui'].ports).toContain('8080:8080');
  });

  it('catches notice emails in maildev (SMTP 1025, web UI 1080), where the API and the worker send them', () => {
    expect(services.maildev.image).toMatch(/^maildev\/maildev:/);
    expect(services.maildev.ports).toEqual(expect.arrayContaining(['1025:1025', '1080:1080']));
    for (const app of ['parkflow-api', 'parkflow-worker'])
      expect(services[app].environment.SMTP_URL).toBe('smtp://maildev:1025');
    expect(services['parkflow-worker'].environment.MUNICIPAL_NOTICE_EMAILS).toMatch(/@/);
    expect(dependsOn('parkflow-worker').maildev.condition).toBe('service_started');
  });

  it('starts each piece only after what it needs is ready', () => {
    expect(dependsOn('temporal-admin-tools').postgresql.condition).toBe('service_healthy');
    expect(dependsOn('temporal')['temporal-admin-tools'].condition).toBe('service_completed_successfully');
    expect(dependsOn('temporal-create-namespace').temporal.condition).toBe('service_healthy');
    for (const app of ['parkflow-api', 'parkflow-worker']) {
      expect(dependsOn(app)['parkflow-migrate'].condition).toBe('service_completed_successfully');
      expect(dependsOn(app)['temporal-create-namespace'].condition).toBe('service_completed_successfully');
    }
    expect(dependsOn('parkflow-migrate').postgresql.condition).toBe('service_healthy');
  });

  it("gives the API and the worker the contract's configuration, pointed at the compose services", () => {
    for (const app of ['parkflow-api', 'parkflow-worker', 'parkflow-migrate']) {
      const env = services[app].environment;
      expect(env).toMatchObject({
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: 'parkflow',
      });
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/parkflow:parkflow@postgresql:5432\/parkflow$/);
      expect(env.AUTH_JWT_SECRET).toBeTruthy();
    }
    expect(services['parkflow-worker'].environment.TREASURY_GATEWAY).toBe('${TREASURY_GATEWAY:-recording}');
    expect(services['parkflow-api'].command).toEqual(['node', 'dist/api/main.js']);
    expect(services['parkflow-worker'].command).toEqual(['node', 'dist/worker/main.js']);
  });

  it('mounts set-up scripts that exist, and registers every search attribute the workflows set', () => {
    for (const name of ['temporal-admin-tools', 'temporal-create-namespace']) {
      const [hostPath] = String(services[name].volumes[0]).split(':');
      const script = String(services[name].command).replace('/parkflow/', '');
      expect(existsSync(join(root, hostPath, script))).toBe(true);
    }
    const namespaceScript = readFileSync(join(root, 'docker/temporal/create-namespace.sh'), 'utf8');
    for (const key of PARK_CASE_SEARCH_ATTRIBUTES) expect(namespaceScript).toContain(key.name);
    expect(existsSync(join(root, 'docker/postgres/init-parkflow.sql'))).toBe(true);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  });
});
