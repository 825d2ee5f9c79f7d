import { describe, expect, it } from 'vitest';
import { nextReminders, type RunReport } from '../../shared/application/reminders/job';
import type { StoredItem } from '../../shared/domain/items/item';

const KIM = { name: 'Kim Berg', email: 'kim.berg@kommun.example.se' };
const waiting = (nextReminderDate: string) => ({ responsible: KIM, nextReminderDate }) as unknown as StoredItem;

describe('the dry run names the next reminder and counts what it says', () => {
  it('Kim has 4 items, 1 reminded on 2 December 2026 and 3 later: the next reminder is 2 December with 1 ärende', async () => {
    const items = [waiting('2026-12-09'), waiting('2026-12-02'), waiting('2027-01-11'), waiting('2026-12-09')];
    const deps = { items: { remindingBetween: async () => items }, claims: { sentUnder: async () => [] } };

    const [kim] = await nextReminders(deps, { day: '2026-12-01', sent: [] } as unknown as RunReport);

    expect(kim).toEqual({ email: KIM.email, name: KIM.name, date: '2026-12-02', items: 1, remindedEarlierToday: false });
  });
});
