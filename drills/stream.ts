import { paperForm } from '../tooling/http/papers';
import { DEFAULT_POLICY } from '../workflows/definitions/policy';
import { randomUUID } from 'node:crypto';
import { idempotentCaseIdFor, idempotentUpdateIdFor } from '../api/idempotency/update-id';
import { validApplication } from '../tooling/fixtures/applications';
import type { ApiClient, Answer } from './api-client';
import { sleep } from '../tooling/processes/managed-process';

/** The district every drill case is filed in (渝北区), and the panel of every case. */
export const DISTRICT = '500112';
const PANEL = ['expert-drill-1', 'expert-drill-2', 'expert-drill-3'];
const DISTRICT_SUB = 'district-drill-officer';

/** The outcome of one officer action, once the drill stopped waiting for it. */
export type Final = 'applied' | 'refused' | 'unresolved';

/**
 * One officer action of the stream, with one `Idempotency-Key` for all its attempts (a client retrying after
 * no answer, a 503 or a 409 `idempotency_in_progress` — never with a new key, so it is applied at most once).
 */
export interface ActionRecord {
  drill: string;
  /** The audit-trail action it should add to the case's history once applied (e.g. `panel_formed`). */
  audit: string;
  path: string;
  key: string;
  /**
   * `${role}:${sub}`, the idempotency caller: with the key it derives the Temporal update id (and a filing's caseId).
   */
  caller: string;
  token: string;
  body: unknown;
  /** Known before sending, except for a filing (derived from caller and key when keyed, and read from its answer). */
  caseId: string;
  updateId: string;
  /** The status of every attempt, in order (0: no answer). */
  statuses: number[];
  /** The first 2xx answer's status (201/200 applied, 202 outcome known later), if any. */
  answered2xx?: number;
  /**
   * How often the outcome endpoint answered 404 after a 202 (Temporal knew no such update), each followed by a same-key
   * retry.
   */
  lost: number;
  final?: Final;
  /** The refusal (4xx body, or the outcome endpoint's `error`) when refused. */
  refusal?: unknown;
  startedAt: number;
  endedAt?: number;
}

/** How the stream runs: how many cases at once, and how long one action may take before the drill gives up on it. */
export interface StreamOptions {
  lanes: number;
  actionBoundMs: number;
  /**
   * Called when `GET …/actions/{updateId}` answers 404 after a 202 — Temporal lost the update (a server restart
   * forgets updates no worker has accepted) — before the same-key retry sends it again: the drill looks for
   * what the lost update may have left behind.
   */
  onLost?: (record: ActionRecord) => Promise<void>;
}

/** Pause between retries of an attempt that got no answer, a 503 or 409 in progress: a busy client, not a storm. */
const RETRY_PAUSE_MS = 250;

/**
 * The stream of officer actions a drill runs while it injects its fault (issue 10 item 9): `lanes` cases at a
 * time, each filed and taken through acceptance, panel, three reviews, designation (tranche 1 instructed),
 * finance's confirmation, incubation-base recognition (the grant instructed) and its confirmation — the
 * sequence of tooling/http/http-driver.ts. Each action waits for its real outcome (polling
 * `GET /v1/cases/{caseId}/actions/{updateId}` after a 202) before the next action of its case is sent.
 */
export class ActionStream {
  readonly records: ActionRecord[] = [];
  private stopping = false;

  constructor(
    private readonly client: ApiClient,
    /** The drill's name in the table. */
    readonly drill: string,
    /** The drill's ASCII id, in every key and park name of its stream. */
    private readonly id: string,
    private readonly options: StreamOptions,
  ) {}

