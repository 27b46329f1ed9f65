import 'reflect-metadata';
import { Client } from '@temporalio/client';
import { Runtime } from '@temporalio/worker';
import { openTemporalAccess } from '../config/temporal-access';
import { connectNativeTemporal } from '../config/temporal-worker-connection';
import { SmtpNoticeMailer } from '../activities/notices/mailer';
import { TREASURY_GATEWAYS } from '../activities/treasury/treasury-gateway';
import { createDataSource } from '../persistence/data-source';
import { DocumentObjects } from '../persistence/object-store/document-objects';
import { OperationsMetricsRepository } from '../persistence/repositories/operations-metrics.repository';
import { createParkflowWorker, SHUTDOWN_GRACE_MS } from './create-worker';
import { ensureDocumentSweepSchedule } from './document-sweep-schedule';
import { startWorkerMetricsServer, type WorkerMetricsServer } from './metrics/metrics-server';
import { reserveSdkMetricsExporter, sdkTelemetryOptions } from './metrics/sdk-metrics';
import { ScheduleLagMonitor } from './schedule-lag-monitor';
import { loadWorkerConfig, workerSettingsForLog } from './worker-config';

/** Past the grace time plus this, the process exits whatever the worker is doing (SIGTERM never hangs). */
const EXIT_AFTER_GRACE_MS = 10_000;

/** One JSON line per event on stdout (stderr for errors), as the log collectors expect. */
function log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, context: 'Worker', message, ...fields });
  if (level !== 'info') console.error(line);
  else console.log(line);
}

const errorText = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Arms (once) the timer that ends the process if shutdown outlasts the grace time + {@link EXIT_AFTER_GRACE_MS}. */
let exitTimer: NodeJS.Timeout | undefined;
function armExitTimer(reason: string): void {
  if (exitTimer) return;
  const ms = SHUTDOWN_GRACE_MS + EXIT_AFTER_GRACE_MS;
  exitTimer = setTimeout(() => {
    log('error', 'shutdown did not finish in time; exiting anyway', { reason, afterMs: ms });
    process.exit(1);
  }, ms);
  exitTimer.unref(); // never keeps a finished process alive
}

/**
 * The worker process: validated config (logged, with the treasury gateway it names), one Temporal connection (TLS
 * files and first service token read at start, config/temporal-access.ts), one DataSource, `GET /metrics` when
 * `WORKER_METRICS_PORT` is set, the document sweep's hourly Schedule created or brought up to date; run until
 * signalled.
 * SIGINT/SIGTERM → `worker.shutdown()` (in-flight tasks get the grace time); a second signal, or the grace
 * time + 10 s without the worker stopping, exits at once. Then the metrics endpoint, the object store's client, the
 * token's renewal, the connection and the DataSource are closed.
 */
