import { randomUUID } from 'node:crypto';
import type * as z from 'zod';
import { ROLES, type Caller, type Role } from '../../domain/caller';
import { MONTH_NAMES, type CalendarDate } from '../../domain/dates';
import { meetingPlanBody } from '../../application/plans/commands';
import { roleHolderBody } from '../../application/directory/roles';
import type { ErrorIssue } from '../../domain/errors';
import { bodyName, calendarDate, CONTROL_MESSAGE, dueKindMismatch, email, isCleanMultiline, isOneLine, KINDS, LIMITS, MULTILINE_CONTROL_MESSAGE, type Due, type Kind, type Person } from '../../domain/items/vocabulary';
import { closedDaysBody, planYear } from '../../application/plans/commands';
import { unitName } from '../../application/units/directory';
import type { PublicBodySettings } from '../../domain/reports/public';
import { toIssues } from '../../domain/validation';
import { DEFAULT_SORT, parseSortParam, SORT_KEYS } from '../../application/items/query';
import {
  type ChangeField,
  type DecisionKnown,
  type DueForm,
  type FieldErrors,
  type FormState,
  type FormValues,
  type ItemFormName,
  type ListField,
  type PlanField,
  type PublicBodyField,
  type RegisterField,
  type RoleField,
  type SignInField,
  type Sort,
  type UnitField,
  type WorkspaceItem,
} from './models';

/**
 * The workspace's forms: each parser turns the posted `URLSearchParams` into the API's JSON
 * command, or Swedish errors keyed by form field. The API's own validation still runs after;
 * `issuesToFieldErrors` puts its issues back on the fields.
 */

export type Parsed<C, F extends string> = { ok: true; command: C } | { ok: false; errors: FieldErrors<F>; message?: string };

/** The values as typed, to show the form again. */
export function formValues<F extends string>(params: URLSearchParams, fields: readonly F[]): FormValues<F> {
  const values: FormValues<F> = {};
  for (const field of fields) {
    const value = params.get(field);
    if (value !== null) values[field] = value;
  }
  return values;
}

const read = (params: URLSearchParams, name: string) => (params.get(name) ?? '').trim();

/** A field checked with one of the API's own schemas (so the rule is the API's), or its Swedish message. */
function check<T>(schema: z.ZodType<T>, value: string): { ok: true; value: T } | { ok: false; message: string } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0]?.message ?? 'Är inte giltigt.' };
}

/** Collects values and errors field by field. */
class FormReader<F extends string> {
  readonly errors: FieldErrors<F> = {};
  constructor(private readonly params: URLSearchParams) {}

  raw(field: F): string {
    return read(this.params, field);
  }

  fail(field: F, message: string): undefined {
    this.errors[field] ??= message;
    return undefined;
  }

  /** Required text on one line, at most `max` characters. */
  text(field: F, max: number, missing: string): string | undefined {
    const value = this.optionalText(field, max);
    if (value === undefined && !this.errors[field]) return this.fail(field, missing);
    return value;
  }

  optionalText(field: F, max: number): string | undefined {
    const value = this.raw(field);
    if (value === '') return undefined;
    if (!isOneLine(value)) return this.fail(field, CONTROL_MESSAGE);
    if (Array.from(value).length > max) return this.fail(field, `Högst ${max} tecken.`);
    return value;
  }

  /** Longer text (line breaks allowed). */
  optionalLongText(field: F, max: number): string | undefined {
    const value = this.raw(field).replace(/\r\n?/g, '\n');
    if (value === '') return undefined;
    if (!isCleanMultiline(value)) return this.fail(field, MULTILINE_CONTROL_MESSAGE);
    if (Array.from(value).length > max) return this.fail(field, `Högst ${max} tecken.`);
    return value;
  }

  longText(field: F, max: number, missing: string): string | undefined {
    const value = this.optionalLongText(field, max);
    if (value === undefined && !this.errors[field]) return this.fail(field, missing);
    return value;
  }

