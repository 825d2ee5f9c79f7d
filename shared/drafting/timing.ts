/** Deadlines as Swedish decisions write them, read from folded text. */
import { addDays, MONTH_NAMES, type CalendarDate } from '../domain/dates';
import { isKnownDate } from '../domain/calendar/working-days';
import { BODY_PHRASE } from './headings';

export interface Span {
  start: number;
  end: number;
}

export type TimingValue =
  | { form: 'date'; date: CalendarDate }
  | { form: 'month'; month: string }
  | { form: 'meetingDate'; date: CalendarDate }
  /** A period ("under hösten 2027", "första kvartalet 2028"): due by its last day; `exact` for "årets sista sammanträde". */
  | { form: 'period'; by: CalendarDate; exact?: boolean }
  | { form: 'vague'; phrase: string };

export type Timing = Span &
  TimingValue & {
    /** Introduced as a deadline ("senast", "före", a meeting) rather than merely mentioned. */
    marked: boolean;
    /** The year is written ("30 april 2027", "2027-04-30"), not taken from the reference date. */
    yearWritten: boolean;
  };

const MONTH_ABBREVIATIONS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12 };
const MONTH = `(${MONTH_NAMES.join('|')}|sept|jan|feb|apr|jun|jul|aug|sep|okt|nov|dec)(?![a-z])\\.?`;
const NUMBERS: Record<string, number> = { en: 1, ett: 1, tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10, elva: 11, tolv: 12 };

const pad = (n: number) => String(n).padStart(2, '0');

function monthNumber(name: string): number {
  const full = MONTH_NAMES.indexOf(name);
  return full >= 0 ? full + 1 : (MONTH_ABBREVIATIONS[name] ?? 0);
}

/** The month on or after the reference date's month, unless the year is written. */
function yearFor(month: number, year: string | undefined, ref: CalendarDate): number {
  if (year) return Number(year);
  const refYear = Number(ref.slice(0, 4));
  return month >= Number(ref.slice(5, 7)) ? refYear : refYear + 1;
}

/** A day and month without a year: the next such date on or after the reference date. */
function dateFor(day: number, month: number, year: string | undefined, ref: CalendarDate): CalendarDate | undefined {
  const y = year ? Number(year) : Number(ref.slice(0, 4));
  const date = `${y}-${pad(month)}-${pad(day)}`;
  if (!isKnownDate(date)) return undefined;
  return !year && date < ref ? `${y + 1}-${pad(month)}-${pad(day)}` : date;
}

