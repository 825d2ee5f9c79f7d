import { describe, expect, it } from 'vitest';
import { createItem, patchItem } from '../../shared/application/items/service';
import { runReminders, type ReminderJobDeps } from '../../shared/application/reminders/job';
import type { RunOptions } from '../../shared/application/delivery/engine';
import { SendError, type Claims } from '../../shared/application/delivery/ports';
import { emailChannel, type Mailer } from '../../shared/application/delivery/email';
import { createHandler as createSesEventsHandler } from '../../functions/ses-events/handler';
import { createSesEventDependencies } from '../../functions/ses-events/dependencies';
import { createHandler as createRemindersHandler } from '../../functions/reminders/handler';
import { createReminderDependencies } from '../../functions/reminders/dependencies';
import { isolatedDependencies, mailTo } from '../support/isolated';
import type { Context, SNSEvent } from 'aws-lambda';

const clerk = { who: 'registrator@kommun.example.se', roles: new Set(['registrar'] as const) };
let people = 0;
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}.${process.pid}.${Date.now()}.${++people}@kommun.example.se` });

async function setup() {
  const deps = await isolatedDependencies();
  const official = person('Kim Berg');
  const manager = person('Sam Ek');
  const register = async (dueDate: string, overrides: Record<string, unknown> = {}) =>
    (
      await createItem(deps, clerk, {
        kind: 'uppdrag',
        title: 'Ta fram riktlinjer för skolskjuts',
        caseNumber: 'BUN 2027/44',
        decision: { body: 'BUN', date: '2027-02-17', paragraph: '§ 44' },
        responsible: official,
        unit: 'Utbildningsförvaltningen',
        manager,
        due: { date: dueDate },
        ...overrides,
      } as never)
    ).item;
  // The reminder function's own composition root, in the same world and on the same clock.
  const job = createReminderDependencies(deps.env, deps.clock);
  const run = (instant: string, jobOverrides: Partial<ReminderJobDeps> = {}, options: RunOptions = {}) => {
    deps.at(instant);
    return runReminders({ ...job, backoffMs: 5, ...jobOverrides }, options);
  };
  return { deps, job, official, manager, register, run };
}

describe('the daily reminder run', () => {
  it('reminds an item due in ten days on its schedule: 7 days before, the working day before a Sunday, the due day, overdue, then the manager', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');

    const days = ['2027-06-07', '2027-06-08', '2027-06-11', '2027-06-14', '2027-06-15', '2027-06-16', '2027-06-22'];
    const sent: Record<string, string[]> = {};
    for (const day of days) {
      const report = await s.run(`${day}T07:00:00+02:00`);
      // Emails go out concurrently: compare them in a fixed order.
      sent[day] = report.sent.map((e) => `${e.role}:${e.subject}`).sort();
    }

    expect(sent).toEqual({
      '2027-06-07': ['responsible:1 ärende att bevaka: senast måndag 14 juni'],
      '2027-06-08': [],
      // The 1-day reminder falls on Sunday 13 June and moves to Friday 11 June.
      '2027-06-11': ['responsible:1 ärende att bevaka: senast måndag 14 juni'],
      '2027-06-14': ['responsible:1 ärende att bevaka: senast i dag'],
      '2027-06-15': ['responsible:1 ärende att bevaka: 1 dag försenat'],
      '2027-06-16': [],
      '2027-06-22': ['manager:Försenade ärenden i Utbildningsförvaltningen: 1 ärende', 'responsible:1 ärende att bevaka: 8 dagar försenat'],
    });
    const inbox = await mailTo(s.official.email);
    expect(inbox).toHaveLength(5);
    expect(inbox[0]!.body.text).toContain('Senast: måndag 14 juni 2027 (7 dagar kvar)');
    expect(inbox[0]!.body.text).toContain('Beslut: BUN 2027-02-17 § 44, BUN 2027/44');
    expect(await mailTo(s.manager.email)).toHaveLength(1);
  });

  it('sends nothing the second time at the same instant, nor on the days between reminders', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');

    const first = await s.run('2027-06-07T07:00:00+02:00');
    const again = await s.run('2027-06-07T07:00:00+02:00');

    expect(first.sent).toHaveLength(1);
    expect(again.sent).toHaveLength(0);
    expect(await mailTo(s.official.email)).toHaveLength(1);
  });

  it('does nothing on midsommarafton; the reminder that falls on it goes out on the Thursday before', async () => {
    // Due Friday 2 July 2027: the 7-day reminder falls on midsommarafton, Friday 25 June.
    const s = await setupRegistered('2027-06-10T09:00:00+02:00', '2027-07-02');

    const thursday = await s.run('2027-06-24T07:00:00+02:00');
    const midsummerEve = await s.run('2027-06-25T07:00:00+02:00');

    expect(thursday.sent).toHaveLength(1);
    expect(midsummerEve).toMatchObject({ skipped: 'non_working_day', sent: [] });
  });

  it('skips the Monday after Easter and catches up on Tuesday', async () => {
    // Easter Sunday 2028 is 16 April. Due Friday 21 April; the 7-day reminder is Friday 14 April,
    // långfredagen: it moves to Thursday 13 April. The job is down that Thursday; annandag påsk
    // (17 April) is not a working day; Tuesday 18 April catches up, once.
    const s = await setupRegistered('2028-04-01T09:00:00+02:00', '2028-04-21');

    const easterMonday = await s.run('2028-04-17T07:00:00+02:00');
    const tuesday = await s.run('2028-04-18T07:00:00+02:00');
    const wednesday = await s.run('2028-04-19T07:00:00+02:00');

    expect(easterMonday.skipped).toBe('non_working_day');
    expect(tuesday.sent).toHaveLength(1);
    expect(wednesday.sent).toHaveLength(0);
  });

  it('counts a run at 00:30 on 1 November, after the autumn DST night, as 1 November', async () => {
    // Due Monday 8 November 2027: the 7-day reminder is Monday 1 November.
    const s = await setupRegistered('2027-10-20T09:00:00+02:00', '2027-11-08');

    const sunday = await s.run('2027-10-31T07:00:00+01:00');
    const justAfterMidnight = await s.run('2027-11-01T00:30:00+01:00');

    expect(sunday.skipped).toBe('non_working_day');
    expect(justAfterMidnight.day).toBe('2027-11-01');
    expect(justAfterMidnight.sent).toHaveLength(1);
  });

  it('lists all of one person’s items in one email, most urgent first', async () => {
    const s = await setupRegistered('2027-03-01T09:00:00+01:00', '2027-03-10');
    await s.register('2027-03-03', { title: 'Yttrande över detaljplan' });

    const report = await s.run('2027-03-03T07:00:00+01:00');
    const [email] = await mailTo(s.official.email);

    expect(report.sent).toHaveLength(1);
    expect(report.sent[0]!.subject).toBe('2 ärenden att bevaka: nästa senast i dag');
    expect(email!.body.text!.indexOf('Yttrande över detaljplan')).toBeLessThan(email!.body.text!.indexOf('Ta fram riktlinjer'));
  });

  it('sends nothing more about a done item, and puts a reopened item back on its schedule', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    s.deps.at('2027-06-05T10:00:00+02:00');
    await patchItem(s.deps, clerk, s.item.id, 1, { status: 'done', note: 'Klart' });

    const whileDone = await s.run('2027-06-07T07:00:00+02:00');
    s.deps.at('2027-06-08T10:00:00+02:00');
    await patchItem(s.deps, clerk, s.item.id, 2, { status: 'open' });
    const afterReopen = await s.run('2027-06-11T07:00:00+02:00');

    expect(whileDone.sent).toHaveLength(0);
    expect(afterReopen.sent).toHaveLength(1);
  });
});

describe('hostile text', () => {
  it('reaches the inbox harmlessly: no markup, no injected header, no invisible characters', async () => {
    const s = await setup();
    s.deps.at('2027-06-04T09:00:00+02:00');
    await s.register('2027-06-14', { title: `<script>alert(1)</script>"><img src=x onerror=alert(2)> \u202Eexe.gnp\u200B ${'å'.repeat(150)}` });

    await s.run('2027-06-07T07:00:00+02:00');
    const [email] = await mailTo(s.official.email);

    expect(email!.destination.bcc).toEqual([]);
    expect(email!.body.html).not.toContain('<script>');
    expect(email!.body.html).not.toContain('<img');
    expect(email!.body.html).toContain('&lt;script&gt;');
    expect(email!.body.text).not.toMatch(/[\u202E\u200B]/);
  });
});

