import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../shared/domain/dates';
import { MAX_ITEMS_PER_EMAIL, daysInWords, decisionOf, renderReminderEmail, toReminderLine, type ReminderEmailInput, type ReminderLine } from '../../shared/views/email/reminder';
import { renderDigestEmail } from '../../shared/views/email/digest';
import { renderFreshLinkEmail } from '../../shared/views/email/fresh-link';
import { cleanText, oneLine } from '../../shared/domain/text';
import { escapeHtml } from '../../shared/views/email/text';
import type { ItemView } from '../../shared/domain/items/item';

/** Monday 1 June 2026. */
const TODAY = '2026-06-01';
const KIM = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
const REGISTRAR = { name: 'Rut Registrator', email: 'registrator@kommun.example.se' };

/** Example 1 of docs/domain.md; `daysLeft` follows from the due date and TODAY, as the item view computes it. */
function line(overrides: Partial<ReminderLine> = {}): ReminderLine {
  const dueDate = overrides.dueDate ?? '2026-06-05';
  return {
    id: 'e-tjanst',
    kind: 'aterrapportering',
    title: 'Utreda formerna för en gemensam e-tjänstplattform',
    caseNumber: 'KS 2026/141',
    decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
    dueExplanation: '',
    responsible: KIM,
    url: 'https://bevakning.kommun.example.se/uppdrag/e-tjanst',
    ...overrides,
    dueDate,
    daysLeft: daysBetween(TODAY, dueDate),
  };
}

const skolskjuts = line({
  id: 'skolskjuts',
  kind: 'uppdrag',
  title: 'Ta fram riktlinjer för skolskjuts',
  caseNumber: 'BUN 2026/77',
  decision: { body: 'BUN', date: '2026-05-20', paragraph: '§ 44' },
  dueDate: '2026-06-30',
  url: 'https://bevakning.kommun.example.se/uppdrag/skolskjuts',
});
const eTjanst = line({ meetingDate: '2026-06-15' });
const remiss = line({
  id: 'remiss',
  kind: 'yttrande',
  title: 'Remiss om regional vattenförsörjningsplan',
  caseNumber: 'KS 2026/33',
  decision: { body: 'KS', date: '2026-01-26', paragraph: '§ 12' },
  dueDate: '2026-05-20',
  meetingDate: '2026-05-27',
  externalDeadline: '2026-05-29',
  recipient: 'Länsstyrelsen',
  url: 'https://bevakning.kommun.example.se/uppdrag/remiss',
});

function render(overrides: Partial<ReminderEmailInput> = {}) {
  return renderReminderEmail({ recipient: KIM, role: 'responsible', items: [eTjanst], today: TODAY, registrar: REGISTRAR, ...overrides });
}

