import * as z from 'zod';
// The Swedish locale alone: `z.locales` would bundle every language zod has.
import sv from 'zod/v4/locales/sv.js';
import { invalid, type ErrorIssue } from './errors';
import { STATE_LABELS, STATES, STATUS_LABELS, STATUSES } from './items/states';

/**
 * Swedish for every message zod writes itself (zod's `sv` locale), and plain messages of our own
 * for a value outside a fixed set, naming the field and the allowed values. Schemas with their
 * own message keep it; a missing field is named by `toIssues`, which knows its whole path.
 */
z.config(sv());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') return TYPE_MESSAGES[issue.expected];
    if (issue.code === 'too_small' || issue.code === 'too_big') return boundMessage(issue);
    if (issue.code !== 'invalid_value' || issue.values.length < 2) return undefined;
    const path = issue.path?.length ? issue.path.join('.') : '';
    const codes = issue.values.map(String);
    const names = own(VALUE_NAMES, path);
    const allowed = names && codes.every((code) => own(names, code)) ? `${listOr(codes.map((code) => names[code]!))} (${listOr(codes)})` : listOr(codes);
    return `${path ? fieldName(path) : 'Värdet'} ska vara ${allowed}.`;
  },
});

/**
 * The one Swedish name of each field the API and its pages take, by the path the API gives it
 * (`decision.date`): messages a clerk reads name the field so ("Beslutsdatum"), while
 * `issues[].path` keeps the machine path. A path not listed is named by its path.
 */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  kind: 'Typ',
  title: 'Rubrik',
  description: 'Beskrivning',
  caseNumber: 'Diarienummer',
  decision: 'Beslutet',
  'decision.body': 'Beslutande organ',
  'decision.date': 'Beslutsdatum',
  'decision.paragraph': 'Paragraf',
  remiss: 'Remissen',
  'remiss.received': 'Remissens ankomstdatum',
  'remiss.reference': 'Remissens beteckning',
  responsible: 'Ansvarig',
  'responsible.name': 'Ansvarigs namn',
  'responsible.email': 'Ansvarigs e-postadress',
  unit: 'Enhet',
  manager: 'Chef',
  'manager.name': 'Chefens namn',
  'manager.email': 'Chefens e-postadress',
  due: 'Tidsfrist',
  'due.date': 'Tidsfristens datum',
  'due.meeting': 'Sammanträdet',
  'due.meeting.body': 'Sammanträdets organ',
  'due.meeting.month': 'Sammanträdets månad',
  'due.meeting.date': 'Sammanträdets datum',
  'due.meeting.by': 'Sammanträde senast',
  'due.externalDeadline': 'Svarsdatum',
  'due.recipient': 'Mottagare',
  'due.decidedBy': 'Beslutande organ för yttrandet',
  'due.raised': 'Väckt',
  reminders: 'Påminnelser',
  body: 'Organ',
  year: 'År',
  dates: 'Datum',
  leadWorkingDays: 'Ledtid',
  status: 'Status',
  state: 'Status',
  note: 'Anteckning',
  reason: 'Skäl',
  confirmDuplicate: 'Bekräftelse av dubblett',
  extensionRequest: 'Begäran om förlängning',
  extensionRequested: 'Begärd förlängning',
  attention: 'Behöver åtgärd',
  dueBefore: 'Tidsfrist före',
  dueAfter: 'Tidsfrist efter',
  limit: 'Antal per sida',
  cursor: 'Fortsättning',
  q: 'Sökord',
  sort: 'Sortering',
};

/** The Swedish names of the codes a field takes from a fixed set, where the codes are not Swedish words. */
const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  state: Object.fromEntries(STATES.map((state) => [state, STATE_LABELS[state].toLowerCase()])),
  status: Object.fromEntries(STATUSES.map((status) => [status, STATUS_LABELS[status].toLowerCase()])),
};

/** A record's own entry: a path such as `constructor` or `__proto__` from hostile input is no field. */
const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** A field's Swedish name (`FIELD_NAMES`), a list's item by its number ("dates.0": "Datum nr 1"), or its path when it has none. */
export function fieldName(path: string): string {
  const item = /^(.+)\.(\d+)$/.exec(path);
  const listName = item ? own(FIELD_NAMES, item[1]!) : undefined;
  if (item && listName) return `${listName} nr ${Number(item[2]) + 1}`;
  return own(FIELD_NAMES, path) ?? path;
}

