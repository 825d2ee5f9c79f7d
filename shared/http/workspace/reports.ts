import type * as z from 'zod';
import { bodiesWithPlans } from '../../application/plans/plans';
import { balanslistaQuery, verkstallighetQuery } from '../../application/reports/queries';
import { balanslista, verkstallighet } from '../../application/reports/reports';
import { statisticsReport } from '../../application/reports/statistics';
import { listUnits } from '../../application/units/directory';
import { requireRegistrar } from '../../domain/caller';
import { DomainError } from '../../domain/errors';
import { stockholmDate, type CalendarDate } from '../../domain/dates';
import { calendarDate } from '../../domain/items/vocabulary';
import { statisticsQuery } from '../../domain/reports/statistics';
import { WORKSPACE_PATHS } from '../../views/paths';
import { XLSX_TYPE } from '../../views/spreadsheets/table';
import type { FieldErrors, FormState, FormValues } from '../../views/workspace/models';
import { balanslistaPage, verkstallighetPage, type ReportDownloads } from '../../views/reports/pages';
import { REPORT_FIELDS, REPORT_LABELS, reportHref, reportsPage, type ReportField, type ReportName, type ReportsModel } from '../../views/workspace/reports';
import { reportAs, type ReportMedia, type ReportShapes } from '../download';
import { BALANSLISTA_SHAPES, STATISTICS_SHAPES, VERKSTALLIGHET_SHAPES } from '../reports';
import type { Session } from '../session';
import type { PageRequest, WorkspaceDeps } from './deps';
import { htmlPage, pageContext } from './respond';

/**
 * Rapporter: the council reports by the session cookie, for registrars and admins. The same use
 * cases, pages and sheets as `GET /reports/*` (shared/http/reports.ts); only the way in differs
 * (a GET form instead of a bearer token, `format` instead of Accept), and a wrong parameter is
 * Rapporter again with the message beside its field instead of a 400 JSON problem.
 */

/** Each form's values before anything is typed: today, and this calendar year for the statistics. */
function defaults(today: CalendarDate): { [N in ReportName]: FormValues<ReportField<N>> } {
  const year = today.slice(0, 4);
  return { balanslista: { asOf: today }, verkstallighet: { asOf: today }, statistik: { from: `${year}-01-01`, to: `${year}-12-31` } };
}

async function renderReports(deps: WorkspaceDeps, session: Session, status: number, asked: Partial<ReportsModel['forms']> = {}, flashCode?: string) {
  requireRegistrar(session.caller);
  const [context, bodies, units] = await Promise.all([pageContext(deps, session, flashCode), bodiesWithPlans(deps, session.caller), listUnits(deps, session.caller)]);
  const blank = defaults(context.today);
  const forms = {
    balanslista: asked.balanslista ?? { values: blank.balanslista },
    verkstallighet: asked.verkstallighet ?? { values: blank.verkstallighet },
    statistik: asked.statistik ?? { values: blank.statistik },
  };
  return htmlPage(status, reportsPage({ ...context, forms, bodies, units: units.map((unit) => unit.unit) }));
}

/** `GET /rapporter`: the three reports' forms with their defaults. */
export const showReports = (deps: WorkspaceDeps, { session, query }: PageRequest) => renderReports(deps, session, 200, {}, query.m);

/** `format=csv|xlsx`: the rows as a file; anything else, the printable page. */
const mediaOf = (format: string | undefined): ReportMedia => (format === 'csv' ? 'text/csv' : format === 'xlsx' ? XLSX_TYPE : 'text/html');

/**
 * A report's parameters read with the API's own schema (so the rules are the API's), blank fields
 * left out; or the Swedish message per field. A message that names an API field names the form's.
 */
