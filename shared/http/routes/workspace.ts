import * as z from 'zod';
import { planYear } from '../../application/plans/commands';
import { bodyName } from '../../domain/items/vocabulary';
import { MAX_TEXT_LENGTH } from '../../drafting/request';
import { route, type RouteContract } from '../contract';
import { IMPORT_MAX_BYTES, PDF_MAX_BYTES } from '../media';

/**
 * The registrars' workspace in the browser (README, "The workspace"): Swedish pages, server-rendered,
 * no script, on the same use cases and authorization as the API. The credential is the sealed
 * session cookie (`access: 'session'`, shared/http/session.ts), every POST also carries the
 * session's form token (shared/http/csrf.ts); API Gateway's JWT authorizer is on none of them.
 * Sign-in, its callback and the stylesheet are public: they are how a session comes to be.
 */

/** Names and values as text, each route's described by its own copy (`meta`): one schema built, not one per route. */
const textFields = z.record(z.string(), z.string());

/**
 * A page's form as the router takes it: its fields, each once. What a wrong value means is the
 * page's to say (Swedish errors beside the fields), so the page's own parser reads them.
 */
const fields = (names: string) => textFields.meta({ description: `Fields: ${names}; and \`csrf\`, the session's form token` });
/** A GET page's query: read by the page, which shows what is wrong with a filter instead of refusing. */
const lenientQuery = (names: string) => textFields.meta({ description: `Parameters: ${names}` });
const flash = lenientQuery('`m`: which confirmation to show after a POST (a code, never text)');

