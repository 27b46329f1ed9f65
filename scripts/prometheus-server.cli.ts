import { resolve } from 'node:path';
import { DEFAULT_PROMETHEUS_PORT, portList, startClusterPrometheus } from './prometheus-server';
import { DEFAULT_SERVER_PORTS } from './temporal-server';

/**
 * `node dist/scripts/prometheus-server.cli.js <dir>` (scripts/cluster.sh): Prometheus for `npm run cluster`, in the
 * foreground until SIGTERM — Debian's /usr/bin/prometheus on 127.0.0.1:PROMETHEUS_PORT (9090), with compose's scrape
 * jobs and alert rules (docker/prometheus/) aimed at the cluster's processes: the Temporal server's
 * TEMPORAL_METRICS_PORT (8000), the workers' PARKFLOW_WORKER_METRICS_PORTS and the API instances' PARKFLOW_API_PORTS
 * (both required, space-separated as cluster.sh reads them). Configuration and storage in `<dir>`.
 */
function main(): void {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: prometheus-server.cli.js <dir>');
  const child = startClusterPrometheus({
    repoRoot: resolve(__dirname, '..', '..'), // compiled: dist/scripts/
    dir,
    port: Number(process.env.PROMETHEUS_PORT ?? DEFAULT_PROMETHEUS_PORT),
    ports: {
      temporal: Number(process.env.TEMPORAL_METRICS_PORT ?? DEFAULT_SERVER_PORTS.METRICS_PORT),
      workers: portList('PARKFLOW_WORKER_METRICS_PORTS', process.env.PARKFLOW_WORKER_METRICS_PORTS),
      apis: portList('PARKFLOW_API_PORTS', process.env.PARKFLOW_API_PORTS),
    },
  });
  const stop = (): void => void child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

try {
  main();
} catch (error) {
  process.stderr.write(`[prometheus] ${(error as Error).message}\n`);
  process.exit(1);
}
