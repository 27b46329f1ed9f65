/**
 * docs/workflow-changes.md, "After the first release", proved once on a made-up change
 * (test/workflows/patch-procedure/): four releases of one workflow type — v1, the change behind `patched()` (v2),
 * `deprecatePatch()` with the old branch gone (v3), no patch call at all (v4) — deployed one after another on one task
 * queue, each step taken only once the visibility count query of the procedure finds no open run that still needs the
 * code it removes; then a run recorded mid-way under each release is replayed against every release. On the dev
 * server: the time-skipping test server answers no visibility query ("Failed to count workflows"), and these runs need
 * no skipped time.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { eventually } from '../../tooling/eventually';
import { startDevServerEnvironment } from '../../tooling/temporal/test-environments';
import { FEE_NOTICE_WORKFLOW, paidSignal, PATCH_ID, type FeeNoticeActivities } from './patch-procedure/fee-notice';

const EventType = temporal.api.enums.v1.EventType;
type History = temporal.api.history.v1.IHistory;
const RELEASES = ['v1', 'v2-patched', 'v3-deprecated', 'v4-removed'] as const;
type Release = (typeof RELEASES)[number];

const TASK_QUEUE = 'fee-notices';
const OPEN = `WorkflowType = "${FEE_NOTICE_WORKFLOW}" AND ExecutionStatus = "Running"`;
/** Open runs that took the patch (either marker: `deprecatePatch()` records one too). */
const CARRYING = `${OPEN} AND TemporalChangeVersion = "${PATCH_ID}"`;
/** Open runs without the patch: those that passed the change under the old code need the old branch. */
const NOT_CARRYING = `${OPEN} AND (TemporalChangeVersion IS NULL OR TemporalChangeVersion != "${PATCH_ID}")`;

let env: TestWorkflowEnvironment;
const bundles = new Map<Release, WorkflowBundleWithSourceMap>();
/** A run recorded mid-way (notice sent, waiting for the payment) under each release. */
const recorded = new Map<Release, History>();

beforeAll(async () => {
  env = await startDevServerEnvironment();
  for (const release of RELEASES) {
    const workflowsPath = require.resolve(`./patch-procedure/${release}`);
    bundles.set(release, await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') }));
  }
});
afterAll(async () => {
  await env?.teardown();
});

/** Serves the task queue with `release` alone while `during` runs, as after a deployment that replaced every worker. */
async function deployed(release: Release, during: () => Promise<void>): Promise<void> {
  const activities: FeeNoticeActivities = { sendNotice: async () => undefined };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: bundles.get(release),
    activities,
    // No cache: each task replays the run's whole history through this release's code.
    maxCachedWorkflows: 0,
  });
  await worker.runUntil(during);
}

async function startCase(name: string): Promise<WorkflowHandle> {
  const workflowId = `fee-${name}`;
  await env.client.workflow.start(FEE_NOTICE_WORKFLOW, { taskQueue: TASK_QUEUE, workflowId, args: [1234.56] });
  return env.client.workflow.getHandle(workflowId);
}

/** The current run's history once it has sent its notice and waits for the payment. */
async function midWay(handle: WorkflowHandle): Promise<History> {
  let history: History = {};
  await eventually(async () => {
    history = await handle.fetchHistory();
    const types = (history.events ?? []).map((event) => event.eventType);
    return (
      types.includes(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) &&
      types.at(-1) === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED
    );
  }, `${handle.workflowId} waiting for its payment`);
  return history;
}

/** Pays this year's fee; the next year's run (continue-as-new) is mid-way. */
async function payForTheYear(handle: WorkflowHandle): Promise<History> {
  const { runId } = await handle.describe();
  await handle.signal(paidSignal);
  await eventually(async () => (await handle.describe()).runId !== runId, `${handle.workflowId}'s next run`);
  return midWay(handle);
}

/** Polls the visibility count of `query` until it is `expected` (visibility follows the runs within moments). */
async function expectCount(query: string, expected: number): Promise<void> {
  let count = -1;
  try {
    await eventually(async () => (count = (await env.client.workflow.count(query)).count) === expected, query);
  } catch {
    throw new Error(`${query}: ${count} open runs, not ${expected}`);
  }
}

