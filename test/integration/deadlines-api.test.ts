import { beforeAll, describe, expect, it } from 'vitest';
import { admin, call, itemBody, registrar } from '../support/api';

const KS_2026 = ['2026-01-26', '2026-02-23', '2026-03-11', '2026-03-23', '2026-04-27', '2026-05-25', '2026-06-15', '2026-08-24', '2026-09-14', '2026-10-19', '2026-11-16', '2026-12-14'];
const KF_2026 = ['2026-02-23', '2026-04-20', '2026-06-15', '2026-09-21', '2026-10-19', '2026-11-23', '2026-12-14'];
const KS_2027 = ['2027-01-25', '2027-02-22', '2027-03-22', '2027-04-26', '2027-05-24', '2027-06-14', '2027-08-23', '2027-09-13', '2027-10-18', '2027-11-15', '2027-12-13'];

async function putPlan(body: string, year: number, leadWorkingDays: number, dates: string[]) {
  const response = await call('PUT', `/meetings/${body}/${year}`, { as: admin, body: { leadWorkingDays, dates } });
  expect(response.status, response.text).toBe(200);
  return response;
}

beforeAll(async () => {
  await putPlan('KS', 2026, 15, KS_2026);
  await putPlan('KF', 2026, 20, KF_2026);
  await putPlan('KS', 2027, 10, KS_2027);
});

describe('the four invented examples of docs/domain.md register with the deadlines the rules give', () => {
  it('1. an återrapportering to KS in September is due on the document date of KS’s September meeting', async () => {
    const response = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({
        kind: 'aterrapportering',
        title: 'Utreda gemensam e-tjänstplattform',
        caseNumber: 'KS 2026/141',
        decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
        unit: 'Kommunledningskontoret',
        due: { meeting: { body: 'KS', month: '2026-09' } },
      }),
    });

    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({ meetingDate: '2026-09-14', dueDate: '2026-08-24' });
    expect(response.json.dueExplanation).toContain('Handlingarna till KS:s sammanträde måndag 14 september 2026 ska vara inne 15 arbetsdagar före: måndag 24 augusti 2026.');
  });

  it('2. a yttrande KS decides is due on the document date of the last KS meeting on or before the outside deadline', async () => {
    const response = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({
        kind: 'yttrande',
        title: 'Remissvar till Länsstyrelsen',
        caseNumber: 'KS 2026/77',
        decision: { body: 'KS', date: '2026-01-26', paragraph: '§ 12' },
        due: { externalDeadline: '2026-03-27', recipient: 'Länsstyrelsen', decidedBy: 'KS' },
      }),
    });

    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({ externalDeadline: '2026-03-27', meetingDate: '2026-03-23', dueDate: '2026-03-02' });
    expect(response.json.dueExplanation).toContain('Länsstyrelsen');
  });

  it('3. a motion raised at KF 2025-11-24 must be decided by 2026-11-24: due on the document date of the last KF meeting before it', async () => {
    const response = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({
        kind: 'motion',
        title: 'Motion om avgiftsfria simskolor',
        caseNumber: 'KS 2025/412',
        decision: { body: 'KF', date: '2025-11-24', paragraph: '§ 203' },
        due: { raised: '2025-11-24' },
      }),
    });

    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({ statutoryLimit: '2026-11-24', meetingDate: '2026-11-23', dueDate: '2026-10-26' });
    expect(response.json.dueExplanation).toContain('kommunallagen 5 kap. 35 §');
  });

  it('4. an uppdrag "senast 30 juni 2026" is due on that Tuesday', async () => {
    const response = await call('POST', '/uppdrag', { as: registrar, body: itemBody({ due: { date: '2026-06-30' } }) });

    expect(response.json).toMatchObject({ dueDate: '2026-06-30' });
    expect(response.json.dueExplanation).toBe('Angiven sista dag: tisdag 30 juni 2026.');
  });
});

describe('deadlines that cannot be computed are refused with 422, naming what to do', () => {
  it('a month without a meeting names the nearest meetings', async () => {
    const response = await call('POST', '/uppdrag', { as: registrar, body: itemBody({ kind: 'aterrapportering', due: { meeting: { body: 'KS', month: '2026-07' } } }) });

    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'no_meeting_in_month', issues: [{ path: 'due.meeting.month' }] });
    expect(response.json.message).toContain('15 juni 2026');
    expect(response.json.message).toContain('24 augusti 2026');
  });

  it('a body and year without a meeting plan says which plan to add', async () => {
    const response = await call('POST', '/uppdrag', { as: registrar, body: itemBody({ kind: 'aterrapportering', due: { meeting: { body: 'SN', month: '2026-09' } } }) });

    expect(response.status).toBe(422);
    expect(response.json.code).toBe('no_meeting_plan');
    expect(response.json.message).toBe('Det finns ingen sammanträdesplan för SN 2026. En administratör lägger in den under Sammanträdesplaner.');
  });

  it('a yttrande with no meeting in time names the first meeting after, and never picks it', async () => {
    await putPlan('VN', 2027, 10, ['2027-03-15', '2027-06-14']);

    const response = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({ kind: 'yttrande', due: { externalDeadline: '2027-03-01', recipient: 'Regionen', decidedBy: 'VN' } }),
    });

    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'no_meeting_in_time', issues: [{ path: 'due.externalDeadline' }] });
    expect(response.json.message).toContain('15 mars 2027');
  });

  it('a meeting date that is not in the plan is refused', async () => {
    const response = await call('POST', '/uppdrag', { as: registrar, body: itemBody({ kind: 'aterrapportering', due: { meeting: { body: 'KS', date: '2026-09-15' } } }) });

    expect(response.status).toBe(422);
    expect(response.json.code).toBe('not_a_meeting');
  });
});

