/**
 * Where an officer action's milliseconds go (issue 13 item 3). One action without a payment (`POST …/acceptance`) and
 * one with a payment (`POST …/designation`, which instructs tranche 1) are sent one at a time, each on a case of its
 * own, and each is cut into consecutive segments whose sum is the time the client waited:
 *
 * - client side: the request sent, the response read (this process);
 * - API side: the API's own Temporal client is wrapped, so each sample knows when the worker-presence check
 *   (`describeTaskQueue`), the update (`updateWorkflowExecution`) and the wait for its result
 *   (`pollWorkflowExecutionUpdate`) were sent and answered;
 * - server side: the case's history after the sample: the workflow tasks (scheduled, started, completed), the
 *   update accepted and completed, and the activities `recordCaseChange` and `instructPayment` (scheduled, started,
 *   completed), with the server's own timestamps (same machine, same clock).
 *
 * The floor: the case has no update that changes nothing, so the closest one is measured without changing workflow
 * code — an update whose validator refuses it (acceptance of a case already accepted: the worker runs the validator
 * in a workflow task that never reaches history), with the Temporal client and through the API (409); and a query.
 *
 * Everything runs in this process but the Temporal server (and PostgreSQL): `--target dev` starts the CLI's dev
 * server on a SQLite file with the tuning `npm run dev` gives it (scripts/dev-server-tuning.args; `--dev-tuning none`
 * for the CLI's defaults, `--dev-tuning "<arguments>"` for others),
 * `--target cluster` the Temporal server on PostgreSQL as `npm run cluster` runs it
 * (tooling/temporal/temporal-services.ts).
 * The worker and the API are the stack harness's (tooling/stacks/in-process-stack.ts), with the worker options of
 * worker/create-worker.ts.
 *
 * usage: npm run bench:latency -- [--target dev|cluster] [--samples 100] [--warm-up 10] [--dev-tuning none|"<args>"]
 */
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../../api/temporal/temporal-client.token';
import { HttpDriver } from '../../tooling/http/http-driver';
import { acceptanceUpdate, caseSnapshotQuery, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { percentile } from '../percentile';
import { probeApiClient, timed, WallClock } from './probe';
import { ActionSamples, table } from './samples';
import { startTarget, type Target } from './target';
import { segmentsOf, traceUpdate } from './trace';
import { pool } from '../pool';

interface Options {
  target: Target;
  samples: number;
  warmUp: number;
  /** The dev server's tuning arguments; undefined: scripts/dev-server-tuning.args. */
  devTuning: string[] | undefined;
}

/** Cases set up at once (filing, acceptance, panel, reviews). */
const SETUP_CONCURRENCY = 8;
/** How long a sample waits for its case to be idle (notice deliveries beside the case) before the next one. */
const SETTLE_MS = 5_000;

function parseOptions(argv: string[]): Options {
  const options: Options = { target: 'dev', samples: 100, warmUp: 10, devTuning: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i += 1;
    if (flag === '--target' && (value === 'dev' || value === 'cluster')) options.target = value;
    else if (flag === '--samples' && Number(value) > 0) options.samples = Number(value);
    else if (flag === '--warm-up' && Number(value) >= 0) options.warmUp = Number(value);
    else if (flag === '--dev-tuning') options.devTuning = value === 'none' ? [] : value.split(/\s+/).filter(Boolean);
    else throw new Error(`unknown option ${flag} ${value} (see the usage in bench/latency/main.ts)`);
  }
  return options;
}

/** Waits until the case has no activity or workflow task pending (notice deliveries run beside an action). */
async function settled(client: Client, caseId: string): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  while (Date.now() < deadline) {
    const { raw } = await client.workflow.getHandle(parkCaseWorkflowId(caseId)).describe();
    if (!raw.pendingActivities?.length && !raw.pendingWorkflowTask) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const running = await startTarget(options.target, options.devTuning);
  const { stack } = running;
  const driver = new HttpDriver(stack);
  const clock = new WallClock();
  const probe = probeApiClient(stack.app.get<Client>(TEMPORAL_CLIENT), clock);
  const client = stack.env.client;
  try {
    const total = options.samples + options.warmUp;
    process.stderr.write(`${running.describe}: setting up ${2 * total} cases…\n`);
    const toAccept = await pool(total, SETUP_CONCURRENCY, () => driver.complete()); // with their papers (R-DOC-1)
    const toDesignate = await pool(total, SETUP_CONCURRENCY, () => driver.reviewed());
    const municipal = driver.municipal();
    const actor = { id: 'municipal-officer', role: 'municipal' as const };

    const acceptance = new ActionSamples();
    const designation = new ActionSamples();
    const floor = { rejectedUpdate: [] as number[], query: [] as number[], rejectedHttp: [] as number[] };
    /** One action on `caseId`, timed and cut into segments; kept in `samples` unless it warms up. */
    const act = async (samples: ActionSamples | undefined, caseId: string, path: string, body: unknown) => {
      await settled(client, caseId);
      probe.reset();
      const { ms, t0, t1 } = await timed(clock, () =>
        driver.ok('POST', `/v1/cases/${caseId}/${path}`, { token: municipal, body }),
      );
      const marks = probe.marks;
      if (!marks.updateId || marks.updateSent === undefined || (marks.pollDone ?? marks.updateDone) === undefined)
        throw new Error(`the API's update was not seen: ${JSON.stringify(marks)}`);
      const history = await client.workflow.getHandle(parkCaseWorkflowId(caseId)).fetchHistory();
      const segments = segmentsOf(t0, t1, marks, traceUpdate(history.events ?? [], marks.updateId));
      samples?.add(segments, ms, marks);
    };
    for (let i = 0; i < total; i += 1) {
      const measured = i >= options.warmUp;
      await act(measured ? acceptance : undefined, toAccept[i], 'acceptance', { accepted: true });
      await act(measured ? designation : undefined, toDesignate[i], 'designation', {
        decision: 'designate',
        reason: '评审通过',
        subsidyAmount: 2_000_000,
      });
      // The floor, on the case just accepted: its validator refuses a second acceptance (409 invalid_stage).
      await settled(client, toAccept[i]);
      const handle = client.workflow.getHandle(parkCaseWorkflowId(toAccept[i]));
      const rejected = await timed(clock, () =>
        handle.executeUpdate(acceptanceUpdate, { args: [{ actor, accepted: true }] }).then(
          () => {
            throw new Error('a second acceptance was applied');
          },
          (error: Error) => {
            if (error.name !== 'WorkflowUpdateFailedError') throw error;
          },
        ),
      );
      const query = await timed(clock, () => handle.query(caseSnapshotQuery));
      const http = await timed(clock, () =>
        driver.ok('POST', `/v1/cases/${toAccept[i]}/acceptance`, { token: municipal, body: { accepted: true } }, 409),
      );
      if (measured) {
        floor.rejectedUpdate.push(rejected.ms);
        floor.query.push(query.ms);
        floor.rejectedHttp.push(http.ms);
      }
    }

    console.log(`\n${running.describe}; ${options.samples} samples after ${options.warmUp} to warm up`);
    console.log(acceptance.render('POST /v1/cases/{id}/acceptance — no payment'));
    console.log(designation.render('POST /v1/cases/{id}/designation — instructs tranche 1'));
    console.log(
      table(`floor: no-op round trips (n=${floor.query.length})`, [
        ['update refused by its validator (Temporal client)', floor.rejectedUpdate],
        ['query caseSnapshot (Temporal client)', floor.query],
        ['the same refused action over HTTP (409)', floor.rejectedHttp],
      ]),
    );
    const p50 = (samples: number[]): number => percentile(samples, 50);
    const floorMs = p50(floor.rejectedUpdate);
    console.log(
      `\nagainst the floor (refused update, p50 ${floorMs.toFixed(1)} ms): ` +
        `acceptance ${(p50(acceptance.totals) / floorMs).toFixed(1)}× (target ≤ 2×), ` +
        `designation ${(p50(designation.totals) / floorMs).toFixed(1)}× (target ≤ 3×)`,
    );
  } finally {
    await running.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
