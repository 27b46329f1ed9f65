import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '../../../api/config/auth-settings';
import { REPO_ROOT } from '../../support/jest/compiled-build';
import { pdf } from '../../../tooling/fixtures/documents';
import { sha256, uploadDocument } from '../../../tooling/http/document-uploads';
import { httpStack } from '../../../tooling/http/http-calls';
import { HttpDriver, PANEL } from '../../../tooling/http/http-driver';
import { startClusterScript, type ClusterScript } from './cluster-script';

/**
 * Issue 22 item 3, the restore drill (registered by npm-run-cluster.test.ts after its own cluster stops: both hold
 * Temporal's fixed ports) on `npm run cluster` (Debian's PostgreSQL 15, whose pg_dump and pg_restore this
 * machine has): 20 parks mid-life through the front door → `npm run backup` while everything runs → more actions →
 * the cluster stopped and its data dir wiped → a new cluster restoring the backup before Temporal starts
 * (PARKFLOW_RESTORE_FROM) → `npm run reconcile`. Every case is back as it was at the backup (the actions after it
 * are gone) and takes its next step: an officer action, or its next timer (the policy clock moved past a returned
 * case's window, which lapses it); a paper uploaded before the backup downloads with the same SHA-256 from the
 * restored store (issue 25: the backup holds the bucket). Prints how long the backup, the restore and reconcile took.
 */
const DEBIAN_POSTGRES = '/usr/lib/postgresql/15/bin';
const CLUSTER_ENV = { PARKFLOW_PG_BIN: DEBIAN_POSTGRES, PARKFLOW_KEYCLOAK: 'off', POLICY_CLOCK_ADJUSTABLE: 'true' };
const PARKS_PER_STAGE = 5;
/** Past a returned case's 30-day window, even one moved to the end of a long holiday (R-CAL-3). */
const PAST_THE_WINDOW_DAYS = '45';
const CLI_WITHIN_MS = 120_000;

const onDebianLinux = process.platform === 'linux' && existsSync(join(DEBIAN_POSTGRES, 'postgres')) ? it : it.skip;

/**
 * Runs one of the compiled CLIs (`dist/scripts/<name>.cli.js`, built by cluster.sh) against the cluster: its
 * PostgreSQL, and its Temporal as a worker does (`<data>/worker.env`). Killed if it outlives {@link CLI_WITHIN_MS}.
 */
function cli(cluster: ClusterScript, name: string, args: string[]): Promise<{ status: number | null; out: string }> {
  const databaseUrl = /DATABASE_URL=(\S+)/.exec(readFileSync(join(cluster.dataDir, 'postgres.url'), 'utf8'))?.[1];
  // The documents' store of this start (its credentials are fresh at each): `NAME=value` lines, as stack.sh reads them.
  const objectStore = Object.fromEntries(
    readFileSync(join(cluster.dataDir, 'object-store', 'api.env'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const script = join('dist', 'scripts', `${name}.cli.js`);
  const child = spawn('sh', ['scripts/lib/with-env.sh', join(cluster.dataDir, 'worker.env'), 'node', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...objectStore, DATABASE_URL: databaseUrl },
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), CLI_WITHIN_MS);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    }),
  );
}

/** Seconds a CLI took, timed from here. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work();
  return [result, (Date.now() - started) / 1000];
}

/** A designated park as the designation answered it: its case and tranche 1 (instructed, awaiting finance). */
interface DesignatedPark {
  caseId: string;
  payments: Array<{ kind: string; paymentId: string; status: string }>;
}
const tranche1Of = (park: DesignatedPark) => park.payments.find((p) => p.kind === 'subsidy_tranche_1');

/** 20 parks mid-life: submitted, returned at acceptance, under review, designated (tranche 1 instructed). */
async function parksMidLife(driver: HttpDriver) {
  const parks = { submitted: [] as string[], returned: [] as string[], underReview: [] as string[] };
  const designated: DesignatedPark[] = [];
  for (let i = 0; i < PARKS_PER_STAGE; i += 1) {
    parks.submitted.push(await driver.complete());
    const returned = await driver.file();
    const body = { accepted: false, reason: '材料不全' };
    await driver.ok('POST', `/v1/cases/${returned}/acceptance`, { token: driver.municipal(), body });
    parks.returned.push(returned);
    parks.underReview.push(await driver.underReview());
    designated.push(await driver.designated());
  }
  return { ...parks, designated };
}

/** Finance confirms a designated park's tranche 1 (R-PAY-1); answers the case. */
function confirmTranche1(driver: HttpDriver, park: DesignatedPark, bankReference: string): Promise<any> {
  const paymentId = encodeURIComponent(tranche1Of(park)?.paymentId ?? '');
  return driver.ok('POST', `/v1/cases/${park.caseId}/payments/${paymentId}/confirmation`, {
    token: driver.finance(),
    body: { paidAt: '2026-12-01T10:00:00+08:00', bankReference },
  });
}

/** Each case's stage as officers read it. */
const stagesOf = (driver: HttpDriver, caseIds: string[]): Promise<string[]> =>
  Promise.all(
    caseIds.map(async (id) => (await driver.ok('GET', `/v1/cases/${id}`, { token: driver.municipal() })).stage),
  );

