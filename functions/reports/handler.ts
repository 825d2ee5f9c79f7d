import { balanslista, verkstallighet } from '../../shared/application/reports/reports';
import { fileSafe, reportAnswer } from '../../shared/http/download';
import { createRouter } from '../../shared/http/router';
import { REPORTS_ROUTES } from '../../shared/http/routes/reports';
import { BALANSLISTA_SHEET, VERKSTALLIGHET_SHEET } from '../../shared/views/reports/csv';
import { balanslistaPage, verkstallighetPage } from '../../shared/views/reports/pages';
import { reportsDependencies, type ReportsDependencies } from './dependencies';

export function createHandler(deps: () => ReportsDependencies = reportsDependencies) {
  return createRouter(
    REPORTS_ROUTES,
    {
      'GET /reports/balanslista': async ({ query, headers }) => {
        const report = await balanslista(deps(), query.asOf);
        return reportAnswer(headers.accept, report, { sheet: BALANSLISTA_SHEET, page: balanslistaPage, basename: `balanslista-${report.asOf}` });
      },
      'GET /reports/verkstallighet': async ({ query, headers }) => {
        const report = await verkstallighet(deps(), query.body, query.asOf);
        return reportAnswer(headers.accept, report, { sheet: VERKSTALLIGHET_SHEET, page: verkstallighetPage, basename: `verkstallighet-${fileSafe(query.body)}-${report.asOf}` });
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
