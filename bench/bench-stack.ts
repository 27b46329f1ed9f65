import { provideMigratedPostgres } from '../tooling/postgres/throwaway-postgres';
import { startStack, type Stack, type StackOptions } from '../tooling/stacks/in-process-stack';

/**
 * Runs `use` on a stack of its own (a throw-away PostgreSQL, the dev server, a worker and the API in this process),
 * stopped afterwards whatever happens; then the bench's process ends, with 1 when it failed.
 */
export function benchOnStack(options: StackOptions, use: (stack: Stack) => Promise<void>): void {
  const run = async () => {
    const postgres = await provideMigratedPostgres();
    const stack = await startStack(options);
    try {
      await use(stack);
    } finally {
      await stack.teardown();
      await postgres.stop();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