const html = (description: string) => ({ description, types: ['text/html'] as const });
const seeOther = (description: string) => ({ description: `${description} (\`Location\`; Post/Redirect/Get)` });
const pageAnswers = {
  200: html('The page'),
  303: seeOther('Without a session (none, expired or altered): to `/logga-in?returnTo=<this page>`'),
  403: html('The role may not see the page'),
} as const;
/** A report by the session: its printable page or its rows as a file; a wrong parameter is Rapporter again, with the message beside the field. */
const reportAnswers = {
  ...pageAnswers,
  200: { description: 'The printable page, or with `format` the rows as a file', types: ['text/html', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  400: html('Rapporter again, with what is wrong beside the field'),
} as const;
const formAnswers = {
  200: html('The page again with what was typed and what is wrong, in Swedish beside each field'),
  303: seeOther('Done: to the page that shows the outcome, with `?m=<code>`'),
  401: html('No valid session: not carried out; "Du har loggats ut" keeps the fields sent (never files) to send again after signing in, with a ticket in `csrf` bound to this browser and address (SECURITY.md)'),
  403: html('The role may not do it, or the form is not from this session (form token, `Origin`, `Sec-Fetch-Site`): nothing changed'),
} as const;

const SESSION_NOTE =
  'Credential: the session cookie (`__Host-bevakning-session`, sealed with A256GCM, 8 hours); no bearer token. A refusal is a Swedish page.';

const page = <const P extends `/${string}`, const E extends Partial<RouteContract> = {}>(path: P, summary: string, description: string, extra: E = {} as E) =>
  route({
    method: 'GET',
    path,
    function: 'workspace',
    access: 'session',
    pages: true,
    summary,
    description: `${description} ${SESSION_NOTE}`,
    query: flash,
    responses: pageAnswers,
    ...extra,
  } as const);

const form = <const P extends `/${string}`, const E extends Partial<RouteContract> = {}>(path: P, summary: string, description: string, names: string, extra: E = {} as E) =>
  route({
    method: 'POST',
    path,
    function: 'workspace',
    access: 'session',
    pages: true,
    summary,
    description: `${description} Needs the session's form token (\`csrf\`) and a same-site request. ${SESSION_NOTE}`,
    body: { form: fields(names) },
    responses: formAnswers,
    ...extra,
  } as const);

const id = z.object({ id: z.string() });
const plan = z.object({ body: bodyName, year: planYear });
const year = z.object({ year: planYear });

/** The largest review form of Granska beslut, in bytes: the kept text (at most 400,000 characters, up to 3 bytes each and percent-encoded) and the proposals' fields. */
export const REVIEW_MAX_BYTES = 4 * 1024 * 1024;
/** The largest .ics upload of a meeting plan, in bytes: a year of meetings is a few kB. */
export const ICS_MAX_BYTES = 1024 * 1024;
/** Multipart's own bytes around a file (boundaries, part headers, the other fields). */
const MULTIPART_OVERHEAD = 16 * 1024;

export const WORKSPACE_ROUTES = [
  page('/', 'Översikt: what needs a registrar now', 'Requests for a later deadline (grant or refuse), "inte mitt ärende" (reassign), items flagged for a clerk, overdue items, items with no manager to escalate to, motions near their statutory limit: each with its action one click away. Registrars and admins; anyone else is sent on to Ärenden.'),
  page('/arenden', 'Ärenden: the items, filtered, searched, sorted and paged', 'The items the person may see (as `GET /uppdrag`: registrars all, a manager their unit, an official their own), with a GET filter form, a search in title and case number, sortable columns, "Nästa sida", and the same list as CSV or XLSX (`format`).', {
    query: lenientQuery('`q`, `state`, `kind`, `unit`, `responsible`, `dueAfter`, `dueBefore`, `attention=any`, `sort` (`title`, `-title`, …), `cursor`, `format` (`csv`, `xlsx`), `m`'),
    responses: { ...pageAnswers, 200: { description: 'The page, or with `format` the list as a file', types: ['text/html', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
  }),
  page('/arenden/{id}', 'Ärende: one item, its deadline and why, its history and its forms', 'Everything stored about the item, "Så räknas fristen", the history as a timeline, and the forms the person may use. Another unit\'s or person\'s item answers 404, as the API does. The address the registrar\'s notice email links to.', {
    params: id,
    responses: { ...pageAnswers, 404: html('No such item, or not the person\'s to see') },
  }),
  form('/arenden/{id}', 'Change, close, cancel, reopen or reassign an item; grant or refuse an extension', 'The same change `PATCH /uppdrag/{id}` makes, by the person signed in, with `version` as If-Match: when the item changed meanwhile the page shows what changed and by whom, keeping what was typed (409). `action`: change, close, cancel, reopen, reassign, grant, refuse; `returnTo` `/` comes back to Översikt.', 'action, version, returnTo, the fields of the action', {
    params: id,
    responses: { ...formAnswers, 404: html('No such item, or not the person\'s to see'), 409: html('The item changed after the form was shown: what changed, and the form as typed') },
  }),
  page('/registrera', 'Registrera: the form for a new item', 'The four kinds and the five deadline forms in one form without JavaScript, with a fresh idempotency key. Registrars and admins.'),
  form('/registrera', 'Show the deadline ("Visa tidsfrist"), or register the item', 'With `intent=preview` the form comes back with the deadline `POST /deadlines/preview` computes; otherwise the item is registered as `POST /uppdrag` would, the hidden `idempotencyKey` as its Idempotency-Key, so a double click or a reload registers once.', 'intent, idempotencyKey, kind, title, … (the create body as form fields)', {
    responses: { ...formAnswers, 409: html('An open item looks the same: the form again, asking for a confirmation') },
  }),
  page('/granska', 'Granska beslut: upload a justerat protokoll', 'A form for the protokoll as a PDF, or its text pasted. Registrars and admins.'),
  form('/granska', 'Granska beslut: the proposals of a protokoll, then register the chosen ones', `multipart/form-data with \`pdf\` (a text PDF, at most ${PDF_MAX_BYTES} bytes) or \`text\`: the proposals (\`shared/application/drafts\`) each beside its source sentence within its paragraph, editable, with deadline previews; the text read is kept in the form (at most ${MAX_TEXT_LENGTH} characters), nothing on the server. Then the review form (\`intent\` preview or register): each chosen proposal is registered as \`POST /uppdrag\` would, with a stable Idempotency-Key per proposal, so a reload or a double click registers each once; the page names which were stored, which were not, and why.`, 'intent, text, batch, and per proposal p<n>-choose, p<n>-kind, p<n>-title, …', {
    body: { form: fields('intent, text, batch, p<n>-…'), maxBytes: REVIEW_MAX_BYTES, multipart: { fields: fields('text'), files: ['pdf'], maxBytes: PDF_MAX_BYTES + MULTIPART_OVERHEAD }, pastedText: true },
  }),
  page('/importera', 'Importera: upload the existing backlog (XLSX or CSV)', 'A form for the backlog spreadsheet, the columns as the item export names them. Registrars and admins.'),
  form('/importera', 'Importera: the dry run of a backlog file, then the import', `multipart/form-data with \`file\` (XLSX or CSV, at most ${IMPORT_MAX_BYTES} bytes): \`POST /imports?dryRun=true\`'s answer, every bad row and column named in Swedish, and a form to confirm (the rows read kept in it). Confirmed (\`intent=import\`), the rows are imported as \`POST /imports\` would: a row imported before is not imported again.`, 'intent, table', {
    body: { form: fields('intent, table'), maxBytes: IMPORT_MAX_BYTES * 2, multipart: { fields: fields('(none)'), files: ['file'], maxBytes: IMPORT_MAX_BYTES + MULTIPART_OVERHEAD } },
  }),
  page('/rapporter', 'Rapporter: the council reports to take out', 'Three GET forms, each opening a report\'s printable page, with links to the same report as CSV or XLSX: the balanslista of unanswered motions (`GET /rapporter/balanslista`), the follow-up of a body\'s decisions (`GET /rapporter/verkstallighet`) and the statistics of a period (`GET /rapporter/statistik`). Registrars and admins.'),
  page('/rapporter/balanslista', 'Rapporter: the balanslista of unanswered motions', `As \`GET /reports/balanslista\` answers it (the same use case, page and sheet), by the session: the printable page, or with \`format\` the rows as CSV or XLSX. A wrong \`asOf\` is shown on Rapporter beside its field (400). Registrars and admins.`, {
    query: lenientQuery('`asOf` (YYYY-MM-DD, default today), `format` (`csv`, `xlsx`)'),
    responses: reportAnswers,
  }),
  page('/rapporter/verkstallighet', "Rapporter: the follow-up of a body's decisions", `As \`GET /reports/verkstallighet\` answers it, by the session: the printable page, or with \`format\` CSV or XLSX. A missing or wrong \`body\` or \`asOf\` is shown on Rapporter beside its field (400); a body the municipality does not have, likewise (422). Registrars and admins.`, {
    query: lenientQuery('`body` (KS, BUN …), `asOf` (YYYY-MM-DD, default today), `format` (`csv`, `xlsx`)'),
    responses: reportAnswers,
  }),
  page('/rapporter/statistik', 'Rapporter: the statistics of how the decisions of a period were carried out', `As \`GET /reports/statistik\` answers it, by the session: the printable page with its charts, or with \`format\` CSV or XLSX. \`from\` and \`to\` default to this calendar year; a wrong date, \`to\` before \`from\` or a wrong filter is shown on Rapporter beside its field (400). Registrars and admins.`, {
    query: lenientQuery('`from`, `to` (YYYY-MM-DD, default this calendar year), `body`, `unit`, `kind`, `format` (`csv`, `xlsx`)'),
    responses: reportAnswers,
  }),
  page('/admin/sammantradesplaner', 'Sammanträdesplaner: the bodies and years with a plan, and the closed days', 'Admins.'),
  form('/admin/sammantradesplaner', 'Open a body\'s plan for a year', 'Sends the admin on to the plan\'s page.', 'body, year'),
  page('/admin/sammantradesplaner/{body}/{year}', 'One body\'s meeting plan for a year', 'The lead time and the dates, and an import from the body\'s published calendar (.ics). Admins.', { params: plan }),
  form('/admin/sammantradesplaner/{body}/{year}', 'Save the plan, or read the dates of an .ics file', `\`action=save\`: as \`PUT /meetings/{body}/{year}\` (dependent items recomputed). \`action=import\`, multipart/form-data with \`ics\` (at most ${ICS_MAX_BYTES} bytes) and \`mentions\`: the dates of that year the calendar holds, shown and filled into the form, nothing saved. The page sends both as one multipart form, so every field typed comes back typed.`, 'action, leadWorkingDays, dates (one per line)', {
    params: plan,
    body: { form: fields('action, leadWorkingDays, dates'), multipart: { fields: fields('action, leadWorkingDays, dates, mentions'), files: ['ics'], maxBytes: ICS_MAX_BYTES + MULTIPART_OVERHEAD } },
  }),
  page('/admin/stangda-dagar/{year}', 'Stängda dagar: the extra closed days of a year', 'Admins.', { params: year }),
  form('/admin/stangda-dagar/{year}', 'Save the extra closed days of a year', 'As `PUT /calendar/closed-days/{year}`: items whose dates touch a changed day are recomputed.', 'dates (one per line)', { params: year }),
  page('/admin/enheter', 'Enheter: each unit\'s manager', 'Admins.'),
  form('/admin/enheter', 'Set a unit\'s manager', 'As `PUT /units/{unit}`.', 'unit, managerName, managerEmail'),
  page('/admin/roller', 'Roller: who holds the roles decisions name', 'Admins.'),
  form('/admin/roller', 'Set who holds a role', 'As `PUT /directory/roles/{role}`.', 'role, name, email, unit'),
  page('/admin/offentliga', 'Offentliga sidor: which bodies\' follow-up is public', 'Every body whose public page (`GET /offentlig/{body}`) an admin has set: open or closed, whether it names the responsible officials, who changed it and when, and a link to the page while it is open; a row\'s "Ändra" fills the form with its setting. Admins.', {
    query: lenientQuery('`m`, and `organ`: a listed body whose setting fills the form'),
  }),
  form('/admin/offentliga', 'Open or close a body\'s public page', 'As `PUT /public-bodies/{body}` (the same use case), by the admin signed in: `public` and `showNames` are checkboxes, left out meaning false.', 'body, public, showNames'),
  route({
    method: 'GET',
    path: '/logga-in',
    function: 'workspace',
    access: 'public',
    pages: true,
    summary: 'Sign in to the workspace',
    description:
      'Deployed: a redirect to the municipality\'s Entra ID (OpenID Connect authorization code flow with PKCE; state, nonce and verifier in a sealed 10-minute cookie). Locally (`STAGE=local`, no `OIDC_ISSUER`): a sign-in form, "Endast för lokal utveckling". `returnTo`: the page to come back to (a path on this site).',
    query: lenientQuery('`returnTo` (a path on this site), `orsak` (`utgangen`, `utloggad`)'),
    responses: { 200: html('Locally: the sign-in form'), 303: seeOther('Deployed: to the identity provider') },
  }),
  route({
    method: 'POST',
    path: '/logga-in',
    function: 'workspace',
    access: 'public',
    pages: true,
    summary: 'Local sign-in (development only)',
    description: 'Locally only: signs in as the person and role given, and starts a session; deployed, 404. A same-site request only.',
    body: { form: fields('email, role, unit, returnTo') },
    responses: { 200: html('The form again with what is wrong'), 303: seeOther('Signed in: to `returnTo` or the start page, with the session cookie'), 403: html('A cross-site request'), 404: html('Deployed: no local sign-in') },
  }),
  route({
    method: 'GET',
    path: '/logga-in/callback',
    function: 'workspace',
    access: 'public',
    pages: true,
    summary: 'The identity provider\'s redirect back (OpenID Connect)',
    description: 'Exchanges the code (with the PKCE verifier) for the ID token, checks it, and starts a session with its claims read as the API reads a token\'s (`email`, else `preferred_username`, else `upn`; exact `roles`; `unit`). The redirect URI to register in Entra ID: `https://<domain>/logga-in/callback`.',
    query: lenientQuery('`code`, `state`, `iss`, or `error` and `error_description`'),
    responses: { 303: seeOther('Signed in: to the page the person came from, with the session cookie'), 400: html('Sign-in failed: why, and a way to try again'), 404: html('Locally: no identity provider configured') },
  }),
  route({
    method: 'POST',
    path: '/logga-ut',
    function: 'workspace',
    access: 'public',
    pages: true,
    summary: 'Sign out of the workspace',
    description: 'Clears the session cookie (a same-site request; with a session, its form token). The cookie was the only copy of the session.',
    body: { form: fields('csrf') },
    responses: { 303: seeOther('To the sign-in page, saying the person is signed out'), 403: html('A cross-site request, or another session\'s form token') },
  }),
  route({
    method: 'GET',
    path: '/assets/{file}',
    function: 'workspace',
    access: 'public',
    pages: true,
    summary: 'The workspace\'s stylesheet',
    description: 'The one stylesheet (Designsystemet and the project\'s CSS); its name carries a hash of its content, so it is cached for a year (`immutable`).',
    params: z.object({ file: z.string() }),
    responses: { 200: { description: 'The stylesheet', types: ['text/css'] }, 404: html('No such file') },
  }),
] as const;