/** The patch markers a history recorded. */
function patchMarkers(history: History): Array<{ id: string; deprecated: boolean }> {
  return (history.events ?? []).flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return [JSON.parse(Buffer.from(marker.details!['patch-data'].payloads![0].data!).toString())];
  });
}

/** Every value of `TemporalChangeVersion` a history upserted. */
function changeVersionUpserts(history: History): string[][] {
  return (history.events ?? []).flatMap((event) => {
    const payload =
      event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.['TemporalChangeVersion'];
    return payload ? [JSON.parse(Buffer.from(payload.data!).toString())] : [];
  });
}

describe('changing workflow behaviour after the first release, on a made-up change', () => {
  it(
    'patched → deprecatePatch → removal, each step once the count query finds no open run needing the code it ' +
      'removes; a run continued as new takes the newest code',
    async () => {
      let a!: WorkflowHandle;
      let b!: WorkflowHandle;
      await deployed('v1', async () => {
        a = await startCase('a');
        recorded.set('v1', await midWay(a));
      });

      await deployed('v2-patched', async () => {
        b = await startCase('b');
        recorded.set('v2-patched', await midWay(b));
        await expectCount(CARRYING, 1); // b
        await expectCount(NOT_CARRYING, 1); // a passed the change under v1: deprecatePatch would break it
        const aNextYear = await payForTheYear(a); // a's v1 run replays the old branch, then continues as new
        expect(patchMarkers(aNextYear)).toEqual([{ id: PATCH_ID, deprecated: false }]); // a fresh run: patched
        await expectCount(CARRYING, 2);
        await expectCount(NOT_CARRYING, 0); // → deprecatePatch may ship
      });

      const v3DeployedAt = new Date().toISOString(); // the last v2 worker has stopped
      const startedUnderV2 = `${CARRYING} AND StartTime < "${v3DeployedAt}"`;
      await deployed('v3-deprecated', async () => {
        const c = await startCase('c');
        recorded.set('v3-deprecated', await midWay(c));
        await expectCount(CARRYING, 3); // the deprecated marker of c counts too: the count alone cannot tell them apart
        await expectCount(startedUnderV2, 2); // a and b may hold v2's marker: removal would break them
        for (const handle of [a, b]) await payForTheYear(handle);
        await expectCount(CARRYING, 3);
        await expectCount(startedUnderV2, 0); // → the deprecatePatch call may go
      });

      await deployed('v4-removed', async () => {
        recorded.set('v4-removed', await midWay(await startCase('d')));
      });

      expect(RELEASES.map((release) => patchMarkers(recorded.get(release)!))).toEqual([
        [],
        [{ id: PATCH_ID, deprecated: false }],
        [{ id: PATCH_ID, deprecated: true }],
        [],
      ]);
      expect(RELEASES.map((release) => changeVersionUpserts(recorded.get(release)!))).toEqual([
        [],
        [[PATCH_ID]],
        [[PATCH_ID]],
        [],
      ]);
    },
  );

  it('a run recorded mid-way under one release replays under the releases the procedure keeps for it', async () => {
    expect([...recorded.keys()]).toEqual(RELEASES); // recorded by the test above
    const replaysUnder = new Map<Release, Release[]>(RELEASES.map((release) => [release, []]));
    for (const code of RELEASES) {
      const histories = RELEASES.map((release) => ({ workflowId: release, history: recorded.get(release)! }));
      for await (const result of Worker.runReplayHistories({ workflowBundle: bundles.get(code) }, histories)) {
        if (result.error && !(result.error instanceof DeterminismViolationError)) throw result.error;
        if (!result.error) replaysUnder.get(result.workflowId as Release)!.push(code);
      }
    }
    expect(Object.fromEntries(replaysUnder)).toEqual({
      // no marker, the old behaviour: only releases that still hold the old branch
      v1: ['v1', 'v2-patched'],
      // a marker: only releases that still call patched() or deprecatePatch()
      'v2-patched': ['v2-patched', 'v3-deprecated'],
      // a deprecated marker: ignored where no call matches it
      'v3-deprecated': ['v2-patched', 'v3-deprecated', 'v4-removed'],
      // no marker, the new behaviour: patched() would take the old branch on replay
      'v4-removed': ['v3-deprecated', 'v4-removed'],
    });
  });
});
