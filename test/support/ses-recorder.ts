import { createServer, type Server } from 'node:http';
import { freePort } from './ports';

/**
 * A pass-through in front of the local SES server that keeps the raw MIME of every
 * SendRawEmail, byte for byte as the SES adapter composed it (the local SES server keeps only what
 * it parsed). Point SES_ENDPOINT at `url`.
 */
export async function sesRecorder(target: string) {
  const messages: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const data = new URLSearchParams(body.toString('utf8')).get('RawMessage.Data');
    if (data) messages.push(Buffer.from(data, 'base64').toString('utf8'));
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
    const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, ...(body.length ? { body } : {}) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    /** Raw messages sent to an address (in To or Cc). */
    to: (address: string) => messages.filter((raw) => headerBlock(raw).toLowerCase().includes(address.toLowerCase())),
    all: messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The header block of a raw message, continuation lines unfolded. */
export function headerBlock(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  return (end < 0 ? raw : raw.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
}

/** The names of a raw message's top-level headers, in order. */
export function headerNames(raw: string): string[] {
  return headerBlock(raw)
    .split('\r\n')
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}
