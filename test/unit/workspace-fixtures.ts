import type { KeptForm } from '../../shared/views/workspace/errors';
import type { HistoryEvent } from '../../shared/domain/items/history';
import { DEFAULT_REMINDERS } from '../../shared/domain/items/vocabulary';
import type { PageContext, Viewer, WorkspaceItem } from '../../shared/views/workspace/models';

/**
 * Realistic view models for the workspace pages, as the API would fill them on Monday 3 May 2027:
 * Swedish bodies, dates from the 2027 calendar, a long unit name and a 200-character title.
 */

export const TODAY = '2027-05-03';

export const registrar: Viewer = { who: 'lena.holm@kommun.example.se', name: 'Lena Holm', roles: new Set(['registrar']) };
export const admin: Viewer = { who: 'admin@kommun.example.se', name: 'Ola Admin', roles: new Set(['admin']) };
export const manager: Viewer = { who: 'eva.lind@kommun.example.se', name: 'Eva Lind', roles: new Set(['manager']), unit: 'Miljö- och samhällsbyggnadsförvaltningen' };
export const official: Viewer = { who: 'kim.berg@kommun.example.se', name: 'Kim Berg', roles: new Set() };

export const CSRF = 'pQ8m2Vb6kFh1sR3tW7yZ0aC4dE9gH5jL2nP6qS8uX0w';

export const context = (viewer: Viewer = registrar, extra: Partial<PageContext> = {}): PageContext => ({ viewer, csrf: CSRF, today: TODAY, ...extra });

const kim = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };

function item(fields: Partial<WorkspaceItem> & Pick<WorkspaceItem, 'id' | 'kind' | 'title' | 'due' | 'dueDate' | 'dueExplanation'>): WorkspaceItem {
  return {
    responsible: kim,
    unit: 'Kommunledningskontoret',
    reminders: DEFAULT_REMINDERS,
    status: 'open',
    state: 'open',
    daysLeft: 0,
    createdBy: 'lena.holm@kommun.example.se',
    createdAt: '2026-03-12T09:05:00.000Z',
    updatedAt: '2027-04-28T07:12:00.000Z',
    version: 3,
    ...fields,
  };
}

/** An återrapportering to KS in September, whose official asks for October. */
export const eTjanst = item({
  id: '0c1e7a52-3b1f-4f0e-9a55-1d2e3f4a5b6c',
  kind: 'aterrapportering',
  title: 'Utreda formerna för en gemensam e-tjänstplattform',
  description: 'Kommunstyrelsen ger kommundirektören i uppdrag att utreda formerna för en gemensam e-tjänstplattform\noch återrapportera till kommunstyrelsen i september.',
  caseNumber: 'KS 2026/141',
  decision: { body: 'KS', date: '2026-03-11', paragraph: '§ 58' },
  manager: { name: 'Sam Ek', email: 'sam.ek@kommun.example.se' },
  due: { meeting: { body: 'KS', month: '2027-09' } },
  dueDate: '2027-08-23',
  meetingDate: '2027-09-13',
  dueExplanation: 'Dokumentdatum för KS sammanträde 13 september 2027: 15 arbetsdagar före sammanträdet.',
  daysLeft: 112,
  nextReminderDate: '2027-08-09',
  extensionRequest: { date: '2027-10-18', reason: 'Väntar på underlag från IT-avdelningen om nuvarande avtal.', by: 'kim.berg@kommun.example.se', at: '2027-04-28T07:12:00.000Z' },
  statusReport: { note: 'Förstudien klar, upphandlingsunderlaget skrivs.', by: 'kim.berg@kommun.example.se', at: '2027-04-20T12:30:00.000Z' },
  deadlineChanges: 1,
  lastDeadlineReason: 'KS sammanträde i augusti ställdes in.',
});

/** 200 characters, as long as a title may be. */
export const LONG_TITLE =
  'Ta fram en samlad plan för klimatanpassning av kommunens fastigheter, gator och dagvattensystem med prioriterade åtgärder, kostnadsberäkningar och tidplan för genomförande i samtliga kommundelar 2028.';

/** Overdue, in a unit with a long name, nobody to escalate to, and its official says it is not theirs. */
export const klimat = item({
  id: '7d3b9c1a-2e4f-4a6b-8c0d-9e1f2a3b4c5d',
  kind: 'uppdrag',
  title: LONG_TITLE,
  caseNumber: 'MSN 2026/1033',
  decision: { body: 'MSN', date: '2026-10-21', paragraph: '142' },
  responsible: { name: 'Ali Nur', email: 'ali.nur@kommun.example.se' },
  unit: 'Miljö- och samhällsbyggnadsförvaltningen',
  due: { date: '2027-04-20' },
  dueDate: '2027-04-20',
  dueExplanation: 'Angiven sista dag: tisdag 20 april 2027.',
  state: 'overdue',
  daysLeft: -13,
  reassignRequest: { note: 'Klimatanpassningen ligger hos Tekniska förvaltningen sedan omorganisationen.', by: 'ali.nur@kommun.example.se', at: '2027-04-29T06:45:00.000Z' },
});

