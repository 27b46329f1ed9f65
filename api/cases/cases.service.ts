import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import { ParkCaseRecord } from '../../persistence/entities/park-case.entity';
import type { Actor, CaseSnapshot } from '../../workflows/definitions/case';
import { caseSnapshotQuery, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { notFound } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { toCaseView, type CaseView } from './case-view';

/** Reads cases from the PostgreSQL read model, falling back to the live workflow when it has not caught up. */
@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(ParkCaseRecord) private readonly cases: Repository<ParkCaseRecord>,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async get(actor: Actor, caseId: string): Promise<CaseView> {
    const snapshot = (await this.cases.findOneBy({ caseId }))?.snapshot ?? (await this.queryLive(caseId));
    // A district officer never learns that another district's case exists; experts see panel cases only.
    if (!snapshot || !this.maySee(actor, snapshot)) throw notFound(`case ${caseId}`);
    return toCaseView(snapshot);
  }

  private maySee(actor: Actor, snapshot: CaseSnapshot): boolean {
    if (actor.role === 'district') return actor.district === snapshot.district;
    if (actor.role === 'expert') return false; // panels arrive with expert review (§5.1)
    return true;
  }

  private async queryLive(caseId: string): Promise<CaseSnapshot | undefined> {
    try {
      const snapshot = await this.client.workflow.getHandle(parkCaseWorkflowId(caseId)).query(caseSnapshotQuery);
      return snapshot.stage === 'draft' ? undefined : snapshot;
    } catch {
      return undefined; // no such workflow (or not answerable now): the case is not known
    }
  }
}
