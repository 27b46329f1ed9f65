import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { dependsOn, environmentOf, root, services } from '../support/source/compose-file';
import { sourceFiles } from '../support/source/source-files';
import { loadAppConfig } from '../../api/config/app-config';
import { CONSOLE_DIST_DIR } from '../../api/console/console-files';
import { loadWorkerConfig } from '../../worker/worker-config';
import { PARK_CASE_SEARCH_ATTRIBUTES } from '../../workflows/definitions/search-attributes';

// No Docker engine runs here, so the compose file is checked by reading it: services, ports, env, order.
describe('docker-compose.yml (Temporal self-hosting shape + parkflow)', () => {
  it('has PostgreSQL, schema set-up, server, namespace set-up, UI, migrations, worker and API', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'grafana',
        'keycloak',
        'maildev',
        'parkflow-api',
        'parkflow-front-door',
        'parkflow-migrate',
        'parkflow-worker',
        'postgresql',
        'prometheus',
        'seaweedfs',
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
    const ui = /^TEMPORAL_UI_VERSION=v(\S+)/m.exec(provision)?.[1];
    expect(ui).toMatch(/^\d+\.\d+\.\d+$/);
    expect(services['temporal-ui'].image).toBe(`temporalio/ui:${ui}`);
  });

  it('runs two workers and two API instances behind the front door, as npm run cluster does', () => {
    expect(services['parkflow-worker'].deploy.replicas).toBe(2);
    expect(services['parkflow-api'].deploy.replicas).toBe(2);
    expect(services['parkflow-api'].ports).toBeUndefined(); // replicas cannot share a host port
    const door = services['parkflow-front-door'];
    expect(door.command).toEqual(['node', 'dist/scripts/front-door.cli.js']);
    expect(existsSync(join(root, 'scripts', 'front-door.cli.ts'))).toBe(true);
    expect(door.environment.FRONT_DOOR_UPSTREAMS).toBe(
      `http://parkflow-api:${services['parkflow-api'].environment.PORT}`,
    );
    expect(door.ports).toContain(`${door.environment.FRONT_DOOR_PORT}:${door.environment.FRONT_DOOR_PORT}`);
    expect(door.depends_on['parkflow-api'].condition).toBe('service_healthy');
  });

  it('the front door listens on the container’s interface, where its published port arrives', () => {
    expect(services['parkflow-front-door'].environment.FRONT_DOOR_HOST).toBe('0.0.0.0');
  });

  describe('the image builds the officers’ console and the API serves it from there (issue 21)', () => {
    const [build, runtime] = readFileSync(join(root, 'Dockerfile'), 'utf8')
      .split(/^FROM /m)
      .slice(1);
    const steps = (stage: string): string[] => stage.split('\n').filter((line) => /^(RUN|COPY) /.test(line));
    const buildSteps = steps(build);
    const consoleBuild = buildSteps.indexOf('RUN npm --prefix console run build');
    /** Where a build-stage COPY puts what it copies, relative to WORKDIR /app. */
    const copied = buildSteps
      .slice(0, consoleBuild)
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from'))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));

    it('installs the console’s own packages from its lock and builds it with Vite in the build stage', () => {
      expect(build).toMatch(/^\S+ AS build$/m);
      expect(buildSteps).toContain('RUN npm ci --prefix console --no-audit --no-fund');
      expect(consoleBuild).toBeGreaterThan(buildSteps.indexOf('RUN npm ci --prefix console --no-audit --no-fund'));
      expect(JSON.parse(readFileSync(join(root, 'console', 'package.json'), 'utf8')).scripts.build).toBe('vite build');
      for (const file of ['console/package-lock.json', 'console/index.html', 'console/vite.config.mts', 'console/src'])
        expect(copied).toContain(file);
    });

    it('copies every folder the console imports from outside its package before building it', () => {
      const outside = new Set<string>();
      for (const file of sourceFiles(join(root, 'console', 'src'), new Set(['.ts', '.tsx'])))
        for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
          const [top] = relative(root, resolve(dirname(file), specifier)).split('/');
          if (top !== 'console') outside.add(top);
        }
      expect(outside).toContain('i18n'); // the catalogues: the scan sees the console's imports
      for (const folder of outside) expect(copied).toContain(folder);
    });

    it('puts the built console where the API looks for it (<project root>/console/dist)', () => {
      expect(runtime).toMatch(/^WORKDIR \/app$/m);
      expect(runtime).toContain('COPY package.json'); // the project root the API finds by its package.json
      expect(steps(runtime)).toContain('COPY --from=build /app/console/dist ./console/dist');
      expect(relative(root, CONSOLE_DIST_DIR)).toBe('console/dist');
    });
  });

  it('catches notice emails in maildev (SMTP 1025, web UI 1080, unpublished), where the API and worker send', () => {
    expect(services.maildev.image).toMatch(/^maildev\/maildev:/);
    expect(services.maildev.expose).toEqual(expect.arrayContaining(['1025', '1080']));
    for (const app of ['parkflow-api', 'parkflow-worker'])
      expect(services[app].environment.SMTP_URL).toBe('smtp://maildev:1025');
    expect(services['parkflow-worker'].environment.MUNICIPAL_NOTICE_EMAILS).toMatch(/@/);
    expect(dependsOn('parkflow-worker').maildev.condition).toBe('service_started');
  });

  it('starts each piece only after what it needs is ready', () => {
    expect(dependsOn('temporal-admin-tools').postgresql.condition).toBe('service_healthy');
    expect(dependsOn('temporal')['temporal-admin-tools'].condition).toBe('service_completed_successfully');
    expect(dependsOn('temporal-create-namespace').temporal.condition).toBe('service_healthy');
    // The namespace's set-up and the UI's sign-in need the realm: its admin token, its OIDC discovery.
    for (const name of ['temporal-create-namespace', 'temporal-ui'])
      expect(dependsOn(name).keycloak.condition).toBe('service_healthy');
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
      expect(env.DATABASE_URL).toMatch(
        /^postgres:\/\/parkflow:\$\{PARKFLOW_DB_PASSWORD:\?[^}]+\}@postgresql:5432\/parkflow$/,
      );
      expect(env.AUTH_JWT_SECRET).toBeUndefined(); // officers sign in through Keycloak; no shared secret
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
    expect(existsSync(join(root, 'docker/postgres/init-parkflow.sh'))).toBe(true);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  });

  describe('Prometheus scrapes the Temporal server, the workers and the API where the compose file serves them', () => {
    const mount = String(services.prometheus.volumes[0]).split(':');
    const config = parse(readFileSync(join(root, mount[0]), 'utf8'));
    /** Each `host:port` a job scrapes (static targets, and DNS names with their port), and its path. */
    const job = (name: string): { targets: string[]; path: string } => {
      const found = (config.scrape_configs as any[]).find((c) => c.job_name === name);
      if (!found) throw new Error(`no scrape job '${name}' in ${mount[0]}`);
      const targets = [
        ...(found.static_configs ?? []).flatMap((c: any) => c.targets),
        ...(found.dns_sd_configs ?? []).flatMap((c: any) => c.names.map((n: string) => `${n}:${c.port}`)),
      ];
      return { targets, path: found.metrics_path ?? '/metrics' };
    };

    it('runs a pinned Prometheus 3 on :9090 (inside the network) with the scrape config of the repository', () => {
      expect(services.prometheus.image).toMatch(/^prom\/prometheus:v3\.\d+\.\d+$/);
      expect(services.prometheus.expose).toContain('9090');
      expect(mount[0]).toBe('./docker/prometheus/prometheus.yml');
      expect(mount[1]).toBe('/etc/prometheus/prometheus.yml');
      expect(config.scrape_configs.map((c: any) => c.job_name).sort()).toEqual(
        ['parkflow-api', 'parkflow-worker', 'temporal-server'].sort(),
      );
    });

    it("scrapes the Temporal server's PROMETHEUS_ENDPOINT", () => {
      const [, port] = String(services.temporal.environment.PROMETHEUS_ENDPOINT).split(':');
      expect(services.temporal.environment.PROMETHEUS_ENDPOINT).toBe(`0.0.0.0:${port}`);
      expect(job('temporal-server')).toEqual({ targets: [`temporal:${port}`], path: '/metrics' });
    });

    it("scrapes every worker on its WORKER_METRICS_PORT, a port the worker's configuration accepts", () => {
      const port = loadWorkerConfig(environmentOf('parkflow-worker')).WORKER_METRICS_PORT;
      expect(port).toBeGreaterThan(0);
      expect(job('parkflow-worker')).toEqual({ targets: [`parkflow-worker:${port}`], path: '/metrics' });
    });

    it("scrapes the API's /metrics on its PORT", () => {
      const port = loadAppConfig(environmentOf('parkflow-api')).PORT;
      expect(services['parkflow-api'].expose).toContain(`${port}`);
      expect(job('parkflow-api')).toEqual({ targets: [`parkflow-api:${port}`], path: '/metrics' });
    });
  });
});