/** A yttrande registered when the remiss arrived: no decision yet, flagged after the plan changed. */
export const remiss = item({
  id: '3a9f0b2c-5d6e-4f70-8192-a3b4c5d6e7f8',
  kind: 'yttrande',
  title: 'Yttrande över regional cykelstrategi',
  remiss: { received: '2027-03-02', reference: 'Dnr 2027-1234' },
  due: { externalDeadline: '2027-06-30', recipient: 'Region Skåne', decidedBy: 'KS' },
  dueDate: '2027-05-31',
  meetingDate: '2027-06-14',
  externalDeadline: '2027-06-30',
  dueExplanation: 'Dokumentdatum för KS sista sammanträde före Region Skånes sista dag 30 juni 2027: KS sammanträder 14 juni 2027.',
  attention: 'no_meeting_in_time',
  daysLeft: 28,
  version: 2,
});

/** A motion within 60 days of its statutory limit, its case number not yet known. */
export const motion = item({
  id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  kind: 'motion',
  title: 'Motion om avgiftsfri simskola för alla sjuåringar',
  decision: { body: 'KF', date: '2026-06-14' },
  due: { raised: '2026-06-14' },
  dueDate: '2027-05-24',
  meetingDate: '2027-06-07',
  statutoryLimit: '2027-06-14',
  dueExplanation: 'Motionen väcktes 14 juni 2026; den ska vara besvarad senast 14 juni 2027. Dokumentdatum för KF:s sista sammanträde före det, 7 juni 2027.',
  responsible: { name: 'Maja Öberg', email: 'maja.oberg@kommun.example.se' },
  unit: 'Kultur- och fritidsförvaltningen',
  daysLeft: 21,
});

/** A report-back due at SN's last meeting on or before the end of the year (the `meeting.by` form). */
export const sn = item({
  id: '9b8a7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
  kind: 'aterrapportering',
  title: 'Återrapportera arbetet mot ofrivillig ensamhet bland äldre',
  caseNumber: 'SN 2027/12',
  decision: { body: 'SN', date: '2027-02-17', paragraph: '§ 9' },
  unit: 'Socialförvaltningen',
  due: { meeting: { body: 'SN', by: '2027-12-31' } },
  dueDate: '2027-11-29',
  meetingDate: '2027-12-15',
  dueExplanation: 'Dokumentdatum för SN:s sista sammanträde senast 31 december 2027, 15 december 2027.',
  daysLeft: 210,
});

/** Closed: done with a note. */
export const skolskjuts = item({
  id: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  kind: 'uppdrag',
  title: 'Ta fram riktlinjer för skolskjuts',
  caseNumber: 'BUN 2026/44',
  decision: { body: 'BUN', date: '2026-05-20', paragraph: '44' },
  unit: 'Utbildningsförvaltningen',
  due: { date: '2027-04-30' },
  dueDate: '2027-04-30',
  dueExplanation: 'Angiven sista dag: fredag 30 april 2027.',
  status: 'done',
  state: 'done',
  daysLeft: -3,
  closedAt: '2027-04-29T13:40:00.000Z',
});

export const ITEMS = [eTjanst, klimat, remiss, motion, sn, skolskjuts];

export const eTjanstHistory: HistoryEvent[] = [
  { at: '2026-03-12T09:05:00.000Z', by: 'lena.holm@kommun.example.se', action: 'created', changes: {} },
  {
    at: '2026-11-02T14:20:00.000Z',
    by: 'lena.holm@kommun.example.se',
    action: 'updated',
    changes: {
      due: { from: { meeting: { body: 'KS', month: '2027-08' } }, to: { meeting: { body: 'KS', month: '2027-09' } } },
      dueDate: { from: '2027-07-26', to: '2027-08-23' },
      meetingDate: { from: '2027-08-16', to: '2027-09-13' },
    },
    reason: 'KS sammanträde i augusti ställdes in.',
  },
  { at: '2027-04-20T12:30:00.000Z', by: 'kim.berg@kommun.example.se', action: 'status_report', changes: { statusReport: { from: null, to: { note: 'Förstudien klar, upphandlingsunderlaget skrivs.' } } }, via: 'e-postlänk' },
  {
    at: '2027-04-28T07:12:00.000Z',
    by: 'kim.berg@kommun.example.se',
    action: 'extension_requested',
    changes: { extensionRequest: { from: null, to: { date: '2027-10-18', reason: 'Väntar på underlag från IT-avdelningen om nuvarande avtal.' } } },
    reason: 'Väntar på underlag från IT-avdelningen om nuvarande avtal.',
    via: 'e-postlänk',
  },
];

/** What another registrar changed while the form was open. */
export const changedMeanwhile: HistoryEvent[] = [
  {
    at: '2027-05-03T12:32:00.000Z',
    by: 'sam.ek@kommun.example.se',
    action: 'extension_granted',
    changes: { dueDate: { from: '2027-05-03', to: '2027-06-14' }, due: { from: { date: '2027-05-03' }, to: { date: '2027-06-14' } } },
    reason: 'Beviljad av KS ordförande.',
  },
];

/** A form posted without a session that sent nothing to keep: "Du har loggats ut" with only the way to sign in. */
export const NOTHING_KEPT: KeptForm = { action: '/arenden', fields: [], multipart: false, files: false, tooLarge: false };