/** Each restored case's next step: officers act on it, and the returned cases' windows run out (their timer). */
async function nextSteps(cluster: ClusterScript, driver: HttpDriver, parks: Awaited<ReturnType<typeof parksMidLife>>) {
  for (const id of parks.submitted) {
    const accepted = await driver.ok('POST', `/v1/cases/${id}/acceptance`, {
      token: driver.municipal(),
      body: { accepted: true },
    });
    expect({ id, stage: accepted.stage }).toEqual({ id, stage: 'accepted' });
  }
  for (const id of parks.underReview)
    await driver.ok('POST', `/v1/cases/${id}/reviews`, {
      token: driver.expert(PANEL[0]),
      body: { necessity: 80, feasibility: 75, recommend: true },
    });
  for (const park of parks.designated) {
    const confirmed = await confirmTranche1(driver, park, `CQ-${park.caseId.slice(0, 8)}`);
    expect({ id: park.caseId, status: tranche1Of(confirmed)?.status }).toEqual({ id: park.caseId, status: 'paid' });
  }
  for (const id of parks.returned) {
    const moved = await cli(cluster, 'policy-clock', ['--case', id, '--days', PAST_THE_WINDOW_DAYS]);
    expect({ id, status: moved.status, out: moved.out }).toEqual({ id, status: 0, out: expect.any(String) });
    await driver.until(`/v1/cases/${id}`, driver.municipal(), (view) => view.stage === 'lapsed', 60_000);
  }
}

export function restoreDrill(): void {
  onDebianLinux(
    '20 parks backed up while running, more actions, data dir wiped, restored and reconciled: each case continues',
    async () => {
      const backups = mkdtempSync(join(tmpdir(), 'parkflow-backups-'));
      let cluster: ClusterScript | undefined;
      try {
        cluster = await startClusterScript(CLUSTER_ENV);
        let driver = new HttpDriver(httpStack(cluster.frontDoor, DEVELOPMENT_JWT_SECRET));
        const parks = await parksMidLife(driver);
        const all = [...parks.submitted, ...parks.returned, ...parks.underReview];
        all.push(...parks.designated.map((park) => park.caseId));
        const atBackup = await stagesOf(driver, all);
        // Issue 25: a paper uploaded before the backup is downloadable, the same bytes, after the restore.
        const paper = pdf('渝北府函〔2026〕12号 (restore drill)');
        const uploaded = await uploadDocument(cluster.frontDoor, driver.districtToken(), parks.submitted[1], paper);
        expect(uploaded).toMatchObject({ status: 201, body: { sha256: sha256(paper) } });
        const running = cluster;
        const [backup, backupSeconds] = await timed(() => cli(running, 'backup', [backups]));
        expect(backup).toEqual({ status: 0, out: expect.stringContaining('3 database(s)') });
        const [backupDir] = readdirSync(backups).map((name) => join(backups, name));

        // After the backup: an acceptance, a payment confirmed, a new filing — all three undone by the restore.
        const [accepted, paid] = [parks.submitted[0], parks.designated[0]];
        await driver.ok('POST', `/v1/cases/${accepted}/acceptance`, {
          token: driver.municipal(),
          body: { accepted: true },
        });
        await confirmTranche1(driver, paid, 'CQ-UNDONE-1');
        const filedAfter = await driver.file();

        await cluster.stop(); // removes its data dir, PostgreSQL's data with it
        cluster = undefined;
        cluster = await startClusterScript({ ...CLUSTER_ENV, PARKFLOW_RESTORE_FROM: backupDir });
        const restored = cluster;
        driver = new HttpDriver(httpStack(restored.frontDoor, DEVELOPMENT_JWT_SECRET));
        const restoreLog = readFileSync(join(restored.dataDir, 'restore.log'), 'utf8');
        const restoreSeconds = Number(/^restored .* in ([\d.]+) s: the cases/m.exec(restoreLog)?.[1]);
        const [reconcile, reconcileSeconds] = await timed(() =>
          cli(restored, 'reconcile', ['--restored-from', backupDir]),
        );
        process.stdout.write(
          `[restore drill] 20 parks: backup ${backupSeconds.toFixed(1)} s, restore ${restoreSeconds.toFixed(1)} s ` +
            `(in cluster.sh), reconcile ${reconcileSeconds.toFixed(1)} s\n${backup.out}${restoreLog}${reconcile.out}`,
        );
        expect(reconcile).toEqual({
          status: 0,
          out: expect.stringMatching(/reconcile: 20 running case\(s\) checked, \d+ row\(s\) changed, 0 row\(s\) with/),
        });

        // Back as at the backup: what was done after it is gone.
        expect(await stagesOf(driver, all)).toEqual(atBackup);
        const paidCase = await driver.ok('GET', `/v1/cases/${paid.caseId}`, { token: driver.finance() });
        expect(tranche1Of(paidCase)?.status).toBe('instructed');
        const gone = await driver.stack.call('GET', `/v1/cases/${filedAfter}`, { token: driver.municipal() });
        expect(gone.status).toBe(404);

        const detail = await driver.ok('GET', `/v1/documents/${uploaded.body.documentId}`, {
          token: driver.districtToken(),
        });
        const download = await fetch(`${restored.frontDoor}${detail.downloadUrl}`);
        expect(download.status).toBe(200);
        expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(paper));

        await nextSteps(restored, driver, parks);
        const again = await cli(restored, 'reconcile', []);
        expect(again).toEqual({
          status: 0,
          out: expect.stringMatching(/checked, 0 row\(s\) changed, 0 row\(s\) without a running workflow, 0 case/),
        });
      } finally {
        await cluster?.stop();
        rmSync(backups, { recursive: true, force: true });
      }
    },
    1_800_000,
  );
}
