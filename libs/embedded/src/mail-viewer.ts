import { createServer, type Server } from 'node:http';
import type { CaughtMail } from './mail-catcher';

/**
 * The local page that lists what the embedded mail catcher caught (`npm start` without SMTP_URL):
 * newest first, subject, recipients and time; a message shows its headers, the plain text, the
 * HTML in a sandboxed iframe (no scripts, no network: `sandbox` and a CSP that allows nothing but
 * inline styles and data: images), and its attachments to download. Listens on 127.0.0.1 only. A
 * development aid: never started when SMTP_URL is set (production).
 */
export interface MailViewer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
  body{font-family:system-ui,Arial,sans-serif;margin:0;color:#1a1a1a;background:#fff}
  header{background:#154273;color:#fff;padding:12px 24px}
  header h1{font-size:20px;margin:0}
  header p{margin:4px 0 0;font-size:14px;opacity:.9}
  main{padding:16px 24px;max-width:1100px}
  table{border-collapse:collapse;width:100%}
  th,td{text-align:left;padding:8px;border-bottom:1px solid #ddd;vertical-align:top;font-size:15px}
  th{background:#f3f3f3}
  a{color:#154273}
  a:focus{outline:3px solid #f9dd4a}
  .meta th{width:140px;background:none}
  pre{white-space:pre-wrap;background:#f7f7f7;padding:12px;border:1px solid #ddd;font-size:14px}
  iframe{width:100%;height:560px;border:1px solid #ddd}
  .kind{font-family:monospace;font-size:13px;color:#555}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

const time = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

export async function startMailViewer(messages: () => CaughtMail[], options: { port?: number } = {}): Promise<MailViewer> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    const html = (body: string) =>
      send(200, 'text/html; charset=utf-8', body, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src data:", 'X-Frame-Options': 'SAMEORIGIN' });
    const all = messages();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/messages\/(\d+)(?:\/(html|raw|attachments\/(\d+)))?$/.exec(url.pathname);
    if (req.method !== 'GET') return send(405, 'text/plain', 'GET only');
    if (url.pathname === '/') {
      const rows = all
        .map((mail, i) => ({ mail, i }))
        .reverse()
        .map(
          ({ mail, i }) =>
            `<tr><td>${esc(time(mail.receivedAt))}</td><td>${esc(mail.to.join(', '))}</td><td><a href="/messages/${i}">${esc(mail.subject || '(no subject)')}</a>${mail.attachments.length ? ` <span aria-label="with attachments">📎</span>` : ''}</td></tr>`,
        )
        .join('');
      return html(
        page(
          `Caught mail (${all.length})`,
          `<header><h1>Caught mail / Opgevangen e-mail</h1><p>Every message the platform sent while running without SMTP_URL, newest first (${all.length}). Also kept as .eml files.</p></header><main>${
            all.length ? `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No mail yet. Register in the kandidaatportaal to see the first one.</p>'
          }</main>`,
        ),
      );
    }
    const mail = m ? all[Number(m[1])] : undefined;
    if (!m || !mail) return send(404, 'text/plain; charset=utf-8', 'not found');
    if (m[2] === 'html') {
      // Shown inside a sandboxed iframe; the CSP sandboxes it even when opened on its own.
      return send(200, 'text/html; charset=utf-8', mail.html || '<p>(no HTML part)</p>', { 'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
    }
    if (m[2] === 'raw') return send(200, 'message/rfc822', mail.raw, { 'Content-Disposition': `attachment; filename="message-${m[1]}.eml"` });
    if (m[3] !== undefined) {
      const a = mail.attachments[Number(m[3])];
      if (!a) return send(404, 'text/plain; charset=utf-8', 'not found');
      const name = (a.filename || `attachment-${m[3]}`).replace(/[^A-Za-z0-9._-]/g, '_');
      return send(200, 'application/octet-stream', Buffer.from(a.content, 'utf8'), { 'Content-Disposition': `attachment; filename="${name}"` });
    }
    const id = m[1]!;
    const meta = [
      ['Subject', mail.subject],
      ['From', mail.from],
      ['To', mail.to.join(', ')],
      ['Received', time(mail.receivedAt)],
      ['Message-ID', mail.messageId],
    ]
      .map(([k, v]) => `<tr><th scope="row">${esc(k!)}</th><td>${esc(v!)}</td></tr>`)
      .join('');
    const attachments = mail.attachments.length
      ? `<h2>Attachments</h2><ul>${mail.attachments.map((a, i) => `<li><a href="/messages/${id}/attachments/${i}" download>${esc(a.filename || `attachment-${i}`)}</a> <span class="kind">${esc(a.contentType)}</span></li>`).join('')}</ul>`
      : '';
    return html(
      page(
        mail.subject,
        `<header><h1>${esc(mail.subject || '(no subject)')}</h1><p><a href="/" style="color:#fff">← all mail</a></p></header><main><table class="meta">${meta}</table>${attachments}<h2>HTML</h2><iframe title="HTML part of the message" sandbox src="/messages/${id}/html"></iframe><h2>Plain text</h2><pre>${esc(mail.text)}</pre><p><a href="/messages/${id}/raw">Download as .eml</a></p></main>`,
      ),
    );
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
