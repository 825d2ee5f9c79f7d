import { fromZonedTime } from 'date-fns-tz';
import { addDays, daysBetween, stockholmDay, TIME_ZONE, type CalendarDate } from '../../shared/domain/dates';
import { oneYearLater } from '../../shared/domain/deadlines/resolve';
import { DEFAULT_REMINDERS, type Decision, type Kind } from '../../shared/domain/items/vocabulary';
import { type StoredItem } from '../../shared/domain/items/item';
import { sameWorkKey } from '../../shared/domain/items/lookalike';
import type { ItemRepository } from '../../shared/application/items/ports';

/**
 * A deterministic history of follow-up items over three calendar years, as the store would hold
 * it: decided, extended, closed on time and late (some within an hour of midnight around the
 * deadline), cancelled, open on time and overdue, yttranden registered from a remiss without a
 * decision, and a few closed items from before `closedAt` was recorded. The statistics test
 * checks the product against it and the benchmark (bench/statistics-data.ts) stores it.
 */

/** An item as stored once a yttrande may lack a decision and the paragraph and case number are optional. */
export type HistoryItem = Omit<StoredItem, 'decision' | 'caseNumber'> & {
  decision?: Decision;
  caseNumber?: string;
  remiss?: { received?: CalendarDate; reference?: string };
};

export interface HistoryOptions {
  seed: number;
  count: number;
  /** The last day of the history (the report's "today"); decisions fall from 1 January two years earlier to this day. */
  today: CalendarDate;
}

/** mulberry32: a small seeded PRNG, so a seed always gives the same history. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const BODIES = ['KF', 'KS', 'KSAU', 'BUN', 'SN', 'TN', 'KFN', 'MBN-AU'];
const UNITS = [
  'Kommunledningskontoret', 'Utbildningsförvaltningen', 'Socialförvaltningen', 'Tekniska förvaltningen',
  'Kultur- och fritidsförvaltningen', 'Miljö- och byggförvaltningen', 'Vård- och omsorgsförvaltningen', 'Överförmyndarenheten',
];
const TITLES: Record<Kind, string[]> = {
  uppdrag: ['Ta fram riktlinjer för skolskjuts', 'Utreda hemtjänstens nattbemanning', 'Se över taxan för bygglov', 'Införa e-arkiv'],
  aterrapportering: ['Redovisa arbetet med e-tjänstplattformen', 'Återrapportera budgetuppföljningen', 'Redovisa handlingsplanen mot ensamhet'],
  yttrande: ['Yttrande över detaljplan för kv. Lärkan', 'Yttrande över regional trafikförsörjningsplan', 'Yttrande över remiss om vattenplan'],
  motion: ['Motion om fler laddstolpar', 'Motion om avgiftsfria simskolor', 'Motion om solceller på kommunens tak'],
};
const KIND_WEIGHTS: [Kind, number][] = [['uppdrag', 0.45], ['aterrapportering', 0.25], ['yttrande', 0.2], ['motion', 0.1]];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO instant of a Stockholm wall-clock time on `date`. */
const stockholmInstant = (date: CalendarDate, hour: number, minute: number) => fromZonedTime(`${date}T${pad(hour, 2)}:${pad(minute, 2)}:00`, TIME_ZONE).toISOString();

