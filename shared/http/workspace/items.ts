import { randomUUID } from 'node:crypto';
import { createItemBody, deadlinePreviewBody, patchItemBody } from '../../application/items/commands';
import { DEFAULT_SORT } from '../../application/items/query';
import { registrarOverview } from '../../application/items/registrar-lists';
import { createItem, EXPORT_MAX_ROWS, getItem, itemHistory, listAllItems, listItems, patchItem, previewDeadline, type ListFilters } from '../../application/items/service';
import { declineItem, reportStatus, requestExtension } from '../../application/items/link-actions';
import { bodiesWithPlans } from '../../application/plans/plans';
import { listUnits, unitAsSpelled } from '../../application/units/directory';
import { isRegistrar, requireRegistrar } from '../../domain/caller';
import { DomainError } from '../../domain/errors';
import { parseOrThrow } from '../../domain/validation';
import { WORKSPACE_PATHS } from '../../views/paths';
import { ITEMS_SHEET } from '../../views/spreadsheets/items';
import { XLSX_TYPE } from '../../views/spreadsheets/table';
import { registeredCodes, type FlashCode } from '../../views/workspace/flash';
import {
  CHANGE_FIELDS,
  changeFormAgain,
  formValues,
  isOfficialForm,
  type OfficialFormName,
  issuesToFieldErrors,
  itemFormName,
  LIST_FIELDS,
  newRegisterForm,
  openedBeforeChange,
  parseItemForm,
  parseListQuery,
  parseOfficialForm,
  parsePreviewForm,
  parseRegisterForm,
  REGISTER_FIELDS,
  registerIntent,
} from '../../views/workspace/forms';
import { itemPage } from '../../views/workspace/item';
import { itemListPage } from '../../views/workspace/items';
import type { ChangeField, DeadlinePreview, FormState, ItemFormName, ItemPageModel, RegisterField, RegisterModel } from '../../views/workspace/models';
import { overviewPage } from '../../views/workspace/overview';
import { registerPage } from '../../views/workspace/register';
import { spreadsheet } from '../download';
import type { Session } from '../session';
import type { FormRequest, PageRequest, WorkspaceDeps } from './deps';
import { htmlPage, pageContext, seeOther } from './respond';

/** A refusal a form shows beside its fields (the API's own validation, a deadline that cannot be computed), not as an error page. */
const isFormProblem = (error: unknown): error is DomainError =>
  error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'refused' || error.kind === 'deadline');

/** `GET /`: Översikt for registrars and admins; anyone else starts on Ärenden. */
export async function showOverview(deps: WorkspaceDeps, { session, query }: PageRequest) {
  if (!isRegistrar(session.caller)) return seeOther(WORKSPACE_PATHS.items);
  const lists = await registrarOverview(deps, session.caller);
  return htmlPage(200, overviewPage({ ...(await pageContext(deps, session, query.m)), ...lists }));
}

/** The unit names a registrar's forms suggest; none for anyone else. */
const unitSuggestions = async (deps: WorkspaceDeps, session: Session) =>
  isRegistrar(session.caller) ? (await listUnits(deps, session.caller)).map((unit) => unit.unit) : [];

/**
 * `GET /arenden`: the list as `GET /uppdrag` answers it for this person (filters, search, sort and
 * cursor alike), or with `format` the same list as a CSV or XLSX file.
 */
export async function showItemList(deps: WorkspaceDeps, { session, query }: PageRequest) {
  const params = new URLSearchParams(query);
  const parsed = parseListQuery(params);
  const values = formValues(params, LIST_FIELDS);
  const [context, units] = await Promise.all([pageContext(deps, session, query.m), unitSuggestions(deps, session)]);
  if (!parsed.ok) return htmlPage(400, itemListPage({ ...context, filters: { values, errors: parsed.errors }, sort: DEFAULT_SORT, items: [], paged: false, units }));
  const { format, sort, ...filters } = parsed.command;
  // A unit typed in another case or spacing is the directory's unit; one that is no unit's name gets the names like it.
  const spelled = filters.unit !== undefined && units.length ? unitAsSpelled(units, filters.unit) : undefined;
  if (spelled && 'unit' in spelled) {
    filters.unit = spelled.unit;
    values.unit = spelled.unit;
  }
  const similarUnits = spelled && 'similar' in spelled ? spelled.similar : [];
  const list: ListFilters = { ...filters, sort, limit: 50 };
  if (format) {
    const rows = await listAllItems(deps, session.caller, list, EXPORT_MAX_ROWS);
    return spreadsheet(format === 'xlsx' ? XLSX_TYPE : 'text/csv', ITEMS_SHEET, rows, 'arenden');
  }
  const page = await listItems(deps, session.caller, list);
  return htmlPage(
    200,
    itemListPage({ ...context, filters: { values }, sort, items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), paged: filters.cursor !== undefined, units, similarUnits }),
  );
}