  date(field: F, missing: string): CalendarDate | undefined {
    const value = this.raw(field);
    if (value === '') return this.fail(field, missing);
    const result = check(calendarDate, value);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  optionalDate(field: F): CalendarDate | undefined {
    return this.raw(field) === '' ? undefined : this.date(field, '');
  }

  /** A body's abbreviation; "ks" is read as "KS". */
  body(field: F, missing: string): string | undefined {
    const value = this.raw(field).toUpperCase();
    if (value === '') return this.fail(field, missing);
    const result = check(bodyName, value);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  email(field: F, missing: string): string | undefined {
    const value = this.raw(field);
    if (value === '') return this.fail(field, missing);
    const result = check(email, value);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

/** The API's create body (`POST /uppdrag`, API v2). */
export interface CreateItemCommand {
  kind: Kind;
  title: string;
  description?: string;
  caseNumber?: string;
  decision?: DecisionKnown;
  remiss?: { received?: CalendarDate; reference?: string };
  responsible: Person;
  unit: string;
  manager?: Person;
  due: DueForm;
  confirmDuplicate?: true;
}

/** `POST /deadlines/preview`: what the deadline would be, and with the unit, whether a manager can be reached. */
export type PreviewCommand = Pick<CreateItemCommand, 'kind' | 'decision' | 'due' | 'manager'> & { unit?: string };

/** The deadline's forms on the page, one radio choice each. */
export const DUE_CHOICES = ['date', 'meeting', 'meetingBy', 'remiss', 'motion'] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];
export const DUE_CHOICE_LABELS: Record<DueChoice, string> = {
  date: 'Tidsfrist (datum)',
  meeting: 'Till sammanträde',
  meetingBy: 'Sista sammanträdet senast',
  remiss: 'Remissvar',
  motion: 'Motion väckt',
};

/** The register form's fields in page order (the error summary lists them so). */
export const REGISTER_FIELDS: readonly RegisterField[] = [
  'kind', 'title', 'description', 'caseNumber', 'decisionBody', 'decisionDate', 'decisionParagraph', 'remissReceived',
  'remissReference', 'responsibleName', 'responsibleEmail', 'unit', 'managerName', 'managerEmail', 'dueForm', 'dueDate',
  'meetingBody', 'meetingMonth', 'meetingDate', 'meetingByBody', 'meetingByDate', 'externalDeadline', 'recipient',
  'decidedBy', 'raised', 'confirmDuplicate', 'idempotencyKey',
];

/** The change form's fields in page order: the register form's, the reason and note, the version it was shown with. */
export const CHANGE_FIELDS: readonly ChangeField[] = [...REGISTER_FIELDS, 'reason', 'note', 'version'];

/** The labels of the fields, as a clerk says them (API v2, "The workspace"). */
export const REGISTER_LABELS: Record<RegisterField, string> = {
  kind: 'Typ',
  title: 'Rubrik',
  description: 'Beskrivning',
  caseNumber: 'Diarienummer',
  decisionBody: 'Organ',
  decisionDate: 'Beslutsdatum',
  decisionParagraph: 'Paragraf',
  remissReceived: 'Remissen inkom',
  remissReference: 'Remissens referens',
  responsibleName: 'Ansvarig (namn)',
  responsibleEmail: 'Ansvarig (e-post)',
  unit: 'Enhet',
  managerName: 'Chef (namn)',
  managerEmail: 'Chef (e-post)',
  dueForm: 'Tidsfrist',
  dueDate: 'Tidsfrist',
  meetingBody: 'Sammanträdets organ',
  meetingMonth: 'Månad',
  meetingDate: 'Datum för sammanträdet',
  meetingByBody: 'Organ för sista sammanträdet',
  meetingByDate: 'Senast',
  externalDeadline: 'Sista dag hos mottagaren',
  recipient: 'Mottagare',
  decidedBy: 'Beslutas av',
  raised: 'Väckt',
  confirmDuplicate: 'Registrera ändå',
  idempotencyKey: 'Formuläret',
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The register form's reader, or the change form's (which has the same fields and a few more). */
type ItemReader = FormReader<RegisterField> | FormReader<ChangeField>;

/** The inputs under each way of giving the deadline. */
const DUE_CHOICE_FIELDS: Record<DueChoice, readonly RegisterField[]> = {
  date: ['dueDate'],
  meeting: ['meetingBody', 'meetingMonth', 'meetingDate'],
  meetingBy: ['meetingByBody', 'meetingByDate'],
  remiss: ['externalDeadline', 'recipient', 'decidedBy'],
  motion: ['raised'],
};

/**
 * The way of giving the deadline: the radio chosen, or, when none is, the one choice whose inputs the clerk
 * filled in (a date typed under "Tidsfrist (datum)" needs no click on its radio).
 */
function dueChoice(form: ItemReader): DueChoice | undefined {
  const chosen = form.raw('dueForm');
  if (chosen) return DUE_CHOICES.find((choice) => choice === chosen);
  const filled = DUE_CHOICES.filter((choice) => DUE_CHOICE_FIELDS[choice].some((name) => form.raw(name).trim()));
  return filled.length === 1 ? filled[0] : undefined;
}

/** The deadline from the chosen radio and its inputs; the inputs of the other choices are ignored. */
function readDue(form: ItemReader, kind: Kind | undefined): DueForm | undefined {
  const choice = dueChoice(form);
  let due: DueForm | undefined;
  switch (choice) {
    case 'date': {
      const date = form.date('dueDate', 'Skriv tidsfristen.');
      if (date) due = { date };
      break;
    }
    case 'meeting': {
      const body = form.body('meetingBody', 'Skriv vilket organs sammanträde, t.ex. KS.');
      const month = form.raw('meetingMonth');
      const date = form.raw('meetingDate');
      if (month && date) return form.fail('meetingMonth', 'Ange antingen månad eller datum, inte båda.');
      if (!month && !date) return form.fail('meetingMonth', 'Ange månad (t.ex. 2027-09) eller datum för sammanträdet.');
      if (month && !MONTH.test(month)) return form.fail('meetingMonth', 'Ska vara en månad, ÅÅÅÅ-MM.');
      const meetingDate = date ? form.date('meetingDate', '') : undefined;
      if (body && month) due = { meeting: { body, month } };
      else if (body && meetingDate) due = { meeting: { body, date: meetingDate } };
      break;
    }
    case 'meetingBy': {
      const body = form.body('meetingByBody', 'Skriv vilket organs sammanträde, t.ex. SN.');
      const by = form.date('meetingByDate', 'Skriv datumet som sista sammanträdet ska ligga senast.');
      if (body && by) due = { meeting: { body, by } };
      break;
    }
    case 'remiss': {
      const externalDeadline = form.date('externalDeadline', 'Skriv sista dagen hos mottagaren.');
      const recipient = form.text('recipient', LIMITS.recipient, 'Skriv vem som ska ha svaret, t.ex. Länsstyrelsen.');
      const decidedBy = form.raw('decidedBy') === '' ? undefined : form.body('decidedBy', '');
      if (externalDeadline && recipient && !form.errors.decidedBy) due = { externalDeadline, recipient, ...(decidedBy ? { decidedBy } : {}) };
      break;
    }
    case 'motion': {
      const raised = form.date('raised', 'Skriv datumet då motionen väcktes.');
      if (raised) due = { raised };
      break;
    }
    default:
      return form.fail('dueForm', 'Välj hur tidsfristen anges.');
  }
  // Each form belongs to a kind: an outside deadline to a yttrande, a raised date to a motion (the API's rule).
  if (due && kind && dueKindMismatch(kind, due as Due)) {
    return form.fail('dueForm', 'externalDeadline' in due ? 'Remissvar gäller bara typen Yttrande.' : 'Motion väckt gäller bara typen Motion.');
  }
  return due;
}

function readKind(form: ItemReader): Kind | undefined {
  const kind = form.raw('kind') as Kind;
  return KINDS.includes(kind) ? kind : form.fail('kind', 'Välj typ: Uppdrag, Återrapportering, Yttrande eller Motion.');
}

/**
 * The decision, or for a yttrande registered when the remiss arrived none at all (every decision
 * field empty); the remiss fields belong to a yttrande only.
 */
function readDecision(form: ItemReader, kind: Kind | undefined): { decision?: DecisionKnown; remiss?: CreateItemCommand['remiss'] } {
  const remissGiven = form.raw('remissReceived') !== '' || form.raw('remissReference') !== '';
  if (remissGiven && kind && kind !== 'yttrande') form.fail('remissReceived', 'Remissen gäller bara typen Yttrande.');
  const received = form.optionalDate('remissReceived');
  const reference = form.optionalText('remissReference', LIMITS.caseNumber);
  const remiss = received || reference ? { ...(received ? { received } : {}), ...(reference ? { reference } : {}) } : undefined;
  const decisionGiven = ['decisionBody', 'decisionDate', 'decisionParagraph'].some((f) => form.raw(f as RegisterField) !== '');
  if (!decisionGiven && kind === 'yttrande') return remiss ? { remiss } : {};
  const body = form.body('decisionBody', kind === 'yttrande' ? 'Skriv organet som beslutade, eller lämna beslutet tomt och fyll i remissen.' : 'Skriv organets förkortning, t.ex. KS.');
  const date = form.date('decisionDate', 'Skriv beslutsdatumet.');
  const paragraph = form.optionalText('decisionParagraph', LIMITS.paragraph);
  return {
    ...(body && date ? { decision: { body, date, ...(paragraph ? { paragraph } : {}) } } : {}),
    ...(remiss ? { remiss } : {}),
  };
}

/** A person's name and address; `whose` is the genitive the messages use ("den ansvariges", "chefens"). */
function readPerson(form: ItemReader, name: 'responsibleName' | 'managerName', mail: 'responsibleEmail' | 'managerEmail', whose: string): Person | undefined {
  const personName = form.text(name, LIMITS.name, `Skriv ${whose} namn.`);
  const personEmail = form.email(mail, `Skriv ${whose} e-postadress.`);
  return personName && personEmail ? { name: personName, email: personEmail } : undefined;
}

/** The manager, when any of its fields is filled in (else the unit directory's is used). */
function readManager(form: ItemReader): Person | undefined {
  return form.raw('managerName') !== '' || form.raw('managerEmail') !== '' ? readPerson(form, 'managerName', 'managerEmail', 'chefens') : undefined;
}

/** The item's fields as the create body has them (shared by Registrera and the change form). */
function readItem(form: ItemReader): Omit<CreateItemCommand, 'confirmDuplicate'> | undefined {
  const kind = readKind(form);
  const title = form.text('title', LIMITS.title, 'Skriv en rubrik.');
  const description = form.optionalLongText('description', LIMITS.description);
  const caseNumber = form.optionalText('caseNumber', LIMITS.caseNumber);
  const { decision, remiss } = readDecision(form, kind);
  const responsible = readPerson(form, 'responsibleName', 'responsibleEmail', 'den ansvariges');
  const unit = form.text('unit', LIMITS.unit, 'Skriv vilken enhet (förvaltning) ärendet hör till.');
  const manager = readManager(form);
  const due = readDue(form, kind);
  if (!form.ok || !kind || !title || !responsible || !unit || !due) return undefined;
  return {
    kind,
    title,
    ...(description ? { description } : {}),
    ...(caseNumber ? { caseNumber } : {}),
    ...(decision ? { decision } : {}),
    ...(remiss ? { remiss } : {}),
    responsible,
    unit,
    ...(manager ? { manager } : {}),
    due,
  };
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{16,64}$/;

/**
 * Registrera as first shown: empty, with a new idempotency key. The key travels with the form
 * (hidden) through "Visa tidsfrist" and errors, so a double click or a reload registers once.
 */
export function newRegisterForm(newKey: () => string = randomUUID): FormState<RegisterField> {
  return { values: { idempotencyKey: newKey() } };
}

/**
 * Registrera, "Registrera": the create body and the idempotency key the form was shown with (a
 * double click or a reload registers once).
 */
export function parseRegisterForm(params: URLSearchParams): Parsed<{ body: CreateItemCommand; idempotencyKey: string }, RegisterField> {
  const form = new FormReader<RegisterField>(params);
  const item = readItem(form);
  const idempotencyKey = form.raw('idempotencyKey');
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) form.fail('idempotencyKey', 'Formuläret är för gammalt. Ladda om sidan och fyll i det igen.');
  if (!item || !form.ok) return { ok: false, errors: form.errors };
  const body: CreateItemCommand = { ...item, ...(form.raw('confirmDuplicate') === 'ja' ? { confirmDuplicate: true as const } : {}) };
  return { ok: true, command: { body, idempotencyKey } };
}

/**
 * One proposal of Granska beslut, its fields read as Registrera reads them (the API's create body);
 * its idempotency key is the review's, not the form's.
 */
export function parseProposalForm(params: URLSearchParams): Parsed<CreateItemCommand, RegisterField> {
  const form = new FormReader<RegisterField>(params);
  const item = readItem(form);
  return item && form.ok ? { ok: true, command: item } : { ok: false, errors: form.errors };
}

/** The fields of proposal `index` in the review form (`p3-title` …), without their prefix, for the proposal's parsers. */
export function proposalParams(params: URLSearchParams, index: number): URLSearchParams {
  const prefix = proposalPrefix(index);
  return new URLSearchParams([...params].filter(([name]) => name.startsWith(prefix)).map(([name, value]) => [name.slice(prefix.length), value]));
}

/** The prefix of proposal `index`'s field names in the review form. */
export const proposalPrefix = (index: number) => `p${index}-`;

/** Registrera, "Visa tidsfrist": only the kind, the decision and the deadline need to be filled in; the unit and manager, if given, for `no_manager`. */
export function parsePreviewForm(params: URLSearchParams): Parsed<PreviewCommand, RegisterField> {
  const form = new FormReader<RegisterField>(params);
  const kind = readKind(form);
  const { decision } = readDecision(form, kind);
  const due = readDue(form, kind);
  // What registering would warn of: the unit (and its manager) as far as they are filled in.
  const unit = form.optionalText('unit', LIMITS.unit);
  const manager = readManager(form);
  if (!form.ok || !kind || !due) return { ok: false, errors: form.errors };
  return { ok: true, command: { kind, ...(decision ? { decision } : {}), due, ...(unit ? { unit } : {}), ...(manager ? { manager } : {}) } };
}

/** Which button sent the register form: "Visa tidsfrist" (preview) or "Registrera". */
export const registerIntent = (params: URLSearchParams): 'preview' | 'register' => (params.get('intent') === 'preview' ? 'preview' : 'register');

/**
 * An item's fields as the form shows them: a stored item, or a proposal of Granska beslut, whose
 * decision and responsible may be partly known and whose outside deadline may lack its recipient.
 */
export interface ItemFieldsSource {
  kind: Kind;
  title: string;
  description?: string | undefined;
  caseNumber?: string | undefined;
  decision?: Partial<DecisionKnown> | undefined;
  remiss?: CreateItemCommand['remiss'] | undefined;
  responsible?: Partial<Person> | undefined;
  unit?: string | undefined;
  manager?: Person | undefined;
  due?: DueForm | { externalDeadline: CalendarDate; recipient?: string | undefined; decidedBy?: string | undefined } | undefined;
}

/** The register form's deadline fields for a `due` form. */
function dueFieldValues(due: ItemFieldsSource['due']): FormValues<RegisterField> {
  if (!due) return {};
  // A remiss's deadline set by hand is changed as a date; the remiss is kept (the item service).
  if ('date' in due && due.date !== undefined) return { dueForm: 'date', dueDate: due.date };
  if ('externalDeadline' in due) return { dueForm: 'remiss', externalDeadline: due.externalDeadline, recipient: due.recipient ?? '', decidedBy: due.decidedBy ?? '' };
  if ('meeting' in due) {
    const { meeting } = due;
    if ('by' in meeting) return { dueForm: 'meetingBy', meetingByBody: meeting.body, meetingByDate: meeting.by };
    return { dueForm: 'meeting', meetingBody: meeting.body, ...('month' in meeting ? { meetingMonth: meeting.month } : { meetingDate: meeting.date }) };
  }
  return 'raised' in due ? { dueForm: 'motion', raised: due.raised } : {};
}

/** The register form's values for an item's fields. */
export function itemFieldValues(item: ItemFieldsSource): FormValues<RegisterField> {
  const dueValues = dueFieldValues(item.due);
  return {
    kind: item.kind,
    title: item.title,
    description: item.description ?? '',
    caseNumber: item.caseNumber ?? '',
    decisionBody: item.decision?.body ?? '',
    decisionDate: item.decision?.date ?? '',
    decisionParagraph: item.decision?.paragraph ?? '',
    remissReceived: item.remiss?.received ?? '',
    remissReference: item.remiss?.reference ?? '',
    responsibleName: item.responsible?.name ?? '',
    responsibleEmail: item.responsible?.email ?? '',
    unit: item.unit ?? '',
    managerName: item.manager?.name ?? '',
    managerEmail: item.manager?.email ?? '',
    ...dueValues,
  };
}

/** The form values that show an item in the change form: its fields and the version shown. */
export function itemFormValues(item: WorkspaceItem): FormValues<ChangeField> {
  return { ...itemFieldValues(item), version: String(item.version) };
}

/** The API's change body (`PATCH /uppdrag/{id}`, with `If-Match` = `version`). */
export interface PatchCommand {
  kind?: Kind;
  title?: string;
  description?: string;
  caseNumber?: string;
  decision?: DecisionKnown;
  remiss?: CreateItemCommand['remiss'];
  responsible?: Person;
  unit?: string;
  manager?: Person | null;
  due?: DueForm;
  status?: 'open' | 'done' | 'cancelled';
  note?: string;
  reason?: string;
  extensionRequest?: 'refused';
}

export type ItemFormCommand = { version: number; patch: PatchCommand };

/** Canonical JSON, so a field counts as changed only when its content differs. */
function same(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
      : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function readVersion(form: FormReader<ChangeField>): number | undefined {
  const version = Number(form.raw('version'));
  return Number.isInteger(version) && version > 0 ? version : form.fail('version', 'Formuläret saknar ärendets version. Ladda om sidan.');
}

/** Fields the API can change but not remove: emptying them in the form is refused, not ignored. */
const NOT_REMOVABLE: { field: RegisterField; key: keyof PatchCommand; message: string }[] = [
  { field: 'description', key: 'description', message: 'Beskrivningen kan ändras men inte tas bort.' },
  { field: 'caseNumber', key: 'caseNumber', message: 'Diarienumret kan ändras men inte tas bort.' },
  { field: 'decisionBody', key: 'decision', message: 'Beslutet kan ändras men inte tas bort.' },
  { field: 'remissReceived', key: 'remiss', message: 'Remissen kan ändras men inte tas bort.' },
];

/** The item's fields "Ändra" can change, each with the form fields that show it. */
const CHANGE_GROUPS = {
  kind: ['kind'],
  title: ['title'],
  description: ['description'],
  caseNumber: ['caseNumber'],
  decision: ['decisionBody', 'decisionDate', 'decisionParagraph'],
  remiss: ['remissReceived', 'remissReference'],
  responsible: ['responsibleName', 'responsibleEmail'],
  unit: ['unit'],
  manager: ['managerName', 'managerEmail'],
  due: ['dueForm', ...DUE_CHOICES.flatMap((choice) => DUE_CHOICE_FIELDS[choice])],
} satisfies Record<string, readonly RegisterField[]>;
type ChangeKey = keyof typeof CHANGE_GROUPS;
const CHANGE_KEYS = Object.keys(CHANGE_GROUPS) as ChangeKey[];

/** The hidden field that carries the value a form field was opened with ("Ändra" shows both). */
export const OPENED_PREFIX = 'was-';

/** The form fields "Ändra" sends the opened values of. */
export const OPENED_FIELDS: readonly RegisterField[] = CHANGE_KEYS.flatMap((key) => CHANGE_GROUPS[key]);

/** The values "Ändra" was opened with (its `was-` fields), or undefined for a form sent without them. */
function openedValues(params: URLSearchParams): FormValues<RegisterField> | undefined {
  if (!params.has(`${OPENED_PREFIX}title`)) return undefined;
  return Object.fromEntries(OPENED_FIELDS.map((field) => [field, params.get(`${OPENED_PREFIX}${field}`) ?? '']));
}

/**
 * "Ändra" sent after the item changed (its version is older than the item's): the version and values it
 * was opened with, so the form shown again after a refusal keeps them and its next save is checked against
 * that change. Undefined when nothing changed since, or for a form sent without them.
 */
export function openedBeforeChange(params: URLSearchParams, item: WorkspaceItem): { version: string; values: FormValues<RegisterField> } | undefined {
  const version = params.get('version') ?? '';
  if (!/^\d+$/.test(version) || Number(version) >= item.version) return undefined;
  const values = openedValues(params);
  return values && { version, values };
}

/**
 * Which of the item's fields the clerk changed in "Ändra": those whose form fields differ from the
 * values the form was opened with (its `was-` fields). A form without them (sent by hand) was
 * opened on the item as it now is.
 */
function touchedKeys(params: URLSearchParams, item: WorkspaceItem): Set<ChangeKey> {
  const opened = openedValues(params) ?? itemFieldValues(item);
  return new Set(CHANGE_KEYS.filter((key) => CHANGE_GROUPS[key].some((field) => (params.get(field) ?? '') !== (opened[field] ?? ''))));
}

/**
 * "Ändra" shown again (after a conflict or a refusal): the item as it now is in every field the
 * clerk did not change, what the clerk wrote in those they did, and the clerk's "Skäl". So a save
 * from it writes only the clerk's own changes, never a value they did not type.
 */
export function changeFormAgain(params: URLSearchParams, item: WorkspaceItem): FormValues<ChangeField> {
  const values: FormValues<ChangeField> = itemFormValues(item);
  for (const key of touchedKeys(params, item)) {
    for (const field of CHANGE_GROUPS[key]) values[field] = params.get(field) ?? '';
  }
  const reason = params.get('reason');
  return reason === null ? values : { ...values, reason };
}

/**
 * "Ändra": only the fields the clerk changed (see `touchedKeys`) and that differ from the item go
 * into the change (its history then shows just that); a changed deadline needs "Skäl", and a
 * change with nothing changed is refused.
 */
function parseChange(params: URLSearchParams, item: WorkspaceItem): Parsed<ItemFormCommand, ChangeField> {
  const form = new FormReader<ChangeField>(params);
  const version = readVersion(form);
  const edited = readItem(form);
  const reason = form.optionalLongText('reason', LIMITS.reason);
  if (!edited || version === undefined || !form.ok) return { ok: false, errors: form.errors };

  const current: Omit<CreateItemCommand, 'confirmDuplicate'> = {
    kind: item.kind,
    title: item.title,
    ...(item.description ? { description: item.description } : {}),
    ...(item.caseNumber ? { caseNumber: item.caseNumber } : {}),
    ...(item.decision ? { decision: item.decision } : {}),
    ...(item.remiss ? { remiss: item.remiss } : {}),
    responsible: item.responsible,
    unit: item.unit,
    ...(item.manager ? { manager: item.manager } : {}),
    due: item.due,
  };
  const touched = touchedKeys(params, item);
  for (const { field, key, message } of NOT_REMOVABLE) {
    if (touched.has(key as ChangeKey) && current[key as keyof typeof current] !== undefined && edited[key as keyof typeof edited] === undefined) form.fail(field, message);
  }
  const patch: PatchCommand = {};
  for (const key of touched) {
    if (key === 'manager') {
      if (!same(edited.manager, current.manager)) patch.manager = edited.manager ?? null;
    } else if (edited[key] !== undefined && !same(edited[key], current[key])) Object.assign(patch, { [key]: edited[key] });
  }
  if (patch.due && !reason) form.fail('reason', 'Skriv varför tidsfristen ändras, t.ex. vilket beslut som gav förlängningen.');
  if (!form.ok) return { ok: false, errors: form.errors };
  if (Object.keys(patch).length === 0) {
    // The item already is as the clerk's changes say. Shown with an older version, the form was
    // saved before (the back button, a resend) or another made the same change: done, not a mistake.
    if (version < item.version) return { ok: true, command: { version: item.version, patch: {} } };
    return { ok: false, errors: {}, message: 'Du har inte ändrat något: ärendet är redan så här.' };
  }
  return { ok: true, command: { version, patch: { ...patch, ...(reason ? { reason } : {}) } } };
}

/**
 * The item page's forms (and the overview's, which post to the item): each gives the change body
 * and the version it was based on.
 */
export function parseItemForm(name: Exclude<ItemFormName, OfficialFormName>, params: URLSearchParams, item: WorkspaceItem): Parsed<ItemFormCommand, ChangeField> {
  if (name === 'change') return parseChange(params, item);
  const form = new FormReader<ChangeField>(params);
  const version = readVersion(form);
  let patch: PatchCommand | undefined;
  switch (name) {
    case 'close': {
      const note = form.longText('note', LIMITS.note, 'Skriv vad som gjordes, t.ex. "Återrapporterad KS 2027-09-15 § 88".');
      if (note) patch = { status: 'done', note };
      break;
    }
    case 'cancel': {
      const reason = form.longText('reason', LIMITS.reason, 'Skriv varför ärendet avbryts.');
      if (reason) patch = { status: 'cancelled', reason };
      break;
    }
    case 'reopen': {
      const reason = form.optionalLongText('reason', LIMITS.reason);
      patch = { status: 'open', ...(reason ? { reason } : {}) };
      break;
    }
    case 'reassign': {
      const responsible = readPerson(form, 'responsibleName', 'responsibleEmail', 'den nya ansvariges');
      const reason = form.optionalLongText('reason', LIMITS.reason);
      if (responsible && responsible.email === item.responsible.email) form.fail('responsibleEmail', 'Det är redan den ansvariges adress.');
      if (responsible) patch = { responsible, ...(reason ? { reason } : {}) };
      break;
    }
    case 'grant': {
      const date = form.date('dueDate', 'Skriv den nya tidsfristen.');
      const reason = form.longText('reason', LIMITS.reason, 'Skriv skälet, t.ex. vem som beviljade förlängningen.');
      if (date && date === item.dueDate) form.fail('dueDate', 'Det är redan tidsfristen.');
      if (date && reason) patch = { due: { date }, reason };
      break;
    }
    case 'refuse': {
      const reason = form.longText('reason', LIMITS.reason, 'Skriv varför förlängningen inte beviljas.');
      if (reason) patch = { extensionRequest: 'refused', reason };
      break;
    }
  }
  if (!form.ok || !patch || version === undefined) return { ok: false, errors: form.errors };
  return { ok: true, command: { version, patch } };
}

/** The official's own forms on the item page, as on their email link page; they write no version. */
export type OfficialFormName = Extract<ItemFormName, 'extension' | 'statusReport' | 'notMine'>;
export const isOfficialForm = (name: ItemFormName): name is OfficialFormName => name === 'extension' || name === 'statusReport' || name === 'notMine';

/** What the official asked for: the link page's actions' input (shared/application/items/link-actions.ts). */
export type OfficialCommand =
  | { name: 'extension'; date: CalendarDate; reason: string }
  | { name: 'statusReport'; note: string }
  | { name: 'notMine'; note?: string };

/** "Begär förlängning", "Lämna lägesrapport", "Inte mitt ärende" on the item page, with the link page's messages. */
export function parseOfficialForm(name: OfficialFormName, params: URLSearchParams): Parsed<OfficialCommand, ChangeField> {
  const form = new FormReader<ChangeField>(params);
  let command: OfficialCommand | undefined;
  if (name === 'extension') {
    const date = form.date('dueDate', 'Skriv det datum du föreslår.');
    const reason = form.longText('reason', LIMITS.reason, 'Skriv ett skäl.');
    if (date && reason) command = { name, date, reason };
  } else if (name === 'statusReport') {
    const note = form.longText('note', LIMITS.note, 'Skriv hur arbetet går.');
    if (note) command = { name, note };
  } else {
    const note = form.optionalLongText('note', LIMITS.note);
    command = { name, ...(note ? { note } : {}) };
  }
  return form.ok && command ? { ok: true, command } : { ok: false, errors: form.errors };
}

/** The form an item-page POST belongs to (its hidden `action` field). */
export function itemFormName(params: URLSearchParams): ItemFormName | undefined {
  const names: readonly ItemFormName[] = ['change', 'close', 'cancel', 'reopen', 'reassign', 'grant', 'refuse', 'extension', 'statusReport', 'notMine'];
  const action = params.get('action') as ItemFormName;
  return names.includes(action) ? action : undefined;
}

/**
 * The API's issues (`{ path: 'due.meeting.body' }`) on the form's fields, given which deadline form
 * was chosen; what no field matches comes back as `unplaced`, for the top of the form.
 */
export function issuesToFieldErrors(issues: readonly ErrorIssue[], dueChoice?: string): { errors: FieldErrors<ChangeField>; unplaced: string[] } {
  const errors: FieldErrors<ChangeField> = {};
  const unplaced: string[] = [];
  const meetingBody: RegisterField = dueChoice === 'meetingBy' ? 'meetingByBody' : 'meetingBody';
  const fields: Record<string, ChangeField> = {
    kind: 'kind',
    title: 'title',
    description: 'description',
    caseNumber: 'caseNumber',
    decision: 'decisionBody',
    'decision.body': 'decisionBody',
    'decision.date': 'decisionDate',
    'decision.paragraph': 'decisionParagraph',
    'remiss.received': 'remissReceived',
    'remiss.reference': 'remissReference',
    'responsible.name': 'responsibleName',
    'responsible.email': 'responsibleEmail',
    unit: 'unit',
    'manager.name': 'managerName',
    'manager.email': 'managerEmail',
    due: 'dueForm',
    'due.date': 'dueDate',
    'due.meeting': meetingBody,
    'due.meeting.body': meetingBody,
    'due.meeting.month': 'meetingMonth',
    'due.meeting.date': 'meetingDate',
    'due.meeting.by': 'meetingByDate',
    'due.externalDeadline': 'externalDeadline',
    'due.recipient': 'recipient',
    'due.decidedBy': 'decidedBy',
    'due.raised': 'raised',
    reason: 'reason',
    note: 'note',
    // The official's request for a later deadline (link-actions' requestExtension).
    date: 'dueDate',
  };
  for (const issue of issues) {
    const field = fields[issue.path];
    if (field) errors[field] ??= issue.message;
    else unplaced.push(issue.message);
  }
  return { errors, unplaced };
}

/** The list's filter fields in page order. */
export const LIST_FIELDS: readonly ListField[] = ['q', 'state', 'kind', 'unit', 'responsible', 'dueAfter', 'dueBefore', 'attention'];

/** `GET /uppdrag`'s query as the list page's GET form and links give it, and whether to download it. */
export interface ListCommand {
  state?: 'open' | 'overdue' | 'done' | 'cancelled';
  unit?: string;
  responsible?: string;
  kind?: Kind;
  dueAfter?: CalendarDate;
  dueBefore?: CalendarDate;
  attention?: 'any';
  /** Words to find in the title or the case number. */
  q?: string;
  cursor?: string;
  sort: Sort;
  /** A download of the same list instead of the page. */
  format?: 'csv' | 'xlsx';
}

/** `sort=title` (ascending) or `sort=-title` (descending); none is by deadline. */
export function parseSort(value: string | null): Sort | undefined {
  if (!value) return DEFAULT_SORT;
  const sort = parseSortParam(value);
  return SORT_KEYS.includes(sort.key) ? sort : undefined;
}

/** Ärenden's GET form and its links (sort, next page, downloads). */
export function parseListQuery(params: URLSearchParams): Parsed<ListCommand, ListField> {
  const form = new FormReader<ListField>(params);
  const state = form.raw('state');
  const kind = form.raw('kind');
  const command: ListCommand = { sort: parseSort(params.get('sort')) ?? DEFAULT_SORT };
  if (state) {
    if ((['open', 'overdue', 'done', 'cancelled'] as const).includes(state as never)) command.state = state as ListCommand['state'];
    else form.fail('state', 'Välj en status i listan.');
  }
  if (kind) {
    if (KINDS.includes(kind as Kind)) command.kind = kind as Kind;
    else form.fail('kind', 'Välj en typ i listan.');
  }
  const unit = form.optionalText('unit', LIMITS.unit);
  if (unit) command.unit = unit;
  if (form.raw('responsible')) {
    const responsible = form.email('responsible', '');
    if (responsible) command.responsible = responsible;
  }
  const dueAfter = form.optionalDate('dueAfter');
  const dueBefore = form.optionalDate('dueBefore');
  if (dueAfter) command.dueAfter = dueAfter;
  if (dueBefore) command.dueBefore = dueBefore;
  if (dueAfter && dueBefore && dueAfter > dueBefore) form.fail('dueBefore', 'Ska vara samma dag som eller efter "Tidsfrist efter".');
  if (form.raw('attention') === 'any') command.attention = 'any';
  const q = form.optionalText('q', 200);
  if (q) command.q = q;
  const cursor = params.get('cursor');
  if (cursor && cursor.length <= 4096) command.cursor = cursor;
  const format = params.get('format');
  if (format === 'csv' || format === 'xlsx') command.format = format;
  return form.ok ? { ok: true, command } : { ok: false, errors: form.errors };
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** "26 januari 2027", "tis 23 februari 2027 kl. 13.00": a day written with the month's name. */
const NAMED_DATE = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_NAMES.join('|')})\\s+(\\d{4})\\b`, 'i');

/**
 * The dates of a textarea as pasted from a list or a calendar: each line's ÅÅÅÅ-MM-DD dates (one or
 * several, between commas, semicolons or spaces, a time or a name beside them left aside:
 * "2027-03-30 13:00", "2027-06-15⇥Kommunstyrelsen"), else its date written with the month's name
 * ("tis 23 februari 2027 kl. 13.00"), else the line itself, to be named as typed ("25/1 2027").
 * Blank lines are left out.
 */
const dateEntries = (text: string) =>
  text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line) => {
      const iso = line.match(ISO_DATE);
      if (iso) return iso;
      const named = NAMED_DATE.exec(line);
      if (named) return [`${named[3]}-${String(MONTH_NAMES.indexOf(named[2]!.toLowerCase()) + 1).padStart(2, '0')}-${named[1]!.padStart(2, '0')}`];
      return line.split(/\s*[,;]\s*/).filter((entry) => entry !== '');
    });

/** A date list's issues ("dates.3") as one message naming each entry at fault as typed ("2027-02-30: …"). */
function dateListError(issues: ErrorIssue[], entries: string[]): string {
  return issues
    .map((issue) => {
      const index = Number(issue.path.split('.')[1]);
      return Number.isInteger(index) ? `${entries[index]}: ${issue.message}` : issue.message;
    })
    .join(' ');
}

/** A body and a year, to open that body's plan (Sammanträdesplaner). */
export function parsePlanChoice(params: URLSearchParams): Parsed<{ body: string; year: number }, 'body' | 'year'> {
  const form = new FormReader<'body' | 'year'>(params);
  const body = form.body('body', 'Skriv organets förkortning, t.ex. KS.');
  const year = check(planYear, form.raw('year'));
  if (!year.ok) form.fail('year', 'Skriv ett årtal, t.ex. 2027.');
  return body && year.ok && form.ok ? { ok: true, command: { body, year: year.value } } : { ok: false, errors: form.errors };
}

/** A meeting plan (`PUT /meetings/{body}/{year}`): the lead time and the dates, one per line. */
export function parsePlanForm(params: URLSearchParams, year: number): Parsed<{ leadWorkingDays: number; dates: CalendarDate[] }, PlanField> {
  const form = new FormReader<PlanField>(params);
  const lead = form.raw('leadWorkingDays');
  const entries = dateEntries(params.get('dates') ?? '');
  if (!/^\d{1,2}$/.test(lead)) form.fail('leadWorkingDays', 'Skriv antalet arbetsdagar som ett heltal, t.ex. 15.');
  if (entries.length === 0) form.fail('dates', 'Skriv minst ett sammanträdesdatum, ett per rad.');
  if (!form.ok) return { ok: false, errors: form.errors };
  const input = { leadWorkingDays: Number(lead), dates: entries };
  const result = meetingPlanBody(year).safeParse(input);
  if (result.success) return { ok: true, command: result.data };
  const issues = toIssues(result.error, input);
  const leadIssue = issues.find((issue) => issue.path === 'leadWorkingDays');
  if (leadIssue) form.fail('leadWorkingDays', leadIssue.message);
  const dateIssues = issues.filter((issue) => issue.path.startsWith('dates'));
  if (dateIssues.length) form.fail('dates', dateListError(dateIssues, entries));
  return { ok: false, errors: form.errors };
}

/** Extra closed days of a year (`PUT /calendar/closed-days/{year}`), one per line; none is allowed. */
export function parseClosedDaysForm(params: URLSearchParams, year: number): Parsed<{ dates: CalendarDate[] }, 'dates'> {
  const entries = dateEntries(params.get('dates') ?? '');
  const input = { dates: entries };
  const result = closedDaysBody(year).safeParse(input);
  if (result.success) return { ok: true, command: result.data };
  return { ok: false, errors: { dates: dateListError(toIssues(result.error, input), entries) } };
}

/** A unit's manager (`PUT /units/{unit}`). */
export function parseUnitForm(params: URLSearchParams): Parsed<{ unit: string; body: { manager: Person } }, UnitField> {
  const form = new FormReader<UnitField>(params);
  const unit = form.raw('unit') === '' ? form.fail('unit', 'Skriv enhetens namn.') : check(unitName, form.raw('unit'));
  if (unit && !unit.ok) form.fail('unit', unit.message);
  const name = form.text('managerName', LIMITS.name, 'Skriv chefens namn.');
  const managerEmail = form.email('managerEmail', 'Skriv chefens e-postadress.');
  if (!form.ok || !unit?.ok || !name || !managerEmail) return { ok: false, errors: form.errors };
  return { ok: true, command: { unit: unit.value, body: { manager: { name, email: managerEmail } } } };
}

/** Who holds a role the decisions name (`PUT /directory/roles/{role}`). */
export function parseRoleForm(params: URLSearchParams): Parsed<{ role: string; body: { name: string; email: string; unit: string } }, RoleField> {
  const form = new FormReader<RoleField>(params);
  const role = form.text('role', 100, 'Skriv rollen som besluten nämner den, t.ex. kommundirektör.');
  if (role && Array.from(role).length < 2) form.fail('role', 'Minst 2 tecken.');
  const fields = { name: form.raw('name'), email: form.raw('email'), unit: form.raw('unit') };
  if (!fields.name) form.fail('name', 'Skriv namnet på den som har rollen.');
  if (!fields.email) form.fail('email', 'Skriv e-postadressen.');
  if (!fields.unit) form.fail('unit', 'Skriv enheten (förvaltningen).');
  const result = roleHolderBody.safeParse(fields);
  if (!result.success) for (const issue of toIssues(result.error, fields)) form.fail(issue.path as RoleField, issue.message);
  if (!form.ok || !role || !result.success) return { ok: false, errors: form.errors };
  return { ok: true, command: { role, body: result.data } };
}

/** A checked box of the admin's forms sends this value; a box left unchecked sends nothing. */
export const CHECKED = 'ja';

/**
 * Open or close a body's public page (`PUT /public-bodies/{body}`): the body's abbreviation ("ks"
 * is read as "KS"), and two checkboxes, an unchecked one meaning false (a closed page, no names).
 */
export function parsePublicBodyForm(params: URLSearchParams): Parsed<{ body: string; settings: Required<PublicBodySettings> }, PublicBodyField> {
  const form = new FormReader<PublicBodyField>(params);
  const body = form.body('body', 'Skriv organets förkortning, t.ex. KS.');
  if (!body) return { ok: false, errors: form.errors };
  return { ok: true, command: { body, settings: { public: form.raw('public') === CHECKED, showNames: form.raw('showNames') === CHECKED } } };
}

/** The roles on the local sign-in page, as a clerk names them; Handläggare has none of the API's roles. */
export const SIGN_IN_ROLES = [
  { value: 'registrar', label: 'Registrator' },
  { value: 'admin', label: 'Administratör' },
  { value: 'manager', label: 'Chef' },
  { value: 'official', label: 'Handläggare' },
] as const;

/** Logga in (local development only): the caller the local tokens would carry. */
export function parseSignInForm(params: URLSearchParams): Parsed<Caller, SignInField> {
  const form = new FormReader<SignInField>(params);
  const who = form.email('email', 'Skriv din e-postadress.');
  const role = form.raw('role');
  if (!SIGN_IN_ROLES.some((r) => r.value === role)) form.fail('role', 'Välj en roll.');
  const unit = form.optionalText('unit', LIMITS.unit);
  if (role === 'manager' && !unit && !form.errors.unit) form.fail('unit', 'En chef loggar in för en enhet: skriv vilken.');
  if (!form.ok || !who) return { ok: false, errors: form.errors };
  const roles = new Set<Role>(ROLES.filter((r) => r === role));
  return { ok: true, command: { who, roles, ...(role === 'manager' && unit ? { unit } : {}) } };
}