export function statisticsHistory({ seed, count, today }: HistoryOptions): HistoryItem[] {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const first = `${Number(today.slice(0, 4)) - 2}-01-01`;
  const span = daysBetween(first, today);
  const anyTime = (date: CalendarDate) => stockholmInstant(date, int(0, 23), int(0, 59));

  const items: HistoryItem[] = [];
  for (let n = 0; n < count; n++) {
    const roll = random();
    let acc = 0;
    const kind = KIND_WEIGHTS.find(([, weight]) => (acc += weight) > roll)?.[0] ?? 'uppdrag';
    const body = pick(BODIES);
    const unit = pick(UNITS);
    const withoutDecision = kind === 'yttrande' && random() < 0.25;

    const day = addDays(first, int(0, span));
    // Registered up to two weeks after the decision; a remiss is registered the day it comes in.
    const createdAt = withoutDecision ? anyTime(day) : anyTime([addDays(day, int(0, 14)), today].sort()[0]!);
    const registeredOn = stockholmDay(createdAt);
    const countedFrom = withoutDecision ? registeredOn : day;
    const deadlineChanges = random() < 0.2 ? int(1, 3) : 0;
    const dueDate = addDays(countedFrom, int(20, 400) + (deadlineChanges ? int(30, 180) : 0));

    // When it would close: on time, late, within the hour around the deadline's midnight, or never.
    const fate = random();
    const cancelled = fate < 0.08;
    // Some work stalls and is never closed: the oldest open items an auditor asks about.
    const stalled = fate > 0.85 && fate <= 0.9;
    const boundary = !cancelled && fate > 0.9;
    let closedAt: string;
    if (boundary) {
      closedAt = random() < 0.5 ? stockholmInstant(dueDate, 23, int(0, 59)) : stockholmInstant(addDays(dueDate, 1), 0, int(0, 59));
    } else {
      const closeOn = cancelled ? addDays(registeredOn, int(1, 300)) : random() < 0.6 ? addDays(registeredOn, int(0, daysBetween(registeredOn, dueDate))) : addDays(dueDate, int(1, 240));
      closedAt = anyTime(closeOn);
    }
    const closed = !stalled && stockholmDay(closedAt) < today;
    const status = !closed ? 'open' : cancelled ? 'cancelled' : 'done';
    const legacy = status === 'done' && random() < 0.01;

    const number = int(1, 400);
    const year = countedFrom.slice(0, 4);
    const reference = `${body} ${year}/${number}`;
    items.push({
      id: `stat-${pad(seed, 4)}-${pad(n, 6)}`,
      kind,
      title: pick(TITLES[kind]),
      ...(withoutDecision
        ? { remiss: { received: countedFrom, reference: `Fi${year}/${pad(number, 5)}` }, ...(random() < 0.8 ? { caseNumber: reference } : {}) }
        : { decision: { body, date: day, paragraph: `§ ${int(1, 250)}` }, caseNumber: reference }),
      responsible: { name: `Handläggare ${n % 300}`, email: `handlaggare.${n % 300}@kommun.example.se` },
      unit,
      due: kind === 'motion' && !withoutDecision ? { raised: day } : { date: dueDate },
      dueDate,
      ...(kind === 'motion' ? { statutoryLimit: oneYearLater(countedFrom) } : {}),
      dueExplanation: `Angiven sista dag: ${dueDate}.`,
      reminders: DEFAULT_REMINDERS,
      status,
      createdBy: 'registrator@kommun.example.se',
      createdAt,
      updatedAt: status === 'open' ? createdAt : closedAt,
      version: 1 + deadlineChanges + (status === 'open' ? 0 : 1),
      ...(deadlineChanges ? { deadlineChanges, lastDeadlineReason: 'Förlängning beviljad av nämnden.' } : {}),
      ...(status !== 'open' && !legacy ? { closedAt } : {}),
    });
  }
  return items;
}

/**
 * Stores a history as registrations would have: each item with its `created` event and in its
 * look-alike guard beside whatever the guard holds (a history may repeat a piece of work),
 * `concurrency` writes at a time.
 */
export async function storeHistory(repository: ItemRepository, history: readonly HistoryItem[], concurrency = 12): Promise<void> {
  const queue = [...history];
  const store = async () => {
    for (let item = queue.pop(); item; item = queue.pop()) {
      const stored = item as StoredItem;
      await repository.create(stored, { at: item.createdAt, by: item.createdBy, action: 'created', changes: {} }, { lookalike: { work: sameWorkKey(stored), confirmed: true } });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, store));
}
