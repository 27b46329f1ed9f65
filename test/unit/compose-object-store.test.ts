import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig } from '../../api/config/app-config';
import { loadWorkerConfig } from '../../worker/worker-config';
import { dependsOn, environmentOf, root, services } from '../support/source/compose-file';

/** docker-compose.yml's document store (issue 25), read as the other compose checks read it (no Docker engine here). */
describe('docker-compose.yml runs the case documents’ object store', () => {
  const store = services.seaweedfs;
  const provision = readFileSync(join(root, 'scripts', 'provision.sh'), 'utf8');

  it('is the pinned SeaweedFS release whose source scripts/provision.sh builds for npm run dev', () => {
    const release = /^SEAWEEDFS_RELEASE=(\d+\.\d+)$/m.exec(provision)?.[1];
    expect(provision).toMatch(/^SEAWEEDFS_VERSION=v0\.0\.0-\d{14}-[0-9a-f]{12}$/m);
    expect(store.image).toBe(`chrislusf/seaweedfs:${release}`);
    expect(store.command.slice(0, 2)).toEqual(['server', '-s3']);
    expect(store.command).toContain('-master.telemetry=false'); // it would report to its makers otherwise
  });

  it('is never published: only the API reaches it, inside the network', () => {
    expect(store.ports).toBeUndefined();
    expect(store.expose).toEqual(['8333']);
  });

  it('keeps its data in a volume, encrypts with a key from the environment, and lets in the API’s keys only', () => {
    expect(store.volumes).toEqual(['seaweedfs-data:/data']);
    const env = store.environment;
    expect(env.WEED_S3_SSE_KEY).toMatch(/^\$\{OBJECT_STORE_SSE_KEY:\?/);
    const api = services['parkflow-api'].environment;
    expect(env.AWS_ACCESS_KEY_ID).toBe(api.OBJECT_STORE_ACCESS_KEY_ID);
    expect(env.AWS_SECRET_ACCESS_KEY).toBe(api.OBJECT_STORE_SECRET_ACCESS_KEY);
    expect(api.OBJECT_STORE_SECRET_ACCESS_KEY).toMatch(/^\$\{OBJECT_STORE_SECRET_ACCESS_KEY:\?/);
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const variable of ['OBJECT_STORE_ACCESS_KEY_ID', 'OBJECT_STORE_SECRET_ACCESS_KEY', 'OBJECT_STORE_SSE_KEY'])
      expect(example).toMatch(new RegExp(`^${variable}=$`, 'm'));
  });

  it('gives the API, once it is healthy, and the worker’s document sweep a configuration that reaches it', () => {
    const reaches = { OBJECT_STORE_ENDPOINT: 'http://seaweedfs:8333', OBJECT_STORE_SSE: 'AES256' };
    expect(loadAppConfig(environmentOf('parkflow-api'))).toMatchObject(reaches);
    expect(dependsOn('parkflow-api').seaweedfs.condition).toBe('service_healthy');
    expect(String(store.healthcheck.test)).toContain('http://127.0.0.1:8333/healthz');
    expect(loadWorkerConfig(environmentOf('parkflow-worker'))).toMatchObject({
      ...reaches,
      OBJECT_STORE_ACCESS_KEY_ID: environmentOf('parkflow-api').OBJECT_STORE_ACCESS_KEY_ID,
    });
  });
});
