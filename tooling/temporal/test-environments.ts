import type { ConnectionPlugin } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { PARK_CASE_SEARCH_ATTRIBUTES } from '../../workflows/definitions/search-attributes';
import { installQuietRuntime } from './quiet-runtime';
import { devServerExecutable, testServerExecutable } from './temporal-executables';

/**
 * The SDK gives a server it starts a fixed 5 s to answer (sdk-core's ephemeral server: 50 tries, 100 ms apart), and
 * kills it after that. A machine busy with other suites can take longer to start a JVM or a Go binary, so a start that
 * ran out of that window is made again, a bounded number of times, each after a longer pause (the burst of other
 * files starting their own servers passes): the verdict of a test must not hang on how busy the machine was when its
 * server started. Six tries were not enough beside a CPU hog and a mutation run (load average 18 on two cores).
 */
const STARTS = 12;
const PAUSE_PER_ATTEMPT_MS = 1_000;
const STARTUP_TIMEOUT = /did not start within/;

async function startWithRetries(start: () => Promise<TestWorkflowEnvironment>): Promise<TestWorkflowEnvironment> {
  installQuietRuntime();
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= STARTS || !STARTUP_TIMEOUT.test(String(error))) throw error;
      process.stderr.write(
        `[temporal] test server start ${attempt}/${STARTS} ran out of the SDK's 5 s; starting again\n`,
      );
      await new Promise((resolve) => setTimeout(resolve, attempt * PAUSE_PER_ATTEMPT_MS));
    }
  }
}

/**
 * The Java test server (grpc-java's defaults) allows a client's keepalive ping at most every 5 minutes and none
 * without a call; the SDK's client pings every 30 s, calls or not. After two such pings the server ends the connection
 * ("too_many_pings"), which a test outlives only when it is quick: a file slowed past a minute or two by a busy machine
 * lost its long-polling calls mid-way and hung. This client pings as the server allows.
 */
const pingAsTheTestServerAllows: ConnectionPlugin = {
  name: 'parkflow-test-server-keepalive',
  configureConnection: (options) => ({
    ...options,
    channelArgs: {
      ...options.channelArgs,
      'grpc.keepalive_time_ms': 10 * 60_000,
      'grpc.keepalive_permit_without_calls': 0,
    },
  }),
};

/** Temporal's time-skipping test server (Java), as provisioned. */
export const startTimeSkippingEnvironment = (): Promise<TestWorkflowEnvironment> =>
  startWithRetries(() =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: testServerExecutable() },
      plugins: [pingAsTheTestServerAllows],
    }),
  );

/** The Temporal CLI dev server, as provisioned, with parkflow's search attributes and any `extra` settings. */
export const startDevServerEnvironment = (
  extra: { dbFilename?: string; extraArgs?: string[] } = {},
): Promise<TestWorkflowEnvironment> =>
  startWithRetries(() =>
    TestWorkflowEnvironment.createLocal({
      server: { executable: devServerExecutable(), searchAttributes: [...PARK_CASE_SEARCH_ATTRIBUTES], ...extra },
    }),
  );
