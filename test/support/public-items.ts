import { swedishDate } from '../../shared/domain/dates';
import type { StoredItem } from '../../shared/domain/items/item';

/**
 * What the public page must and must not show (issue 21): one item with every field an item can
 * carry filled in, and every value of it the public must never see, in every form it could be
 * printed. The page's unit test and its test against DynamoDB Local both check against these.
 */

/** A KS uppdrag with every field an item can carry, each value found nowhere else. */
export const full: StoredItem = {
  id: 'offentlig-7f3a9c',
  kind: 'uppdrag',
  title: 'Utreda fritidsgårdarnas öppettider',
  description: 'Intern bakgrund: budgetläget är ansträngt',
  caseNumber: 'KS 2027/88',
  decision: { body: 'KS', date: '2027-02-10', paragraph: '§ 31' },
  responsible: { name: 'Kim Berglund', email: 'kim.berglund@kommun.example.se' },
  unit: 'Kultur- och fritidsförvaltningen',
  manager: { name: 'Sam Ekström', email: 'sam.ekstrom@kommun.example.se' },
  due: { meeting: { body: 'KS', date: '2027-06-21' } },
  dueDate: '2027-06-14',
  meetingDate: '2027-06-21',
  dueExplanation: 'Handlingarna ska vara klara till KS sammanträde',
  reminders: { beforeDays: [14, 7, 1], overdueEveryDays: 7, escalateAfterDays: 7 },
  status: 'open',
  createdBy: 'registrator.anna@kommun.example.se',
  createdAt: '2027-02-11T08:00:00.000Z',
  updatedAt: '2027-05-02T09:00:00.000Z',
  version: 4,
  meetingPlan: { body: 'KS', year: 2027 },
  attention: 'no_meeting_in_time',
  nextReminderDate: '2027-05-31',
  lastRemindedOn: '2027-05-03',
  extensionRequest: { date: '2027-08-30', reason: 'Väntar på underlag från socialförvaltningen', by: 'kim.berglund@kommun.example.se', at: '2027-05-01T10:00:00Z' },
  statusReport: { note: 'Enkäten är utskickad, svar i juni. Frågor till Kim Berglund, kim.berglund@kommun.example.se.', by: 'kim.berglund@kommun.example.se', at: '2027-05-02T09:00:00Z' },
  reassignRequest: { note: 'Borde ligga hos Ali Nurmi på fritidsenheten', by: 'kim.berglund@kommun.example.se', at: '2027-04-20T10:00:00Z' },
  deadlineChanges: 2,
  lastDeadlineReason: 'Förlängd efter begäran om mer tid för enkäten',
};

/** The official a reassignment request names (in `full.reassignRequest.note`): never shown. */
export const NAMED_IN_REASSIGN_REQUEST = 'Ali Nurmi';

/** Every value of `full` the public must never see, in every form it could be printed. */
export const NEVER_PUBLIC = [
  full.id,
  full.description!,
  full.responsible.email,
  full.manager!.name,
  full.manager!.email,
  full.dueExplanation,
  full.createdBy,
  full.attention!,
  full.extensionRequest!.reason,
  full.reassignRequest!.note!,
  NAMED_IN_REASSIGN_REQUEST,
  full.lastDeadlineReason!,
  full.createdAt,
  ...[full.meetingDate!, full.nextReminderDate!, full.lastRemindedOn!, full.extensionRequest!.date].flatMap((date) => [date, swedishDate(date)]),
  '"version"',
  '"reminders"',
  '"email"',
];
