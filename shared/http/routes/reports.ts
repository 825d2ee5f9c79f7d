import * as z from 'zod';
import { balanslistaQuery, verkstallighetQuery } from '../../application/reports/queries';
import { bodyName } from '../../domain/items/vocabulary';
import { publicBodySettings, RECENTLY_CLOSED_DAYS } from '../../domain/reports/public';
import { OLDEST_OPEN_COUNT, statisticsQuery } from '../../domain/reports/statistics';
import { route } from '../contract';
import { EXPORTS_DESCRIPTION, SPREADSHEET_ANSWERS } from '../media';

const report = (description: string) => ({ description, schema: () => z.object({}).loose(), types: [...SPREADSHEET_ANSWERS.types, 'text/html'] as const });

/** How long a browser or a shared cache may keep the public page before asking again: five minutes. */
export const PUBLIC_MAX_AGE_SECONDS = 300;

const bodyParams = z.object({ body: bodyName });
/** The public page's address as residents type it: `/offentlig/ks` is KS's page. */
const publicPageParams = z.object({
  body: z
    .string()
    .transform((body) => body.toLocaleUpperCase('sv'))
    .pipe(bodyName)
    .meta({ description: "The body's short name, in any case (`ks` is KS)" }),
});

export const REPORTS_ROUTES = [
  route({
    method: 'GET',
    path: '/reports/balanslista',
    function: 'reports',
    access: 'registrar',
    summary: 'Redovisning av obesvarade motioner (the balanslista) as of a date',
    description:
      '"Redovisning av obesvarade motioner per {asOf}" (registrar, admin): every motion that is open now and was registered on or before `asOf` (default today), with raised date, statutory limit (one year), deciding body, responsible unit and official, days left or over at `asOf`, and the latest lägesrapport; those past or within 60 days of their limit are marked (`mark`: `over`, `soon`). The JSON has `title`, `asOf`, `generatedAt`, `warningDays`, `summary` and `rows`. JSON, CSV (`Accept: text/csv`), XLSX or a printable Swedish page to attach to an agenda (`Accept: text/html`).',
    query: balanslistaQuery,
    responses: { 200: report('The balanslista'), 422: SPREADSHEET_ANSWERS.tooLarge },
  }),
  route({
    method: 'GET',
    path: '/reports/verkstallighet',
    function: 'reports',
    access: 'registrar',
    summary: "Follow-up of a body's decisions: every open item it decided",
    description:
      "Follow-up of a body's decisions (registrar, admin): every open item decided by `body`, with responsible unit, deadline, deadline changes with their latest reason, and the latest lägesrapport. JSON, CSV, XLSX or a printable Swedish page, by `Accept`. A body the municipality does not have (no meeting plan, no item ever decided by it) is refused with 422 `unknown_body`, the issue at `body`.",
    query: verkstallighetQuery,
    responses: { 200: report('The follow-up'), 422: { description: `\`unknown_body\`: no meeting plan and no item of that body. Or: ${SPREADSHEET_ANSWERS.tooLarge.description}` } },
  }),
  route({
    method: 'GET',
    path: '/reports/statistik',
    function: 'reports',
    access: 'registrar',
    summary: 'Statistics of how the decisions of a period were carried out (verkställighet)',
    description: `The figures auditors review in a "granskning av verkställighet av beslut" (registrar, admin): of the items decided from \`from\` to \`to\` (both included; an item without a decision counts by its Stockholm registration date), optionally of one \`body\`, \`unit\` or \`kind\`, how many were decided, done on time, done late, cancelled, open on time, open overdue and extended, and the median and 90th percentile of the days from decision to done; the same for each body, unit, kind and decision year; and the ${OLDEST_OPEN_COUNT} open items decided longest ago. Items count as they stand today. Read through the \`byDecision\` index: the items of the period, never every item. \`Accept: text/html\` gives a printable Swedish page with charts, each with a text alternative and its data as a table. CSV and XLSX hold the figures, one row for the whole period and one per group. ${EXPORTS_DESCRIPTION}`,
    query: statisticsQuery,
    responses: { 200: { description: 'The statistics', schema: (s) => s.statistics, types: [...SPREADSHEET_ANSWERS.types, 'text/html'] }, 422: SPREADSHEET_ANSWERS.tooLarge },
  }),
  route({
    method: 'PUT',
    path: '/public-bodies/{body}',
    function: 'reports',
    access: 'admin',
    summary: "Open or close a body's public follow-up page",
    description:
      "Open (`public: true`) or close (`public: false`) the public page `GET /offentlig/{body}` of a body's decisions (admin), and choose whether it names the responsible officials (`showNames`, false when left out); who and when are recorded. Closed, the page answers 404 at once (caches may keep the last page up to five minutes).",
    params: bodyParams,
    body: { json: publicBodySettings },
    responses: { 200: { description: 'The saved setting', schema: (s) => s.publicBodySetting } },
  }),
  route({
    method: 'GET',
    path: '/offentlig/{body}',
    function: 'reports',
    access: 'public',
    summary: "A body's public follow-up page: open and recently closed items (no token)",
    description: `The follow-up of one body's decisions for residents and the press, with no token, once an admin has opened it (\`PUT /public-bodies/{body}\`); 404 until then and once closed again. The body's open items and those closed in the last ${RECENTLY_CLOSED_DAYS} days, each with its title, decision, unit, deadline, state and latest lägesrapport (as typed, with e-mail addresses and hidden names replaced); the responsible official's name only when the admin chose \`showNames\`; never an address, a note, a reason, a request or the history. A Swedish page (\`text/html\`, the default) or its JSON (\`Accept: application/json\`). Cacheable: \`Cache-Control: public, max-age=${PUBLIC_MAX_AGE_SECONDS}\`, \`Vary: Accept\` and an \`ETag\`; \`If-None-Match\` with it answers 304.`,
    params: publicPageParams,
    pages: true,
    responses: {
      200: { description: 'The public page', schema: (s) => s.publicBody, types: ['text/html'], headers: { ETag: 'A weak validator of the content', 'Cache-Control': `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` } },
      304: { description: 'Not modified: the If-None-Match named the current ETag' },
      404: { description: 'The body has no public page (never opened, or closed again); a Swedish page for a browser' },
    },
  }),
] as const;
