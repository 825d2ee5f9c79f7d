import { describe, expect, it } from 'vitest';
import { countedFacts, itemIndexKeys, readCountedFacts, stripKeys } from '../../shared/adapters/dynamo/keys';
import { countedItem } from '../../shared/domain/reports/counted';
import type { StoredItem } from '../../shared/domain/items/item';
import { TABLE, type IndexDefinition } from '../../shared/platform/table';

/** A KS uppdrag decided Wednesday 10 February 2027, due Monday 14 June 2027, open. */
const item: StoredItem = {
  id: 'ks-31',
  kind: 'uppdrag',
  title: 'Utreda fritidsgårdarnas öppettider',
  caseNumber: 'KS 2027/88',
  decision: { body: 'KS', date: '2027-02-10', paragraph: '§ 31' },
  responsible: { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' },
  unit: 'Kultur- och fritidsförvaltningen',
  due: { date: '2027-06-14' },
  dueDate: '2027-06-14',
  dueExplanation: 'Angiven sista dag: måndag 14 juni 2027.',
  reminders: { beforeDays: [14, 7, 1], overdueEveryDays: 7, escalateAfterDays: 7 },
  status: 'open',
  createdBy: 'registrator@kommun.example.se',
  createdAt: '2027-02-11T08:00:00.000Z',
  updatedAt: '2027-02-11T08:00:00.000Z',
  version: 1,
};

describe('the statistics and public-page index keys of an item', () => {
  it('puts every item on byDecision by its decision date, in that month, whatever its state', () => {
    expect(itemIndexKeys(item)).toMatchObject({ GSI9PK: 'DECIDED#2027-02', GSI9SK: '2027-02-10#ks-31' });
    expect(itemIndexKeys({ ...item, status: 'done', closedAt: '2028-01-20T10:00:00.000Z' })).toMatchObject({ GSI9PK: 'DECIDED#2027-02', GSI9SK: '2027-02-10#ks-31' });
  });

  it('puts a yttrande without a decision on byDecision by its Stockholm registration date: 00:30 on New Year’s Day is the new year', () => {
    const { decision: _, ...rest } = item;
    const remiss: StoredItem = { ...rest, id: 'remiss-1', kind: 'yttrande', remiss: { received: '2026-12-30' }, createdAt: '2026-12-31T23:30:00.000Z' };
    const keys = itemIndexKeys(remiss);
    expect(keys).toMatchObject({ GSI9PK: 'DECIDED#2027-01', GSI9SK: '2027-01-01#remiss-1' });
    // No body decided it: not on byDecisionBody, as on no body's public page.
    expect(keys.GSI10PK).toBeUndefined();
    expect(keys.GSI10SK).toBeUndefined();
  });

  it("puts an open item in its body's open partition of byDecisionBody, by due date", () => {
    expect(itemIndexKeys(item)).toMatchObject({ GSI10PK: 'BODY#KS#open', GSI10SK: '2027-06-14#ks-31' });
  });

  it("puts a closed item in its body's closed partition by its Stockholm closing date: 00:30 on 15 June is 15 June, though UTC says the 14th", () => {
    expect(itemIndexKeys({ ...item, status: 'done', closedAt: '2027-06-14T22:30:00.000Z' })).toMatchObject({ GSI10PK: 'BODY#KS#closed', GSI10SK: '2027-06-15#ks-31' });
    expect(itemIndexKeys({ ...item, status: 'cancelled', closedAt: '2027-03-01T09:00:00.000Z' })).toMatchObject({ GSI10PK: 'BODY#KS#closed', GSI10SK: '2027-03-01#ks-31' });
  });

  it('closes an item from before closedAt was recorded by its last change', () => {
    expect(itemIndexKeys({ ...item, status: 'done', updatedAt: '2027-05-31T12:00:00.000Z' })).toMatchObject({ GSI10SK: '2027-05-31#ks-31' });
  });

  it('writes only attributes the table defines as index keys, and reads none of them back', () => {
    const keys = itemIndexKeys({ ...item, nextReminderDate: '2027-05-31', attention: 'no_meeting_in_time', extensionRequest: { date: '2027-08-30', reason: 'x', by: 'y', at: '2027-05-01T10:00:00Z' } });
    const defined: string[] = Object.values(TABLE.indexes as Record<string, IndexDefinition>).flatMap((index) => [index.partitionKey, index.sortKey, ...(index.factsAttribute ? [index.factsAttribute] : [])]);
    expect(Object.keys(keys).every((name) => defined.includes(name))).toBe(true);
    expect(stripKeys<StoredItem>({ PK: 'ITEM#ks-31', SK: 'ITEM', ...keys, ...item })).toEqual(item);
  });

  it('keeps with every item what the statistics count of it, and reads back exactly what they would count from the item', () => {
    const closedJustAfterMidnight: StoredItem = { ...item, status: 'done', deadlineChanges: 2, closedAt: '2027-06-14T22:30:00.000Z', updatedAt: '2027-06-14T22:30:00.000Z' };
    const stored = itemIndexKeys(closedJustAfterMidnight)[TABLE.indexes.byDecision.factsAttribute];

    expect(stored).toBe(countedFacts(closedJustAfterMidnight));
    // Closed 00:30 on 15 June in Stockholm: counted as closed on the 15th, a day after its deadline.
    expect(readCountedFacts('ks-31', stored)).toEqual({
      id: 'ks-31',
      kind: 'uppdrag',
      unit: 'Kultur- och fritidsförvaltningen',
      body: 'KS',
      countedOn: '2027-02-10',
      status: 'done',
      closedOn: '2027-06-15',
      dueDate: '2027-06-14',
      deadlineChanges: 2,
    });
    expect(readCountedFacts('ks-31', itemIndexKeys(item)[TABLE.indexes.byDecision.factsAttribute])).toEqual(countedItem(item));
  });

  it('reads no facts that are missing, unreadable or written in another layout: the item itself is read instead', () => {
    expect(readCountedFacts('ks-31', undefined)).toBeUndefined();
    expect(readCountedFacts('ks-31', '[1,"uppdrag"')).toBeUndefined();
    expect(readCountedFacts('ks-31', JSON.stringify([2, 'uppdrag', 'KS']))).toBeUndefined();
  });
});
