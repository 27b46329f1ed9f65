import { InterceptingCall, ListenerBuilder, RequesterBuilder, type Interceptor } from '@grpc/grpc-js';

/**
 * Counts a Temporal client's gRPC calls from their start to their final status — after every retry, when its
 * interceptor runs outside the SDK's retry interceptor — so that a connection is closed only once its calls have
 * settled. The SDK's retry interceptor retries a failed call from a timer; a retry that fires after the connection
 * closed throws "Channel has been shut down" from that timer, out of reach of any caller (an API shutting down while
 * Temporal answered UNAVAILABLE, as a busy server does).
 */
export class GrpcCallsInFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** The interceptor to put first (outermost) in the connection's `interceptors`. */
  readonly interceptor: Interceptor = (options, nextCall) =>
    new InterceptingCall(
      nextCall(options),
      new RequesterBuilder()
        .withStart((metadata, _listener, next) => {
          this.count += 1;
          const settle = new ListenerBuilder()
            .withOnReceiveStatus((status, nextStatus) => {
              nextStatus(status);
              this.settled();
            })
            .build();
          next(metadata, settle);
        })
        .build(),
    );

  /** Resolves once no call is in flight, or after `boundMs` (a call that never settles does not hold a shutdown). */
  async drained(boundMs: number): Promise<void> {
    if (this.count === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs))),
    ]);
    clearTimeout(timer);
  }

  private settled(): void {
    this.count -= 1;
    if (this.count > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
