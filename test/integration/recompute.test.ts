import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, registrar, tokenFor, type Who } from '../support/api';
import { isolatedApi, type IsolatedApi } from '../support/isolated-api';

let api: IsolatedApi;
beforeAll(async () => {
  api = await isolatedApi();
});
afterAll(() => api.stop());

async function call(method: string, path: string, as: Who, body?: unknown) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenFor(as)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

async function register(body: Record<string, unknown>) {
  const response = await call('POST', '/uppdrag', registrar, {
    title: 'Yttrande över regional vattenförsörjningsplan',
    caseNumber: 'KS 2026/201',
    decision: { body: 'KS', date: '2026-10-19', paragraph: '§ 141' },
    responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
    unit: 'Kommunledningskontoret',
    // Each test registers its own item with the same decision: not a duplicate by mistake.
    confirmDuplicate: true,
    ...body,
  });
  expect(response.status, response.text).toBe(201);
  return response.json;
}

describe('a cancelled meeting never moves an item onto a meeting already held', () => {
  it('two yttranden for the cancelled 7 December meeting stay on it, flagged, with a recomputed event saying why', async () => {
    api.deps.at('2026-10-20T09:00:00+02:00');
    await call('PUT', '/meetings/KSAU/2026', admin, { leadWorkingDays: 5, dates: ['2026-10-26', '2026-11-16', '2026-12-07'] });
    const first = await register({ kind: 'yttrande', due: { externalDeadline: '2026-12-11', recipient: 'Länsstyrelsen', decidedBy: 'KSAU' } });
    const second = await register({ kind: 'yttrande', title: 'Yttrande över Trafikverkets åtgärdsplan', due: { externalDeadline: '2026-12-18', recipient: 'Trafikverket', decidedBy: 'KSAU' } });
    expect([first.meetingDate, second.meetingDate]).toEqual(['2026-12-07', '2026-12-07']);

    api.deps.at('2026-11-30T10:00:00+01:00');
    const cancelled = await call('PUT', '/meetings/KSAU/2026', admin, { leadWorkingDays: 5, dates: ['2026-10-26', '2026-11-16'] });
    const after = await Promise.all([first, second].map((item) => call('GET', `/uppdrag/${item.id}`, registrar)));
    const history = await call('GET', `/uppdrag/${first.id}/history`, registrar);

    expect(cancelled.json).toMatchObject({ recomputed: 0, flagged: 2 });
    for (const { json } of after) expect(json).toMatchObject({ attention: 'no_meeting_in_time', meetingDate: '2026-12-07', dueDate: '2026-11-30' });
    expect(history.json.events.at(-1)).toMatchObject({
      action: 'recomputed',
      changes: { attention: { from: null, to: 'no_meeting_in_time' } },
      reason:
        'Sammanträdesplanen för KSAU 2026 ändrades. Det sista sammanträdet i tid, måndag 16 november 2026, har redan hållits. Ärendet flyttas inte; datumen är oförändrade tills tidsfristen ändras.',
    });
  });

  it('a meeting moved to a later date still in time moves the item, as before', async () => {
    api.deps.at('2026-10-20T09:00:00+02:00');
    await call('PUT', '/meetings/KSPU/2026', admin, { leadWorkingDays: 5, dates: ['2026-11-16', '2026-12-07'] });
    const item = await register({ kind: 'yttrande', due: { externalDeadline: '2026-12-18', recipient: 'Länsstyrelsen', decidedBy: 'KSPU' } });

    api.deps.at('2026-11-30T10:00:00+01:00');
    await call('PUT', '/meetings/KSPU/2026', admin, { leadWorkingDays: 5, dates: ['2026-11-16', '2026-12-14'] });
    const after = await call('GET', `/uppdrag/${item.id}`, registrar);

    expect(after.json).toMatchObject({ meetingDate: '2026-12-14', dueDate: '2026-12-07' });
    expect(after.json.attention).toBeUndefined();
  });
});

describe('a closed day recomputes every open item whose schedule touches it', () => {
  it('a 90-day reminder on Friday 1 December 2028 for an item due 1 March 2029 moves to Thursday 30 November, and back when the day opens again', async () => {
    api.deps.at('2028-06-01T09:00:00+02:00');
    const item = await register({ kind: 'uppdrag', due: { date: '2029-03-01' }, reminders: { beforeDays: [90], overdueEveryDays: 7, escalateAfterDays: 7 } });
    expect(item.nextReminderDate).toBe('2028-12-01');

    const closed = await call('PUT', '/calendar/closed-days/2028', admin, { dates: ['2028-12-01'] });
    const moved = await call('GET', `/uppdrag/${item.id}`, registrar);
    const history = await call('GET', `/uppdrag/${item.id}/history`, registrar);
    const opened = await call('PUT', '/calendar/closed-days/2028', admin, { dates: [] });
    const back = await call('GET', `/uppdrag/${item.id}`, registrar);

    expect(closed.json).toMatchObject({ recomputed: 1, flagged: 0 });
    expect(moved.json.nextReminderDate).toBe('2028-11-30');
    expect(history.json.events.at(-1)).toMatchObject({
      action: 'recomputed',
      reason: 'De stängda dagarna för 2028 ändrades: fredag 1 december 2028 är stängd.',
      changes: { nextReminderDate: { from: '2028-12-01', to: '2028-11-30' } },
    });
    expect(opened.json).toMatchObject({ recomputed: 1 });
    expect(back.json.nextReminderDate).toBe('2028-12-01');
  });

  it('a document date counted back over a new closed day moves earlier, for a meeting early the next year', async () => {
    api.deps.at('2028-06-01T09:00:00+02:00');
    await call('PUT', '/meetings/BUN/2029', admin, { leadWorkingDays: 20, dates: ['2029-01-22'] });
    const item = await register({ kind: 'aterrapportering', due: { meeting: { body: 'BUN', date: '2029-01-22' } } });
    const before = item.dueDate;

    const closed = await call('PUT', '/calendar/closed-days/2028', admin, { dates: ['2028-12-27'] });
    const after = await call('GET', `/uppdrag/${item.id}`, registrar);

    expect(closed.json.recomputed).toBeGreaterThanOrEqual(1);
    // 20 working days before Monday 22 January 2029, over jul and nyår: one more closed day, one working day earlier.
    expect([before, after.json.dueDate]).toEqual(['2028-12-20', '2028-12-19']);
  });

  it('saving the same closed days again recomputes nothing', async () => {
    await call('PUT', '/calendar/closed-days/2030', admin, { dates: ['2030-05-31'] });

    const again = await call('PUT', '/calendar/closed-days/2030', admin, { dates: ['2030-05-31'] });

    expect(again.json).toMatchObject({ recomputed: 0, flagged: 0 });
  });
});