function readReport<N extends ReportName, Q>(name: N, schema: z.ZodType<Q>, query: Readonly<Record<string, string>>, filled: FormValues<ReportField<N>>) {
  const fields = REPORT_FIELDS[name] as readonly ReportField<N>[];
  const values: FormValues<ReportField<N>> = {};
  for (const field of fields) {
    const value = query[field] ?? filled[field];
    if (value !== undefined) values[field] = value;
  }
  const given = Object.fromEntries(fields.flatMap((field) => (values[field]?.trim() ? [[field, values[field].trim()]] : [])));
  const parsed = schema.safeParse(given);
  if (parsed.success) return { ok: true as const, command: parsed.data, values };
  const errors: FieldErrors<ReportField<N>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ReportField<N>;
    // A real date in `to` that is still refused comes before `from` (the API's message names its field, `from`).
    const message = field === 'to' && calendarDate.safeParse(given.to).success ? `Ska vara samma dag som ${REPORT_LABELS.from.toLowerCase()} eller senare.` : issue.message;
    errors[field] ??= field === 'body' && !given.body ? 'Skriv organets förkortning, t.ex. KS.' : message;
  }
  return { ok: false as const, state: { values, errors } satisfies FormState<ReportField<N>> };
}

/**
 * Reads the query, refuses others than registrars and admins, and answers the report, or Rapporter
 * with what is wrong. The page shown links to itself as CSV and Excel, for the same parameters.
 */
async function answerReport<N extends ReportName, Q, Row, T>(
  deps: WorkspaceDeps,
  { session, query }: PageRequest,
  name: N,
  read: { schema: z.ZodType<Q>; filled?: FormValues<ReportField<N>> },
  run: (command: Q) => Promise<T>,
  shapes: ReportShapes<Row, T>,
  page: (report: T, downloads: ReportDownloads) => string | Promise<string>,
) {
  requireRegistrar(session.caller);
  const parsed = readReport(name, read.schema, query, read.filled ?? {});
  if (!parsed.ok) return renderReports(deps, session, 400, { [name]: parsed.state });
  const downloads = { csv: reportHref(name, parsed.values, 'csv'), xlsx: reportHref(name, parsed.values, 'xlsx'), back: WORKSPACE_PATHS.reports };
  let report: T;
  try {
    report = await run(parsed.command);
  } catch (error) {
    // A refusal about a field of the form (a body the municipality does not have) is shown beside it.
    const fields = REPORT_FIELDS[name] as readonly string[];
    const issue = error instanceof DomainError && error.kind === 'refused' ? error.issues.find((i) => fields.includes(i.path)) : undefined;
    if (!issue) throw error;
    return renderReports(deps, session, 422, { [name]: { values: parsed.values, errors: { [issue.path]: issue.message } } });
  }
  return reportAs(mediaOf(query.format), report, { ...shapes, page: (shown) => page(shown, downloads) });
}

/** `GET /rapporter/balanslista`: as `GET /reports/balanslista`. */
export const showBalanslista = (deps: WorkspaceDeps, request: PageRequest) =>
  answerReport(deps, request, 'balanslista', { schema: balanslistaQuery }, (q) => balanslista(deps, q.asOf), BALANSLISTA_SHAPES, balanslistaPage);

/** `GET /rapporter/verkstallighet`: as `GET /reports/verkstallighet`; the body is asked for. */
export const showVerkstallighet = (deps: WorkspaceDeps, request: PageRequest) =>
  answerReport(deps, request, 'verkstallighet', { schema: verkstallighetQuery }, (q) => verkstallighet(deps, q.body, q.asOf), VERKSTALLIGHET_SHAPES, verkstallighetPage);

/** `GET /rapporter/statistik`: as `GET /reports/statistik`; without `from` and `to`, this calendar year. */
export const showStatistics = (deps: WorkspaceDeps, request: PageRequest) =>
  answerReport(deps, request, 'statistik', { schema: statisticsQuery, filled: defaults(stockholmDate(deps.clock())).statistik }, (q) => statisticsReport(deps, q), STATISTICS_SHAPES,
    // As STATISTICS_SHAPES' page: Vega loads with the first page asked for, never for a file.
    async (stats, downloads) => (await import('../../views/reports/statistics-page')).statisticsDocument(stats, downloads));