describe('meeting plans', () => {
  it('are sorted on save and read back by anyone signed in', async () => {
    await putPlan('MBN', 2027, 12, ['2027-05-12', '2027-02-10']);

    const read = await call('GET', '/meetings/MBN/2027', { as: { email: 'vem-som-helst@kommun.example.se' } });

    expect(read.json).toEqual({ body: 'MBN', year: 2027, leadWorkingDays: 12, dates: ['2027-02-10', '2027-05-12'] });
  });

  it('refuse duplicates, dates outside the year and impossible dates, and only an admin may write them', async () => {
    const duplicate = await call('PUT', '/meetings/MBN/2028', { as: admin, body: { leadWorkingDays: 10, dates: ['2028-02-10', '2028-02-10'] } });
    const outside = await call('PUT', '/meetings/MBN/2028', { as: admin, body: { leadWorkingDays: 10, dates: ['2029-02-10'] } });
    const impossible = await call('PUT', '/meetings/MBN/2028', { as: admin, body: { leadWorkingDays: 10, dates: ['2028-02-30'] } });
    const notAdmin = await call('PUT', '/meetings/MBN/2028', { as: registrar, body: { leadWorkingDays: 10, dates: ['2028-02-10'] } });

    expect(duplicate.json.issues).toEqual([{ path: 'dates.1', message: expect.any(String) }]);
    expect(outside.json.issues[0].path).toBe('dates.0');
    expect(impossible.status).toBe(400);
    expect(notAdmin.status).toBe(403);
    expect((await call('GET', '/meetings/MBN/2028', { as: admin })).status).toBe(404);
  });

  it('a moved meeting recomputes the items that depend on it, with a history event saying why', async () => {
    await putPlan('TN', 2027, 10, ['2027-02-15', '2027-03-15', '2027-04-19']);
    const { json: item } = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({ kind: 'aterrapportering', due: { meeting: { body: 'TN', month: '2027-03' } } }),
    });
    expect(item).toMatchObject({ meetingDate: '2027-03-15', dueDate: '2027-03-01' });

    const moved = await putPlan('TN', 2027, 10, ['2027-02-15', '2027-03-22', '2027-04-19']);
    const after = await call('GET', `/uppdrag/${item.id}`, { as: registrar });
    const history = await call('GET', `/uppdrag/${item.id}/history`, { as: registrar });

    expect(moved.json.recomputed).toBeGreaterThanOrEqual(1);
    expect(after.json).toMatchObject({ meetingDate: '2027-03-22', dueDate: '2027-03-08', version: 2 });
    expect(history.json.events[1]).toMatchObject({ action: 'recomputed', reason: 'Sammanträdesplanen för TN 2027 ändrades.' });
  });

  it('a cancelled meeting flags the item instead of moving it past its meeting', async () => {
    await putPlan('FN', 2027, 10, ['2027-02-15', '2027-03-15']);
    const { json: item } = await call('POST', '/uppdrag', {
      as: registrar,
      body: itemBody({ kind: 'aterrapportering', due: { meeting: { body: 'FN', month: '2027-03' } } }),
    });

    await putPlan('FN', 2027, 10, ['2027-02-15', '2027-04-19']);
    const after = await call('GET', `/uppdrag/${item.id}`, { as: registrar });

    expect(after.json).toMatchObject({ attention: 'no_meeting_in_time', meetingDate: '2027-03-15', dueDate: '2027-03-01' });
  });
});

describe('extra closed days', () => {
  it('an admin closes a klämdag; the calendar reads it back sorted', async () => {
    const put = await call('PUT', '/calendar/closed-days/2029', { as: admin, body: { dates: ['2029-05-11', '2029-01-05'] } });
    const read = await call('GET', '/calendar/closed-days/2029', { as: registrar });

    expect(put.status).toBe(200);
    expect(read.json).toEqual({ year: 2029, dates: ['2029-01-05', '2029-05-11'] });
  });
});
