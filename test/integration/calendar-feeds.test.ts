import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, patchItem } from '../../shared/application/items/service';
import { tokenFor, type Who } from '../support/api';
import { isolatedApi } from '../support/isolated-api';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
const registrar: Who = { email: clerk.who, roles: ['registrar'] };
let people = 0;
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.${process.pid}.${Date.now()}.${++people}@kommun.example.se` });
const official = (p: { email: string }): Who => ({ email: p.email });

type Api = Awaited<ReturnType<typeof isolatedApi>>;
let api: Api;
beforeAll(async () => {
  api = await isolatedApi();
  api.deps.at('2027-06-04T09:00:00+02:00');
  await api.deps.plans.saveMeetingPlan({ body: 'KS', year: 2027, leadWorkingDays: 10, dates: ['2027-06-14', '2027-09-13', '2027-10-18'] }, 'admin@kommun.example.se', '2027-06-01T08:00:00.000Z');
});
afterAll(() => api.stop());

async function register(responsible: { name: string; email: string }, title: string, due: object = { date: '2027-06-14' }, kind = 'uppdrag') {
  api.deps.at('2027-06-04T09:00:00+02:00');
  return (
    await createItem(api.deps, clerk, {
      kind,
      title,
      caseNumber: 'KS 2027/88',
      decision: { body: 'KS', date: '2027-05-10', paragraph: '§ 88' },
      responsible,
      unit: 'Kommunledningskontoret',
      due,
    } as never)
  ).item;
}

async function call(method: string, path: string, as?: Who, body?: unknown) {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${await tokenFor(as)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.url}${path}`, { method, headers, redirect: 'manual', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

async function newFeed(as: Who, body?: unknown): Promise<{ id: string; url: string }> {
  const response = await call('POST', '/calendar-feeds', as, body);
  expect(response.status, response.text).toBe(201);
  return response.json;
}

async function fetchFeed(url: string) {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const eventsOf = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
const textOf = (value: unknown) => (typeof value === 'object' && value && 'val' in value ? String((value as { val: unknown }).val) : String(value));
/** A DATE as node-ical gives it: local midnight of that day. */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const byUid = (events: VEvent[], uid: string) => events.find((e) => e.uid === uid);

describe('an official’s calendar feed', () => {
  it('lists the deadlines of their open items as all-day events, with the meeting, the decision and a link to their page', async () => {
    const kim = person('Kim Berg');
    const alex = person('Alex Lund');
    const tricky = 'Taxor, avgifter; och C:\\kultur';
    const long = `Utreda förutsättningarna för en gemensam e-tjänstplattform för kommunerna i länet – ${'med delrapporter och åäö '.repeat(4)}`.trim();
    const plain = await register(kim, tricky);
    const longItem = await register(kim, long, { date: '2027-12-31' });
    const meeting = await register(kim, 'Återrapportera skolskjutsen', { meeting: { body: 'KS', month: '2027-09' } }, 'aterrapportering');
    await register(alex, 'Alex hemliga ärende');
    expect(meeting.meetingDate).toBe('2027-09-13');

    const created = await call('POST', '/calendar-feeds', official(kim));
    expect(created.status, created.text).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(['id', 'url']);
    expect(created.json.url).toMatch(new RegExp(`^${api.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(created.headers.get('cache-control')).toBe('no-store');

    api.deps.at('2027-06-07T07:00:00+02:00');
    const feed = await fetchFeed(created.json.url);

    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300');
    expect(feed.headers.get('referrer-policy')).toBe('no-referrer');
    expect(feed.headers.get('content-disposition')).toBe('inline; filename="tidsfrister.ics"');
    expect(feed.text).toContain('X-WR-CALNAME:Mina tidsfrister');
    expect(feed.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(feed.text).not.toContain('Alex hemliga ärende');

    const events = eventsOf(feed.text);
    expect(events.map((e) => e.uid).sort()).toEqual([`${plain.id}-due@bevakning`, `${longItem.id}-due@bevakning`, `${meeting.id}-due@bevakning`, `${meeting.id}-meeting@bevakning`].sort());
    for (const event of events) {
      expect(event.datetype).toBe('date');
      expect((event.start as { dateOnly?: boolean }).dateOnly).toBe(true);
    }
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20270614\r\n');
    expect(dayOf(byUid(events, `${plain.id}-due@bevakning`)!.start)).toBe('2027-06-14');
    expect(dayOf(byUid(events, `${longItem.id}-due@bevakning`)!.start)).toBe('2027-12-31');
    expect(dayOf(byUid(events, `${meeting.id}-due@bevakning`)!.start)).toBe(meeting.dueDate);
    expect(dayOf(byUid(events, `${meeting.id}-meeting@bevakning`)!.start)).toBe('2027-09-13');

    expect(textOf(byUid(events, `${plain.id}-due@bevakning`)!.summary)).toBe(`Tidsfrist: ${tricky}`);
    expect(textOf(byUid(events, `${longItem.id}-due@bevakning`)!.summary)).toBe(`Tidsfrist: ${long}`);
    expect(textOf(byUid(events, `${meeting.id}-meeting@bevakning`)!.summary)).toBe('Sammanträde KS: Återrapportera skolskjutsen');

    const description = textOf(byUid(events, `${meeting.id}-due@bevakning`)!.description);
    expect(description).toContain('Beslut: KS 2027-05-10 § 88, KS 2027/88');
    expect(description).toContain('Typ: Återrapportering');
    expect(description).toContain(meeting.dueExplanation);
    const link = /Mina ärenden: (\S+)/.exec(description)?.[1];
    expect(link).toBe(`${textOf(byUid(events, `${meeting.id}-due@bevakning`)!.url)}`);
    expect(link).toMatch(new RegExp(`^${api.url}/p/[^#\\s]+#uppdrag-${meeting.id}$`));
    const page = await fetch(link!);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Återrapportera skolskjutsen');
    expect(html).not.toContain('Alex hemliga ärende');
  });

  it('puts a motion on the council’s meeting, as stored and read back', async () => {
    await api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2028, leadWorkingDays: 20, dates: ['2028-02-21', '2028-04-24', '2028-06-12'] }, 'admin@kommun.example.se', '2027-06-01T08:00:00.000Z');
    await api.deps.plans.saveMeetingPlan({ body: 'KF', year: 2027, leadWorkingDays: 20, dates: ['2027-06-14', '2027-11-22'] }, 'admin@kommun.example.se', '2027-06-01T08:00:00.000Z');
    const kim = person('Kim Berg');
    const motion = await register(kim, 'Besvara motion om gratis simskola', { raised: '2027-05-10' }, 'motion');
    expect(motion.meetingDate).toBe('2028-04-24');
    const { url } = await newFeed(official(kim));

    const events = eventsOf((await fetchFeed(url)).text);
    expect(textOf(byUid(events, `${motion.id}-meeting@bevakning`)!.summary)).toBe('Sammanträde KF: Besvara motion om gratis simskola');
    expect(textOf(byUid(events, `${motion.id}-due@bevakning`)!.description)).toContain('Sammanträde: KF måndag 24 april 2028');
  });

  it('drops an item once it is done or cancelled', async () => {
    const kim = person('Kim Berg');
    const done = await register(kim, 'Klart ärende');
    const cancelled = await register(kim, 'Avslutat ärende');
    const open = await register(kim, 'Öppet ärende');
    const { url } = await newFeed(official(kim));
    expect(eventsOf((await fetchFeed(url)).text)).toHaveLength(3);

    await patchItem(api.deps, { who: kim.email, roles: new Set() }, done.id, done.version, { status: 'done', note: 'Återrapporterad KS 2027-06-14 § 101' });
    await patchItem(api.deps, clerk, cancelled.id, cancelled.version, { status: 'cancelled', reason: 'Beslutet upphävt' });

    const text = (await fetchFeed(url)).text;
    expect(eventsOf(text).map((e) => e.uid)).toEqual([`${open.id}-due@bevakning`]);
    expect(text).not.toMatch(/Klart ärende|Avslutat ärende/);
  });

  it('answers 404 once revoked, and the revocation cannot be repeated', async () => {
    const kim = person('Kim Berg');
    await register(kim, 'Ärende i ett återkallat flöde');
    const { id, url } = await newFeed(official(kim));
    const other = await newFeed(official(kim));
    expect((await fetchFeed(url)).status).toBe(200);

    const revoked = await call('DELETE', `/calendar-feeds/${id}`, official(kim));
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');

    const after = await fetchFeed(url);
    expect(after.status).toBe(404);
    expect(JSON.parse(after.text)).toMatchObject({ code: 'not_found', issues: [] });
    expect(after.text).not.toContain('Ärende i ett återkallat flöde');
    expect((await call('DELETE', `/calendar-feeds/${id}`, official(kim))).status).toBe(404);
    // Only that feed: the official's other one still works.
    expect((await fetchFeed(other.url)).status).toBe(200);
  });
});

describe('who may make and revoke a feed', () => {
  it('an official makes only their own: 403 for someone else’s, and 404 when revoking another’s', async () => {
    const kim = person('Kim Berg');
    const alex = person('Alex Lund');
    await register(alex, 'Alex ärende');

    const forOther = await call('POST', '/calendar-feeds', official(kim), { email: alex.email });
    expect(forOther.status).toBe(403);
    expect(forOther.json.code).toBe('forbidden');
    expect((await newFeed(official(kim), { email: kim.email.toUpperCase() })).url).toMatch(/\.ics$/);

    const alexFeed = await newFeed(official(alex));
    const refused = await call('DELETE', `/calendar-feeds/${alexFeed.id}`, official(kim));
    expect(refused.status).toBe(404);
    expect(refused.json.code).toBe('not_found');
    expect((await fetchFeed(alexFeed.url)).status).toBe(200);
  });

  it('a registrar makes one for any official, and revokes any', async () => {
    const kim = person('Kim Berg');
    await register(kim, 'Kims ärende via registrator');

    const made = await newFeed(registrar, { email: kim.email });
    const feed = await fetchFeed(made.url);
    expect(feed.status).toBe(200);
    expect(eventsOf(feed.text).map((e) => textOf(e.summary))).toEqual(['Tidsfrist: Kims ärende via registrator']);

    const own = await newFeed(official(kim));
    expect((await call('DELETE', `/calendar-feeds/${own.id}`, registrar)).status).toBe(204);
    expect((await fetchFeed(own.url)).status).toBe(404);
  });

  it('refuses a body that is not an address, and answers 404 for ids that name no feed', async () => {
    const kim = person('Kim Berg');
    expect((await call('POST', '/calendar-feeds', registrar, { email: 'inte en adress' })).status).toBe(400);
    expect((await call('POST', '/calendar-feeds', official(kim), { email: kim.email, role: 'admin' })).json).toMatchObject({ code: 'validation_failed', issues: [{ path: 'role' }] });
    expect((await call('POST', '/calendar-feeds')).status).toBe(401);
    for (const id of ['finns-inte', crypto.randomUUID(), 'x'.repeat(3000)]) {
      expect((await call('DELETE', `/calendar-feeds/${id}`, registrar)).status).toBe(404);
    }
  });
});

describe('the feed URL', () => {
  it('answers 404 for anything but a known <token>.ics', async () => {
    const kim = person('Kim Berg');
    const { url } = await newFeed(official(kim));
    const token = /\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
    const unknown = 'A'.repeat(43);

    for (const file of [
      token,
      `${token}.ICS`,
      `${token}.ics.ics`,
      `${token}.ical`,
      `${token.slice(1)}.ics`,
      `${token}A.ics`,
      `${unknown}.ics`,
      `${token.slice(0, 42)}%2B.ics`,
      `..%2F..%2Fetc%2Fpasswd.ics`,
      `${token}.ics%00`,
      `%2E%2E%2F${token}.ics`,
      'closed-days',
    ]) {
      const answer = await fetchFeed(`${api.url}/calendar/${file}`);
      expect([file, answer.status]).toEqual([file, 404]);
      expect(answer.text).not.toContain('BEGIN:VCALENDAR');
    }
    expect((await fetchFeed(`${api.url}/calendar/${token}.ics/extra`)).status).toBe(404);
    expect((await fetchFeed(url)).status).toBe(200);
  });

  it('carries hostile text harmlessly: no line of it becomes a property, no invisible character survives', async () => {
    const kim = person('Kim Berg');
    // Stored text past validation (an import, an older rule): every way to break a line, bidi and HTML.
    const hostile = await register(kim, 'Ond\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-EVIL:1\nATTACH:http://evil.example\u2028URL:javascript:alert(1)\u0085X-EVIL:2 <img src=x onerror=alert(1)> \u202Eexe.fdp\u200b');
    const { url } = await newFeed(official(kim));

    const text = (await fetchFeed(url)).text;
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines.filter((line) => /^(BEGIN|END):VEVENT$/.test(line))).toEqual(['BEGIN:VEVENT', 'END:VEVENT']);
    expect(lines.filter((line) => /^(X-EVIL|ATTACH|URL:|DTSTART:)/.test(line))).toEqual([]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b]/);
    const [event, ...rest] = eventsOf(text);
    expect(rest).toEqual([]);
    expect(event!.uid).toBe(`${hostile.id}-due@bevakning`);
    expect(textOf(event!.summary)).toBe('Tidsfrist: Ond END:VEVENT BEGIN:VEVENT X-EVIL:1 ATTACH:http://evil.example URL:javascript:alert(1) X-EVIL:2 <img src=x onerror=alert(1)> exe.fdp');
    expect(textOf(event!.url)).toMatch(new RegExp(`^${api.url}/p/`));
  });
});
