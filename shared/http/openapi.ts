import * as z from 'zod';
import { CALENDAR_YEARS } from '../domain/calendar/working-days';
import { ATTENTIONS } from '../domain/items/vocabulary';
import { createItemBody, deadlinePreviewBody, patchItemBody } from '../application/items/commands';
import { SPREADSHEET_TYPES } from '../views/spreadsheets/table';
import { listQuery } from '../application/items/query';
import { meetingPlanBody } from '../domain/deadlines/meeting-plans';
import { closedDaysBody } from '../application/plans/closed-days';
import { draftRequest } from '../drafting/request';
import { roleHolderBody } from '../application/directory/roles';
import { PAGE_FORMS, type PageAction } from '../views/pages/forms';
import { unitBody } from '../application/units/directory';
import { balanslistaQuery, verkstallighetQuery } from '../application/reports/queries';
import { createFeedBody } from '../application/feeds/model';
import { needsToken, ROUTES, routeKey, type RouteDefinition } from './routes';

/**
 * The OpenAPI 3.1 document, built from the route table and the same zod schemas that validate
 * requests. `npm run openapi` writes it to openapi.json; a test checks that file is current.
 */
type Operation = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: jsonContent(ref('Error')) });
const ok = (description: string, schema: unknown, headers?: Record<string, unknown>) => ({
  description,
  content: jsonContent(schema),
  ...(headers ? { headers } : {}),
});
const etagHeader = { ETag: { description: 'The item version, for If-Match', schema: { type: 'string' } } };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const bodyParam = { name: 'body', in: 'path', required: true, schema: { type: 'string', examples: ['KS'] } };
const roleParam = { name: 'role', in: 'path', required: true, schema: { type: 'string', examples: ['kommundirektör'] } };
const yearParam = { name: 'year', in: 'path', required: true, schema: { type: 'integer', minimum: CALENDAR_YEARS.first, maximum: CALENDAR_YEARS.last } };

const tokenParam = { name: 'token', in: 'path', required: true, schema: { type: 'string', maxLength: 1024 }, description: 'The signed link (a secret: never logged)' };
const htmlPage = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const pageAction = (description: string, form: PageAction): Operation => ({
  description: `${description} Needs the page's form token (\`csrf\`, bound to the link); answers 303 back to the page with a message code.`,
  parameters: [tokenParam, idParam],
  requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: jsonSchema(PAGE_FORMS[form]) } } },
  responses: {
    '303': { description: 'Back to the page (`Location` relative), with `?m=` naming the outcome: the action\'s name, `closed`, `missing` or `invalid`' },
    '403': htmlPage('The form token does not belong to this link, or a cross-site request'),
    '404': htmlPage('Altered, rotated-out or unknown link, or a manager\'s link'),
    '410': htmlPage('Expired link'),
  },
});

const unitParam = { name: 'unit', in: 'path', required: true, schema: { type: 'string', maxLength: 100, examples: ['Kommunledningskontoret'] } };
const queryOf = (schema: z.ZodType) =>
  Object.entries((jsonSchema(schema) as { properties: Record<string, unknown>; required?: string[] }).properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: ((jsonSchema(schema) as { required?: string[] }).required ?? []).includes(name),
    schema: s,
  }));
/** The spreadsheet forms of an export: CSV for Swedish Excel and an XLSX workbook, the same columns. */
const spreadsheets = Object.fromEntries(SPREADSHEET_TYPES.map((type) => [type, { schema: { type: 'string', ...(type === 'text/csv' ? {} : { format: 'binary' }) } }]));
const report = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } }, ...spreadsheets, 'text/html': { schema: { type: 'string' } } },
});
const acceptEncoding = {
  name: 'Accept-Encoding',
  in: 'header',
  required: false,
  schema: { type: 'string', examples: ['gzip'] },
  description: 'With `gzip`, answers of 1 KiB or more come gzip-compressed (`Content-Encoding: gzip`): a large export fits through Lambda only so.',
};
const tooLarge = error(
  'The answer would be over the 6 MB Lambda can return (`response_too_large`): the message says whether asking for it compressed (`Accept-Encoding: gzip`) would do, or the selection must be narrowed',
);
const EXPORTS =
  '`Accept: text/csv` gives a file for Swedish Excel (`;`, UTF-8 with BOM, CRLF), `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` an XLSX workbook with the same Swedish headers (identifiers as text cells, dates as date cells).';

