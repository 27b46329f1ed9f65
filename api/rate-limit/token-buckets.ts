/** Per-caller token buckets: `burst` requests at once, refilled at `perMinute`; idle buckets are forgotten. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    /** Bound on remembered callers; a full bucket carries no information, so dropping the oldest is safe. */
    private readonly maxCallers = 10_000,
  ) {}

  /** Takes one token for `caller` at `nowMs`: 0 if allowed, else the milliseconds until one is available. */
  take(caller: string, nowMs: number): number {
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: nowMs };
    const tokens = Math.min(this.burst, bucket.tokens + (nowMs - bucket.at) * refillPerMs);
    this.buckets.delete(caller); // re-inserted below: Map order becomes least-recently-used first
    if (tokens >= 1) {
      this.remember(caller, { tokens: tokens - 1, at: nowMs });
      return 0;
    }
    this.remember(caller, { tokens, at: nowMs });
    return Math.ceil((1 - tokens) / refillPerMs);
  }

  private remember(caller: string, bucket: { tokens: number; at: number }): void {
    this.buckets.set(caller, bucket);
    if (this.buckets.size > this.maxCallers) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
