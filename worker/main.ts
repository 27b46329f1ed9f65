import 'reflect-metadata';
import { NativeConnection } from '@temporalio/worker';
import { SmtpNoticeMailer } from '../activities/notices/mailer';
import { createDataSource } from '../persistence/data-source';
import { createParkflowWorker } from './create-worker';
import { loadWorkerConfig } from './worker-config';

/** The worker process: validated config, one Temporal connection, one DataSource, run until signalled. */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const dataSource = await createDataSource(config.databaseUrl).initialize();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await createParkflowWorker({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      dataSource,
      notices: { mailer: config.smtpUrl ? new SmtpNoticeMailer(config.smtpUrl, config.mailFrom) : undefined, municipalEmails: config.municipalNoticeEmails },
    });
    console.log(`parkflow worker polling task queue '${config.taskQueue}' on ${config.temporalAddress}`);
    await worker.run(); // the SDK shuts down gracefully on SIGINT/SIGTERM
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
