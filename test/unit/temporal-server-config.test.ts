import { join } from 'node:path';
import {
  DEFAULT_SERVER_PORTS,
  freeServerPorts,
  renderServerConfig,
  temporalDatabaseEnv,
} from '../../scripts/temporal-server';

const root = join(__dirname, '..', '..');

describe('the Temporal server config of npm run cluster and its tests (docker/temporal/server-postgres.yaml)', () => {
  it('fills in every placeholder: PostgreSQL, ports, the dynamic config file compose mounts', () => {
    const config = renderServerConfig(root, 'postgres://parkflow:s3cret@127.0.0.1:5434/parkflow', DEFAULT_SERVER_PORTS);
    expect(config).not.toMatch(/\$\{/);
    expect(config).toContain("connectAddr: '127.0.0.1:5434'");
    expect(config).toContain("password: 's3cret'");
    expect(config).toMatch(/frontend:\n {4}rpc:\n {6}grpcPort: 7233\n {6}membershipPort: 6933/);
    expect(config).toContain("rpcAddress: '127.0.0.1:7233'");
    expect(config).toContain("listenAddress: '127.0.0.1:8000'");
    expect(config).toContain(join(root, 'docker', 'temporal', 'dynamicconfig', 'development-sql.yaml'));
  });

  it('quotes credentials for YAML and decodes them from the URL', () => {
    const url = "postgres://od%27d:p%40ss'word@db:5432/parkflow";
    expect(temporalDatabaseEnv(url)).toEqual({
      POSTGRES_SEEDS: 'db',
      DB_PORT: '5432',
      POSTGRES_USER: "od'd",
      SQL_PASSWORD: "p@ss'word",
    });
    const config = renderServerConfig(root, url, DEFAULT_SERVER_PORTS);
    expect(config).toContain("user: 'od''d'");
    expect(config).toContain("password: 'p@ss''word'");
  });

  it('gives a test cluster distinct free ports, membership ports within smallint (as stored)', async () => {
    const ports = await freeServerPorts();
    const values = Object.values(ports);
    expect(new Set(values).size).toBe(values.length);
    for (const [name, port] of Object.entries(ports))
      if (name.endsWith('_MEMBERSHIP_PORT')) expect(port).toBeLessThan(32_768);
  });
});
