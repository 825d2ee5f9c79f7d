import type { ItemRepository } from '../items/ports';
import type { Notices, Suppressions } from '../delivery/ports';

/**
 * The reminder index, notices and suppressions as one object, as the shared composition root
 * (functions/dependencies.ts) still hands them to the HTTP side: recomputing items after a meeting
 * plan changed, the official's page. The jobs use the separate ports.
 */
export type ReminderStore = Pick<ItemRepository, 'remindingBetween'> & Notices & Suppressions;
