import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';

let installed = false;

/** Keeps test output readable: SDK and Core logs at WARN/ERROR only (once per test process). */
export function installQuietRuntime(): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: new DefaultLogger((process.env.TEST_LOG_LEVEL as 'WARN') ?? 'WARN'),
    telemetryOptions: {
      logging: {
        filter: makeTelemetryFilterString({ core: (process.env.TEST_CORE_LEVEL as 'ERROR') ?? 'ERROR' }),
        forward: {},
      },
    },
  });
}
