import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { UnsafeHeaderError, composeMime, type MimeMessage } from '../../shared/adapters/ses/mime';
import { renderReminderEmail } from '../../shared/views/email/reminder';

const message: MimeMessage = {
  from: 'Bevakning Årjängs kommun <bevakning@kommun.example.se>',
  to: ['kim.berg@kommun.example.se'],
  subject: '1 ärende att bevaka: senast fredag 5 juni',
  text: 'Hej Kim Berg!\n\nÅterrapportering senast fredag 5 juni 2026.\n',
  html: '<!doctype html><html lang="sv"><body><p>Hej Kim Berg!</p></body></html>',
};

/** The raw header block as (lower-case name, unfolded value) pairs: what a mail server would read. */
function rawHeaders(raw: Buffer): [string, string][] {
  const head = raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
  return head
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    });
}

const addresses = (field: AddressObject | AddressObject[] | undefined) => [field ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

describe('composeMime', () => {
  it('builds a plain-text and HTML alternative with Swedish text intact, in CRLF lines', async () => {
    const raw = await composeMime(message);
    const parsed = await simpleParser(raw);

    expect(parsed.subject).toBe('1 ärende att bevaka: senast fredag 5 juni');
    expect(parsed.from?.value).toEqual([{ name: 'Bevakning Årjängs kommun', address: 'bevakning@kommun.example.se' }]);
    expect(addresses(parsed.to)).toEqual(['kim.berg@kommun.example.se']);
    expect(parsed.text).toBe('Hej Kim Berg!\n\nÅterrapportering senast fredag 5 juni 2026.\n');
    expect(parsed.html).toContain('<p>Hej Kim Berg!</p>');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(raw.toString('utf8')).not.toMatch(/[^\r]\n/);
  });

  it('sets copy, reply-to, extra headers and attachments', async () => {
    const parsed = await simpleParser(
      await composeMime({
        ...message,
        cc: ['sam.ek@kommun.example.se'],
        replyTo: 'Rut Registrator <registrator@kommun.example.se>',
        headers: { 'X-Bevakning-Day': '2026-06-01' },
        attachments: [{ filename: 'försenade.csv', content: '\uFEFFärende;senast\r\nRemiss;2026-05-20\r\n', contentType: 'text/csv; charset=utf-8' }],
      }),
    );

    expect(addresses(parsed.cc)).toEqual(['sam.ek@kommun.example.se']);
    expect(addresses(parsed.replyTo)).toEqual(['registrator@kommun.example.se']);
    expect(parsed.headers.get('x-bevakning-day')).toBe('2026-06-01');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]?.filename).toBe('försenade.csv');
    expect(parsed.attachments[0]?.content.toString('utf8')).toBe('\uFEFFärende;senast\r\nRemiss;2026-05-20\r\n');
  });

  it.each([
    ['a line break and a Bcc header', { to: ['x@example.com\r\nBcc: y@example.com'] }],
    ['a bare line feed', { to: ['x@example.com\nBcc: y@example.com'] }],
    ['a Unicode line separator', { cc: ['x@example.com\u2028Bcc: y@example.com'] }],
    ['two addresses in one', { to: ['x@example.com, y@example.com'] }],
    ['a group', { to: ['Alla: x@example.com, y@example.com;'] }],
    ['a name without an address', { replyTo: 'Kim Berg' }],
    ['an address without a domain', { to: ['kim.berg'] }],
    ['a line break in the sender', { from: 'Bevakning\r\nBcc: y@example.com <bevakning@kommun.example.se>' }],
    ['no recipient', { to: [] }],
  ])('refuses an address with %s', async (_, change) => {
    await expect(composeMime({ ...message, ...change })).rejects.toBeInstanceOf(UnsafeHeaderError);
  });

  it.each([
    ['a header that adds recipients', { headers: { Bcc: 'y@example.com' } }],
    ['a header the composer sets', { headers: { 'Content-Type': 'text/html' } }],
    ['a header name with a line break', { headers: { 'X-A\r\nBcc': 'y@example.com' } }],
    ['a header name with a colon', { headers: { 'X-A: b': 'c' } }],
    ['a content type with a line break', { attachments: [{ filename: 'a.csv', content: 'x', contentType: 'text/csv\r\nBcc: y@example.com' }] }],
  ])('refuses %s', async (_, change) => {
    await expect(composeMime({ ...message, ...change })).rejects.toBeInstanceOf(UnsafeHeaderError);
  });

  it('keeps the subject, header values and file names to one line', async () => {
    const raw = await composeMime({
      ...message,
      subject: `Rubrik\r\nBcc: angripare@example.com\u2028\u202Egnp.exe ${'x'.repeat(300)}`,
      headers: { 'X-Note': 'a\r\nBcc: angripare@example.com' },
      attachments: [{ filename: 'a\r\nBcc: b.csv', content: 'x', contentType: 'text/csv' }],
    });
    const parsed = await simpleParser(raw);

    expect(rawHeaders(raw).map(([name]) => name)).not.toContain('bcc');
    expect(parsed.subject).toBe(`Rubrik Bcc: angripare@example.com gnp.exe ${'x'.repeat(107)}…`);
    expect(parsed.subject).toHaveLength(150);
    expect(parsed.headers.get('x-note')).toBe('a Bcc: angripare@example.com');
    expect(parsed.attachments[0]?.filename).toBe('a Bcc: b.csv');
  });
});

