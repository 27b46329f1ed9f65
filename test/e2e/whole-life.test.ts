import { HttpDriver } from '../support/http-driver';
import { startStack, type Stack } from '../support/stack-harness';
import { wholeLife, WHOLE_LIFE, WHOLE_LIFE_BOUND_MS, WHOLE_LIFE_TIME_SCALE } from '../support/whole-life';

let stack: Stack;
let driver: HttpDriver;
beforeAll(async () => {
  stack = await startStack({
    env: {
      POLICY_TIME_SCALE: String(WHOLE_LIFE_TIME_SCALE),
      // Polling the inbox every 50 ms for ~45 s is more than the default per-caller budget (600/min); the limiter
      // has its own suite (idempotency-and-rate-limit) and stays in the path here.
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_BURST: '10000',
    },
  });
  driver = new HttpDriver(stack);
});
afterAll(async () => {
  await stack?.teardown();
});

describe('a park’s whole life through HTTP only (compressed POLICY_TIME_SCALE)', () => {
  it(WHOLE_LIFE, () => wholeLife(driver), WHOLE_LIFE_BOUND_MS);
});
