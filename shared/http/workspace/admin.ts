import { listRoleHolders, setRoleHolder } from '../../application/directory/roles';
import { listPublicBodies, setPublicBody, type PublicBodySetting } from '../../application/reports/public-bodies';
import { planOverview, readClosedDays, readMeetingPlan, saveClosedDays, saveMeetingPlan } from '../../application/plans/plans';
import { listUnits, setUnitManager } from '../../application/units/directory';
import { requireAdmin } from '../../domain/caller';
import { DomainError } from '../../domain/errors';
import { WORKSPACE_PATHS } from '../../views/paths';
import { closedDaysPage, planPage, plansPage, publicBodiesPage, rolesPage, unitsPage } from '../../views/workspace/admin';
import { CHECKED, formValues, parseClosedDaysForm, parsePlanChoice, parsePlanForm, parsePublicBodyForm, parseRoleForm, parseUnitForm } from '../../views/workspace/forms';
import type { FormState, FormValues, PlanField, PlanModel, PublicBodyField, RoleField, UnitField } from '../../views/workspace/models';
import type { UploadedFile } from '../contract';
import type { Session } from '../session';
import type { FormRequest, PageRequest, WorkspaceDeps } from './deps';
import { htmlPage, pageContext, seeOther } from './respond';

/** The admin's pages: meeting plans (with an .ics import), closed days, the unit and role directories, the bodies' public pages. Every use case checks the admin role. */

type Plan = { body: string; year: number };

/** `GET /admin/sammantradesplaner`: the bodies and years with a plan, and the years with closed days. */
export async function showPlans(deps: WorkspaceDeps, { session, query }: PageRequest) {
  const overview = await planOverview(deps, session.caller);
  return htmlPage(200, plansPage({ ...(await pageContext(deps, session, query.m)), ...overview }));
}

/** `POST /admin/sammantradesplaner`: on to the plan of the body and year asked for. */
export async function choosePlan(deps: WorkspaceDeps, { session, body }: FormRequest) {
  requireAdmin(session.caller);
  const form = new URLSearchParams(body);
  const parsed = parsePlanChoice(form);
  if (parsed.ok) return seeOther(WORKSPACE_PATHS.plan(parsed.command.body, parsed.command.year));
  const overview = await planOverview(deps, session.caller);
  return htmlPage(400, plansPage({ ...(await pageContext(deps, session)), ...overview, form: { values: formValues(form, ['body', 'year']), errors: parsed.errors } }));
}

async function renderPlan(deps: WorkspaceDeps, session: Session, plan: Plan, status: number, form: FormState<PlanField>, extra: Partial<PlanModel> = {}, flashCode?: string) {
  requireAdmin(session.caller);
  const stored = await readMeetingPlan(deps, plan).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === 'not_found') return undefined;
    throw error;
  });
  const context = await pageContext(deps, session, flashCode);
  return htmlPage(status, planPage({ ...context, ...plan, ...(stored ? { stored: { leadWorkingDays: stored.leadWorkingDays, dates: stored.dates } } : {}), form, ...extra }));
}

/** `GET /admin/sammantradesplaner/{body}/{year}`: the plan, or an empty one to fill in. */
export const showPlan = (deps: WorkspaceDeps, { session, params, query }: PageRequest & { params: Plan }) => renderPlan(deps, session, params, 200, { values: {} }, {}, query.m);

/**
 * `POST /admin/sammantradesplaner/{body}/{year}`: save the plan (dependent items are recomputed), or
 * (`action=import`) read the year's dates out of an uploaded calendar, shown and filled into the
 * form, nothing saved. Either way the page's one form sends every field, and what was typed comes back.
 */
