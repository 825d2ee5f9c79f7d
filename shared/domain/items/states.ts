/**
 * An item's status as stored and its state as read (docs/domain.md, "status", "state"), with each
 * state's one Swedish word. A module of its own, importing nothing, so the validation messages
 * (shared/domain/validation.ts) word the states as the pages do without a loop through the vocabulary.
 */
export const STATUSES = ['open', 'done', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const STATES = ['open', 'overdue', 'done', 'cancelled'] as const;
export type State = (typeof STATES)[number];

/** Each state's one Swedish word, wherever people read it: the workspace, the exports, the public page, the API's messages. */
export const STATE_LABELS: Record<State, string> = { open: 'Pågår', overdue: 'Försenat', done: 'Klart', cancelled: 'Avbrutet' };

/** Each status's word: an open item is "öppet" whether it is in time or late ("Öppna ärenden: 3"). */
export const STATUS_LABELS: Record<Status, string> = { open: 'Öppet', done: 'Klart', cancelled: 'Avbrutet' };
