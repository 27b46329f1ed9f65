import { ACTION_ACCEPTED } from '../../workflows/definitions/messages';
import { text, type LocalizedText } from '../i18n/localized-text';

/**
 * An Update whose outcome the wait did not bring: either the case accepted it and its effects are still being
 * completed (`stage: 'accepted'`), or it was sent but no outcome came back within the wait (`stage: 'sent'`,
 * `'filing'`): the server may hold it and apply it when a worker takes the task — its outcome is not known yet.
 * What Temporal said, in the API's words; `action-pending.interceptor.ts` answers it as HTTP 202.
 */
export class ActionPending {
  readonly status = ACTION_ACCEPTED;
  /** What happened and where the outcome will be (`errors.pending.<stage>`), in the reader's language. */
  readonly message: LocalizedText;
  /** A private field: not part of the answer's JSON. */
  readonly #durable: boolean;
  constructor(
    readonly caseId: string,
    readonly updateId: string,
    waitedMs: number,
    stage: 'accepted' | 'sent' | 'filing' = 'accepted',
  ) {
    this.#durable = stage === 'accepted';
    this.message = text(`errors.pending.${stage}`, { caseId, updateId, waitedMs });
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
