import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime } from '../../shared/email/mime';
import { MAX_ITEMS_PER_EMAIL, renderReminderEmail, type ReminderLine } from '../../shared/email/reminder';

function line(overrides: Partial<ReminderLine> = {}): ReminderLine {
  return {
    id: 'a1',
    kind: 'aterrapportering',
    title: 'Utreda gemensam e-tjänstplattform',
    caseNumber: 'KS 2026/141',
    decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
    due: { meeting: { body: 'KS', month: '2026-09' } },
    dueDate: '2026-08-24',
    meetingDate: '2026-09-14',
    dueExplanation: '',
    responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
    daysLeft: 7,
    state: 'open',
    url: 'http://localhost:3000/uppdrag/a1',
    ...overrides,
  };
}

const base = { recipient: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' }, role: 'responsible' as const, today: '2026-08-17', registrar: { email: 'registrator@kommun.example.se' } };

describe('the reminder email', () => {
  it('a subject counts the overdue items and names the next deadline as a Swedish weekday', () => {
    const email = renderReminderEmail({
      ...base,
      items: [line({ id: 'a', daysLeft: -3, state: 'overdue', dueDate: '2026-08-14' }), line({ id: 'b', daysLeft: 7 }), line({ id: 'c', daysLeft: 19, dueDate: '2026-09-05' })],
    });

    expect(email.subject).toBe('3 ärenden att bevaka: 1 försenat, nästa senast måndag 24 augusti');
  });

  it('one item due today says so, in the singular', () => {
    expect(renderReminderEmail({ ...base, items: [line({ daysLeft: 0, dueDate: '2026-08-17' })] }).subject).toBe('1 ärende att bevaka: nästa senast i dag');
  });

  it('lists the most overdue first and shows decision, Swedish deadline, days and the meeting', () => {
    const email = renderReminderEmail({
      ...base,
      items: [line({ id: 'later', title: 'Senare', daysLeft: 7 }), line({ id: 'late', title: 'Försenad', daysLeft: -12, state: 'overdue' })],
    });

    expect(email.text.indexOf('Försenad')).toBeLessThan(email.text.indexOf('Senare'));
    expect(email.text).toContain('Beslut: KS 2026-03-11 § 58, KS 2026/141');
    expect(email.text).toContain('Senast: måndag 24 augusti 2026 (7 dagar kvar)');
    expect(email.text).toContain('12 dagar försenat');
    expect(email.text).toContain('Sammanträde: måndag 14 september 2026');
    expect(email.text).toContain('registratorn, registrator@kommun.example.se');
  });

  it('a manager’s email names the unit and each responsible official', () => {
    const email = renderReminderEmail({ ...base, role: 'manager', unit: 'Kommunledningskontoret', items: [line({ daysLeft: -8, state: 'overdue' })] });

    expect(email.subject).toBe('Försenade ärenden i Kommunledningskontoret: 1 ärende');
    expect(email.text).toContain('Ansvarig: Kim Berg <kim.berg@kommun.example.se>');
  });

  it(`lists at most ${MAX_ITEMS_PER_EMAIL} items and counts the rest`, () => {
    const items = Array.from({ length: MAX_ITEMS_PER_EMAIL + 3 }, (_, i) => line({ id: `i${i}`, daysLeft: i }));

    const email = renderReminderEmail({ ...base, items });

    expect(email.text).toContain('… och 3 ärenden till.');
    expect(email.text.match(/^\* /gm)).toHaveLength(MAX_ITEMS_PER_EMAIL);
  });
});

describe('hostile text renders harmlessly', () => {
  const hostile = line({
    title: 'Rubrik\r\nBcc: angripare@example.com\r\n\r\n<script>alert(1)</script>"><img src=x onerror=alert(2)>\u202Egnp.exe\u200B',
    caseNumber: '<b>KS</b> 2026/1',
  });

  it('escapes every value in the HTML part', () => {
    const { html } = renderReminderEmail({ ...base, items: [hostile] });

    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>KS');
    expect(html).toContain('&lt;script&gt;');
  });

  it('no header carries a line break from user data, and bidi and zero-width characters are removed', async () => {
    const email = renderReminderEmail({ ...base, role: 'manager', unit: 'Enhet\r\nBcc: x@example.com', items: [hostile] });
    const raw = await composeMime({ from: 'bevakning@kommun.example.se', to: ['kim.berg@kommun.example.se'], ...email });
    const parsed = await simpleParser(raw);

    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.subject).not.toMatch(/[\r\n]/);
    expect(parsed.text).not.toMatch(/[\u202E\u200B]/);
    expect(parsed.text).toContain('Rubrik Bcc: angripare@example.com');
  });

  it('a 2,000-character title is cut in the list and never breaks the subject', async () => {
    const email = renderReminderEmail({ ...base, role: 'manager', unit: 'x'.repeat(2000), items: [line({ title: 'y'.repeat(2000) })] });

    expect(email.subject.length).toBeLessThanOrEqual(150);
    expect(email.text).toContain(`${'y'.repeat(399)}…`);
  });

  it('refuses to address an email to anything but one plain address', async () => {
    await expect(composeMime({ from: 'a@kommun.example.se', to: ['x@example.com\r\nBcc: y@example.com'], subject: 's', text: 't', html: 'h' })).rejects.toThrow();
  });
});