describe('delivery guarantee', () => {
  it('two runs at once send no duplicate', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    s.deps.at('2027-06-07T07:00:00+02:00');

    const [a, b] = await Promise.all([runReminders(s.job), runReminders(s.job)]);

    expect(a.sent.length + b.sent.length).toBe(1);
    expect(await mailTo(s.official.email)).toHaveLength(1);
  });

  it('retries SES throttling with backoff and sends exactly once', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    let throttles = 2;
    const mailer: Mailer = {
      send: async (email) => {
        if (throttles-- > 0) throw new SendError('SES: Throttling', true);
        return s.deps.mailer.send(email);
      },
    };

    const report = await s.run('2027-06-07T07:00:00+02:00', { channel: emailChannel(mailer) });

    expect(report.sent).toHaveLength(1);
    expect(await mailTo(s.official.email)).toHaveLength(1);
  });

  it('SES failing for one recipient lets the others get theirs; the failed one gets it on the next run', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    const other = person('Eva Lind');
    await s.register('2027-06-14', { responsible: other });
    const failing: Mailer = {
      send: async (email) => {
        if (email.to === other.email) throw new SendError('SES: ServiceUnavailable', true);
        return s.deps.mailer.send(email);
      },
    };

    const first = await s.run('2027-06-07T07:00:00+02:00', { channel: emailChannel(failing), sendAttempts: 2 });
    const next = await s.run('2027-06-08T07:00:00+02:00');

    expect(first.sent.map((e) => e.to)).toEqual([s.official.email]);
    expect(first.failed.map((e) => e.to)).toEqual([other.email]);
    expect(next.sent.map((e) => e.to)).toEqual([other.email]);
    expect(await mailTo(other.email)).toHaveLength(1);
    expect(await mailTo(s.official.email)).toHaveLength(1);
  });

  it('a crash between send and record: no duplicate while the claim is fresh, one resend once it is stale', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    const crashing: Claims = {
      ...s.job.claims,
      markSent: async () => {
        throw new Error('process killed after SES accepted the email');
      },
    };

    await expect(s.run('2027-06-07T07:00:00+02:00', { claims: crashing })).rejects.toThrow('process killed');
    const retried = await s.run('2027-06-07T07:05:00+02:00');
    const stale = await s.run('2027-06-07T07:30:00+02:00');
    const later = await s.run('2027-06-07T09:00:00+02:00');

    expect(retried.sent).toHaveLength(0);
    expect(retried.deferred).toBe(1);
    expect(stale.sent).toHaveLength(1);
    expect(later.sent).toHaveLength(0);
    // The documented window: one duplicate rather than a lost reminder.
    expect(await mailTo(s.official.email)).toHaveLength(2);
  });

  it("a retry delivered at 09:30 for the 07:00 run is that morning's run: it sends only what the first attempt left, and one delivered after midnight is still Friday's", async () => {
    const s = await setupRegistered('2027-06-08T09:00:00+02:00', '2027-06-14');
    const other = person('Eva Lind');
    await s.register('2027-06-14', { responsible: other });
    // Friday 11 June: the 1-day reminder of a Monday deadline, moved off the Sunday.
    const event = { job: 'reminders', scheduledTime: '2027-06-11T05:00:00Z' };
    const context = { getRemainingTimeInMillis: () => 600_000 } as Context;
    const claims: Claims = {
      ...s.job.claims,
      claim: async (key, recipient, itemIds, now, staleBefore) => {
        if (recipient.email === other.email) throw new Error('DynamoDB throttled past the SDK retries');
        return s.job.claims.claim(key, recipient, itemIds, now, staleBefore);
      },
    };

    s.deps.at('2027-06-11T07:00:00+02:00');
    await expect(createRemindersHandler(() => ({ ...s.job, claims }))(event, context)).rejects.toThrow('throttled');
    s.deps.at('2027-06-11T09:30:00+02:00');
    const retry = await createRemindersHandler(() => s.job)(event, context);
    s.deps.at('2027-06-12T00:15:00+02:00');
    const afterMidnight = await createRemindersHandler(() => s.job)(event, context);

    expect(retry.day).toBe('2027-06-11');
    expect(retry.sent.map((e) => e.to)).toEqual([other.email]);
    // Saturday by the clock, but the run is Friday's: not skipped as a day off, and nothing left to send.
    expect(afterMidnight).toMatchObject({ day: '2027-06-11', sent: [], failed: [] });
    expect(afterMidnight.skipped).toBeUndefined();
    expect(await mailTo(s.official.email)).toHaveLength(1);
    expect(await mailTo(other.email)).toHaveLength(1);
  });

  it('a run out of time sends what it can and leaves the rest for the next run', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');

    const out = await s.run('2027-06-07T07:00:00+02:00', {}, { remainingMs: () => 1000 });
    const next = await s.run('2027-06-08T07:00:00+02:00');

    expect(out).toMatchObject({ sent: [], deferred: 1 });
    expect(next.sent).toHaveLength(1);
  });
});

