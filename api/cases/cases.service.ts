import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { DataSource, type Repository } from 'typeorm';
import { ParkCaseRecord } from '../../persistence/entities/park-case.entity';
import type { Actor, CaseSnapshot } from '../../workflows/definitions/case';
import { caseSnapshotQuery, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { notFound } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { maySee } from './case-scope';
import { toCaseView, type CaseView } from './case-view';

/** One entry of the audit trail (api-contract "Bodies and shapes": `{ at, actor, action, details }`). */
export class HistoryEntry {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: { id: 'municipal-officer', role: 'municipal' } }) actor!: { id: string; role: string };
  @ApiProperty({ example: 'designated' }) action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

export class HistoryPage {
  @ApiProperty({ type: [HistoryEntry] }) items!: HistoryEntry[];
}

/** Reads cases from the PostgreSQL read model, falling back to the live workflow when it has not caught up. */
@Injectable()
export class CasesService {
  constructor(
    @InjectRepository(ParkCaseRecord) private readonly cases: Repository<ParkCaseRecord>,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly dataSource: DataSource,
  ) {}

  /** The audit trail (api-contract `GET /v1/cases/{caseId}/history`): every accepted action and system event. */
  async history(actor: Actor, caseId: string): Promise<HistoryPage> {
    await this.get(actor, caseId);
    const rows: Array<{ at: Date; actor: HistoryEntry['actor']; action: string; details: Record<string, unknown> }> = await this.dataSource.query(
      'SELECT at, actor, action, details FROM case_audit WHERE case_id = $1 ORDER BY at, recorded_at',
      [caseId],
    );
    return { items: rows.map((row) => ({ at: new Date(row.at).toISOString(), actor: row.actor, action: row.action, details: row.details })) };
  }

  async get(actor: Actor, caseId: string): Promise<CaseView> {
    const snapshot = (await this.cases.findOneBy({ caseId }))?.snapshot ?? (await this.queryLive(caseId));
    // A district officer never learns that another district's case exists; experts see panel cases only.
    if (!snapshot || !maySee(actor, snapshot)) throw notFound(`case ${caseId}`);
    return toCaseView(snapshot);
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
