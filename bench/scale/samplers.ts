import { uploadRequiredPapers } from '../../tooling/http/papers';
import { readFileSync } from 'node:fs';
import { municipal } from '../../tooling/stacks/case-driver';
import { validApplication } from '../../tooling/fixtures/applications';
import { httpStack } from '../../tooling/http/http-calls';
import type { ManagedProcess } from '../../tooling/processes/managed-process';
import { sampleValue, scrape } from '../../test/support/metrics/prometheus-text';

/** Resident set size of `pid` in bytes (Linux /proc), or undefined once it is gone. */
function rssOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The workflows a worker holds in its cache now (the SDK's `temporal_sticky_cache_size`), if its metrics answer. */
async function cachedWorkflows(metricsUrl: string): Promise<number | undefined> {
  try {
    return sampleValue((await scrape(metricsUrl)).text, 'temporal_sticky_cache_size');
  } catch {
    return undefined;
  }
}

/** One worker's memory at its highest: RSS, how many workflows its cache held then, and its RSS at the start. */
export interface MemoryPeak {
  rss: number;
  cached: number | undefined;
  baseRss: number;
}

/** Samples every worker's RSS and workflow cache size each second; `peak` is the highest RSS seen per worker. */
export class MemorySampler {
  readonly peak = new Map<string, MemoryPeak>();
  /** Each worker's RSS at the first sample (before the parks start): the fixed base. */
  private readonly base = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly workers: ManagedProcess[],
    private readonly metricsUrls: string[],
  ) {
    void this.sample(); // the base, before the run's parks start
    this.timer = setInterval(() => void this.sample(), 1_000);
  }

  private async sample(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker, i) => {
        const cached = await cachedWorkflows(this.metricsUrls[i]);
        const rss = rssOf(worker.pid);
        if (rss === undefined) return;
        if (!this.base.has(worker.name)) this.base.set(worker.name, rss);
        const baseRss = this.base.get(worker.name) ?? rss;
        if (rss > (this.peak.get(worker.name)?.rss ?? 0)) this.peak.set(worker.name, { rss, cached, baseRss });
      }),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sample();
  }
}

/**
 * An officer at work during the run: every `everyMs` files an application over HTTP and accepts it (municipal), and
 * records how long the acceptance took — an action's latency while the storms run (issue 13 item 1).
 */
export class OfficerSampler {
  readonly latenciesMs: number[] = [];
  readonly failures: string[] = [];
  /** Filings answered 202 (sent, no worker answer in time): no acceptance sampled for them. */
  filingsPending = 0;
  private running = true;
  private readonly done: Promise<void>;

  constructor(apiUrl: string, secret: string, everyMs: number) {
    const api = httpStack(apiUrl, secret);
    this.done = (async () => {
      while (this.running) {
        const started = Date.now();
        try {
          await this.sample(api);
        } catch (error) {
          this.failures.push((error as Error).message);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
      }
    })();
  }

  /** Files a case and times its acceptance; a filing answered 202 (no worker answer in time) is counted, not timed. */
  private async sample(api: ReturnType<typeof httpStack>): Promise<void> {
    const filed = await api.call('POST', '/v1/applications', {
      token: api.token('district', '500112'),
      body: validApplication(),
    });
    if (filed.status === 202) {
      this.filingsPending += 1;
      return;
    }
    if (filed.status !== 201) throw new Error(`filing answered ${filed.status}`);
    await uploadRequiredPapers(api, filed.body.caseId, api.token('district', '500112')); // R-DOC-1, not timed
    const started = Date.now();
    const accepted = await api.call('POST', `/v1/cases/${filed.body.caseId}/acceptance`, {
      token: api.token('municipal', undefined, municipal.id),
      body: { accepted: true },
    });
    if (accepted.status !== 200) throw new Error(`acceptance answered ${accepted.status}`);
    this.latenciesMs.push(Date.now() - started);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}
