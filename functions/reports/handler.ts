import { publicBodyPage, setPublicBody } from '../../shared/application/reports/public-bodies';
import { balanslista, verkstallighet } from '../../shared/application/reports/reports';
import { statisticsReport } from '../../shared/application/reports/statistics';
import { fileSafe, reportAnswer } from '../../shared/http/download';
import { json } from '../../shared/http/problems';
import { publicBodyAnswer, publicProblemAnswer } from '../../shared/http/public-answers';
import { createRouter } from '../../shared/http/router';
import { REPORTS_ROUTES } from '../../shared/http/routes/reports';
import { BALANSLISTA_SHEET, STATISTICS_SHEET, statisticsRows, VERKSTALLIGHET_SHEET } from '../../shared/views/reports/csv';
import { balanslistaPage, verkstallighetPage } from '../../shared/views/reports/pages';
import { REPORT_PAGE_HEADERS } from '../../shared/views/reports/report-document';
import type { Statistics } from '../../shared/domain/reports/statistics';
import { reportsDependencies, type ReportsDependencies } from './dependencies';

/** The statistics page draws its charts with Vega (800 kB): loaded on the first page asked for, never for JSON, CSV or XLSX. */
const statisticsPage = async (stats: Statistics) => (await import('../../shared/views/reports/statistics-page')).statisticsDocument(stats);

export function createHandler(deps: () => ReportsDependencies = reportsDependencies) {
  return createRouter(
    REPORTS_ROUTES,
    {
      'GET /reports/balanslista': async ({ query, headers }) => {
        const report = await balanslista(deps(), query.asOf);
        return reportAnswer(headers.accept, report, { sheet: BALANSLISTA_SHEET, rows: (r) => r.rows, page: balanslistaPage, basename: `balanslista-${report.asOf}` });
      },
      'GET /reports/verkstallighet': async ({ query, headers }) => {
        const report = await verkstallighet(deps(), query.body, query.asOf);
        return reportAnswer(headers.accept, report, { sheet: VERKSTALLIGHET_SHEET, rows: (r) => r.rows, page: verkstallighetPage, basename: `verkstallighet-${fileSafe(query.body)}-${report.asOf}` });
      },
      'GET /reports/statistik': async ({ query, headers }) => {
        const stats = await statisticsReport(deps(), query);
        return reportAnswer(headers.accept, stats, { sheet: STATISTICS_SHEET, rows: statisticsRows, page: statisticsPage, pageHeaders: REPORT_PAGE_HEADERS, basename: `statistik-${stats.from}-${stats.to}` });
      },
      'PUT /public-bodies/{body}': async ({ caller, params, body }) => json(200, await setPublicBody(deps(), caller, params.body, body)),
      'GET /offentlig/{body}': async ({ params, headers }) => publicBodyAnswer(await publicBodyPage(deps(), params.body), headers),
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES, renderPage: publicProblemAnswer },
  );
}

export const handler = createHandler();
