import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** Debian's Prometheus (package `prometheus`, 2.42 on bookworm), which scripts/provision.sh installs. */
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

/** Prometheus's own default, as compose's Prometheus listens inside its network. */
export const DEFAULT_PROMETHEUS_PORT = 9090;

/** The metrics endpoints of `npm run cluster`, all on 127.0.0.1. */
export interface ClusterMetricsPorts {
  /** The Temporal server's (TEMPORAL_METRICS_PORT). */
  temporal: number;
  /** Each worker's WORKER_METRICS_PORT. */
  workers: readonly number[];
  /** Each API instance's PORT (its `/metrics`; not the front door, which takes the instances in turn). */
  apis: readonly number[];
}

/** compose's scrape job names (docker/prometheus/prometheus.yml), which the alert rules select on. */
const JOB_PORTS: Record<string, (ports: ClusterMetricsPorts) => readonly number[]> = {
  'temporal-server': (ports) => [ports.temporal],
  'parkflow-worker': (ports) => ports.workers,
  'parkflow-api': (ports) => ports.apis,
};

/**
 * Prometheus's configuration for `npm run cluster`: compose's docker/prometheus/prometheus.yml — the same jobs,
 * intervals, paths and alert rules — with each job's DNS or container targets replaced by the cluster's loopback
 * ports, and the rule file named by its path in this checkout (compose mounts it beside the configuration).
 */
export function clusterPrometheusConfig(repoRoot: string, ports: ClusterMetricsPorts): string {
  const dir = join(repoRoot, 'docker', 'prometheus');
  const config = parse(readFileSync(join(dir, 'prometheus.yml'), 'utf8'));
  for (const job of config.scrape_configs as Array<Record<string, unknown>>) {
    const portsOf = JOB_PORTS[String(job.job_name)];
    if (!portsOf)
      throw new Error(`prometheus.yml scrapes '${String(job.job_name)}', which npm run cluster does not run`);
    delete job.dns_sd_configs;
    job.static_configs = [{ targets: portsOf(ports).map((port) => `127.0.0.1:${port}`) }];
  }
  config.rule_files = (config.rule_files as string[]).map((file) => join(dir, file));
  return `# Written by scripts/prometheus-server.cli.ts from docker/prometheus/prometheus.yml.\n${stringify(config)}`;
}

/**
 * The ports of a space-separated list as scripts/cluster.sh reads it (`PARKFLOW_API_PORTS="3001 3002"`); an error
 * naming `variable` when one is not a port.
 */
export function portList(variable: string, value: string | undefined): number[] {
  const words = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const ports = words.map(Number);
  if (words.length === 0 || ports.some((port) => !Number.isInteger(port) || port < 1 || port > 65_535))
    throw new Error(`${variable} must list ports separated by spaces, e.g. "3001 3002"; got '${value ?? ''}'`);
  return ports;
}

/** Where and how the cluster's Prometheus runs. */
export interface ClusterPrometheusOptions {
  repoRoot: string;
  /** Its configuration (`<dir>/prometheus.yml`) and storage (`<dir>/data`). */
  dir: string;
  /** It listens on 127.0.0.1 only: the cluster's other services do too. */
  port: number;
  ports: ClusterMetricsPorts;
  stdio?: StdioOptions;
  binary?: string;
}

/** Writes the configuration into `dir` and starts Prometheus on it; the caller stops it (SIGTERM). */
export function startClusterPrometheus(options: ClusterPrometheusOptions): ChildProcess {
  const binary = options.binary ?? PROMETHEUS_BINARY;
  if (!existsSync(binary))
    throw new Error(`${binary} is missing: scripts/provision.sh installs Debian's prometheus package (needs root)`);
  mkdirSync(join(options.dir, 'data'), { recursive: true });
  const configFile = join(options.dir, 'prometheus.yml');
  writeFileSync(configFile, clusterPrometheusConfig(options.repoRoot, options.ports));
  return spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(options.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
    ],
    { stdio: options.stdio ?? 'inherit' },
  );
}