async function renderItem(deps: WorkspaceDeps, session: Session, id: string, status: number, extra: Partial<ItemPageModel> = {}, flashCode?: string) {
  const [item, history, context] = await Promise.all([getItem(deps, session.caller, id), itemHistory(deps, session.caller, id), pageContext(deps, session, flashCode)]);
  return htmlPage(status, itemPage({ ...context, item, history, ...extra }));
}

/** `GET /arenden/{id}`: the item as the person may see it (another unit's or person's: 404, as in the API). */
export const showItem = (deps: WorkspaceDeps, { session, query, params }: PageRequest & { params: { id: string } }) => renderItem(deps, session, params.id, 200, {}, query.m);

/** The confirmation each of the item's forms ends with. */
const DONE: Record<ItemFormName, FlashCode> = {
  change: 'andrat',
  close: 'klart',
  cancel: 'avbrutet',
  reopen: 'oppnat',
  reassign: 'ny-ansvarig',
  grant: 'beviljat',
  refuse: 'avslaget',
  extension: 'forlangning-begard',
  statusReport: 'lagesrapport',
  notMine: 'inte-mitt',
};

/** A refusal shown beside the form's fields (or above them when it names none), with what was typed: 422. */
function refusedForm(deps: WorkspaceDeps, session: Session, id: string, name: ItemFormName, values: FormState<ChangeField>['values'], error: DomainError, dueChoice?: string) {
  const { errors, unplaced } = issuesToFieldErrors(error.issues, dueChoice);
  const message = unplaced.length ? unplaced.join(' ') : Object.keys(errors).length ? undefined : error.message;
  return renderItem(deps, session, id, 422, { form: { name, state: { values, errors, ...(message ? { message } : {}) } } });
}

/**
 * The item's official's own forms ("Begär förlängning", "Lämna lägesrapport", "Inte mitt ärende"):
 * the use cases of their email link page, as the signed-in person (so not "via e-postlänk"),
 * which also refuse anyone else and a closed item.
 */
async function actAsOfficial(deps: WorkspaceDeps, session: Session, id: string, name: OfficialFormName, form: URLSearchParams) {
  const values = formValues(form, CHANGE_FIELDS);
  const parsed = parseOfficialForm(name, form);
  if (!parsed.ok) return renderItem(deps, session, id, 400, { form: { name, state: { values, errors: parsed.errors } } });
  const { command } = parsed;
  const email = session.caller.who;
  const signedIn = {};
  try {
    if (command.name === 'extension') await requestExtension(deps, email, id, { date: command.date, reason: command.reason }, signedIn);
    else if (command.name === 'statusReport') await reportStatus(deps, email, id, command.note, signedIn);
    else await declineItem(deps, email, id, command.note, signedIn);
  } catch (error) {
    if (!isFormProblem(error)) throw error;
    return refusedForm(deps, session, id, name, values, error);
  }
  return seeOther(`${WORKSPACE_PATHS.item(id)}?m=${DONE[name]}`);
}

/**
 * `POST /arenden/{id}`: one of the item's forms (also the overview's) as `PATCH /uppdrag/{id}`, by
 * this person, with the form's `version` as If-Match, sending only what the person changed. A
 * change made meanwhile shows what changed and by whom, and where it and the person's differ,
 * keeping what was typed and showing the item as it now is in every other field (409); a refusal
 * shows beside the fields; done, back to the item (or Översikt, where its form was) with the
 * confirmation. The official's own forms go to the link page's use cases (actAsOfficial).
 */
export async function actOnItem(deps: WorkspaceDeps, { session, params, body }: FormRequest & { params: { id: string } }) {
  const { id } = params;
  const form = new URLSearchParams(body);
  const name = itemFormName(form);
  const item = await getItem(deps, session.caller, id);
  if (!name) return renderItem(deps, session, id, 400);
  if (isOfficialForm(name)) return actAsOfficial(deps, session, id, name, form);
  // "Ändra" shown again holds the item as it now is wherever the clerk changed nothing. Refused after a
  // change made meanwhile, it stays as it was sent (version and opened values), so its next save is
  // checked against that change instead of overwriting it.
  const opened = name === 'change' ? openedBeforeChange(form, item) : undefined;
  const values = name === 'change' && !opened ? changeFormAgain(form, item) : formValues(form, CHANGE_FIELDS);
  const parsed = parseItemForm(name, form, item);
  if (!parsed.ok) return renderItem(deps, session, id, 400, { form: { name, state: { values, errors: parsed.errors, ...(parsed.message ? { message: parsed.message } : {}) }, ...(opened ? { opened } : {}) } });
  const { version, patch } = parsed.command;
  try {
    // An empty patch: the item already is as the form says (a form saved before, sent again).
    if (Object.keys(patch).length > 0) await patchItem(deps, session.caller, id, version, parseOrThrow(patchItemBody, patch, 'Uppgifterna'));
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'stale') {
      const [history, now] = await Promise.all([itemHistory(deps, session.caller, id), getItem(deps, session.caller, id)]);
      const again = name === 'change' ? changeFormAgain(form, now) : values;
      // Event n records version n: what came after the version the form was shown with.
      return renderItem(deps, session, id, 409, { form: { name, state: { values: again } }, changedMeanwhile: history.slice(version), yourChange: { ...patch } });
    }
    if (!isFormProblem(error)) throw error;
    return refusedForm(deps, session, id, name, values, error, form.get('dueForm') ?? undefined);
  }
  const back = form.get('returnTo') === WORKSPACE_PATHS.overview ? WORKSPACE_PATHS.overview : WORKSPACE_PATHS.item(id);
  return seeOther(`${back}?m=${DONE[name]}`);
}

