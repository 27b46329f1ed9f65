import { startDevStack } from '../../tooling/processes/dev-stack-process';

/** Where the tests find the stack (set here, read by the tests: Playwright's workers inherit the environment). */
export const CONSOLE_URL_VARIABLE = 'PARKFLOW_CONSOLE_URL';
/** The stack's data dir (its `dev.pids` names the process groups a test may pause: the worker). */
export const DATA_DIR_VARIABLE = 'PARKFLOW_CONSOLE_DATA_DIR';
/** The stack's Temporal frontend (for `npm run policy-clock`). */
export const TEMPORAL_ADDRESS_VARIABLE = 'PARKFLOW_CONSOLE_TEMPORAL_ADDRESS';

/**
 * The browser suite's stack: `npm run dev` on ports of its own, its policy clock adjustable (a test moves a case past
 * its first reporting year instead of waiting) and a 3-second wait for an action's outcome before the API answers 202
 * (the 202 test pauses the worker; the API still says within seconds that the action was received). Playwright's
 * global setup; the function it returns is the teardown.
 */
export default async function startBrowserStack(): Promise<() => Promise<void>> {
  const stack = await startDevStack('parkflow-browser-', { POLICY_CLOCK_ADJUSTABLE: 'true', UPDATE_WAIT_MS: '3000' });
  process.env[CONSOLE_URL_VARIABLE] = stack.url;
  process.env[DATA_DIR_VARIABLE] = stack.dataDir;
  process.env[TEMPORAL_ADDRESS_VARIABLE] = stack.temporalAddress;
  return stack.stop;
}