describe('a hostile reminder through the composer', () => {
  const email = renderReminderEmail({
    recipient: { name: 'Kim\r\nBcc: x@example.com', email: 'kim.berg@kommun.example.se' },
    role: 'manager',
    units: [{ name: 'Enhet\r\nBcc: angripare@example.com\r\n\r\n<script>alert(0)</script>' }],
    today: '2026-06-01',
    registrar: { email: 'registrator@kommun.example.se' },
    items: [
      {
        id: 'x',
        kind: 'uppdrag',
        title: `Rubrik\r\nBcc: angripare@example.com\r\n\r\n<script>alert(1)</script>"><img src=x onerror=alert(2)>\u202Egnp.exe\u200B${'y'.repeat(2000)}`,
        caseNumber: 'KS 2026/1',
        decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
        dueDate: '2026-05-20',
        dueExplanation: '',
        responsible: { name: '<b>Kim</b>', email: 'kim.berg@kommun.example.se' },
        daysLeft: -12,
        url: 'https://bevakning.kommun.example.se/uppdrag/x',
      },
    ],
  });

  it('has only the headers the composer writes, one recipient and no Bcc', async () => {
    const raw = await composeMime({ from: 'bevakning@kommun.example.se', to: ['sam.ek@kommun.example.se'], ...email });
    const headers = rawHeaders(raw);
    const parsed = await simpleParser(raw);

    expect(headers.map(([name]) => name).sort()).toEqual(['content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to']);
    expect(headers.find(([name]) => name === 'to')?.[1]).toBe('sam.ek@kommun.example.se');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Försenade ärenden i Enhet Bcc: angripare@example.com <script>alert(0)</script>: 1 ärende');
  });

  it('the HTML part shows the markup as text and the text part carries no invisible characters', async () => {
    const parsed = await simpleParser(await composeMime({ from: 'bevakning@kommun.example.se', to: ['sam.ek@kommun.example.se'], ...email }));

    expect(parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;gnp.exe');
    expect(parsed.html).not.toMatch(/<(script|img|b)\b/);
    expect(parsed.text).not.toMatch(/[\u202E\u200B]/);
    expect(parsed.text).toContain('1. Rubrik Bcc: angripare@example.com <script>alert(1)</script>"><img src=x onerror=alert(2)>gnp.exe');
    expect(parsed.text).toContain(`${'y'.repeat(50)}…\n`);
  });
});