describe('bounces and complaints', () => {
  it('stop reminders to the address, and the registrar learns of it in their next email', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    const registrarEmail = clerk.who;
    const event = snsBounce(s.official.email);
    s.deps.at('2027-06-04T12:00:00+02:00');

    const result = await createSesEventsHandler(() => createSesEventDependencies(s.deps.env, s.deps.clock))(event);
    const report = await s.run('2027-06-07T07:00:00+02:00');

    expect(result.suppressed).toBe(1);
    expect(report.sent.map((e) => [e.role, e.to])).toEqual([['registrar', registrarEmail]]);
    expect(report.suppressed).toBe(1);
    const [notice] = (await mailTo(registrarEmail)).filter((m) => m.body.text?.includes(s.official.email));
    expect(notice!.body.text).toContain('kommer inte fram');
  });
});

describe('escalation to the manager', () => {
  const unitName = (name: string) => `${name} ${process.pid}-${++people}`;

  it("an item that names no manager escalates to its unit's manager in the directory, also one added after registration", async () => {
    const s = await setup();
    const unit = unitName('Kulturförvaltningen');
    const chef = person('Pia Chef');
    s.deps.at('2027-06-04T09:00:00+02:00');
    const item = await s.register('2027-06-14', { unit, manager: undefined });
    await s.deps.units.put({ unit, manager: chef, updatedBy: 'admin@kommun.example.se', updatedAt: '2027-06-10T08:00:00Z' });

    const report = await s.run('2027-06-22T07:00:00+02:00');

    expect(item.manager).toBeUndefined();
    expect(report.sent.filter((e) => e.role === 'manager').map((e) => [e.to, e.subject])).toEqual([[chef.email, `Försenade ärenden i ${unit}: 1 ärende`]]);
    expect(report.escalationsWithoutRecipient).toBe(0);
  });

  it('with no manager on the item or in the directory, the registrar is told in their next email and the run counts the escalation without a recipient', async () => {
    const s = await setup();
    const unit = unitName('Kulturhuset');
    const registrar = { who: person('Reg Istrator').email, roles: new Set(['registrar'] as const) };
    s.deps.at('2027-06-04T09:00:00+02:00');
    const item = (await createItem(s.deps, registrar, {
      kind: 'uppdrag', title: 'Renovera scenen', caseNumber: 'KFN 2027/3', decision: { body: 'KFN', date: '2027-05-12', paragraph: '§ 21' },
      responsible: s.official, unit, due: { date: '2027-06-14' },
    })).item;

    const report = await s.run('2027-06-22T07:00:00+02:00');
    const [email] = await mailTo(registrar.who);

    expect(report.sent.map((e) => e.role).sort()).toEqual(['registrar', 'responsible']);
    expect(report.escalationsWithoutRecipient).toBe(1);
    expect(email!.subject).toBe('1 ärende behöver din åtgärd');
    expect(email!.body.text).toContain(
      `1. Renovera scenen\n   KFN 2027-05-12 § 21, KFN 2027/3\n   Ärendet är 8 dagar försenat och skulle ha gått till chefen, men varken ärendet eller enhetsregistret anger någon chef för ${unit}. Ange en chef på ärendet, eller be en administratör lägga in enhetens chef.\n   Öppna ärendet: http://localhost:3000/arenden/${item.id}\n`,
    );
  });

  it("an escalation to a manager whose address bounced reaches the item's registrar instead", async () => {
    const s = await setup();
    s.deps.at('2027-06-04T09:00:00+02:00');
    await s.register('2027-06-14');
    await s.deps.suppressions.suppress(s.manager.email, 'bounce: Permanent studs (General)', '2027-06-05T10:00:00.000Z');

    const report = await s.run('2027-06-22T07:00:00+02:00');
    const notice = (await mailTo(clerk.who)).find((m) => m.body.text?.includes(s.manager.email));

    expect(report.escalationsWithoutRecipient).toBe(1);
    expect(report.suppressed).toBe(1);
    expect(notice!.body.text).toContain(`skulle ha gått till chefen, Sam Ek, men mejl till ${s.manager.email} kommer inte fram. Rätta chefens adress på ärendet eller i enhetsregistret.`);
  });

  it("a manager of two units gets one email naming both, each unit's items under its name with its own link, and each item its own registrar", async () => {
    const s = await setup();
    const kultur = unitName('Kulturhuset');
    const fritid = unitName('Fritidsförvaltningen');
    const first = { who: person('Ada Registrator').email, roles: new Set(['registrar'] as const) };
    const second = { who: person('Bo Registrator').email, roles: new Set(['registrar'] as const) };
    const body = (title: string, unit: string, dueDate: string) => ({
      kind: 'uppdrag' as const, title, caseNumber: 'KS 2027/12', decision: { body: 'KS', date: '2027-04-12', paragraph: '§ 40' },
      responsible: s.official, unit, manager: s.manager, due: { date: dueDate },
    });
    s.deps.at('2027-06-04T09:00:00+02:00');
    const scene = (await createItem(s.deps, first, body('Renovera scenen', kultur, '2027-06-11'))).item;
    const pool = (await createItem(s.deps, second, body('Utreda badhusets öppettider', fritid, '2027-06-14'))).item;

    const report = await s.run('2027-06-22T07:00:00+02:00');
    const [email] = await mailTo(s.manager.email);
    const text = email!.body.text!;
    const unitLink = (unit: string) => new RegExp(`Lista över försenade ärenden och ärenden på väg i ${unit}:\n(http://localhost:3000/p/\\S+)`).exec(text)?.[1];
    const scopeOf = async (link: string | undefined) => {
      const check = await s.deps.links.verify(link!.split('/p/')[1]!);
      return check.ok ? check.scope : undefined;
    };

    expect(report.sent.filter((e) => e.role === 'manager')).toHaveLength(1);
    expect(email!.subject).toBe(`Försenade ärenden i ${kultur} och ${fritid}: 2 ärenden`);
    expect(text).toContain(`2 ärenden i ${kultur} och ${fritid} är försenade. Det mest försenade står först.`);
    expect(text.indexOf(`${kultur}\n\n1. Renovera scenen`)).toBeLessThan(text.indexOf(`${fritid}\n\n1. Utreda badhusets öppettider`));
    expect(await scopeOf(unitLink(kultur))).toEqual({ kind: 'unit', email: s.manager.email, unit: kultur });
    expect(await scopeOf(unitLink(fritid))).toEqual({ kind: 'unit', email: s.manager.email, unit: fritid });
    expect(text).toContain(`   Öppna ärendet: ${unitLink(fritid)}#uppdrag-${pool.id}`);
    expect(text).toContain(`   Registrator: ${first.who}\n`);
    expect(text).toContain(`   Registrator: ${second.who}\n`);
    expect(text).toContain(`Du får det här mejlet eftersom du är chef för enheterna ${kultur} och ${fritid}`);
    expect(text).toContain('Frågor om ett ärende besvaras av registratorn som står vid det.');
    expect(text).not.toContain(`besvaras av registratorn: ${first.who}`);
    expect(scene.manager).toEqual(s.manager);
  });
});

