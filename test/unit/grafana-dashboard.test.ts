import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REQUEST_METRICS } from '../../api/metrics/series';
import { BUSINESS_GAUGES, SCHEDULE_LAG_SERIES } from '../../worker/metrics/series';
import { services } from '../support/source/compose-file';
import { knownFamilyOf, metricNamesIn } from '../support/metrics/metric-families';
import { REPOSITORY_ROOT } from '../support/source/source-files';

/**
 * Issue 22 item 4: the Grafana dashboard (docker/grafana/dashboards/parkflow.json) reads the provisioned Prometheus
 * and names only metric families that are served, so that it does not drift from the series lists.
 */
const GRAFANA_DIR = join(REPOSITORY_ROOT, 'docker', 'grafana');
const read = (...path: string[]): string => readFileSync(join(GRAFANA_DIR, ...path), 'utf8');

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Array<{ expr: string; datasource?: { uid: string } }>;
}

const dashboard = JSON.parse(read('dashboards', 'parkflow.json')) as { uid: string; panels: Panel[] };
const dataPanels = dashboard.panels.filter((panel) => panel.type !== 'row');
const expressions = dataPanels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
const [datasource] = parse(read('provisioning', 'datasources', 'prometheus.yml')).datasources;

describe('the Grafana dashboard (docker/grafana/dashboards/parkflow.json)', () => {
  it("reads the provisioned data source, compose's Prometheus", () => {
    expect(datasource).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
    // Prometheus's own port inside compose's network, published or not.
    const containerPorts = [...(services.prometheus.ports ?? []), ...(services.prometheus.expose ?? [])].map((port) =>
      String(port).split(':').pop(),
    );
    expect(containerPorts).toContain('9090');
    for (const panel of dataPanels) {
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({ panel: panel.title, uid: datasource.uid });
      for (const target of panel.targets ?? []) expect(target.datasource?.uid ?? datasource.uid).toBe(datasource.uid);
    }
  });

  it('has panels with queries, distinct ids, each within the 24 columns of the grid', () => {
    expect(dataPanels.length).toBeGreaterThan(0);
    expect(dataPanels.every((panel) => (panel.targets ?? []).length > 0)).toBe(true);
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.panels.filter((panel) => panel.gridPos.x + panel.gridPos.w > 24)).toEqual([]);
  });

  it('names only metric families that are served (worker, API, Temporal server and SDK lists, Prometheus)', () => {
    const unknown = expressions.flatMap((expr) => metricNamesIn(expr).filter((name) => !knownFamilyOf(name)));
    expect(unknown).toEqual([]);
  });

  it('shows every business gauge, the schedule lag and the API requests', () => {
    const shown = new Set(expressions.flatMap((expr) => metricNamesIn(expr).map((name) => knownFamilyOf(name))));
    const wanted = [...Object.values(BUSINESS_GAUGES), SCHEDULE_LAG_SERIES, ...Object.values(REQUEST_METRICS)];
    expect(wanted.filter((family) => !shown.has(family))).toEqual([]);
  });

  it('is loaded by the provisioned dashboard provider, read-only', () => {
    const [provider] = parse(read('provisioning', 'dashboards', 'parkflow.yml')).providers;
    expect(provider).toMatchObject({
      type: 'file',
      allowUiUpdates: false,
      options: { path: '/etc/grafana/dashboards' },
    });
  });
});
