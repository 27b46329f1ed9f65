import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the sink accepted (answered 250 to its DATA). */
export interface ReceivedEmail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
}

/** A DATA reply the sink withholds until `release()`; `held` resolves once a message waits on it. */
export interface HeldReply {
  held: Promise<void>;
  release(): void;
}

/**
 * A real SMTP server in the test process: records what it accepts, answers 550 to the addresses in
 * `rejected`, can withhold its reply to DATA (a slow server), and can stop and start again on the same port.
 * A message whose client disconnects before the reply is not accepted (counted in `abandoned`), as an MTA
 * that commits a message when it answers DATA.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  readonly rejected = new Set<string>();
  abandoned = 0;
  private server?: SMTPServer;
  private hold?: { onHeld: () => void; released: Promise<void> };
  private readonly closed = new Map<string, () => void>();

  private constructor(private port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(0);
    await sink.restart();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages received for `address`. */
  to = (address: string): ReceivedEmail[] => this.received.filter((mail) => mail.to === address);

  holdNextReply(): HeldReply {
    let onHeld!: () => void;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (onHeld = resolve));
    this.hold = { onHeld, released: new Promise<void>((resolve) => (release = resolve)) };
    return { held, release };
  }

  /** Listens again on the same port (the first start picks a free one). */
  async restart(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onRcptTo: (address, _session, callback) =>
        callback(
          this.rejected.has(address.address)
            ? Object.assign(new Error(`${address.address}: mailbox unavailable`), { responseCode: 550 })
            : null,
        ),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on(
          'end',
          () =>
            void this.accept(Buffer.concat(chunks), session).then((accepted) => (accepted ? callback() : undefined)),
        );
      },
      onClose: (session) => this.closed.get(session.id)?.(),
    });
    server.on('error', () => undefined); // a client that vanishes mid-transaction is part of the tests
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async accept(raw: Buffer, session: SMTPServerSession): Promise<boolean> {
    const hold = this.hold;
    if (hold) {
      this.hold = undefined;
      const left = new Promise<'left'>((resolve) => this.closed.set(session.id, () => resolve('left')));
      hold.onHeld();
      if ((await Promise.race([hold.released, left])) === 'left') {
        this.abandoned += 1;
        return false;
      }
    }
    const mail = await simpleParser(raw);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    this.received.push({
      to: to?.value[0]?.address ?? '',
      messageId: mail.messageId ?? '',
      subject: mail.subject ?? '',
      text: mail.text ?? '',
    });
    return true;
  }
}

export interface DeliveryRow {
  kind: string;
  recipient_role: string;
  issued_at: Date;
  due_at: Date;
  delivery_status: string;
  address: string | null;
  status: string | null;
  attempts: number | null;
  last_error: string | null;
  message_id: string | null;
}

/** Every notice of a case to `roles` (by default the bureaus) with its outbox rows (one per address), oldest first. */
export const deliveriesOf = (
  dataSource: DataSource,
  caseId: string,
  roles: readonly string[] = ['district', 'municipal'],
): Promise<DeliveryRow[]> =>
  dataSource.query(
    `SELECT n.kind, n.recipient_role, n.issued_at, n.due_at, n.delivery_status, d.address, d.status, d.attempts, ` +
      `d.last_error, d.message_id
     FROM notifications n LEFT JOIN notice_deliveries d ON d.notice_key = n.key
     WHERE n.case_id = $1 AND n.recipient_role = ANY($2) ORDER BY n.issued_at, n.key, d.address`,
    [caseId, roles],
  );

/** Writes a district's contact addresses directly (the API's PUT replaces them). */
export async function setContacts(
  dataSource: DataSource,
  district: string,
  contacts: Array<{ email: string; locale?: string }>,
): Promise<void> {
  for (const [position, { email, locale = 'zh-CN' }] of contacts.entries()) {
    await dataSource.query(
      'INSERT INTO district_contacts (district, email, locale, position) VALUES ($1, $2, $3, $4)',
      [district, email, locale, position],
    );
  }
}