async function setupRegistered(registeredAt: string, dueDate: string) {
  const s = await setup();
  s.deps.at(registeredAt);
  const item = await s.register(dueDate);
  return { ...s, item };
}

function snsBounce(address: string): SNSEvent {
  const message = {
    notificationType: 'Bounce',
    bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: address, action: 'failed', status: '5.1.1' }], timestamp: '2027-06-04T10:00:00.000Z', feedbackId: 'x' },
    mail: { messageId: '0100017f-example', source: 'bevakning@kommun.example.se', destination: [address], timestamp: '2027-06-04T09:59:00.000Z' },
  };
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-north-1:123456789012:ses-events:1',
        Sns: {
          Type: 'Notification',
          MessageId: 'b1',
          TopicArn: 'arn:aws:sns:eu-north-1:123456789012:ses-events',
          Subject: 'Amazon SES Email Event Notification',
          Message: JSON.stringify(message),
          Timestamp: '2027-06-04T10:00:01.000Z',
          SignatureVersion: '1',
          Signature: 'x',
          SigningCertUrl: 'https://sns.eu-north-1.amazonaws.com/cert.pem',
          UnsubscribeUrl: 'https://sns.eu-north-1.amazonaws.com/unsub',
          MessageAttributes: {},
        },
      },
    ],
  };
}

