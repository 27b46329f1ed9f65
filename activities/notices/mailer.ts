import SMTPConnection from 'nodemailer/lib/smtp-connection';
import MailComposer from 'nodemailer/lib/mail-composer';

/** One email of one notice to one address. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Deterministic per (notice, address), so a receiving client can drop a duplicate. */
  messageId: string;
}

/** Sends one email; `signal` aborts the SMTP transaction (the message is then not accepted). */
export interface NoticeMailer {
  send(email: OutgoingEmail, signal: AbortSignal): Promise<void>;
}

/** A 5xx reply (RFC 5321 §4.2.1): the server will never take this message; retrying is pointless. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

const TIMEOUT_MS = 30_000;

/**
 * A mailer over one SMTP connection per message (`smtp://` or `smtps://`, credentials in the URL). It uses
 * nodemailer's connection directly rather than a transport, because only the connection can be closed in the
 * middle of a transaction: an abort before the server's reply to DATA leaves the message unaccepted.
 */
export class SmtpNoticeMailer implements NoticeMailer {
  private readonly url: URL;
  /** The bare address of `from` (`name <address>`), as the SMTP envelope wants it. */
  private readonly envelopeFrom: string;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.url = new URL(url);
    this.envelopeFrom = /<([^>]+)>/.exec(from)?.[1] ?? from;
  }

  async send(email: OutgoingEmail, signal: AbortSignal): Promise<void> {
    const raw = await new MailComposer({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
    })
      .compile()
      .build();
    const connection = new SMTPConnection({
      host: this.url.hostname,
      port: this.url.port ? Number(this.url.port) : undefined,
      secure: this.url.protocol === 'smtps:',
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    // Connection errors arrive as events, not through the pending step's callback; an abort closes the socket.
    let onAbort = (): void => undefined;
    const interrupted = new Promise<never>((_, reject) => {
      connection.on('error', reject);
      onAbort = () => {
        connection.close();
        reject(signal.reason instanceof Error ? signal.reason : new Error('delivery aborted'));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    interrupted.catch(() => undefined); // observed through the races below
    const step = (run: (done: (error?: Error | null) => void) => void): Promise<void> =>
      Promise.race([
        interrupted,
        new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve()))),
      ]);
    try {
      await step((done) => connection.connect(done));
      if (this.url.username) {
        await step((done) =>
          connection.login(
            { user: decodeURIComponent(this.url.username), pass: decodeURIComponent(this.url.password) },
            done,
          ),
        );
      }
      await step((done) => connection.send({ from: this.envelopeFrom, to: [email.to] }, raw, done));
      connection.quit();
    } catch (error) {
      connection.close();
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
