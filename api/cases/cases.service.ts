import { DOCUMENT_DOWNLOADED } from '../../workflows/definitions/documents';
import { Injectable } from '@nestjs/common';
import { CaseHistoryRepository, type CaseHistoryEntry } from '../../persistence/repositories/case-history.repository';
import { ParkCasesRepository } from '../../persistence/repositories/park-cases.repository';
import { FINAL_STAGES, type Actor, type CaseSnapshot } from '../../workflows/definitions/case';
import { nested, notFound } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal-gateway';
import { maySee } from './case-scope';
import type { HistoryPage } from './case-history.view';
import { toCaseView, type CaseView } from './case-view';

/** How long the answer to an action on an ended case may wait for the ended workflow's own final stage. */
const ENDED_QUERY_WAIT_MS = 5_000;
/** How long the audit trail may take to catch up with the case as read (its workflow records a change right after). */
const TRAIL_CATCH_UP_MS = 2_000;
const TRAIL_POLL_MS = 20;

/** True for the stages a case's workflow ends in (policy.md: lapsed, rejected, closed). */
export const hasEnded = (stage: string | undefined): boolean =>
  (FINAL_STAGES as ReadonlyArray<string | undefined>).includes(stage);

/**
 * Reads cases the caller may see: from the PostgreSQL read model, falling back to the live workflow (through the
 * Temporal gateway) when it has not caught up. Reads only: it sends nothing and calls no other service.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: ParkCasesRepository,
    private readonly auditTrail: CaseHistoryRepository,
    private readonly temporal: TemporalGateway,
  ) {}

  /**
   * The audit trail (api-contract `GET /v1/cases/{caseId}/history`): every accepted action and system event — up to
   * the case as read: each version of a case has its one entry, which the workflow records just after the officer
   * who made the change was answered, so the trail is awaited (briefly) until it holds the case's version.
   */
  async history(actor: Actor, caseId: string): Promise<HistoryPage> {
    const { version } = await this.visibleSnapshot(actor, caseId);
    const entries = await this.trailUpTo(caseId, version);
    return {
      items: entries.map((entry) => ({
        at: entry.at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        details: entry.details,
      })),
    };
  }

  /** The case's audit entries once they number `version`, or as they are after {@link TRAIL_CATCH_UP_MS}. */
  private async trailUpTo(caseId: string, version: number): Promise<CaseHistoryEntry[]> {
    const deadline = Date.now() + TRAIL_CATCH_UP_MS;
    for (;;) {
      const entries = await this.auditTrail.entriesOf(caseId);
      const changes = entries.filter((entry) => entry.action !== DOCUMENT_DOWNLOADED).length; // one per version
      if (changes >= version || Date.now() >= deadline) return entries;
      await new Promise((resolve) => setTimeout(resolve, TRAIL_POLL_MS));
    }
  }

  async get(actor: Actor, caseId: string): Promise<CaseView> {
    return toCaseView(await this.visibleSnapshot(actor, caseId), actor);
  }

  /**
   * The case as stored (the read model, else the live workflow), if the caller may see it; else 404. What an
   * action or the audit trail needs to decide, without building the case's view.
   */
  async visibleSnapshot(actor: Actor, caseId: string): Promise<CaseSnapshot> {
    const snapshot = (await this.cases.findSnapshot(caseId)) ?? (await this.temporal.liveSnapshot(caseId));
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
      const district = await this.temporal.district(caseId);
      if (district !== undefined) {
        if (maySee(actor, { district, panel: null })) return;
        throw notFound(nested('errors.things.case', { caseId }));
      }
    }
    await this.get(actor, caseId);
  }

  /**
   * The final stage of a case whose workflow has ended: from the read model (the workflow records its last
   * change before it completes), else from the ended workflow itself (a query replays its history, bounded);
   * undefined when neither knows one (e.g. a run terminated by an operator).
   */
  async endedStage(caseId: string): Promise<string | undefined> {
    const stored = (await this.cases.findSnapshot(caseId))?.stage;
    if (hasEnded(stored)) return stored;
    const live = (await this.temporal.liveSnapshot(caseId, ENDED_QUERY_WAIT_MS))?.stage;
    return hasEnded(live) ? live : undefined;
  }
}