  /**
   * Runs lanes until `stop()` is called; each lane finishes the case it is on. A lane whose case could not be
   * taken to its end stops there: its records tell why, and a lane never spins on a stack that refuses everything.
   */
  async run(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.options.lanes }, async (_, lane) => {
        for (let n = 0; !this.stopping; n += 1) if (!(await this.lifeOfCase(`${lane}-${n}`))) return;
      }),
    );
  }

  stop(): void {
    this.stopping = true;
  }

  /** Actions applied so far (the drills wait for some progress before injecting a fault). */
  applied(): number {
    return this.records.filter((record) => record.final === 'applied').length;
  }

  private readonly municipal = (): string => this.client.token('municipal', 'municipal-drill-officer');
  private readonly finance = (): string => this.client.token('finance', 'finance-drill-officer');

  /** One case through the sequence; false when a step was not applied (its record shows why), which ends the case. */
  private async lifeOfCase(label: string): Promise<boolean> {
    const caseId = await this.file(label);
    if (!caseId) return false;
    const district = this.client.token('district', DISTRICT_SUB, DISTRICT);
    const steps: Array<[string, string, string, unknown]> = [
      // R-DOC-1: the papers acceptance needs, uploaded by the district (each with its own Idempotency-Key too).
      ...DEFAULT_POLICY.documentsRequiredAtAcceptance.map((purpose): [string, string, string, unknown] => [
        'document_attached',
        'documents',
        district,
        paperForm(purpose),
      ]),
      ['application_accepted', 'acceptance', this.municipal(), { accepted: true }],
      ['panel_formed', 'panel', this.municipal(), { expertIds: PANEL }],
      ...PANEL.map((expert): [string, string, string, unknown] => [
        'review_submitted',
        'reviews',
        this.client.token('expert', expert),
        { necessity: 80, feasibility: 75, recommend: true },
      ]),
      [
        'designated',
        'designation',
        this.municipal(),
        { decision: 'designate', reason: '演练：评审通过', subsidyAmount: 2_000_000 },
      ],
      [
        'payment_confirmed',
        `payments/${encodeURIComponent(`${caseId}:subsidy_tranche_1`)}/confirmation`,
        this.finance(),
        this.confirmation(),
      ],
      ['incubation_base_recognised', 'incubation-base', this.municipal(), {}],
      [
        'payment_confirmed',
        `payments/${encodeURIComponent(`${caseId}:incubation_grant`)}/confirmation`,
        this.finance(),
        this.confirmation(),
      ],
    ];
    for (const [audit, action, token, body] of steps) {
      const record = this.newRecord(audit, `/v1/cases/${caseId}/${action}`, token, body, caseId);
      if ((await this.perform(record)) !== 'applied') return false;
    }
    return true;
  }

  /** Files a new case (201, or 202 naming it); its caseId, or undefined when the filing was not applied. */
  async file(label: string, onAnswer?: (record: ActionRecord, answer: Answer) => void): Promise<string | undefined> {
    const token = this.client.token('district', DISTRICT_SUB, DISTRICT);
    const body = validApplication({ district: DISTRICT, parkName: `演练产业园 ${this.id} ${label}` });
    const record = this.newRecord('application_filed', '/v1/applications', token, body, '');
    record.caseId = idempotentCaseIdFor(record.caller, record.key);
    const final = await this.perform(record, onAnswer);
    return final === 'applied' ? record.caseId : undefined;
  }

  private confirmation(): { paidAt: string; bankReference: string } {
    return { paidAt: new Date().toISOString(), bankReference: `DRILL-${randomUUID().slice(0, 8)}` };
  }

  private newRecord(audit: string, path: string, token: string, body: unknown, caseId: string): ActionRecord {
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string; role: string };
    const caller = `${claims.role}:${claims.sub}`;
    const key = `drill-${this.id}-${randomUUID()}`;
    const record: ActionRecord = {
      drill: this.drill,
      audit,
      path,
      key,
      caller,
      token,
      body,
      caseId,
      updateId: idempotentUpdateIdFor(caller, key),
      statuses: [],
      lost: 0,
      startedAt: Date.now(),
    };
    this.records.push(record);
    return record;
  }

  /**
   * Sends the action until it has a real outcome: applied (200/201, or a 202 whose outcome turns `applied`) or
   * refused (a 4xx other than 409 in progress / 429, or a 202 whose outcome turns `refused`); unresolved when the
   * bound ran out. Retries keep the key: after no answer, a 5xx, 429, 409 in progress, and after a 202 whose
   * update Temporal does not know (404) — the contract's way to learn the real outcome (issue 10 items 2 and 4).
   */
  async perform(record: ActionRecord, onAnswer?: (record: ActionRecord, answer: Answer) => void): Promise<Final> {
    const deadline = record.startedAt + this.options.actionBoundMs;
    const finish = (final: Final): Final => {
      record.final = final;
      record.endedAt = Date.now();
      return final;
    };
    while (Date.now() < deadline) {
      const answer = await this.client.call('POST', record.path, {
        token: record.token,
        body: record.body,
        idempotencyKey: record.key,
      });
      record.statuses.push(answer.status);
      onAnswer?.(record, answer);
      if (answer.status === 200 || answer.status === 201 || answer.status === 202) {
        record.answered2xx ??= answer.status;
        if (typeof answer.body?.caseId === 'string' && record.path === '/v1/applications')
          record.caseId = answer.body.caseId;
        if (answer.status !== 202) return finish('applied');
        const outcome = await this.outcome(record, String(answer.body?.updateId ?? record.updateId), deadline);
        if (outcome !== 'lost') return finish(outcome);
        record.lost += 1;
        await this.options.onLost?.(record);
        continue; // the same key sends the same update again
      }
      const inProgress = answer.status === 409 && answer.body?.error === 'idempotency_in_progress';
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429 && !inProgress) {
        record.refusal = answer.body;
        return finish('refused');
      }
      await sleep(RETRY_PAUSE_MS); // no answer, 5xx, 429, or the key's first request still holds it
    }
    return finish('unresolved');
  }

  /**
   * Polls the outcome endpoint after a 202 until the action is applied or refused, or Temporal knows no such update
   * (404).
   */
  private async outcome(record: ActionRecord, updateId: string, deadline: number): Promise<Final | 'lost'> {
    const path = `/v1/cases/${record.caseId}/actions/${encodeURIComponent(updateId)}`;
    while (Date.now() < deadline) {
      const answer = await this.client.call('GET', path, { token: this.municipal() });
      if (answer.status === 200 && answer.body?.status === 'applied') return 'applied';
      if (answer.status === 200 && answer.body?.status === 'refused') {
        record.refusal = answer.body.error;
        return 'refused';
      }
      if (answer.status === 404) return 'lost';
      await sleep(RETRY_PAUSE_MS); // running, or the stack is not answering yet
    }
    return 'unresolved';
  }
}