/** What a registration answers with besides the item (`Warning`). */
const warningSchema = {
  type: 'object',
  properties: {
    code: { enum: ['no_manager', 'overdue_at_registration', 'meeting_already_held'] },
    message: { type: 'string', description: 'In Swedish, for the clerk' },
  },
  required: ['code', 'message'],
};

const protectedErrors = {
  '400': error('Invalid input: `issues` names each field at fault'),
  '401': error('No token or an invalid one'),
  '403': error('The token does not carry the right role'),
  '503': {
    ...error('DynamoDB still throttled after the retries: nothing was stored; send the same request again (same Idempotency-Key)'),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};

const queryParams = [
  ...Object.entries((jsonSchema(listQuery) as { properties: Record<string, unknown> }).properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
  acceptEncoding,
];

const operations: Record<string, Operation> = {
  'GET /health': {
    description: '200 when the API and its table answer, 503 when the table does not.',
    responses: { '200': ok('Healthy', { type: 'object', properties: { status: { const: 'ok' } } }), '503': error('The table does not answer') },
  },
  'GET /openapi.json': { description: 'This document.', responses: { '200': ok('OpenAPI 3.1', { type: 'object' }) } },
  'POST /uppdrag': {
    description:
      'Register an item (registrar, admin). `kind` also accepts the Swedish spelling `återrapportering`; it is stored and answered as the code (`aterrapportering`). `caseNumber` is optional, and so is `decision.paragraph` (a decision recorded before the minutes are approved has no § yet). A `yttrande` may be registered when the remiss arrives, before any body has decided: then `decision` may be left out and `remiss: { received, reference }` (both optional) says where it came from; the sender is `due.recipient`. Honours `Idempotency-Key` (1–200 visible ASCII characters, kept 24 hours per caller): the same key with the same body returns the first item and stores nothing; with another body, 409. Without a key that matched, an open item with the same kind, decision (body, date, §), responsible and title (case and spacing ignored) is a 409 `possible_duplicate` with its `existingId`; `"confirmDuplicate": true` registers the item anyway. The 201 may carry `warnings` (`no_manager`: no manager on the item nor in the unit directory to escalate to; `overdue_at_registration`; `meeting_already_held`: the meeting the deadline hangs on is past, and the item is flagged `attention: meeting_already_held`).',
    parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
    requestBody: { required: true, content: jsonContent(ref('CreateItem')) },
    responses: {
      '201': ok('The stored item, with `warnings` when there is something a clerk should know', {
        allOf: [ref('Item'), { type: 'object', properties: { warnings: { type: 'array', items: ref('Warning') } } }],
      }, { Location: { schema: { type: 'string' } }, ...etagHeader }),
      ...protectedErrors,
      '409': error('`idempotency_key_reused`: the key was used with another body; `possible_duplicate`: an open item looks the same (`existingId` names it)'),
      '413': error('Body over 64 KiB'),
      '415': error('Body not application/json'),
      '422': error(
        'The deadline cannot be computed (e.g. `no_meeting_plan`, `no_meeting_in_month`, `not_a_meeting`, `no_meeting_in_time`), or it falls before the decision (`due_before_decision`) or before the remiss came in (`due_before_received`), naming both dates',
      ),
    },
  },
  'POST /deadlines/preview': {
    description:
      'The dates and `dueExplanation` an item with this `kind`, `decision` (optional) and `due` would get if registered now, with the `attention` and deadline `warnings` it would get (registrar, admin), or the 422 it would get. Nothing is stored.',
    requestBody: { required: true, content: jsonContent(ref('DeadlinePreview')) },
    responses: {
      '200': ok('The deadline', {
        type: 'object',
        properties: {
          dueDate: { type: 'string', format: 'date' },
          meetingDate: { type: 'string', format: 'date' },
          externalDeadline: { type: 'string', format: 'date' },
          statutoryLimit: { type: 'string', format: 'date' },
          dueExplanation: { type: 'string' },
          attention: { enum: ['meeting_already_held'] },
          warnings: { type: 'array', items: ref('Warning') },
        },
        required: ['dueDate', 'dueExplanation'],
      }),
      ...protectedErrors,
      '422': error('The deadline cannot be computed, or falls before the decision (the same 422 as `POST /uppdrag`)'),
    },
  },
  'GET /uppdrag': {
    description:
      `List items the caller may see: registrars all, a manager their unit, an official their own. \`attention=no_meeting_in_time\`, \`meeting_already_held\` or \`any\` lists the open items that need a clerk. An export holds every matching row, up to 20,000: ${EXPORTS} \`dueBefore\` and \`dueAfter\` are exclusive. Without \`state\`, open items come first, then done, then cancelled, each by due date.`,
    parameters: queryParams,
    responses: {
      '200': {
        description: 'A page of items',
        content: {
          ...jsonContent({ type: 'object', properties: { items: { type: 'array', items: ref('Item') }, nextCursor: { type: 'string' } }, required: ['items'] }),
          ...spreadsheets,
        },
      },
      ...protectedErrors,
      '422': tooLarge,
    },
  },
  'POST /uppdrag/drafts': {
    description:
      'Propose follow-up items from the plain text of a decision document (protokollsutdrag, tjänsteskrivelse, remiss), as pasted from a PDF; nothing is stored (registrar, admin). Each draft has `kind`, `title`, `responsibleRole` and, where the role directory knows it, `responsible` and `unit`; `due` in the forms of the create body and, where the meeting plans allow, `deadline` (the computed dates) or `deadlineProblem`; the decision reference found; `confidence` (0–1), `flagged` and `flagReason`; `source` (the sentence, with character offsets into the submitted text); `missing` (what a valid create body still lacks); and `body`, the create body to send once a clerk has checked it. Bodies up to 512 KiB.',
    requestBody: { required: true, content: jsonContent(ref('DraftRequest')) },
    responses: {
      '200': ok('The drafts', { type: 'object', properties: { drafts: { type: 'array', items: { type: 'object' } } }, required: ['drafts'] }),
      ...protectedErrors,
      '413': error('Body over 512 KiB'),
    },
  },
  'GET /uppdrag/{id}': {
    description: 'One item with its computed dates and state. Another unit’s item answers 404 to a manager.',
    parameters: [idParam],
    responses: { '200': ok('The item', ref('Item'), etagHeader), ...protectedErrors, '404': error('No such item, or not yours to see') },
  },
  'PATCH /uppdrag/{id}': {
    description:
      'Change an item: any field of the create body, plus `status` (`done`, `cancelled` with `reason`, `open` to reopen), `note` and `reason`. A changed deadline requires `reason`. The responsible official may only send `{ "status": "done", "note": "…" }` for their own item.',
    parameters: [idParam, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string', examples: ['"3"'] } }],
    requestBody: { required: true, content: jsonContent(ref('PatchItem')) },
    responses: {
      '200': ok('The changed item', ref('Item'), etagHeader),
      ...protectedErrors,
      '404': error('No such item, or not yours to see'),
      '412': error('If-Match is stale: read the item again'),
      '422': error('A reason is required, or the deadline cannot be computed'),
      '428': error('If-Match is missing'),
    },
  },
  'GET /uppdrag/{id}/history': {
    description: 'Creation and every change, oldest first.',
    parameters: [idParam],
    responses: {
      '200': ok('The history', { type: 'object', properties: { events: { type: 'array', items: ref('HistoryEvent') } } }),
      ...protectedErrors,
      '404': error('No such item, or not yours to see'),
    },
  },
  'GET /meetings/{body}/{year}': {
    description: 'A body’s meeting plan for a year.',
    parameters: [bodyParam, yearParam],
    responses: { '200': ok('The plan', ref('MeetingPlan')), ...protectedErrors, '404': error('No plan for that body and year') },
  },
  'PUT /meetings/{body}/{year}': {
    description:
      'Set a body’s meeting plan (admin). Dates must be real dates in that year, without duplicates; they are sorted on save. Open items whose deadline came from this plan are recomputed (history event `recomputed`); one left without a meeting in time keeps its dates and is flagged `attention: no_meeting_in_time`.',
    parameters: [bodyParam, yearParam],
    requestBody: { required: true, content: jsonContent(ref('MeetingPlanBody')) },
    responses: { '200': ok('The saved plan, with how many items were recomputed and flagged', ref('MeetingPlan')), ...protectedErrors },
  },
  'GET /calendar/closed-days/{year}': {
    description: 'Extra days the offices are closed that year, beside weekends, public holidays and the closed eves.',
    parameters: [yearParam],
    responses: { '200': ok('The closed days', ref('ClosedDays')), ...protectedErrors },
  },
  'PUT /calendar/closed-days/{year}': {
    description: 'Set the extra closed days of a year (admin), e.g. a klämdag.',
    parameters: [yearParam],
    requestBody: { required: true, content: jsonContent(ref('ClosedDaysBody')) },
    responses: { '200': ok('The saved closed days', ref('ClosedDays')), ...protectedErrors },
  },
  'GET /p/{token}': {
    description:
      'The page an email links to. Swedish HTML, server-rendered, no script, printable. For an official\'s link (from a reminder): "Mina ärenden", their open items, most urgent first, with forms to act on each. For a manager\'s link (from the weekly overview or an escalation): "Försenat och på väg", the unit\'s overdue items and those due within 14 days, read-only, filterable by kind (`typ`) and official (`ansvarig`), sortable (`sortera`). The signed link is the credential (HMAC-SHA256 with a key id, 14 days, naming the person and, for a manager, the unit): no token, and API Gateway\'s JWT authorizer is not on this route. An altered or rotated-out link answers 404 and an expired one 410, both with no data; the 410 page offers a fresh link to the address on file. Headers: a strict Content-Security-Policy, `Referrer-Policy: no-referrer`, `Cache-Control: no-store`.',
    parameters: [
      tokenParam,
      { name: 'm', in: 'query', required: false, schema: { type: 'string' }, description: "Official's page: which message to show after an action (a code, never text)" },
      { name: 'typ', in: 'query', required: false, schema: { enum: ['uppdrag', 'aterrapportering', 'yttrande', 'motion'] }, description: 'Unit page: only this kind' },
      { name: 'ansvarig', in: 'query', required: false, schema: { type: 'string' }, description: "Unit page: only this official's items (email)" },
      { name: 'sortera', in: 'query', required: false, schema: { enum: ['forsening', 'tidsfrist', 'ansvarig', 'typ'] }, description: 'Unit page: order (default most overdue first)' },
    ],
    responses: { '200': htmlPage('Mina ärenden, or Försenat och på väg'), '404': htmlPage('Altered, rotated-out or unknown link: no data'), '410': htmlPage('Expired link: no data, a button for a fresh link') },
  },
  'POST /p/{token}/uppdrag/{id}/done': pageAction('Markera som klar: closes the item exactly as `PATCH` with `status: done` and the note would, by the official, with history `via: e-postlänk`.', 'done'),
  'POST /p/{token}/uppdrag/{id}/extension': pageAction(
    'Begär förlängning: records a pending request (history `extension_requested`) shown to registrars in `GET /uppdrag?extensionRequested=true` and in their next email. A registrar grants it by changing the deadline with a reason, or refuses it with `PATCH {"extensionRequest": "refused", "reason": …}`; the official is told in their next email.',
    'extension',
  ),
  'POST /p/{token}/uppdrag/{id}/status-report': pageAction('Lämna lägesrapport: a short status note kept in history (`status_report`); the latest is the item\'s `statusReport`, shown in lists and reports.', 'status-report'),
  'POST /p/{token}/uppdrag/{id}/not-mine': pageAction('Inte mitt ärende: history `not_mine`, the item\'s `reassignRequest`, and a line in the registrar\'s next email; cleared when the responsible official changes.', 'not-mine'),
  'POST /p/{token}/new-link': {
    description: 'Emails a fresh link to the address an authentic (typically expired) link was made for: the address on file, never one typed in. At most 3 a day per address.',
    parameters: [tokenParam],
    requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: jsonSchema(PAGE_FORMS['new-link']) } } },
    responses: { '200': htmlPage('Sent'), '403': htmlPage('The form token does not belong to this link'), '404': htmlPage('Altered or unknown link'), '429': htmlPage('Three fresh links already today') },
  },
  'GET /overdue': {
    description:
      `The overdue list of a unit, most days overdue first: each row with the responsible official, decision reference, deadline, days overdue, the number of deadline changes and the last reason, and the latest lägesrapport. A manager gets their own unit (\`unit\` claim); registrars and admins name one with \`?unit=\`. ${EXPORTS} \`Accept: text/html\` gives a printable Swedish page.`,
    parameters: [
      { name: 'unit', in: 'query', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Required for registrars and admins; a manager may only name their own' },
      acceptEncoding,
    ],
    responses: {
      '200': {
        description: 'The overdue items',
        content: {
          'application/json': { schema: { type: 'object', properties: { unit: { type: 'string' }, asOf: { type: 'string', format: 'date' }, items: { type: 'array', items: ref('Item') } }, required: ['unit', 'asOf', 'items'] } },
          ...spreadsheets,
          'text/html': { schema: { type: 'string' } },
        },
      },
      ...protectedErrors,
      '422': tooLarge,
    },
  },
  'GET /units/{unit}': {
    description: "A unit's manager from the unit directory.",
    parameters: [unitParam],
    responses: { '200': ok('The unit', ref('Unit')), ...protectedErrors, '404': error('The unit is not in the directory') },
  },
  'PUT /units/{unit}': {
    description:
      "Set a unit's manager (admin). The weekly overview goes to this manager (else to the managers named on the unit's items), and an item registered without `manager` takes this one.",
    parameters: [unitParam],
    requestBody: { required: true, content: jsonContent(jsonSchema(unitBody)) },
    responses: { '200': ok('The saved unit', ref('Unit')), ...protectedErrors },
  },
  'GET /reports/balanslista': {
    description:
      '"Redovisning av obesvarade motioner per {asOf}" (registrar, admin): every motion that is open now and was registered on or before `asOf` (default today), with raised date, statutory limit (one year), deciding body, responsible unit and official, days left or over at `asOf`, and the latest lägesrapport; those past or within 60 days of their limit are marked (`mark`: `over`, `soon`). The JSON has `title`, `asOf`, `generatedAt`, `warningDays`, `summary` and `rows`. JSON, CSV (`Accept: text/csv`), XLSX or a printable Swedish page to attach to an agenda (`Accept: text/html`).',
    parameters: [...queryOf(balanslistaQuery), acceptEncoding],
    responses: { '200': report('The balanslista'), ...protectedErrors, '422': tooLarge },
  },
  'GET /reports/verkstallighet': {
    description:
      "Follow-up of a body's decisions (registrar, admin): every open item decided by `body`, with responsible unit, deadline, deadline changes with their latest reason, and the latest lägesrapport. JSON, CSV, XLSX or a printable Swedish page, by `Accept`.",
    parameters: [...queryOf(verkstallighetQuery), acceptEncoding],
    responses: { '200': report('The follow-up'), ...protectedErrors, '422': tooLarge },
  },
  'POST /calendar-feeds': {
    description:
      "Create a personal, secret iCalendar URL listing the deadlines of one's open items (any signed-in official, for themselves; a registrar for anyone with `{ \"email\": … }`). The URL is shown once; it works until revoked.",
    requestBody: { required: false, content: jsonContent(jsonSchema(createFeedBody)) },
    responses: {
      '201': ok('The feed', { type: 'object', properties: { id: { type: 'string' }, url: { type: 'string', format: 'uri' } }, required: ['id', 'url'] }),
      ...protectedErrors,
    },
  },
  'DELETE /calendar-feeds/{id}': {
    description: 'Revoke a calendar feed (its owner, or a registrar): its URL answers 404 from then on.',
    parameters: [{ ...idParam, schema: { type: 'string', format: 'uuid' } }],
    responses: { '204': { description: 'Revoked' }, ...protectedErrors, '404': error('No such feed (or not yours)') },
  },
  'GET /calendar/{file}': {
    description:
      'The feed itself, `<token>.ics` (text/calendar): all-day events on the deadlines of the owner\'s open items (and on the meeting date where there is one), with the decision reference and a link to their page. Outlook and Google Calendar subscribe to it. The secret token is the credential: no JWT authorizer. A done or cancelled item leaves the feed; a revoked or unknown token answers 404.',
    parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}\\.ics$' } }],
    responses: { '200': { description: 'iCalendar', content: { 'text/calendar': { schema: { type: 'string' } } } }, '404': error('Unknown or revoked feed') },
  },
  'GET /directory/roles/{role}': {
    description: 'Who holds a role that decisions name ("kommundirektören" and "kommundirektör" are one role).',
    parameters: [roleParam],
    responses: { '200': ok('The role holder', ref('RoleHolder')), ...protectedErrors, '404': error('Nobody holds that role in the directory') },
  },
  'PUT /directory/roles/{role}': {
    description: 'Set who holds a role (admin), so drafts come with the responsible official filled in.',
    parameters: [roleParam],
    requestBody: { required: true, content: jsonContent(ref('RoleHolderBody')) },
    responses: { '200': ok('The saved role holder', ref('RoleHolder')), ...protectedErrors },
  },
};