export async function changePlan(deps: WorkspaceDeps, { session, params, body, files }: FormRequest & { params: Plan; files?: Readonly<Record<string, UploadedFile | undefined>> }) {
  const form = new URLSearchParams(body);
  const values = formValues(form, ['leadWorkingDays', 'dates', 'mentions']);
  if (form.get('action') === 'import') {
    requireAdmin(session.caller);
    const file = files?.ics;
    if (!file) return renderPlan(deps, session, params, 400, { values, errors: { ics: 'Välj kalenderfilen (.ics) att läsa in.' } });
    const mentions = values.mentions?.trim();
    const found = await deps.meetingsFromCalendar(file.bytes.toString('utf8'), { year: params.year, ...(mentions ? { mentions } : {}) });
    if ('problem' in found) return renderPlan(deps, session, params, 400, { values, errors: { ics: found.problem } });
    return renderPlan(deps, session, params, 200, { values }, { imported: { fileName: file.name, meetings: found.meetings, passedOver: found.passedOver, ...(mentions ? { mentions } : {}) } });
  }
  const parsed = parsePlanForm(form, params.year);
  if (!parsed.ok) return renderPlan(deps, session, params, 400, { values, errors: parsed.errors });
  await saveMeetingPlan(deps, session.caller, { ...params, ...parsed.command });
  return seeOther(`${WORKSPACE_PATHS.plan(params.body, params.year)}?m=plan-sparad`);
}

async function renderClosedDays(deps: WorkspaceDeps, session: Session, year: number, status: number, form: FormState<'dates'>, flashCode?: string) {
  requireAdmin(session.caller);
  const { dates } = await readClosedDays(deps, year);
  return htmlPage(status, closedDaysPage({ ...(await pageContext(deps, session, flashCode)), year, stored: dates, form }));
}

/** `GET /admin/stangda-dagar/{year}`. */
export const showClosedDays = (deps: WorkspaceDeps, { session, params, query }: PageRequest & { params: { year: number } }) =>
  renderClosedDays(deps, session, params.year, 200, { values: {} }, query.m);

/** `POST /admin/stangda-dagar/{year}`: as `PUT /calendar/closed-days/{year}`; items touching a changed day are recomputed. */
export async function changeClosedDays(deps: WorkspaceDeps, { session, params, body }: FormRequest & { params: { year: number } }) {
  const form = new URLSearchParams(body);
  const parsed = parseClosedDaysForm(form, params.year);
  if (!parsed.ok) return renderClosedDays(deps, session, params.year, 400, { values: formValues(form, ['dates']), errors: parsed.errors });
  await saveClosedDays(deps, session.caller, params.year, parsed.command.dates);
  return seeOther(`${WORKSPACE_PATHS.closedDays(params.year)}?m=stangda-dagar-sparade`);
}

async function renderUnits(deps: WorkspaceDeps, session: Session, status: number, form: FormState<UnitField>, flashCode?: string) {
  requireAdmin(session.caller);
  const units = await listUnits(deps, session.caller);
  return htmlPage(status, unitsPage({ ...(await pageContext(deps, session, flashCode)), units, form }));
}

/** `GET /admin/enheter`. */
export const showUnits = (deps: WorkspaceDeps, { session, query }: PageRequest) => renderUnits(deps, session, 200, { values: {} }, query.m);

/** `POST /admin/enheter`: as `PUT /units/{unit}`. */
export async function changeUnit(deps: WorkspaceDeps, { session, body }: FormRequest) {
  const form = new URLSearchParams(body);
  const parsed = parseUnitForm(form);
  const values = formValues<UnitField>(form, ['unit', 'managerName', 'managerEmail']);
  if (!parsed.ok) return renderUnits(deps, session, 400, { values, errors: parsed.errors });
  try {
    await setUnitManager(deps, session.caller, parsed.command.unit, parsed.command.body);
  } catch (error) {
    // A unit the directory already holds under another spelling: said beside the name, as typed.
    if (error instanceof DomainError && error.code === 'unit_spelled_otherwise') return renderUnits(deps, session, 422, { values, errors: { unit: error.issues[0]?.message ?? error.message } });
    throw error;
  }
  return seeOther(`${WORKSPACE_PATHS.units}?m=enhet-sparad`);
}

async function renderRoles(deps: WorkspaceDeps, session: Session, status: number, form: FormState<RoleField>, flashCode?: string) {
  requireAdmin(session.caller);
  const roles = await listRoleHolders(deps, session.caller);
  return htmlPage(status, rolesPage({ ...(await pageContext(deps, session, flashCode)), roles, form }));
}

