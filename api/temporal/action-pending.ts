import { ACTION_ACCEPTED } from '../../workflows/definitions/messages';

/**
 * An Update whose outcome the wait did not bring: either the case accepted it and its effects are still being
 * completed (`stage: 'accepted'`), or it was sent but no outcome came back within the wait (`stage: 'sent'`,
 * `'filing'`): the server may hold it and apply it when a worker takes the task — its outcome is not known yet.
 * What Temporal said, in the API's words; answering it as HTTP 202 is `api/common/action-pending.interceptor.ts`.
 */
export class ActionPending {
  readonly status = ACTION_ACCEPTED;
  readonly message: string;
  /** A private field: not part of the answer's JSON. */
  readonly #durable: boolean;
  constructor(
    readonly caseId: string,
    readonly updateId: string,
    waitedMs: number,
    stage: 'accepted' | 'sent' | 'filing' = 'accepted',
  ) {
    this.#durable = stage === 'accepted';
    const outcome = `GET /v1/cases/${caseId}/actions/${updateId} gives its outcome`;
    this.message =
      stage === 'accepted'
        ? `the action was accepted and is durable, but its effects (e.g. ` +
          `the treasury hand-over) took longer than ${waitedMs} ms; ${outcome}`
        : stage === 'sent'
          ? `the action was sent but no worker answered within ${waitedMs} ms: its ` +
            `outcome is not known yet (it may still be applied or refused); ${outcome}`
          : `the filing was sent as case ${caseId} but no worker answered within ${waitedMs} ms: its ` +
            `outcome is not known yet; the case appears in GET /v1/cases/${caseId} once a worker has ` +
            `taken it, ${outcome}, and a retry with the same Idempotency-Key answers for the same case`;
  }

  /**
   * True when the case accepted the action (Temporal keeps it in the workflow's history); false when it was sent
   * but no outcome came back: Temporal holds an update that no worker has accepted in memory only, and a server
   * restart loses it (then `GET …/actions/{updateId}` answers 404). Such a 202 is not kept as the
   * `Idempotency-Key`'s answer, so a retry with the key sends the same update again — applied once — and answers
   * its real outcome (issue 10 item 9, drill 3).
   */
  get durable(): boolean {
    return this.#durable;
  }
}
