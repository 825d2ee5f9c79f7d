import * as z from 'zod';
import { createItemBody, deadlinePreviewBody, patchItemBody } from '../../application/items/commands';
import { listQuery } from '../../application/items/query';
import { ATTENTIONS } from '../../domain/items/vocabulary';
import { route } from '../contract';
import { EXPORTS_DESCRIPTION, IMPORT_MAX_BYTES, IMPORT_TYPES, SPREADSHEET_ANSWERS } from '../media';
import { IMPORT_COLUMN_ALIASES, IMPORT_MAX_ROWS, IMPORT_RAISED_NAMES, IMPORT_STATUSES } from '../../application/imports/backlog';

/** The other names the import reads for a column, for the description: "`Rubrik`: `Ärende`, …". */
const ALIASES_TEXT = Object.entries(IMPORT_COLUMN_ALIASES)
  .map(([column, names]) => `\`${column}\`: ${(names ?? []).map((name) => `\`${name}\``).join(', ')}`)
  .join('; ');

// An id of the wrong form is an item that does not exist: 404, as for any other.
const id = z.object({ id: z.string() });
const etag = { ETag: 'The item version, for If-Match' };
const deadlineProblems =
  'The deadline cannot be computed (e.g. `no_meeting_plan` (an admin adds the plan: `PUT /meetings/{body}/{year}`), `no_meeting_in_month`, `not_a_meeting`, `no_meeting_in_time`), or it falls before the decision (`due_before_decision`) or before the remiss came in (`due_before_received`), naming both dates';

export const ITEMS_ROUTES = [
  route({
    method: 'POST',
    path: '/uppdrag',
    function: 'items',
    access: 'registrar',
    summary: 'Register an item',
    description:
      'Register an item (registrar, admin). `kind` also accepts the Swedish spelling `återrapportering`; it is stored and answered as the code (`aterrapportering`). `caseNumber` is optional, and so is `decision.paragraph` (a decision recorded before the minutes are approved has no § yet). A `yttrande` may be registered when the remiss arrives, before any body has decided: then `decision` may be left out and `remiss: { received, reference }` (both optional) says where it came from; the sender is `due.recipient`. Honours `Idempotency-Key` (1–200 visible ASCII characters, kept 24 hours per caller): the same key with the same body returns the first item and stores nothing; with another body, 409. Without a key that matched, an open item with the same kind, decision (body, date, §), responsible and title (case and spacing ignored) is a 409 `possible_duplicate` with its `existingId`; `"confirmDuplicate": true` registers the item anyway. The 201 may carry `warnings` (`no_manager`: no manager on the item nor in the unit directory to escalate to; an admin sets one with `PUT /units/{unit}`, or the item is given a `manager` with `PATCH`; `overdue_at_registration`: the deadline has already passed; `outside_deadline_passed`: a yttrande\'s outside deadline, the recipient\'s last day, has already passed (given instead of `overdue_at_registration`); `meeting_already_held`: the meeting the deadline hangs on is past, and the item is flagged `attention: meeting_already_held`).',
    body: { json: createItemBody },
    responses: {
      201: { description: 'The stored item, with `warnings` when there is something a clerk should know', schema: (s) => s.item.extend({ warnings: z.array(s.warning).optional() }), headers: { Location: 'The item', ...etag } },
      409: { description: '`idempotency_key_reused`: the key was used with another body; `possible_duplicate`: an open item looks the same (`existingId` names it)' },
      422: { description: deadlineProblems },
    },
  }),
  route({
    method: 'POST',
    path: '/deadlines/preview',
    function: 'items',
    access: 'registrar',
    summary: 'The dates and explanation a deadline would get; nothing is stored',
    description:
      'The dates and `dueExplanation` an item with this `kind`, `decision` (optional) and `due` would get if registered now, with the `attention` and `warnings` it would get (registrar, admin): the deadline\'s, and given the `unit` (optional, with `manager` if any), `no_manager` when neither names a manager; or the 422 it would get. Nothing is stored.',
    body: { json: deadlinePreviewBody },
    responses: {
      200: {
        description: 'The deadline',
        schema: (s) => s.item.pick({ dueDate: true, meetingDate: true, externalDeadline: true, statutoryLimit: true, dueExplanation: true }).extend({
          attention: z.enum(ATTENTIONS).optional(),
          warnings: z.array(s.warning).optional(),
        }),
      },
      422: { description: `${deadlineProblems} (the same 422 as \`POST /uppdrag\`)` },
    },
  }),
  route({
    method: 'GET',
    path: '/uppdrag',
    function: 'items',
    access: 'signedIn',
    summary: 'List items',
    description: `List items the caller may see: registrars all, a manager their unit, an official their own. \`attention=no_meeting_in_time\`, \`meeting_already_held\` or \`any\` lists the open items that need a clerk. An export holds every matching row, up to 20,000: ${EXPORTS_DESCRIPTION} \`dueBefore\` and \`dueAfter\` are exclusive. Without \`state\`, open items come first, then done, then cancelled, each by due date.`,
    query: listQuery,
    responses: {
      200: { description: 'A page of items', schema: (s) => z.object({ items: z.array(s.item), nextCursor: z.string().optional() }), types: SPREADSHEET_ANSWERS.types },
      403: { description: '`forbidden`: another unit\'s list or another person\'s items; `manager_without_unit`: `?unit=` from a manager whose token has no `unit` claim' },
      422: SPREADSHEET_ANSWERS.tooLarge,
    },
  }),
  route({
    method: 'GET',
    path: '/uppdrag/{id}',
    function: 'items',
    access: 'signedIn',
    summary: 'One item',
    description: 'One item with its computed dates and state. Another unit’s item answers 404 to a manager.',
    params: id,
    responses: { 200: { description: 'The item', schema: (s) => s.item, headers: etag }, 404: { description: 'No such item, or not yours to see' } },
  }),
  route({
    method: 'PATCH',
    path: '/uppdrag/{id}',
    function: 'items',
    access: 'signedIn',
    summary: 'Change, close or reopen an item',
    description:
      'Change an item: any field of the create body, plus `status` (`done`, `cancelled` with `reason`, `open` to reopen), `note` and `reason`. A changed deadline requires `reason`. The responsible official may only send `{ "status": "done", "note": "…" }` for their own item. Requires `If-Match` with the ETag read. A retry of a change whose answer was lost (a timeout, a 503) gets the item as stored, never a second change: send it with the same `Idempotency-Key` (kept 24 hours), or without one it is recognised when the item\'s latest change is this very change by the same caller.',
    params: id,
    body: { json: patchItemBody },
    responses: {
      200: { description: 'The changed item', schema: (s) => s.item, headers: etag },
      404: { description: 'No such item, or not yours to see' },
      409: { description: '`idempotency_key_reused`: the key was used for another change' },
      412: { description: 'If-Match is stale: read the item again (`ETag` is the version now)' },
      422: { description: 'A reason is required, or the deadline cannot be computed' },
      428: { description: 'If-Match is missing, or `*`: send the ETag read with GET' },
    },
  }),
  route({
    method: 'GET',
    path: '/uppdrag/{id}/history',
    function: 'items',
    access: 'signedIn',
    summary: 'History of an item',
    description: 'Creation and every change, oldest first.',
    params: id,
    responses: { 200: { description: 'The history', schema: (s) => z.object({ events: z.array(s.historyEvent) }) }, 404: { description: 'No such item, or not yours to see' } },
  }),
  route({
    method: 'POST',
    path: '/imports',
    function: 'items',
    access: 'registrar',
    summary: 'Import the existing backlog from a spreadsheet (XLSX or CSV)',
    description: `Registers the open work of a spreadsheet whose row naming the columns (the first of its first 10 rows that names the required ones; rows above it, a title, are skipped) names them as the item export does (\`Id\`, \`Typ\`, \`Rubrik\`, \`Diarienummer\`, \`Organ\`, \`Beslutsdatum\`, \`Paragraf\`, \`Ansvarig\`, \`E-post\`, \`Enhet\`, \`Tidsfrist\`, \`Läge\`, \`Remiss inkom\`, \`Remissens referens\`; other columns are ignored), so an exported file imports back (registrar, admin); other names for the same columns are read too (${ALIASES_TEXT}). The file is the body: \`Content-Type: text/csv\` (UTF-8, \`;\` or \`,\`; a file whose letters were lost on the way, a Windows-1252 file sent as text, is refused with \`csv_not_utf8\`, and a workbook sent as CSV with \`spreadsheet_is_xlsx\`) or the XLSX type; at most ${IMPORT_MAX_ROWS} rows. With \`?dryRun=true\` nothing is stored. Each row answers \`{ row, status, id?, issues? }\`, \`row\` as the spreadsheet numbers it (header = 1); \`status\` is \`would_create\` (dry run), \`created\`, \`exists\` (an \`Id\` that exists, a row imported before, or a row repeated in the file) or \`error\` (with \`issues\` in Swedish, each naming its column; a row with the same kind, decision, responsible and title as an open item with another deadline or as an earlier row, a merged cell in a column read; with the open item's deadline it \`exists\`, that item's \`id\`). The dry run answers as the import would. \`Organ\` in lower case is read in capitals; dates may also be written d/m-åååå, d.m.åååå or \"d månad åååå\". Importing the same file twice creates nothing the second time. The deadline is \`Tidsfrist\` as a date; a motion without one is registered from the date it was raised, in a column \`Väckt\` (also ${IMPORT_RAISED_NAMES.slice(1).map((name) => `\`${name}\``).join(', ')}), its deadline counted as for one registered by hand. Rows that carry no item are not rows of the answer but \`skipped\` (\`total\`: a Summa/Totalt/Antal row; \`unread_columns\`: values only in columns not read; \`lone_text\`: one filled cell, a footnote). A row already overdue is reminded from the import day on: \`overdue\` counts the new rows overdue at the first reminder run (\`firstRun\`) and those whose managers are copied then (\`escalating\`), and those old enough to escalate that have no manager to copy, on the item or in the unit directory (\`noManager\`).`,
    query: z.strictObject({ dryRun: z.enum(['true', 'false'], { error: 'dryRun ska vara true eller false.' }).transform((v) => v === 'true').optional() }),
    body: { raw: { types: IMPORT_TYPES, maxBytes: IMPORT_MAX_BYTES } },
    responses: {
      200: {
        description: 'What became of each row, and the counts by status',
        schema: () => z.object({
          sheets: z.object({ read: z.string(), others: z.array(z.string()) }).optional().meta({ description: 'A workbook of more than one sheet: the first, which was read, and the others, which were not' }),
          rows: z.array(z.object({ row: z.int(), status: z.enum(IMPORT_STATUSES), id: z.string().optional(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() })),
          counts: z.record(z.enum(IMPORT_STATUSES), z.int()),
          skipped: z.array(z.object({ row: z.int(), reason: z.enum(['total', 'unread_columns', 'lone_text']) })),
          overdue: z.object({ rows: z.int(), escalating: z.int(), noManager: z.int(), firstRun: z.iso.date() }),
        }),
      },
    },
  }),
] as const;
