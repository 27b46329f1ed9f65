import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { CaseHistoryRepository } from '../../persistence/repositories/case-history.repository';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import { FINAL_STAGES, type Actor, type CaseSnapshot } from '../../workflows/definitions/case';
import { caseSnapshotQuery, parkCaseWorkflowId } from '../../workflows/definitions/messages';
import { nested, notFound } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.token';
import { caseEndedError, isWorkflowEnded } from '../temporal/temporal-errors';
import { DISTRICT_KEY } from '../../workflows/definitions/search-attributes';
import { maySee } from './case-scope';
import { toCaseView, type CaseView } from './case-view';

/** One entry of the audit trail (api-contract "Bodies and shapes": `{ at, actor, action, details }`). */
export class HistoryEntry {
  @ApiProperty({ format: 'date-time' })
  at!: string;
  @ApiProperty({ example: { id: 'municipal-officer', role: 'municipal' } })
  actor!: { id: string; role: string };
  @ApiProperty({ example: 'designated' })
  action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;
}

export class HistoryPage {
  @ApiProperty({ type: [HistoryEntry] })
  items!: HistoryEntry[];
}

/** How long the answer to an action on an ended case may wait for the ended workflow's own final stage. */
const ENDED_QUERY_WAIT_MS = 5_000;
const hasEnded = (stage: string | undefined): boolean =>
  (FINAL_STAGES as ReadonlyArray<string | undefined>).includes(stage);

/** Reads cases from the PostgreSQL read model, falling back to the live workflow when it has not caught up. */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: ParkCasesRepository,
    private readonly auditTrail: CaseHistoryRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /** The audit trail (api-contract `GET /v1/cases/{caseId}/history`): every accepted action and system event. */
  async history(actor: Actor, caseId: string): Promise<HistoryPage> {
    await this.visibleSnapshot(actor, caseId);
    const entries = await this.auditTrail.entriesOf(caseId);
    return {
      items: entries.map((entry) => ({
        at: entry.at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        details: entry.details,
      })),
    };
  }

  async get(actor: Actor, caseId: string): Promise<CaseView> {
    return toCaseView(await this.visibleSnapshot(actor, caseId), actor);
  }

  /**
   * The case as stored (the read model, else the live workflow), if the caller may see it; else 404. What an
   * action or the audit trail needs to decide, without building the case's view.
   */
  async visibleSnapshot(actor: Actor, caseId: string): Promise<CaseSnapshot> {
    const snapshot = (await this.cases.findSnapshot(caseId)) ?? (await this.queryLive(caseId));
    // A district officer never learns that another district's case exists; experts see panel cases only.
    if (!snapshot || !maySee(actor, snapshot)) throw notFound(nested('errors.things.case', { caseId }));
    return snapshot;
  }

  /**
   * 404 unless the caller may see the case — without waiting on a worker: from the read model, else from the
   * workflow's district search attribute (a filing answered 202 whose first task no worker has taken yet has
   * no read-model row, and a query on it would wait for a worker). Experts see panel cases only, which a
   * workflow outside the read model cannot show: for them the live workflow decides, as in {@link get}.
   */
  async assertVisible(actor: Actor, caseId: string): Promise<void> {
    const stored = await this.cases.findSnapshot(caseId);
    if (stored) {
      if (maySee(actor, stored)) return;
      throw notFound(nested('errors.things.case', { caseId }));
    }
    if (actor.role !== 'expert') {
      const district = await this.workflowDistrict(caseId);
      if (district !== undefined) {
        if (maySee(actor, { district, panel: null })) return;
        throw notFound(nested('errors.things.case', { caseId }));
      }
    }
    await this.get(actor, caseId);
  }

  /** The district a case workflow was started for (its search attribute); undefined when there is no such workflow. */
  private async workflowDistrict(caseId: string): Promise<string | undefined> {
    try {
      const description = await this.client.withDeadline(Date.now() + ENDED_QUERY_WAIT_MS, () =>
        this.client.workflow.getHandle(parkCaseWorkflowId(caseId)).describe(),
      );
      return description.typedSearchAttributes.get(DISTRICT_KEY);
    } catch {
      return undefined;
    }
  }

  /**
   * Sends an officer action (`send`, the Update) to a case the caller may see — unless the case has
   * ended (policy.md: lapsed, rejected, closed), which is 409 `invalid_stage` at once: nothing is sent to a
   * finished workflow. When Temporal reports the workflow ended although the read model still showed it open
   * (it lagged, or the case ended meanwhile), the answer is the same 409, naming the stage the case ended in.
   */
  async whileOpen<R>(
    known: Pick<CaseSnapshot, 'caseId' | 'stage'>,
    action: string,
    send: () => Promise<R>,
  ): Promise<R> {
    if (hasEnded(known.stage)) throw caseEndedError(action, known.stage);
    try {
      return await send();
    } catch (error) {
      if (!isWorkflowEnded(error)) throw error;
      throw caseEndedError(action, await this.endedStage(known.caseId));
    }
  }

  /**
   * The final stage of a case whose workflow has ended: from the read model (the workflow records its last
   * change before it completes), else from the ended workflow itself (a query replays its history); undefined
   * when neither knows one (e.g. a run terminated by an operator).
   */
  private async endedStage(caseId: string): Promise<string | undefined> {
    const stored = (await this.cases.findSnapshot(caseId))?.stage;
    if (hasEnded(stored)) return stored;
    // Bounded: a query on an ended workflow needs a worker to replay it.
    const live = (await this.client.withDeadline(Date.now() + ENDED_QUERY_WAIT_MS, () => this.queryLive(caseId)))
      ?.stage;
    return hasEnded(live) ? live : undefined;
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
