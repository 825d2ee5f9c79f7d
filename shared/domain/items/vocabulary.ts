/**
 * The items' vocabulary: kinds, states, limits and the value schemas every contract shares. The
 * schemas are built when a request first parses one (`z.lazy`): every function imports this module
 * for its words and limits, and building them all at import cost each cold start about 3 ms
 * (README, "Performance").
 */
import * as z from 'zod';
import { isCalendarDate, type CalendarDate } from '../dates';
import { CALENDAR_YEARS, isKnownDate } from '../calendar/working-days';
import { fieldName } from '../validation';

/** The four kinds of follow-up work (docs/domain.md), as the codes they are stored and answered as. */
export const KINDS = ['uppdrag', 'aterrapportering', 'yttrande', 'motion'] as const;
export type Kind = (typeof KINDS)[number];

/** `kind` as a clerk may also write it: the Swedish spelling, stored as the code. */
const KIND_SPELLINGS = { återrapportering: 'aterrapportering' } as const satisfies Record<string, Kind>;
const KIND_INPUTS = [...KINDS, ...(Object.keys(KIND_SPELLINGS) as (keyof typeof KIND_SPELLINGS)[])] as const;
const KIND_MESSAGE = `${fieldName('kind')} ska vara uppdrag, återrapportering, yttrande eller motion.`;

/**
 * `kind`: a code, or its Swedish spelling (`återrapportering`), in any case and Unicode
 * normalization; the value is always the code.
 */
export const kind = z.lazy(() =>
  z
    .string({ error: KIND_MESSAGE })
    .transform((value) => value.normalize('NFC').trim().toLowerCase())
    .pipe(z.enum(KIND_INPUTS, { error: KIND_MESSAGE }))
    .transform((value): Kind => (value in KIND_SPELLINGS ? KIND_SPELLINGS[value as keyof typeof KIND_SPELLINGS] : (value as Kind)))
    .meta({ enum: [...KIND_INPUTS] }),
);

export const KIND_LABELS: Record<Kind, string> = {
  uppdrag: 'Uppdrag',
  aterrapportering: 'Återrapportering',
  yttrande: 'Yttrande',
  motion: 'Motion',
};

export { STATE_LABELS, STATES, STATUS_LABELS, STATUSES, type State, type Status } from './states';

/**
 * Why an open item needs a clerk: its plan changed and no meeting is left in time, or the
 * meeting its deadline hangs on was already held when it was registered or re-dated.
 */
export const ATTENTIONS = ['no_meeting_in_time', 'meeting_already_held'] as const;
export type Attention = (typeof ATTENTIONS)[number];

/** Bounds on text fields: documented in README ("Limits"). */
export const LIMITS = {
  title: 200,
  description: 4000,
  caseNumber: 50,
  paragraph: 20,
  name: 100,
  unit: 100,
  recipient: 200,
  /** A remiss's reference, the sender's diarienummer ("Dnr 2027-1234"). */
  reference: 50,
  note: 2000,
  reason: 2000,
  body: 20,
} as const;

/**
 * Characters no typed text may hold: C0 and C1 controls (NEL U+0085 among them), DEL, the Unicode
 * line and paragraph separators, bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069: they let "\u202Egnp.exe" display as "exe.png") and lone surrogates (half an emoji,
 * no character at all), and U+FFFD (a character lost on the way: a body in another encoding, a
 * PDF's unmapped glyph). A CSV reader or a mail client breaks a line at U+2028 or NEL as at LF.
 * `MULTILINE` allows the tab, CR and LF that longer text may hold.
 */
const FORBIDDEN = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufffd';
/** Text made of allowed characters and whole surrogate pairs; as a pattern (no flags), so the OpenAPI document states it too. */
const textPattern = (alsoAllowed: string) => new RegExp(`^(?:[^${FORBIDDEN}\\ud800-\\udfff]|[\\ud800-\\udbff][\\udc00-\\udfff]${alsoAllowed})*$`);
const ONE_LINE = textPattern('');
const MULTILINE = textPattern('|[\\t\\n\\r]');
/** The message of a one-line field holding one of them, the same in the API and on the workspace's forms. */
export const CONTROL_MESSAGE = 'Får inte innehålla radbrytningar eller styrtecken.';
/** The message of a longer text holding one of them (line breaks are allowed there). */
export const MULTILINE_CONTROL_MESSAGE = 'Får inte innehålla styrtecken eller dolda riktningstecken.';

