import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

// Module paths webpack records in the bundle; none of these may be part of workflow code.
const FORBIDDEN_MODULES = /node_modules\/(@nestjs\/[\w-]+|typeorm|pg|express|@temporalio\/(client|worker|activity))\//g;

describe('workflow bundle', () => {
  it('bundles workflows/ without Node builtins, NestJS, TypeORM, pg or non-workflow Temporal packages', async () => {
    // bundleWorkflowCode itself fails when workflow code imports a Node builtin.
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: new DefaultLogger('WARN'),
    });
    expect(code).toContain('parkCaseWorkflow');
    expect([...new Set(code.match(FORBIDDEN_MODULES) ?? [])]).toEqual([]);
  });
});
