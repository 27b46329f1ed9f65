/** The worker's configuration, read once from the environment and validated (api-contract "Configuration"). */
export interface WorkerConfig {
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  databaseUrl: string;
  /** Where notice emails go; unset: notices stay in the in-app inbox. */
  smtpUrl?: string;
  /** The sender of notice emails. */
  mailFrom: string;
  /** The municipal bureau's notices addresses. */
  municipalNoticeEmails: string[];
}

/** A plain address check (local@domain.tld); the SMTP server has the last word. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// connection string');
  const temporalAddress = env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  if (!/^[^\s:]+:\d+$/.test(temporalAddress)) problems.push(`TEMPORAL_ADDRESS must be host:port, got '${temporalAddress}'`);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl)) problems.push(`SMTP_URL must be smtp://host:port or smtps://host:port, got '${smtpUrl}'`);
  const municipalNoticeEmails = (env.MUNICIPAL_NOTICE_EMAILS ?? '').split(',').map((address) => address.trim()).filter(Boolean);
  const badEmails = municipalNoticeEmails.filter((address) => !EMAIL.test(address));
  if (badEmails.length > 0) problems.push(`MUNICIPAL_NOTICE_EMAILS must be comma-separated email addresses, got '${badEmails.join("', '")}'`);
  if (problems.length > 0) throw new Error(`invalid worker configuration:\n- ${problems.join('\n- ')}`);
  return {
    temporalAddress,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'parkflow',
    databaseUrl,
    smtpUrl,
    mailFrom: env.SMTP_FROM || 'parkflow <notices@parkflow.local>',
    municipalNoticeEmails,
  };
}
