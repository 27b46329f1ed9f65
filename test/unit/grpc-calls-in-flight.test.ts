import { Metadata, status, type InterceptingListener, type InterceptorOptions } from '@grpc/grpc-js';
import { GrpcCallsInFlight } from '../../config/grpc-calls-in-flight';

/** A call below the interceptor that only remembers its listener, so the test decides when it ends. */
function fakeCall() {
  const ended: { listener?: InterceptingListener } = {};
  const call = {
    start: (_metadata: Metadata, listener: InterceptingListener) => (ended.listener = listener),
    cancelWithStatus: () => undefined,
    getPeer: () => 'fake',
    sendMessageWithContext: () => undefined,
    sendMessage: () => undefined,
    startRead: () => undefined,
    halfClose: () => undefined,
    getAuthContext: () => null,
  };
  const end = (): void => ended.listener?.onReceiveStatus({ code: status.OK, details: '', metadata: new Metadata() });
  return { call, end };
}

function startCall(calls: GrpcCallsInFlight, below: ReturnType<typeof fakeCall>): void {
  const intercepted = calls.interceptor({} as InterceptorOptions, () => below.call as never);
  intercepted.start(new Metadata(), { onReceiveStatus: () => undefined });
}

describe('a Temporal client closes only once its calls have settled', () => {
  it('with no call in flight it may close at once', async () => {
    await expect(new GrpcCallsInFlight().drained(60_000)).resolves.toBeUndefined();
  });

  it('waits for every call that started to reach its final status', async () => {
    const calls = new GrpcCallsInFlight();
    const [first, second] = [fakeCall(), fakeCall()];
    startCall(calls, first);
    startCall(calls, second);
    let drained = false;
    const waiting = calls.drained(60_000).then(() => (drained = true));
    first.end();
    await Promise.resolve();
    expect(drained).toBe(false);
    second.end();
    await waiting;
    expect(drained).toBe(true);
  });

  it('does not wait past its bound for a call that never settles', async () => {
    jest.useFakeTimers();
    try {
      const calls = new GrpcCallsInFlight();
      startCall(calls, fakeCall());
      const waiting = calls.drained(10_000);
      await jest.advanceTimersByTimeAsync(10_000);
      await expect(waiting).resolves.toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});