async function main(): Promise<void> {
  // The configuration comes first: it decides whether the SDK's runtime exports metrics, fixed at install.
  const config = loadWorkerConfig();
  // Every choice the worker runs with, the treasury gateway among them, is in the log from the first line.
  log('info', 'configuration', workerSettingsForLog(config));
  const sdkMetrics = config.WORKER_METRICS_PORT ? await reserveSdkMetricsExporter() : undefined;
  // The SDK would install its own SIGINT/SIGTERM handlers (shutdown with no bound): this process owns them.
  Runtime.install({
    shutdownSignals: [],
    ...(sdkMetrics ? { telemetryOptions: sdkTelemetryOptions(sdkMetrics) } : {}),
  });
  // Before anything else opens: a wrong certificate file or a refusing Keycloak stops the worker with nothing to close.
  const temporalAccess = await openTemporalAccess(config, (message, fields) => log('warn', message, fields));
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  log('info', 'PostgreSQL connected');
  const scheduleLag = new ScheduleLagMonitor(config.SCHEDULE_LAG_WARN_POLICY_DAYS, (message, fields) =>
    log('warn', message, fields),
  );
  let metrics: WorkerMetricsServer | undefined;
  if (config.WORKER_METRICS_PORT) {
    metrics = await startWorkerMetricsServer({
      port: config.WORKER_METRICS_PORT,
      repository: new OperationsMetricsRepository(dataSource),
      sdk: sdkMetrics,
      registries: [scheduleLag.registry],
      clientCertificateExpiry: temporalAccess.clientCertificateExpiry,
      onError: (source, error) =>
        log('error', 'a metrics source failed; scraped without it', { source, error: errorText(error) }),
    });
    log('info', 'metrics served', { port: metrics.port, path: '/metrics', sdkExporter: sdkMetrics?.bindAddress });
  }
  const connection = await connectNativeTemporal(temporalAccess);
  log('info', 'Temporal connected', {
    address: config.TEMPORAL_ADDRESS,
    tls: temporalAccess.tls !== false,
    clientCertificateExpiry: temporalAccess.clientCertificateExpiry?.toISOString(),
    serviceTokenExpiry: temporalAccess.tokens?.expiresAt.toISOString(),
  });
  const objects = new DocumentObjects(config);
  let exitCode = 0;
  try {
    const worker = await createParkflowWorker({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      onScheduleLag: scheduleLag.observe,
      maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      dataSource,
      treasury: TREASURY_GATEWAYS[config.TREASURY_GATEWAY](dataSource),
      notices: {
        mailer: config.SMTP_URL ? new SmtpNoticeMailer(config.SMTP_URL, config.SMTP_FROM) : undefined,
        municipalEmails: config.MUNICIPAL_NOTICE_EMAILS,
      },
      documentSweep: {
        objects,
        graceMs: config.DOCUMENT_SWEEP_GRACE_SECONDS * 1000,
        onRemoved: (removal) => log('info', 'document sweep removed', { ...removal }),
      },
    });
    // Without its Schedule the sweep does not run, but the cases do: an error line, not a worker that will not start.
    await ensureDocumentSweepSchedule(
      new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      config.TEMPORAL_TASK_QUEUE,
    )
      .then((outcome) => log('info', `document sweep schedule ${outcome}`, { every: '1 hour' }))
      .catch((error: unknown) =>
        log('error', 'the document sweep schedule could not be set', { error: errorText(error) }),
      );
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        log('error', 'second signal; exiting at once', { signal });
        process.exit(1);
      }
      signalled = true;
      log('info', 'shutting down: no new tasks, in-flight ones get the grace time', {
        signal,
        graceMs: SHUTDOWN_GRACE_MS,
        exitAfterMs: SHUTDOWN_GRACE_MS + EXIT_AFTER_GRACE_MS,
      });
      armExitTimer(signal);
      try {
        if (worker.getState() === 'RUNNING') worker.shutdown();
      } catch (error) {
        log('error', 'worker.shutdown() failed', { error: errorText(error) });
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    log('info', 'worker polling', {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
    });
    try {
      await worker.run();
      log('info', 'worker stopped');
    } catch (error) {
      exitCode = 1;
      log('error', 'worker stopped with an error', { error: errorText(error) });
    }
  } finally {
    armExitTimer('closing connections');
    await metrics?.close().then(
      () => log('info', 'metrics endpoint closed'),
      (error: unknown) => log('error', 'closing the metrics endpoint failed', { error: errorText(error) }),
    );
    objects.close();
    temporalAccess.close(); // before the connection: no renewal is handed to a closed one
    await connection.close().then(
      () => log('info', 'Temporal connection closed'),
      (error: unknown) => log('error', 'closing the Temporal connection failed', { error: errorText(error) }),
    );
    await dataSource.destroy().then(
      () => log('info', 'PostgreSQL DataSource closed'),
      (error: unknown) => log('error', 'closing the DataSource failed', { error: errorText(error) }),
    );
  }
  log('info', 'exiting', { exitCode });
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  log('error', 'worker failed', { error: errorText(error) });
  process.exit(1);
});
