import { Logger } from '@nestjs/common';

/**
 * How many renewals a lease gets per lease length: a live request keeps its key through two failed or late
 * renewals in a row (a PostgreSQL hiccup, a busy event loop) before a retry could take it over.
 */
export const RENEWALS_PER_LEASE = 3;

/**
 * The heartbeat of a claimed `Idempotency-Key`: while its request runs, the lease is renewed every
 * `leaseMs / RENEWALS_PER_LEASE`, so a live request keeps its key however long it runs, and a crashed one (whose
 * heartbeat died with it) loses it within one lease. `renew` answers whether this request still owns the key;
 * once it does not (a retry took it over), the heartbeat ends. A failed renewal is retried at the next beat.
 */
export class LeaseHeartbeat {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private renewing: Promise<void> = Promise.resolve();
  private failures = 0;

  constructor(
    private readonly renew: () => Promise<boolean>,
    private readonly leaseMs: number,
    private readonly what: string,
  ) {
    this.schedule();
  }

  /**
   * Stops renewing; resolves once a renewal under way has ended, so none lands after the request's own write
   * (which may free the key for a new owner). Safe to call more than once.
   */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    return this.renewing;
  }

  private schedule(): void {
    if (this.stopped) return;
    // unref: a beat never keeps a stopping API alive.
    this.timer = setTimeout(() => this.beat(), this.leaseMs / RENEWALS_PER_LEASE).unref();
  }

  private beat(): void {
    this.renewing = this.renew().then(
      (owned) => {
        this.failures = 0;
        if (owned) return this.schedule();
        this.logger.warn(`${this.what} was taken over by a retry: this request no longer renews its lease`);
      },
      (error: unknown) => {
        // Said once per outage, not at every beat; the lease may run out meanwhile (a retry then takes over).
        if (this.failures++ === 0)
          this.logger.warn(`could not renew the lease of ${this.what}: ${(error as Error)?.message ?? error}`);
        this.schedule();
      },
    );
  }
}
