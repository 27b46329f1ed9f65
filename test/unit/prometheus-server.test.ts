import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { clusterPrometheusConfig, portList } from '../../scripts/prometheus-server';
import { promtool } from '../support/metrics/promtool';
import { REPOSITORY_ROOT } from '../support/source/source-files';

/**
 * Issue 22 item 4: `npm run cluster`'s Prometheus configuration is compose's, aimed at the cluster's loopback ports
 * (test/heavy/prometheus-scrapes-and-alerts.test.ts runs Prometheus on it).
 */
const PORTS = { temporal: 8000, workers: [9464, 9465], apis: [3001, 3002] };
const compose = parse(readFileSync(join(REPOSITORY_ROOT, 'docker', 'prometheus', 'prometheus.yml'), 'utf8'));
const cluster = parse(clusterPrometheusConfig(REPOSITORY_ROOT, PORTS));
const targetsOf = (job: string): string[] =>
  cluster.scrape_configs.find((config: { job_name: string }) => config.job_name === job).static_configs[0].targets;

describe('clusterPrometheusConfig', () => {
  it("keeps compose's jobs, intervals and paths, each job aimed at the cluster's processes on 127.0.0.1", () => {
    expect(cluster.global).toEqual(compose.global);
    expect(cluster.scrape_configs.map((job: { job_name: string }) => job.job_name)).toEqual(
      compose.scrape_configs.map((job: { job_name: string }) => job.job_name),
    );
    expect(targetsOf('temporal-server')).toEqual(['127.0.0.1:8000']);
    expect(targetsOf('parkflow-worker')).toEqual(['127.0.0.1:9464', '127.0.0.1:9465']);
    expect(targetsOf('parkflow-api')).toEqual(['127.0.0.1:3001', '127.0.0.1:3002']);
    expect(JSON.stringify(cluster)).not.toContain('dns_sd_configs');
    const api = cluster.scrape_configs.find((job: { job_name: string }) => job.job_name === 'parkflow-api');
    expect(api.metrics_path).toBe('/metrics');
  });

  it("loads the repository's alert rules by their path, and promtool accepts the whole", () => {
    expect(cluster.rule_files).toEqual([join(REPOSITORY_ROOT, 'docker', 'prometheus', 'alerts.yml')]);
    const dir = mkdtempSync(join(tmpdir(), 'parkflow-prometheus-'));
    try {
      writeFileSync(join(dir, 'prometheus.yml'), clusterPrometheusConfig(REPOSITORY_ROOT, PORTS));
      expect(promtool(dir, 'check', 'config', 'prometheus.yml')).toMatch(/SUCCESS: \d+ rules found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('portList', () => {
  it("reads cluster.sh's space-separated ports, and names the variable of a list that is not one", () => {
    expect(portList('PARKFLOW_API_PORTS', ' 3001  3002 ')).toEqual([3001, 3002]);
    for (const bad of [undefined, '', '3001,3002', '3001 http', '70000'])
      expect(() => portList('PARKFLOW_API_PORTS', bad)).toThrow(/^PARKFLOW_API_PORTS must list ports/);
  });
});