const itemSchema = {
  allOf: [
    ref('CreateItem'),
    {
      type: 'object',
      properties: {
        id: { type: 'string' },
        dueDate: { type: 'string', format: 'date' },
        meetingDate: { type: 'string', format: 'date' },
        externalDeadline: { type: 'string', format: 'date' },
        statutoryLimit: { type: 'string', format: 'date' },
        dueExplanation: { type: 'string', description: 'Why the due date is what it is, in Swedish' },
        status: { enum: ['open', 'done', 'cancelled'] },
        state: { enum: ['open', 'overdue', 'done', 'cancelled'], description: 'Computed at read time in Europe/Stockholm' },
        daysLeft: { type: 'integer', description: 'Negative when overdue' },
        nextReminderDate: { type: 'string', format: 'date' },
        lastRemindedOn: { type: 'string', format: 'date', description: 'The last day the responsible official was reminded' },
        attention: {
          enum: [...ATTENTIONS],
          description:
            'Set when a clerk must look at the item: `no_meeting_in_time` (its plan changed and no meeting is left in time), `meeting_already_held` (its meeting was already held when it was registered or re-dated)',
        },
        deadlineChanges: { type: 'integer', description: 'How often the deadline was moved after registration (PATCH or a changed meeting plan)' },
        lastDeadlineReason: { type: 'string', description: 'The reason given the last time the deadline moved' },
        closedAt: { type: 'string', format: 'date-time', description: 'When the item was closed (done or cancelled)' },
        extensionRequest: {
          type: 'object',
          description: "The official's pending request for a later deadline (from their page)",
          properties: { date: { type: 'string', format: 'date' }, reason: { type: 'string' }, by: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
        },
        statusReport: {
          type: 'object',
          description: "The official's latest lägesrapport",
          properties: { note: { type: 'string' }, by: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
        },
        reassignRequest: {
          type: 'object',
          description: 'The official said the item is not theirs ("Inte mitt ärende")',
          properties: { note: { type: 'string' }, by: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
        },
        createdBy: { type: 'string' },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        version: { type: 'integer' },
      },
      required: ['id', 'dueDate', 'dueExplanation', 'status', 'state', 'daysLeft', 'createdBy', 'createdAt', 'updatedAt', 'version'],
    },
  ],
};

function operationFor(route: RouteDefinition): Operation {
  const operation = operations[routeKey(route)];
  if (!operation) throw new Error(`OpenAPI: no operation described for ${routeKey(route)}`);
  return {
    summary: route.summary,
    ...operation,
    ...(needsToken(route) ? {} : { security: [] }),
    'x-access': route.access,
  };
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of ROUTES) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationFor(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bevakning: uppföljning av politiska beslut',
      version: '2',
      description:
        'Register and follow the work political bodies give officials. Every route but the public ones needs `Authorization: Bearer <JWT>` with `email` (or `preferred_username`, `upn`), `roles` (registrar, manager, admin) and, for managers, `unit`. Errors are `{ code, message, issues: [{ path, message }] }`.',
    },
    servers: [{ url: 'http://localhost:3000', description: 'npm start' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        CreateItem: jsonSchema(createItemBody),
        PatchItem: jsonSchema(patchItemBody),
        DeadlinePreview: jsonSchema(deadlinePreviewBody),
        Warning: warningSchema,
        Item: itemSchema,
        HistoryEvent: {
          type: 'object',
          properties: {
            at: { type: 'string', format: 'date-time' },
            by: { type: 'string' },
            action: { enum: ['created', 'updated', 'done', 'cancelled', 'reopened', 'recomputed', 'extension_requested', 'extension_granted', 'extension_refused', 'status_report', 'not_mine'] },
            changes: { type: 'object', additionalProperties: { type: 'object', properties: { from: {}, to: {} } } },
            reason: { type: 'string' },
            note: { type: 'string' },
            via: { type: 'string' },
          },
          required: ['at', 'by', 'action', 'changes'],
        },
        Unit: {
          type: 'object',
          properties: { unit: { type: 'string' }, manager: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' } } }, updatedBy: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } },
          required: ['unit', 'manager'],
        },
        MeetingPlanBody: jsonSchema(meetingPlanBody(2026)),
        MeetingPlan: {
          type: 'object',
          properties: { body: { type: 'string' }, year: { type: 'integer' }, leadWorkingDays: { type: 'integer' }, dates: { type: 'array', items: { type: 'string', format: 'date' } } },
        },
        ClosedDaysBody: jsonSchema(closedDaysBody(2026)),
        DraftRequest: jsonSchema(draftRequest),
        RoleHolderBody: jsonSchema(roleHolderBody),
        RoleHolder: {
          type: 'object',
          properties: { role: { type: 'string' }, name: { type: 'string' }, email: { type: 'string', format: 'email' }, unit: { type: 'string' } },
          required: ['role', 'name', 'email', 'unit'],
        },
        ClosedDays: { type: 'object', properties: { year: { type: 'integer' }, dates: { type: 'array', items: { type: 'string', format: 'date' } } } },
        Error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            existingId: { type: 'string', description: '`possible_duplicate`: the open item that looks the same' },
          },
          required: ['code', 'message', 'issues'],
        },
      },
    },
  };
}