function lastDayOfMonth(year: number, month: number): CalendarDate {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

function addMonths(date: CalendarDate, months: number): CalendarDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = lastDayOfMonth(year, month);
  return `${year}-${pad(month)}-${pad(Math.min(Number(date.slice(8, 10)), Number(last.slice(8, 10))))}`;
}

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?::[ae])?\\s+${MONTH}(?:\\s+(\\d{4})\\b)?`, 'g');
/** "13–14 juni 2022": a meeting over two days, dated by its first. */
const DAY_RANGE = new RegExp(`\\b(\\d{1,2})\\s?[-–]\\s?\\d{1,2}\\s+${MONTH}(?:\\s+(\\d{4})\\b)?`, 'g');
const DAY_SLASH_MONTH = /\b(\d{1,2})\/(\d{1,2})(?:\s+(\d{4})\b)?(?![\d/])/g;
/** "30.09.2027", "30.9.2027": day, month and a written year (without one, "4.2" is a section number). */
const DAY_DOT_MONTH = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b(?!\.\d)/g;
const MONTH_ONLY = new RegExp(
  `\\b(?:i|under|till|per|fore|innan|senast|t\\.o\\.m\\.?|till och med|vid utgangen av)\\s+(?:slutet av\\s+|mitten av\\s+|borjan av\\s+|utgangen av\\s+)?${MONTH}(?:\\s+(\\d{4})\\b)?`,
  'g',
);
/** "sista mars 2012", "sista dagen i mars": the month's last day. */
const LAST_OF_MONTH = new RegExp(`\\bsista\\s+(?:dagen\\s+i\\s+)?${MONTH}(?:\\s+(\\d{4})\\b)?`, 'g');
/** "första kvartalet 2028", "kvartal 3 2028", "Q3 2028" (folded: "q3"). */
const QUARTER = /\b(forsta|andra|tredje|fjarde)\s+kvartalet(?:\s+(\d{4})\b)?|\b(?:kvartal\s+|q)([1-4])(?:\s+(\d{4})\b)?/g;
const HALF_YEAR = /\b(forsta|andra)\s+halvaret(?:\s+(\d{4})\b)?/g;
const YEAR_END = /\b(?:arsskiftet|arets (?:slut|utgang)|utgangen av (?:ar\s+)?(\d{4}))(?:\s+(\d{4})(?:\/\d{2,4})?\b)?/g;
/** "under hösten 2027", "till våren", and spoken "i höst" (THIS_SEASON): the season's last month (autumn to December, spring to June). */
const SEASON = /\b(?:under|till|fore|infor|senast)\s+(?:den\s+)?(hosten|varen|sommaren|hostterminen|varterminen)(?:\s+(\d{4})\b)?/g;
const SEASON_END: Record<string, number> = { hosten: 12, hostterminen: 12, varen: 6, varterminen: 6, sommaren: 8, host: 12, var: 6, sommar: 8 };
/**
 * "i höst", "i sommar", "i vår": the coming season, spoken (folded "i var" only before a stop, a preposition or "och":
 * "i vår kommun" is "our"). "i höstas", "i somras" are past and other words.
 */
const THIS_SEASON = /\bi\s+(host|sommar|var)(?=\s*[.,;:)]|\s*$|\s+(?:for|till|infor|vid|och|med|da|nar)\b)/g;
/** "vid årets sista sammanträde (2027)", "till sista sammanträdet 2027": the body's last meeting of the year. */
const LAST_MEETING = /\b(?:arets sista sammantrade(?:t)?(?:\s+(?:ar\s+)?(\d{4})\b(?![-/.]\d))?|sista sammantradet (?:for |under |i )?(?:aret|ar (\d{4})|(\d{4})))/g;
/** "i början av 2028" (its first quarter), "i slutet av 2027". */
const PART_OF_YEAR = /\bi\s+(borjan|slutet)\s+av\s+(?:ar\s+)?(\d{4})\b/g;
/** "under 2028", "under år 2028". */
const WHOLE_YEAR = /\bunder\s+(?:ar\s+)?(\d{4})\b(?![-/.]\d)/g;
/** "under nästa år", "under kommande år": the year after the decision's; "senare under året", "under innevarande år": its own (group 1). */
const NAMED_YEAR = /\bunder\s+(?:nasta|kommande)\s+ar\b|\b(?:senare\s+)?under\s+(aret|innevarande\s+ar)\b/g;
/**
 * A year alone after "senast" ("senast 2029", "senast år 2029", "senast under 2029", "senast till 2029"): its last day.
 * Not a case number or a date ("senast 2029-03-01", "KS 2029/14"), nor "före 2029" (before the year begins).
 */
const BY_YEAR = /\bsenast\s+(?:under\s+|till\s+|i\s+)?(?:ar\s+)?(\d{4})\b(?![-/.:]\d)/g;
const RELATIVE = /\binom\s+(\d{1,2}|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv)\s+(manader|manad|veckor|vecka|dagar|ar)\b/g;
const VAGUE =
  /\b(?:under|till|fore|infor|efter)\s+(?:den\s+)?(?:hosten|varen|sommaren|vintern|hostterminen|varterminen|nasta ar|kommande ar)(?:\s+\d{4}\b)?|\bi samband med\s+[a-z]+|\b(?:hosten|varen)\s+\d{4}\b/g;
const DEADLINE_WORD = /\b(?:senast|fore|innan|till och med|t\.o\.m|sammantradet?|sammantradets|sammantrade|motet)\b[^.;]{0,45}$/;
/** "kommunstyrelsens sammanträde 2026-12-07", "redovisas för nämnden den 2 december": a meeting's date. */
const MEETING_WORD = new RegExp(`\\b(?:sammantradet?|motet)(?:\\s+den)?\\s*$|\\b(?:till|for|infor|vid|forelaggas)\\s+${BODY_PHRASE}\\s+(?:den\\s+)?$`);
const ORDINALS: Record<string, number> = { forsta: 1, andra: 2, tredje: 3, fjarde: 4 };

/** findTimings reads its window once per pattern. */
export const TIMING_PASSES = 17;

/** Every deadline-like phrase in folded[start, end), in text order; dates resolved against ref. */
export function findTimings(folded: string, start: number, end: number, ref: CalendarDate): Timing[] {
  const text = folded.slice(start, end);
  const found: Timing[] = [];
  // Characters already read as part of a timing: one mark each, so checking a match costs its length.
  const taken = new Uint8Array(text.length);
  const free = (s: number, e: number) => taken.subarray(s, e).every((t) => t === 0);
  const before = (at: number) => text.slice(Math.max(0, at - 60), at);
  const add = (match: RegExpExecArray, timing: TimingValue | undefined, inherentlyMarked = false, yearWritten = false) => {
    const s = match.index;
    const e = s + match[0].length;
    if (!timing || !free(s, e)) return;
    taken.fill(1, s, e);
    const marked = inherentlyMarked || DEADLINE_WORD.test(before(s)) || /^(?:senast|fore|innan|till och med)\b/.test(match[0]);
    found.push({ ...timing, start: start + s, end: start + e, marked, yearWritten });
  };
  const dateTiming = (match: RegExpExecArray, date: CalendarDate | undefined): TimingValue | undefined =>
    date ? (MEETING_WORD.test(before(match.index)) && !/\b(?:senast|fore|innan)\s+(?:den\s+)?$/.test(before(match.index)) ? { form: 'meetingDate' as const, date } : { form: 'date' as const, date }) : undefined;

  for (const m of text.matchAll(ISO_DATE)) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    add(m, dateTiming(m, isKnownDate(date) ? date : undefined), false, true);
  }
  for (const m of text.matchAll(DAY_RANGE)) add(m, dateTiming(m, dateFor(Number(m[1]), monthNumber(m[2] ?? ''), m[3], ref)), false, !!m[3]);
  for (const m of text.matchAll(DAY_MONTH)) add(m, dateTiming(m, dateFor(Number(m[1]), monthNumber(m[2] ?? ''), m[3], ref)), false, !!m[3]);
  for (const pattern of [DAY_SLASH_MONTH, DAY_DOT_MONTH]) {
    for (const m of text.matchAll(pattern)) {
      const month = Number(m[2]);
      add(m, month >= 1 && month <= 12 ? dateTiming(m, dateFor(Number(m[1]), month, m[3], ref)) : undefined, false, !!m[3]);
    }
  }
  for (const m of text.matchAll(LAST_OF_MONTH)) {
    const month = monthNumber(m[1] ?? '');
    add(m, { form: 'date', date: lastDayOfMonth(yearFor(month, m[2], ref), month) }, true, !!m[2]);
  }
  // A period without its year is the next one ending on or after the reference date.
  const periodEnd = (year: string | undefined, month: number): CalendarDate => {
    const end = lastDayOfMonth(Number(year ?? ref.slice(0, 4)), month);
    return year || end >= ref ? end : lastDayOfMonth(Number(ref.slice(0, 4)) + 1, month);
  };
  for (const m of text.matchAll(QUARTER)) {
    const quarter = m[1] ? (ORDINALS[m[1]] ?? 1) : Number(m[3]);
    add(m, { form: 'period', by: periodEnd(m[2] ?? m[4], quarter * 3) }, true, !!(m[2] ?? m[4]));
  }
  for (const m of text.matchAll(HALF_YEAR)) add(m, { form: 'period', by: periodEnd(m[2], m[1] === 'forsta' ? 6 : 12) }, true, !!m[2]);
  for (const m of text.matchAll(SEASON)) add(m, { form: 'period', by: periodEnd(m[2], SEASON_END[m[1] ?? ''] ?? 12) }, true, !!m[2]);
  for (const m of text.matchAll(THIS_SEASON)) add(m, { form: 'period', by: periodEnd(undefined, SEASON_END[m[1] ?? ''] ?? 12) }, true);
  for (const m of text.matchAll(LAST_MEETING)) {
    const year = m[1] ?? m[2] ?? m[3];
    add(m, { form: 'period', by: periodEnd(year, 12), exact: true }, true, !!year);
  }
  for (const m of text.matchAll(PART_OF_YEAR)) add(m, { form: 'period', by: periodEnd(m[2], m[1] === 'borjan' ? 3 : 12) }, true, true);
  for (const m of text.matchAll(YEAR_END)) add(m, { form: 'period', by: periodEnd(m[1] ?? m[2], 12) }, true, !!(m[1] ?? m[2]));
  for (const m of text.matchAll(WHOLE_YEAR)) add(m, { form: 'period', by: `${m[1]}-12-31` }, true, true);
  for (const m of text.matchAll(BY_YEAR)) add(m, { form: 'period', by: `${m[1]}-12-31` }, true, true);
  for (const m of text.matchAll(NAMED_YEAR)) add(m, { form: 'period', by: `${Number(ref.slice(0, 4)) + (m[1] ? 0 : 1)}-12-31` }, true);
  for (const m of text.matchAll(RELATIVE)) {
    const n = NUMBERS[m[1] ?? ''] ?? Number(m[1]);
    const unit = m[2] ?? '';
    const date = unit === 'ar' ? addMonths(ref, 12 * n) : unit.startsWith('manad') ? addMonths(ref, n) : addDays(ref, unit.startsWith('veck') ? n * 7 : n);
    add(m, { form: 'date', date }, true);
  }
  for (const m of text.matchAll(MONTH_ONLY)) {
    const month = monthNumber(m[1] ?? '');
    add(m, { form: 'month', month: `${yearFor(month, m[2], ref)}-${pad(month)}` }, false, !!m[2]);
  }
  for (const m of text.matchAll(VAGUE)) add(m, { form: 'vague', phrase: m[0] });
  return found.sort((a, b) => a.start - b.start);
}

/** The last day of a month ("2026-04" → 2026-04-30): a commission due "senast i april". */
export function endOfMonth(month: string): CalendarDate {
  return lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}