describe('a clerk’s change and the daily job', () => {
  it('a change after the job moved the item keeps the ETag valid and does not undo the reminder record', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    await s.run('2027-06-07T07:00:00+02:00');

    s.deps.at('2027-06-07T10:00:00+02:00');
    const changed = await patchItem(s.deps, clerk, s.item.id, 1, { title: 'Ta fram nya riktlinjer för skolskjuts' });
    const stored = await s.deps.items.get(s.item.id);
    const rerun = await s.run('2027-06-08T07:00:00+02:00');

    expect(changed.version).toBe(2);
    expect(stored).toMatchObject({ lastRemindedOn: '2027-06-07', nextReminderDate: '2027-06-11' });
    expect(rerun.sent).toHaveLength(0);
  });

  it('a change racing the job is applied once to the item as the job left it', async () => {
    const s = await setupRegistered('2027-06-04T09:00:00+02:00', '2027-06-14');
    s.deps.at('2027-06-07T07:00:00+02:00');

    const [, changed] = await Promise.all([
      runReminders(s.job),
      patchItem(s.deps, clerk, s.item.id, 1, { status: 'done', note: 'Klart' }),
    ]);
    const history = await s.deps.items.history(s.item.id);
    const stored = await s.deps.items.get(s.item.id);

    expect(changed.status).toBe('done');
    expect(history.map((e) => e.action)).toEqual(['created', 'done']);
    expect(stored?.nextReminderDate).toBeUndefined();
  });
});
