import { Logger } from '@nestjs/common';
import { ActionPending } from '../../api/action-outcomes/action-pending';
import { CaseActionsService } from '../../api/actions/case-actions.service';
import type { CasesService } from '../../api/cases/cases.service';
import type { IdempotencyClaim } from '../../api/idempotency/idempotency-claim';
import { idempotentUpdateIdFor } from '../../api/idempotency/update-id';
import type { TemporalGateway } from '../../api/temporal/temporal-gateway';
import type { WorkerPresence } from '../../api/temporal/worker-presence';
import type { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import type { CaseSnapshot } from '../../workflows/definitions/case';
import { acceptanceUpdate } from '../../workflows/definitions/messages';
import { DEFAULT_POLICY } from '../../workflows/definitions/policy';
import { newCase } from '../../workflows/lifecycle/intake';

const municipal = { id: 'municipal-officer', role: 'municipal' as const };
const input = {
  caseId: 'case-1',
  district: '500112',
  parkName: '渝北园',
  policy: DEFAULT_POLICY,
  policyTimeScale: 86400,
};
/** The case as the acceptance Update returns it: accepted, version 3. */
const accepted: CaseSnapshot = {
  ...newCase(input, Date.parse('2027-01-04T00:00:00Z'), '2027-01-04T00:00:00.000Z'),
  stage: 'accepted',
  version: 3,
};

/** The actions over fakes: Temporal answers `update` / `outcome` as told; the read model write is recorded. */
function actionsOver(temporal: Partial<TemporalGateway>, save?: () => Promise<boolean>) {
  const written: CaseSnapshot[] = [];
  const readModel = {
    saveUnlessOlder: async (snapshot: CaseSnapshot) => {
      written.push(snapshot);
      return (save ?? (async () => true))();
    },
  } as unknown as ParkCasesRepository;
  const known = { caseId: 'case-1', stage: 'submitted' } as CaseSnapshot;
  const cases = { visibleSnapshot: async () => known } as unknown as CasesService;
  const workers = { check: async () => undefined } as unknown as WorkerPresence;
  const actions = new CaseActionsService(cases, temporal as TemporalGateway, workers, readModel);
  const accept = (idempotency?: IdempotencyClaim) =>
    actions.act(municipal, 'case-1', acceptanceUpdate, { accepted: true }, idempotency);
  return { accept, written };
}

describe('an officer action answers with its own change readable (issue 23 item 7)', () => {
  it('the case the Update returned is in the read model before the answer', async () => {
    let release!: (written: boolean) => void;
    const slowWrite = () => new Promise<boolean>((resolve) => (release = resolve));
    const { accept, written } = actionsOver({ update: async () => accepted as never }, slowWrite);
    let answered = false;
    const answer = accept().then((view) => ((answered = true), view));
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual([accepted]);
    expect(answered).toBe(false); // still waiting for the write
    release(true);
    expect(await answer).toMatchObject({ caseId: 'case-1', stage: 'accepted' });
  });

  it('a read model that cannot be written does not turn an applied action into an error', async () => {
    const down = async (): Promise<boolean> => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { accept } = actionsOver({ update: async () => accepted as never }, down);
    await expect(accept()).resolves.toMatchObject({ stage: 'accepted' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not record case case-1 v3'));
    warn.mockRestore();
  });

  it('an action answered 202 writes nothing: its outcome is not known yet', async () => {
    const pending = new ActionPending('case-1', 'update-1', 1000, 'sent');
    const { accept, written } = actionsOver({ update: async () => pending as never });
    expect(await accept()).toBe(pending);
    expect(written).toEqual([]);
  });
});

describe('the Idempotency-Key reaches Temporal as an argument', () => {
  const claim: IdempotencyClaim = { caller: 'municipal:municipal-officer', key: 'k-1', takenOver: false };
  const derived = idempotentUpdateIdFor(claim.caller, claim.key);

  it('the update id is derived from the claim; without one it is fresh each time', async () => {
    const sentIds: string[] = [];
    const update = async (_caseId: string, _update: unknown, _arg: unknown, updateId: string) => {
      sentIds.push(updateId);
      return accepted as never;
    };
    const { accept } = actionsOver({ update });
    await accept(claim);
    await accept(undefined);
    await accept(undefined);
    expect(sentIds[0]).toBe(derived);
    expect(new Set(sentIds).size).toBe(3);
  });

  it('a retry that took the key over answers the earlier update’s outcome and sends nothing again', async () => {
    const asked: string[] = [];
    const outcome = async (_caseId: string, updateId: string) => {
      asked.push(updateId);
      return { status: 'applied' as const, result: accepted as never };
    };
    const update = async (): Promise<never> => {
      throw new Error('sent twice');
    };
    const { accept, written } = actionsOver({ outcome, update });
    expect(await accept({ ...claim, takenOver: true })).toMatchObject({ stage: 'accepted' });
    expect(asked).toEqual([derived]);
    expect(written.map((snapshot) => snapshot.version)).toEqual([3]);
  });
});