describe('the subject line says what matters', () => {
  it('a subject counts the overdue items and names the next deadline as a Swedish weekday', () => {
    expect(render({ items: [skolskjuts, eTjanst, remiss] }).subject).toBe('3 ärenden att bevaka: 1 försenat, nästa senast fredag 5 juni');
  });

  it('several overdue are counted in the plural; with none overdue only the next deadline is named', () => {
    const late = line({ id: 'late', dueDate: '2026-05-29' });
    expect(render({ items: [remiss, late, skolskjuts] }).subject).toBe('3 ärenden att bevaka: 2 försenade, nästa senast tisdag 30 juni');
    expect(render({ items: [eTjanst, skolskjuts] }).subject).toBe('2 ärenden att bevaka: nästa senast fredag 5 juni');
  });

  it('when every item is overdue, the subject says so: båda for two, alla for more', () => {
    const late = (id: string, dueDate: string) => line({ id, dueDate });
    expect(render({ items: [late('a', '2026-05-20'), late('b', '2026-05-29')] }).subject).toBe('2 ärenden att bevaka: båda försenade');
    expect(render({ items: [late('a', '2026-05-20'), late('b', '2026-05-29'), late('c', '2026-05-04')] }).subject).toBe('3 ärenden att bevaka: alla försenade');
  });

  it('one item is "1 ärende", and says "senast i dag" on its due date', () => {
    expect(render({ items: [line({ dueDate: TODAY })] }).subject).toBe('1 ärende att bevaka: senast i dag');
    expect(render({ items: [eTjanst] }).subject).toBe('1 ärende att bevaka: senast fredag 5 juni');
  });

  it('one overdue item counts its days overdue, agreeing with "ärende"', () => {
    expect(render({ items: [line({ dueDate: '2026-05-31' })] }).subject).toBe('1 ärende att bevaka: 1 dag försenat');
    expect(render({ items: [remiss] }).subject).toBe('1 ärende att bevaka: 12 dagar försenat');
  });

  it('a deadline in another year than today carries its year', () => {
    const email = renderReminderEmail({
      recipient: KIM,
      role: 'responsible',
      today: '2026-12-21',
      registrar: REGISTRAR,
      items: [{ ...eTjanst, dueDate: '2027-01-08', daysLeft: daysBetween('2026-12-21', '2027-01-08') }],
    });
    expect(email.subject).toBe('1 ärende att bevaka: senast fredag 8 januari 2027');
  });

  it("a manager's subject names the unit and counts the items, singular and plural", () => {
    const manager = { recipient: { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' }, role: 'manager' as const, units: [{ name: 'Socialförvaltningen' }] };
    expect(render({ ...manager, items: [remiss] }).subject).toBe('Försenade ärenden i Socialförvaltningen: 1 ärende');
    expect(render({ ...manager, items: [remiss, line({ id: 'b', dueDate: '2026-05-22' })] }).subject).toBe('Försenade ärenden i Socialförvaltningen: 2 ärenden');
  });
});

describe('days left or overdue, in words', () => {
  it.each([
    [5, '5 dagar kvar'],
    [1, '1 dag kvar'],
    [0, 'i dag'],
    [-1, '1 dag försenat'],
    [-12, '12 dagar försenat'],
  ] as const)('%i days reads "%s"', (days, words) => {
    expect(daysInWords(days)).toBe(words);
  });

  it('an overdue återrapportering is "12 dagar försenat" in the body as in the subject: the ärende is försenat', () => {
    const email = render({ items: [line({ id: 'late', kind: 'aterrapportering', dueDate: '2026-05-20' })] });
    expect(email.subject).toContain('12 dagar försenat');
    expect(email.text).toContain('(12 dagar försenat)');
    expect(email.text).not.toContain('försenad)');
  });
});

describe('the list', () => {
  it('lists the most overdue first, then the soonest due', () => {
    const { text } = render({ items: [skolskjuts, eTjanst, line({ id: 'late', title: 'Lite försenad', dueDate: '2026-05-29' }), remiss] });

    const order = ['Remiss om regional', 'Lite försenad', 'Utreda formerna', 'Ta fram riktlinjer'].map((t) => text.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('1. Remiss om regional vattenförsörjningsplan');
    expect(text).toContain('4. Ta fram riktlinjer för skolskjuts');
  });

  it('each item shows what, the kind in Swedish, the decision, the Swedish deadline with days left, the meeting and the link', () => {
    const { text, html } = render({ items: [eTjanst] });

    expect(text).toContain(
      [
        '1. Utreda formerna för en gemensam e-tjänstplattform',
        '   Senast: fredag 5 juni 2026 (4 dagar kvar)',
        '   Typ: Återrapportering',
        '   Beslut: KS 2026-03-11 § 58, KS 2026/141',
        '   Sammanträde: måndag 15 juni 2026',
        '   Öppna ärendet: https://bevakning.kommun.example.se/uppdrag/e-tjanst',
      ].join('\n'),
    );
    expect(html).toContain('<a href="https://bevakning.kommun.example.se/uppdrag/e-tjanst" target="_blank" rel="noopener" style="color:#0b57d0">Öppna ärendet</a>');
  });

  it('a yttrande shows the outside deadline and to whom the answer goes; an overdue deadline is marked in HTML too', () => {
    const { text, html } = render({ items: [remiss] });

    expect(text).toContain('   Senast: onsdag 20 maj 2026 (12 dagar försenat)');
    expect(text).toContain('   Svar till Länsstyrelsen: senast fredag 29 maj 2026');
    expect(html).toContain('<strong style="color:#a4000f">onsdag 20 maj 2026 (12 dagar försenat)</strong>');
  });

  it('a motion shows its statutory limit, and the explanation of its date', () => {
    const motion = line({
      kind: 'motion',
      title: 'Motion om avgiftsfri simskola',
      decision: { body: 'KF', date: '2025-11-24', paragraph: '203' },
      dueDate: '2026-10-27',
      statutoryLimit: '2026-11-24',
      dueExplanation: 'Motionen väcktes måndag 24 november 2025 och ska enligt kommunallagen 5 kap. 35 § beslutas inom ett år.',
    });
    const { text } = render({ items: [motion] });

    expect(text).toContain('   Senast: tisdag 27 oktober 2026 (148 dagar kvar)');
    expect(text).toContain('   Typ: Motion');
    // A paragraph registered as "203" reads "§ 203".
    expect(text).toContain('   Beslut: KF 2025-11-24 § 203, KS 2026/141');
    expect(text).toContain('   Lagstadgad gräns: tisdag 24 november 2026');
    expect(text).toContain('   Om datumet: Motionen väcktes måndag 24 november 2025');
  });

  it("the responsible official is named in a manager's email, not in the official's own", () => {
    const manager = render({ role: 'manager', units: [{ name: 'Kommunledningskontoret' }], recipient: { email: 'sam.ek@kommun.example.se' }, items: [remiss] });

    expect(manager.text).toContain('   Ansvarig: Kim Berg, kim.berg@kommun.example.se');
    expect(manager.text).toContain('1 ärende i Kommunledningskontoret är försenat.');
    expect(render({ items: [remiss] }).text).not.toContain('Ansvarig:');
  });

  it(`lists at most ${MAX_ITEMS_PER_EMAIL} items, counts the rest and links to them`, () => {
    const items = Array.from({ length: MAX_ITEMS_PER_EMAIL + 3 }, (_, i) => line({ id: `i${i}`, title: `Ärende ${i}` }));
    const { text, html } = render({ items, link: 'https://bevakning.kommun.example.se/mina' });

    expect(text.match(/^\d+\. /gm)).toHaveLength(MAX_ITEMS_PER_EMAIL);
    expect(text).toContain('… och 3 ärenden till.\n\nMina ärenden: markera som klart, begär förlängning eller lämna en lägesrapport:\nhttps://bevakning.kommun.example.se/mina');
    expect(html.match(/<li /g)).toHaveLength(MAX_ITEMS_PER_EMAIL);
    expect(html).toContain('<a href="https://bevakning.kommun.example.se/mina" target="_blank" rel="noopener" style="color:#0b57d0;font-weight:bold">Mina ärenden: markera som klart, begär förlängning eller lämna en lägesrapport</a>');
    expect(render({ items: items.slice(0, MAX_ITEMS_PER_EMAIL + 1) }).text).toContain('… och 1 ärende till.');
  });

  it('toReminderLine takes the recipient of a yttrande from its due form', () => {
    const { recipient: _recipient, url: _url, ...fields } = remiss;
    const view = {
      ...fields,
      due: { externalDeadline: '2026-05-29', recipient: 'Länsstyrelsen', decidedBy: 'KS' },
      units: [{ name: 'Kommunledningskontoret' }],
      state: 'overdue',
    } as unknown as ItemView;

    const converted = toReminderLine(view, 'https://bevakning.kommun.example.se/uppdrag/remiss');
    expect(converted).toEqual(remiss);
    expect(converted).not.toHaveProperty('unit');
  });
});

describe('greeting, notices and footer', () => {
  it("the official's footer says why they get the email and whom to ask, in the singular for one item", () => {
    expect(render({ items: [eTjanst, skolskjuts] }).text).toMatch(
      /\n-- \nDu får det här mejlet eftersom du är ansvarig för ärendena ovan i kommunens uppföljning av politiska beslut\. Frågor om ärendena besvaras av registratorn: Rut Registrator, registrator@kommun\.example\.se\.\n$/,
    );
    expect(render().text).toContain('eftersom du är ansvarig för ärendet ovan');
    expect(render().text).toMatch(/^Hej Kim Berg!\n\nDu har 1 ärende från ett politiskt beslut att bevaka\.\n/);
  });

  it("the manager's footer names the unit", () => {
    const { text } = render({ role: 'manager', units: [{ name: 'Socialförvaltningen' }], items: [remiss, line({ id: 'b', dueDate: '2026-05-22' })] });
    expect(text).toContain(
      'Du får det här mejlet eftersom du är chef för enheten Socialförvaltningen i kommunens uppföljning av politiska beslut och ärendena ovan är försenade.',
    );
    expect(text).toContain('2 ärenden i Socialförvaltningen är försenade. Det mest försenade står först.');
  });

  it('without a registrar or a name, the email still reads well', () => {
    const { text } = render({ recipient: { email: KIM.email }, registrar: undefined });
    expect(text).toMatch(/^Hej!\n/);
    expect(text).not.toContain('Frågor');
  });

  it('notices come above the list, in the text and escaped in the HTML', () => {
    const { text, html } = render({
      items: [eTjanst],
      notices: [{ text: 'Din begäran om förlängning beviljades.' }, 'Mejl till <a.b@kommun.example.se> kom i retur.\nKontrollera adressen.'],
    });

    expect(text.indexOf('Din begäran om förlängning beviljades.')).toBeLessThan(text.indexOf('1. Utreda'));
    expect(text).toContain('Mejl till <a.b@kommun.example.se> kom i retur.\nKontrollera adressen.');
    expect(html).toContain('Mejl till &lt;a.b@kommun.example.se&gt; kom i retur.<br>Kontrollera adressen.');
  });

  it("a registrar's email with only notices has a subject of its own", () => {
    const email = render({ role: 'registrar', recipient: REGISTRAR, items: [], notices: ['Mejl till a.b@kommun.example.se kom i retur.'] });

    expect(email.subject).toBe('Meddelande från uppföljningen av politiska beslut');
    expect(email.text).toContain('Du får det här mejlet eftersom du har registrerat ärenden i kommunens uppföljning av politiska beslut.');
    expect(email.html).not.toContain('<ol');
  });

  it('says how long its links work, under them: one personal link, or a manager\'s links of two units', () => {
    const own = render({ link: 'https://bevakning.kommun.example.se/p/abc', linkTtlDays: 14 });
    expect(own.text).toContain('Mina ärenden: markera som klart, begär förlängning eller lämna en lägesrapport:\nhttps://bevakning.kommun.example.se/p/abc\n\nLänken är personlig och gäller i 14 dagar: vidarebefordra den inte.');
    expect(own.html).toContain('Länken är personlig och gäller i 14 dagar: vidarebefordra den inte.');

    const late = (id: string, unit: string) => ({ ...line({ id, dueDate: '2026-05-20' }), unit });
    const manager = render({
      role: 'manager',
      recipient: { email: 'sam.ek@kommun.example.se' },
      units: [{ name: 'Socialförvaltningen', link: 'https://bevakning.kommun.example.se/p/sf' }, { name: 'Kommunledningskontoret', link: 'https://bevakning.kommun.example.se/p/kl' }],
      items: [late('a', 'Socialförvaltningen'), late('b', 'Kommunledningskontoret')],
      linkTtlDays: 14,
    });
    expect(manager.text).toContain('Länkarna är personliga och gäller i 14 dagar: vidarebefordra dem inte.');
  });

  it('with no link, no word on links', () => {
    expect(render({ linkTtlDays: 14 }).text).not.toContain('gäller i');
  });

  it("an official's email with only the answer to their request is theirs as the one responsible, not a registrar's", () => {
    const email = render({ role: 'responsible', items: [], notices: ['Din begäran om förlängning av "Utreda e-tjänster" beviljades: ny tidsfrist tisdag 31 augusti 2027.'] });

    expect(email.subject).toBe('Meddelande från uppföljningen av politiska beslut');
    expect(email.text).toContain('Du får det här mejlet eftersom du är ansvarig för ärenden i kommunens uppföljning av politiska beslut.');
    expect(email.text).not.toContain('ärendena ovan');
  });
});

describe('the decision, with only what is known', () => {
  it('cites body, date, paragraph and case number as clerks do, with one § whether or not the clerk wrote it', () => {
    const decision = { body: 'KS', date: '2026-03-11', paragraph: '§ 141' };

    expect(decisionOf({ decision, caseNumber: 'KS 2026/141' })).toBe('KS 2026-03-11 § 141, KS 2026/141');
    expect(decisionOf({ decision: { ...decision, paragraph: '141' }, caseNumber: 'KS 2026/141' })).toBe('KS 2026-03-11 § 141, KS 2026/141');
  });

  it('leaves out a missing paragraph or case number, and names a remiss when there is no decision', () => {
    expect(decisionOf({ decision: { body: 'KS', date: '2026-03-11' } })).toBe('KS 2026-03-11');
    expect(decisionOf({ remiss: { reference: 'Fi2026/01234', received: '2026-03-02' }, caseNumber: 'KS 2026/99' })).toBe('Remiss, inkom 2026-03-02, Fi2026/01234, KS 2026/99');
    expect(decisionOf({ caseNumber: 'KS 2026/99' })).toBe('KS 2026/99');
    expect(decisionOf({})).toBe('');
  });

  it('an item with nothing known of its decision shows no decision line, and never "undefined"', () => {
    const { text, html } = render({ items: [line({ decision: undefined, caseNumber: undefined } as unknown as Partial<ReminderLine>)] });

    expect(text).not.toMatch(/Beslut:|Ärende:|undefined/);
    expect(html).not.toContain('undefined');
  });
});

describe('the HTML part', () => {
  it('every link opens in a tab of its own, so an inbox that shows mail in a frame can open it (the pages refuse to be framed)', () => {
    const emails = [
      render({ items: [eTjanst, remiss], link: 'https://bevakning.kommun.example.se/p/abc' }),
      render({ role: 'manager', units: [{ name: 'Kulturhuset', link: 'https://bevakning.kommun.example.se/p/k' }, { name: 'Fritid', link: 'https://bevakning.kommun.example.se/p/f' }], items: [{ ...remiss, unit: 'Kulturhuset' }, { ...eTjanst, unit: 'Fritid' }] }),
      render({ role: 'registrar', recipient: REGISTRAR, items: [], attention: [{ id: 'a', title: 'Ärende', reference: '', needs: ['Byt ansvarig på ärendet.'], url: 'https://bevakning.kommun.example.se/arenden/a' }] }),
      renderDigestEmail({
        manager: KIM, unit: 'Kulturhuset', day: TODAY, overdue: [], upcoming: [], closedLastWeek: [],
        numbers: { open: 0, overdue: 0, closedThisYear: 0, closedOnTimeThisYear: 0 }, link: 'https://bevakning.kommun.example.se/p/u', linkTtlDays: 14,
      }),
      renderFreshLinkEmail({ url: 'https://bevakning.kommun.example.se/p/ny', expires: 'måndag 15 juni 2026' }),
    ];

    const anchors = emails.flatMap((e) => e.html.match(/<a [^>]*>/g) ?? []);
    expect(anchors.length).toBeGreaterThanOrEqual(9);
    for (const anchor of anchors) expect(anchor).toMatch(/^<a href="https:\/\/[^"]+" target="_blank" rel="noopener" style="[^"]+">$/);
  });

  it("the weekly overview says how long its link works as LINK_TTL_DAYS says, not always 14 days", () => {
    const overview = (linkTtlDays: number) =>
      renderDigestEmail({
        manager: KIM, unit: 'Kulturhuset', day: TODAY, overdue: [], upcoming: [], closedLastWeek: [],
        numbers: { open: 0, overdue: 0, closedThisYear: 0, closedOnTimeThisYear: 0 }, link: 'https://bevakning.kommun.example.se/p/u', linkTtlDays,
      }).text;

    expect(overview(30)).toContain('Länken är personlig och gäller i 30 dagar: vidarebefordra den inte.');
    expect(overview(1)).toContain('gäller i 1 dag:');
  });

  it('is Swedish, fits a phone and uses inline styles only', () => {
    const { html } = render({ items: [eTjanst, remiss] });

    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<(style|script|link|img)\b/i);
    expect(html).toContain('<title>2 ärenden att bevaka: 1 försenat, nästa senast fredag 5 juni</title>');
  });

  it('links only to http(s) addresses', () => {
    const { text, html } = render({ items: [line({ url: 'javascript:alert(1)' })], link: 'data:text/html,<script>alert(1)</script>' });

    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:');
    expect(text).not.toContain('javascript:');
  });
});

describe('hostile text renders harmlessly', () => {
  const hostile = line({
    title: 'Rubrik\r\nBcc: angripare@example.com\r\n\r\n<script>alert(1)</script>"><img src=x onerror=alert(2)>\u202Egnp.exe\u200B\u2028slut',
    caseNumber: '<b>KS</b> 2026/1',
    recipient: '"><script>x</script>',
    externalDeadline: '2026-06-10',
    kind: 'yttrande',
    responsible: { name: 'Eve\u2066\u202D <i>Evil</i>\uFEFF', email: 'eve@kommun.example.se' },
    dueExplanation: "It's <b>bold</b> & \u200Dsneaky",
  });
  const email = render({ role: 'manager', units: [{ name: 'Enhet\r\nBcc: x@example.com\u2029\u0085' }], items: [hostile], notices: ['<img src=x onerror=alert(3)>'] });

  it('every value is escaped in the HTML part', () => {
    expect(email.html).not.toMatch(/<(script|img|b|i)\b/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(email.html).toContain('Svar till &quot;&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(email.html).toContain('It&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; sneaky');
  });

  it('the subject carries no line break, and user text keeps no line break inside a field', () => {
    expect(email.subject).toBe('Försenade ärenden i Enhet Bcc: x@example.com: 1 ärende');
    expect(email.text).toContain('1. Rubrik Bcc: angripare@example.com <script>alert(1)</script>"><img src=x onerror=alert(2)>gnp.exe slut\n');
    expect(email.text).not.toMatch(/^Bcc:/m);
  });

  it('bidi overrides, isolates and zero-width characters are removed from subject and both parts', () => {
    const invisible = /[\u200B-\u200D\u202A-\u202E\u2066-\u2069\uFEFF\u2028\u2029\u0085\r]/;
    for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(invisible);
    expect(email.text).toContain('Ansvarig: Eve <i>Evil</i>, eve@kommun.example.se');
  });

  it('a 2,000-character title is cut in the list and a 2,000-character unit never makes the subject long', () => {
    const long = render({ role: 'manager', units: [{ name: 'x'.repeat(2000) }], items: [line({ title: 'y'.repeat(2000) })] });

    expect(long.subject).toBe(`Försenade ärenden i ${'x'.repeat(59)}…: 1 ärende`);
    expect(long.text).toContain(`1. ${'y'.repeat(199)}…\n`);
    expect(long.html).toContain(`>${'y'.repeat(199)}…</p>`);
  });

  it('a title of nothing but invisible characters still shows a title', () => {
    expect(render({ items: [line({ title: '\u200B\u202E' })] }).text).toContain('1. (utan rubrik)\n');
  });
});

describe('text helpers', () => {
  it('cleanText removes invisible and control characters but keeps line breaks', () => {
    expect(cleanText('a\u202Eb\u200Bc\r\nd\u2028e\u0000f\tg')).toBe('abc\nd\nef\tg');
  });

  it('oneLine collapses every line break and cuts by code point', () => {
    expect(oneLine(' a\r\n\u2029b\u0085c \u000b d ', 100)).toBe('a b c d');
    expect(oneLine('abc😀def', 5)).toBe('abc😀…');
  });

  it('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
