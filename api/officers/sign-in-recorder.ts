import type { OfficerFacts, OfficersRepository } from '../../persistence/repositories/officers.repository';

/** How often one officer's sign-in is written at most: their `lastSignInAt` is that precise. */
export const RECORD_EVERY_MS = 10 * 60_000;
/** After a failed write, the next request of that officer tries again once this much has passed. */
const RETRY_AFTER_FAILURE_MS = 60_000;
/** Officers remembered at once; past it the longest-remembered is forgotten (and written again when next seen). */
const MAX_REMEMBERED = 10_000;

/** Where a failed write is reported (the API's logger). */
export type FailureLog = (message: string) => void;

/**
 * Records each authenticated officer in the officer directory (`officers`) cheaply: at most once per officer every
 * {@link RECORD_EVERY_MS}, or at once when their token says something new (another email, name, role or district),
 * remembered in memory. The write is never awaited by the request and never fails it: a database error is logged, and
 * that officer is tried again a minute later.
 */
export class SignInRecorder {
  /** Per subject: when the directory was last written (or tried), and what was written. */
  private readonly written = new Map<string, { at: number; facts: string }>();

  constructor(
    private readonly officers: Pick<OfficersRepository, 'recordSignIn'>,
    private readonly logFailure: FailureLog,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes that `officer` made a request now; answers the write when one was started (for tests), else undefined. */
  seen(officer: OfficerFacts): Promise<void> | undefined {
    const now = this.now();
    const facts = JSON.stringify(officer);
    const last = this.written.get(officer.subject);
    if (last && last.facts === facts && now - last.at < RECORD_EVERY_MS) return undefined;
    this.remember(officer.subject, { at: now, facts });
    return this.officers.recordSignIn(officer, new Date(now)).catch((error: Error) => {
      this.remember(officer.subject, { at: now - RECORD_EVERY_MS + RETRY_AFTER_FAILURE_MS, facts });
      this.logFailure(`could not record the sign-in of ${officer.subject} in the officer directory: ${error.message}`);
    });
  }

  private remember(subject: string, entry: { at: number; facts: string }): void {
    this.written.delete(subject); // re-inserted last: the map's order is the order officers were last written
    this.written.set(subject, entry);
    if (this.written.size > MAX_REMEMBERED) this.written.delete(this.written.keys().next().value as string);
  }
}
