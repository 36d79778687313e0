import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtAttachment {
  filename: string;
  contentType: string;
  /** Text content (the platform only sends text attachments such as .ics). */
  content: string;
}

export interface CaughtMail {
  messageId: string;
  from: string;
  /** The SMTP envelope recipients (who the message was actually delivered to). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: CaughtAttachment[];
  /** Every header, lower-case name → value as text. */
  headers: Record<string, string>;
  /** The message as it arrived. */
  raw: string;
  receivedAt: Date;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  smtpUrl: string;
  port: number;
  /** Everything received so far, oldest first (duplicates included: a test can count them). */
  messages(): CaughtMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(predicate: (m: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Forgets what was received (not the files written). */
  clear(): void;
  stop(): Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

function toCaught(parsed: ParsedMail, raw: Buffer, to: string[], receivedAt: Date): CaughtMail {
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) headers[line.key.toLowerCase()] = line.line.slice(line.line.indexOf(':') + 1).trim();
  return {
    messageId: parsed.messageId ?? '',
    from: addresses(parsed.from),
    to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
    headers,
    raw: raw.toString('utf8'),
    receivedAt,
  };
}

/** The .eml files a previous run wrote (oldest first; the last `limit`), so the list survives restarts. */
async function loadDirectory(directory: string, limit = 500): Promise<CaughtMail[]> {
  const files = readdirSync(directory).filter((f) => f.endsWith('.eml')).sort().slice(-limit);
  const out: CaughtMail[] = [];
  for (const f of files) {
    try {
      const raw = readFileSync(join(directory, f));
      const parsed = await simpleParser(raw);
      const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
      out.push(toCaught(parsed, raw, to, statSync(join(directory, f)).mtime));
    } catch {
      /* an unreadable file is skipped */
    }
  }
  return out;
}

/**
 * A real SMTP server that keeps what it receives: the embedded mail server of `npm start` (with a
 * directory: every message is also written there as an .eml file) and the one tests deliver to.
 * It accepts any sender and recipient, without authentication, on 127.0.0.1 only.
 */
export async function startMailCatcher(
  options: {
    port?: number;
    directory?: string;
    /** Wait this long before accepting each message (a slow server; the crash test uses it). */
    acceptDelayMs?: number;
    /** Called with each message once it is kept, just before the server answers 250 (the crash test kills the sender here). */
    onAccepted?: (mail: CaughtMail) => void;
  } = {},
): Promise<MailCatcher> {
  const received: CaughtMail[] = [];
  const waiters = new Set<{ predicate: (m: CaughtMail) => boolean; resolve: (m: CaughtMail) => void }>();
  if (options.directory) {
    mkdirSync(options.directory, { recursive: true });
    received.push(...(await loadDirectory(options.directory)));
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        new Promise((r) => setTimeout(r, options.acceptDelayMs ?? 0))
          .then(() => simpleParser(raw))
          .then((parsed) => {
            const mail = toCaught(parsed, raw, session.envelope.rcptTo.map((r) => r.address.toLowerCase()), new Date());
            received.push(mail);
            options.onAccepted?.(mail);
            if (options.directory) {
              const stamp = mail.receivedAt.toISOString().replace(/[:.]/g, '-');
              const safeId = mail.messageId.replace(/[^A-Za-z0-9@.-]/g, '');
              writeFileSync(join(options.directory, `${stamp}-${safeId || received.length}.eml`), raw);
            }
            for (const w of [...waiters]) {
              if (w.predicate(mail)) {
                waiters.delete(w);
                w.resolve(mail);
              }
            }
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.server.address() as { port: number }).port);
    });
  });

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    port,
    messages: () => [...received],
    waitFor(predicate, timeoutMs = 30_000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<CaughtMail>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: CaughtMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching e-mail within ${timeoutMs} ms; received: ${received.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ') || 'nothing'}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear: () => void received.splice(0),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