/** `GET /admin/roller`. */
export const showRoles = (deps: WorkspaceDeps, { session, query }: PageRequest) => renderRoles(deps, session, 200, { values: {} }, query.m);

/** `POST /admin/roller`: as `PUT /directory/roles/{role}`. */
export async function changeRole(deps: WorkspaceDeps, { session, body }: FormRequest) {
  const form = new URLSearchParams(body);
  const parsed = parseRoleForm(form);
  if (!parsed.ok) return renderRoles(deps, session, 400, { values: formValues<RoleField>(form, ['role', 'name', 'email', 'unit']), errors: parsed.errors });
  await setRoleHolder(deps, session.caller, parsed.command.role, parsed.command.body);
  return seeOther(`${WORKSPACE_PATHS.roles}?m=roll-sparad`);
}

/**
 * Offentliga sidor with `form` in its form, or, without one, the setting of the listed body
 * `chosen` (a row's "Ändra"), so that changing it starts from what it is; empty for any other.
 */
/** A stored setting as one word for the form's `was`: "open", "open-names", "closed", "closed-names". */
const settingCode = (setting: Pick<PublicBodySetting, 'public' | 'showNames'>) => `${setting.public ? 'open' : 'closed'}${setting.showNames ? '-names' : ''}`;

/** The form filled with a stored setting, carrying it as `was`. */
const settingValues = (setting: PublicBodySetting): FormValues<PublicBodyField> => ({
  body: setting.body,
  ...(setting.public ? { public: CHECKED } : {}),
  ...(setting.showNames ? { showNames: CHECKED } : {}),
  was: settingCode(setting),
});

async function renderPublicBodies(deps: WorkspaceDeps, session: Session, status: number, form: FormState<PublicBodyField> | undefined, flashCode?: string, chosen?: string) {
  const bodies = await listPublicBodies(deps, session.caller);
  const setting = chosen === undefined ? undefined : bodies.find((listed) => listed.body === chosen);
  const filled: FormState<PublicBodyField> = form ?? { values: setting ? settingValues(setting) : {} };
  return htmlPage(status, publicBodiesPage({ ...(await pageContext(deps, session, flashCode)), bodies, form: filled }));
}

/** `GET /admin/offentliga`: the bodies whose public page is set, open or closed; `?organ=KS` fills the form with KS's setting. */
export const showPublicBodies = (deps: WorkspaceDeps, { session, query }: PageRequest) => renderPublicBodies(deps, session, 200, undefined, query.m, query.organ);

/** `POST /admin/offentliga`: as `PUT /public-bodies/{body}`, by the admin signed in. */
export async function changePublicBody(deps: WorkspaceDeps, { session, body }: FormRequest) {
  const form = new URLSearchParams(body);
  const parsed = parsePublicBodyForm(form);
  if (!parsed.ok) return renderPublicBodies(deps, session, 400, { values: formValues<PublicBodyField>(form, ['body', 'public', 'showNames']), errors: parsed.errors });
  // A body already set, from a form that did not show that setting (a fresh form, or another admin's change since):
  // shown again with what is stored, not replaced unseen.
  const stored = (await listPublicBodies(deps, session.caller)).find((listed) => listed.body === parsed.command.body);
  if (stored && form.get('was') !== settingCode(stored)) {
    const now = `${stored.public ? 'öppen' : 'stängd'}${stored.public ? (stored.showNames ? ', med namn' : ', utan namn') : ''}`;
    return renderPublicBodies(deps, session, 409, {
      values: settingValues(stored),
      errors: { body: `${stored.body}:s sida är redan ${now}, sparad av ${stored.updatedBy}. Formuläret visar nu det sparade: ändra och spara igen.` },
    });
  }
  const saved = await setPublicBody(deps, session.caller, parsed.command.body, parsed.command.settings);
  return seeOther(`${WORKSPACE_PATHS.publicBodies}?m=${saved.public ? 'offentlig-oppnad' : 'offentlig-stangd'}`);
}
