import { readdirSync } from 'node:fs';
import { filesInNoShard, mutationSummary, type ReportedMutant } from '../../scripts/mutation-summary';
import shards from '../mutation/shards.json';

const mutant = (status: string, line: number, replacement = 'true'): ReportedMutant => ({
  mutatorName: 'ConditionalExpression',
  replacement,
  status,
  location: { start: { line } },
});

describe('the mutation summary (npm run mutation, test/MUTATION.md)', () => {
  it('scores detected over killed, timed out, survived and uncovered — compile errors count for nothing', () => {
    const report = {
      files: {
        'workflows/lifecycle/refund.ts': {
          source: 'const a = 1;\nif (paid >= amount) close();\n',
          mutants: [
            mutant('Killed', 1),
            mutant('Killed', 1),
            mutant('Timeout', 2),
            mutant('Survived', 2, 'paid > amount'),
            mutant('CompileError', 2),
          ],
        },
      },
    };
    const lines = mutationSummary([report]).split('\n');
    expect(lines.find((l) => l.startsWith('all'))?.split(/\s+/)).toEqual([
      'all',
      '5',
      '3',
      '1',
      '75.0',
      '%',
      '50.0',
      '%',
    ]);
    expect(lines).toContain(
      '  workflows/lifecycle/refund.ts:2 ConditionalExpression  if (paid >= amount) close();  →  paid > amount',
    );
  });

  it('every file of workflows/lifecycle/ is in a shard of test/mutation/shards.json', () => {
    const lifecycle = readdirSync('workflows/lifecycle')
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `workflows/lifecycle/${name}`);
    expect(filesInNoShard(shards, lifecycle)).toEqual([]);
    expect(filesInNoShard({ a: [lifecycle[0]] }, lifecycle.slice(0, 2))).toEqual([lifecycle[1]]);
  });
});