async function renderRegister(deps: WorkspaceDeps, session: Session, status: number, form: FormState<RegisterField>, extra: Partial<RegisterModel> = {}) {
  const [context, units, bodies] = await Promise.all([pageContext(deps, session), unitSuggestions(deps, session), bodiesWithPlans(deps, session.caller)]);
  return htmlPage(status, registerPage({ ...context, form, bodies, units, ...extra }));
}

/** `GET /registrera`: the empty form with a new idempotency key (registrars and admins). */
export function showRegister(deps: WorkspaceDeps, { session }: PageRequest) {
  requireRegistrar(session.caller);
  return renderRegister(deps, session, 200, newRegisterForm());
}

/**
 * `POST /registrera`: "Visa tidsfrist" shows the form again with the deadline `previewDeadline`
 * computes; "Registrera" registers as `POST /uppdrag` does, the form's idempotency key as its
 * Idempotency-Key, and goes on to the item. What is wrong is shown beside the fields.
 */
export async function register(deps: WorkspaceDeps, { session, body }: FormRequest) {
  requireRegistrar(session.caller);
  const form = new URLSearchParams(body);
  const values = formValues(form, REGISTER_FIELDS);
  const again = (status: number, state: Omit<FormState<RegisterField>, 'values'> = {}, extra: Partial<RegisterModel> = {}) =>
    renderRegister(deps, session, status, { values, ...state }, extra);
  const refusal = (error: DomainError) => {
    const { errors, unplaced } = issuesToFieldErrors(error.issues, form.get('dueForm') ?? undefined);
    return { errors, message: unplaced.length ? unplaced.join(' ') : error.message };
  };

  if (registerIntent(form) === 'preview') {
    const parsed = parsePreviewForm(form);
    if (!parsed.ok) return again(400, { errors: parsed.errors });
    let preview: DeadlinePreview;
    try {
      preview = { ok: true, ...(await previewDeadline(deps, session.caller, parseOrThrow(deadlinePreviewBody, parsed.command, 'Uppgifterna'))) };
    } catch (error) {
      if (!isFormProblem(error)) throw error;
      preview = { ok: false, message: error.message };
    }
    // What registering would refuse in what is already typed (a text too long, a malformed address) is said now, beside
    // its field; a field still empty is not: the clerk may be checking the deadline before filling in the rest.
    const whole = parseRegisterForm(form);
    const typedWrong = whole.ok ? {} : Object.fromEntries(Object.entries(whole.errors).filter(([field]) => values[field as RegisterField]?.trim()));
    return again(200, Object.keys(typedWrong).length ? { errors: typedWrong } : {}, { preview });
  }

  const parsed = parseRegisterForm(form);
  if (!parsed.ok) return again(400, { errors: parsed.errors });
  try {
    const { item, warnings } = await createItem(deps, session.caller, parseOrThrow(createItemBody, parsed.command.body, 'Uppgifterna'), parsed.command.idempotencyKey);
    return seeOther(`${WORKSPACE_PATHS.item(item.id)}?m=${registeredCodes(warnings)}`);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'possible_duplicate') {
      const existing = await getItem(deps, session.caller, String(error.details.existingId));
      return again(409, {}, { duplicateOf: { id: existing.id, title: existing.title } });
    }
    if (error instanceof DomainError && error.code === 'idempotency_key_reused') {
      // The key went with other details: a new one, so what is on the form now is registered once.
      return renderRegister(deps, session, 409, {
        values: { ...values, idempotencyKey: randomUUID() },
        message: 'Formuläret har redan registrerat ett ärende med andra uppgifter. Kontrollera uppgifterna och tryck Registrera igen om det är ett nytt ärende.',
      });
    }
    if (!isFormProblem(error)) throw error;
    return again(422, refusal(error));
  }
}
