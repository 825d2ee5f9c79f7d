import type { CalendarDate } from '../dates';
import type { Due, Kind } from './vocabulary';
import type { ResolvedDue, StoredItem } from './item';

/**
 * What the item use cases need from the deadline rules (shared/domain/deadlines, shared/domain/schedule),
 * with the calendar and meeting plans already at hand; throws a DomainError of kind `deadline`
 * when a deadline cannot be computed.
 */
export interface DeadlineRules {
  resolve(kind: Kind, due: Due): Promise<ResolvedDue>;
  /** The next date the item's responsible official is to be reminded, from `today` on; none when closed. */
  nextReminderDate(item: StoredItem, today: CalendarDate): Promise<CalendarDate | undefined>;
  /** The meeting plan an item's deadline depends on, so a changed plan can find it. */
  planDependency(item: Pick<StoredItem, 'due' | 'meetingDate'>): { body: string; year: number } | undefined;
}
