import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedArtifact } from './shared-artifacts';

/**
 * The case workflows bundled once per test run (webpack, seconds of CPU per bundle), for every worker and every
 * replay of the run: `{ codePath }` is what `WorkerOptions.workflowBundle` and `Worker.runReplayHistories` take.
 */
export async function sharedWorkflowBundle(): Promise<{ codePath: string }> {
  const dir = await sharedArtifact('workflow-bundle', async (into) => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: new DefaultLogger('WARN'),
    });
    writeFileSync(join(into, 'workflows.js'), code);
  });
  return { codePath: join(dir, 'workflows.js') };
}