/** True when `value` may stand in a one-line field: none of the characters above. */
export const isOneLine = (value: string): boolean => ONE_LINE.test(value);
/** True when `value` may stand in a longer text: as `isOneLine`, but tab, CR and LF allowed. */
export const isCleanMultiline = (value: string): boolean => MULTILINE.test(value);

/** A one-line field's rule on its own (names in an address, a role): `CONTROL_MESSAGE` on a forbidden character. */
export const oneLineRule = <S extends z.ZodString>(schema: S) => schema.regex(ONE_LINE, CONTROL_MESSAGE);

/** A one-line text field: trimmed, not empty, at most `max` characters, no line breaks, control or bidi characters. */
export const singleLineText = (max: number) =>
  oneLineRule(
    z
      .string({ error: 'Ska vara text.' })
      .trim()
      .min(1, 'Får inte vara tomt.')
      .max(max, `Högst ${max} tecken.`),
  );

/** A text field that may span lines: trimmed, not empty, at most `max` characters, no control or bidi characters but tab and line breaks. */
export const multilineText = (max: number) =>
  z.string({ error: 'Ska vara text.' }).trim().min(1, 'Får inte vara tomt.').max(max, `Högst ${max} tecken.`).regex(MULTILINE, MULTILINE_CONTROL_MESSAGE);

export const calendarDate = z.lazy(() =>
  z
    .string({ error: 'Ska vara ett datum, ÅÅÅÅ-MM-DD.' })
    .refine(isCalendarDate, { message: 'Ska vara ett verkligt datum, ÅÅÅÅ-MM-DD.', abort: true })
    .refine(isKnownDate, `Ska ligga åren ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}.`)
    .meta({ format: 'date', description: `A Stockholm calendar date, YYYY-MM-DD, in the years ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}` }),
) as z.ZodType<CalendarDate>;