/** The field's name inside a sentence: "Ange beslutsdatum." */
function inSentence(path: string): string {
  const name = fieldName(path);
  return name === path ? path : name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A value of the wrong type, as a clerk would say it: zod's Swedish locale writes "förväntat
 * object, fick lista", half in type names. Types not here keep the locale's message.
 */
const TYPE_MESSAGES: Partial<Record<string, string>> = {
  string: 'Ska vara text.',
  number: 'Ska vara ett tal.',
  int: 'Ska vara ett heltal.',
  boolean: 'Ska vara true eller false.',
  object: 'Ska vara ett objekt.',
  array: 'Ska vara en lista.',
};

/** A number, text or list out of bounds: "Minst 2.", "Högst 100 tecken." (the locale's is "För lite(t): förväntade number att ha >=2"). */
function boundMessage(issue: { code: 'too_small' | 'too_big'; origin: string; inclusive?: boolean; minimum?: unknown; maximum?: unknown }): string | undefined {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  const unit = issue.origin === 'string' ? ' tecken' : issue.origin === 'array' || issue.origin === 'set' ? ' värden' : '';
  if (issue.origin !== 'number' && issue.origin !== 'int' && unit === '') return undefined;
  if (issue.inclusive === false) return `${small ? 'Mer' : 'Mindre'} än ${bound}${unit}.`;
  return `${small ? 'Minst' : 'Högst'} ${bound}${unit}.`;
}

/**
 * A whole number as an address or a query string writes it (`{year}`, `?limit=`): decimal digits
 * only, then `min`–`max`; the number. `Number()` (and so `z.coerce`) would also read "0x7E3",
 * "2.027e3", " 2027", "+2027" and "2027.0" as 2027: each is refused with `message`, as is a value
 * out of bounds, so one value has one spelling.
 */
export const decimalInteger = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .regex(/^[0-9]{1,15}$/, message)
    .transform(Number)
    .pipe(z.int(message).min(min, message).max(max, message))
    .meta({ description: `A whole number ${min}–${max}, in decimal digits only` });

/** "a, b eller c". */
export function listOr(values: string[]): string {
  return values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} eller ${values.at(-1)}`;
}

/** The value at a path of the input, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * zod's issues as the contract's `issues`: one entry per field at fault, paths as the API names
 * the fields (`due.meeting.month`), unknown keys named. `input` is what was parsed: a field that
 * is not there at all is "Ange <path>." rather than a type error.
 */
export function toIssues(error: z.ZodError, input: unknown): ErrorIssue[] {
  return issuesOf(error.issues, [], input);
}

function issuesOf(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[], input: unknown): ErrorIssue[] {
  return issues.flatMap((raw) => {
    const path = [...prefix, ...raw.path];
    const name = path.map(String).join('.');
    if (raw.code === 'unrecognized_keys') {
      return raw.keys.map((key) => ({ path: [name, key].filter(Boolean).join('.'), message: 'Okänt fält.' }));
    }
    if (raw.code === 'invalid_union') {
      // The branch whose keys all fit is the form the caller meant: report its faults only.
      const fitting = raw.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys'));
      // Of those, one whose required keys are all there too: `{ date }` is the plain date, not a remiss lacking its deadline.
      const complete = fitting.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && valueAt(input, [...path, ...i.path]) === undefined));
      const meant = fitting.length === 1 ? fitting : complete;
      if (meant.length === 1) return issuesOf(meant[0]!, path, input);
      return [{ path: name, message: raw.message }];
    }
    if (raw.code === 'invalid_type' && valueAt(input, path) === undefined) {
      return [{ path: name, message: name ? `Ange ${inSentence(name)}.` : 'Skicka uppgifterna som ett JSON-objekt.' }];
    }
    // A body that is a list, a number or text where an object belongs.
    if (raw.code === 'invalid_type' && name === '' && raw.expected === 'object') return [{ path: '', message: 'Skicka ett JSON-objekt.' }];
    return [{ path: name, message: raw.message }];
  });
}

/**
 * Parses `input` or throws the contract's 400 `validation_failed`, its message naming the fields
 * to correct. `what` is what was sent, as the message calls it: "Uppgifterna" (a body),
 * "Sökvillkoren" (a query string), "Adressen" (path parameters).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'Uppgifterna'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error, input);
  const fields = [...new Set(issues.map((i) => i.path).filter(Boolean).map(inSentence))];
  throw invalid('validation_failed', fields.length ? `${what} behöver rättas: ${fields.join(', ')}.` : `${what} behöver rättas.`, issues);
}