const month = z.lazy(() => z.string({ error: 'Ska vara en månad, ÅÅÅÅ-MM.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ska vara en månad, ÅÅÅÅ-MM.'));

/** Body short names as the municipality writes them: KF, KS, KSAU, SN, BUN, MBN-AU. */
export const bodyName = z.lazy(() =>
  z
    .string({ error: 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.' })
    .trim()
    .regex(/^[A-ZÅÄÖ][A-ZÅÄÖ0-9-]{0,19}$/, 'Ska vara organets förkortning med versaler, t.ex. KS eller BUN.')
    // "KOMMUNSTYRELSEN" is a name in capitals, not a short name: no item, plan or page would ever match it.
    .refine((body) => !/(?:NÄMND|NÄMNDEN|STYRELSE|STYRELSEN|FULLMÄKTIGE|UTSKOTT|UTSKOTTET)$/.test(body), 'Ska vara organets förkortning, t.ex. KS, inte dess namn.'),
);

export const email = z.lazy(() =>
  z
    .string({ error: 'Ska vara en e-postadress.' })
    .trim()
    .max(254, 'Högst 254 tecken.')
    .pipe(z.email('Ska vara en e-postadress.'))
    .transform((value) => value.toLowerCase())
    .meta({ format: 'email' }),
);

export const person = z.lazy(() =>
  z.strictObject({ name: singleLineText(LIMITS.name), email }, { error: 'Ska vara ett objekt med name och email.' }),
);
export type Person = z.infer<typeof person>;

/**
 * The decision an item comes from. `paragraph` (the §) is optional: a decision recorded before
 * the minutes are approved has none yet.
 */
export const decision = z.lazy(() =>
  z.strictObject(
    {
      body: bodyName,
      date: calendarDate,
      paragraph: singleLineText(LIMITS.paragraph).optional(),
    },
    { error: 'Ska vara ett objekt med body, date och (om den finns) paragraph.' },
  ),
);
export type Decision = z.infer<typeof decision>;

/** Where a yttrande registered on arrival came from: when the remiss came in and its reference; the sender is `due.recipient`. */
export const remiss = z.lazy(() =>
  z.strictObject(
    {
      received: calendarDate.optional(),
      reference: singleLineText(LIMITS.reference).optional(),
    },
    { error: 'Ska vara ett objekt med received och reference (båda frivilliga).' },
  ),
);
export type Remiss = z.infer<typeof remiss>;

/** The plain-Swedish list of the forms `due` takes, for the message a wrong one gets. */
export const DUE_FORMS =
  'Ange tidsfristen (due) i en av fem former: ett datum (date); ett sammanträde (meeting) med organ (body) och månad (month) eller datum (date); ett sammanträde (meeting) med organ (body) och senast-datum (by); ett svarsdatum (externalDeadline) med mottagare (recipient) och beslutande organ (decidedBy) om det finns; väckt-datum (raised).';

export const due = z.lazy(() =>
  z.union(
    [
      z.strictObject({ date: calendarDate }),
      z.strictObject({
        meeting: z.union(
          [
            z.strictObject({ body: bodyName, month }),
            z.strictObject({ body: bodyName, date: calendarDate }),
            /** Report-backs within a period: the body's last meeting on or before `by`. */
            z.strictObject({ body: bodyName, by: calendarDate }),
          ],
          { error: 'Ange sammanträdet (meeting) med organ (body) och en av månad (month), datum (date) eller senast-datum (by).' },
        ),
      }),
      z.strictObject({
        externalDeadline: calendarDate,
        recipient: singleLineText(LIMITS.recipient),
        decidedBy: bodyName.optional(),
        /**
         * The official's deadline set by hand (a granted extension, a changed deadline) instead of
         * the one counted back from the outside deadline; never after it. A plain `{ date }` sent
         * for an item of this form becomes this, so the remiss's recipient and date are kept.
         */
        date: calendarDate.optional(),
      }),
      z.strictObject({ raised: calendarDate }),
    ],
    { error: DUE_FORMS },
  ),
);
export type Due = z.infer<typeof due>;

const days = (min: number, max: number) => {
  const message = `Ska vara ett heltal, ${min}–${max} dagar.`;
  return z.int({ error: message }).min(min, message).max(max, message);
};

export const reminderPolicy = z.lazy(() =>
  z.strictObject(
    {
      beforeDays: z
        .array(days(1, 365), { error: 'Ska vara en lista med dagar före tidsfristen, t.ex. [14, 7, 1].' })
        .max(10, 'Högst 10 påminnelser före.')
        .transform((days) => [...new Set(days)].sort((a, b) => b - a)),
      overdueEveryDays: days(1, 90),
      escalateAfterDays: days(0, 365),
    },
    { error: 'Ska vara ett objekt med beforeDays, overdueEveryDays och escalateAfterDays.' },
  ),
);
export type ReminderPolicy = z.infer<typeof reminderPolicy>;

export const DEFAULT_REMINDERS: ReminderPolicy = { beforeDays: [14, 7, 1], overdueEveryDays: 7, escalateAfterDays: 7 };

/** A due form must fit its kind: an outside deadline is a yttrande's, a raised date a motion's. */
export function dueKindMismatch(kind: Kind, due: Due): { path: string; message: string } | undefined {
  if ('raised' in due && kind !== 'motion') return { path: 'due.raised', message: 'raised gäller bara motioner (kind motion).' };
  if ('externalDeadline' in due && kind !== 'yttrande') {
    return { path: 'due.externalDeadline', message: 'externalDeadline gäller bara yttranden (kind yttrande).' };
  }
  return undefined;
}

/**
 * An item comes from a decision; only a yttrande may be registered when the remiss arrives,
 * before any body has decided, and only a yttrande has a remiss.
 */
export function originKindMismatch(item: { kind: Kind; decision?: Decision | undefined; remiss?: Remiss | undefined }): { path: string; message: string } | undefined {
  if (!item.decision && item.kind !== 'yttrande') {
    return { path: 'decision', message: 'Ange decision med body och date. Bara ett yttrande kan registreras innan något organ har beslutat.' };
  }
  if (item.remiss && item.kind !== 'yttrande') return { path: 'remiss', message: 'remiss gäller bara yttranden (kind yttrande).' };
  return undefined;
}

