import { apiHandler, json, type ApiResult } from '../../shared/http/api';
import { spreadsheet } from '../../shared/http/download';
import { requireRegistrar } from '../../shared/domain/caller';
import { negotiate } from '../../shared/http/negotiation';
import { PAGE_HEADERS } from '../../shared/views/pages/layout';
import { BALANSLISTA_SHEET, VERKSTALLIGHET_SHEET } from '../../shared/views/reports/csv';
import { balanslistaPage, verkstallighetPage } from '../../shared/views/reports/pages';
import { balanslistaQuery, verkstallighetQuery } from '../../shared/application/reports/queries';
import { balanslista, verkstallighet } from '../../shared/application/reports/reports';
import { parseOrThrow } from '../../shared/domain/validation';
import { SPREADSHEET_TYPES, type Sheet } from '../../shared/views/spreadsheets/table';
import { dependencies, type Dependencies } from '../dependencies';

const OFFERED = ['application/json', ...SPREADSHEET_TYPES, 'text/html'] as const;

/** A report as the caller's Accept asks: JSON, a spreadsheet to download (CSV or XLSX), or the printable page. */
async function answer<Row, T extends { rows: Row[] }>(
  accept: string | undefined,
  report: T,
  as: { sheet: Sheet<Row>; page: (report: T) => string; basename: string },
): Promise<ApiResult> {
  const type = negotiate(accept, OFFERED);
  if (type === 'text/html') return { statusCode: 200, headers: { ...PAGE_HEADERS }, body: as.page(report) };
  if (type === 'application/json') return json(200, report);
  return spreadsheet(type, as.sheet, report.rows, as.basename);
}

/** A body's short name in a file name: ASCII only (KSAU, BUN, MBN-AU; Å, Ä, Ö lose their marks). */
const fileSafe = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9-]/g, '');

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'GET /reports/balanslista': async (request) => {
        requireRegistrar(request.caller());
        const { asOf } = parseOrThrow(balanslistaQuery, request.query, 'Sökvillkoren');
        const report = await balanslista(deps(), asOf);
        return answer(request.headers.accept, report, { sheet: BALANSLISTA_SHEET, page: balanslistaPage, basename: `balanslista-${report.asOf}` });
      },

      'GET /reports/verkstallighet': async (request) => {
        requireRegistrar(request.caller());
        const { body, asOf } = parseOrThrow(verkstallighetQuery, request.query, 'Sökvillkoren');
        const report = await verkstallighet(deps(), body, asOf);
        return answer(request.headers.accept, report, {
          sheet: VERKSTALLIGHET_SHEET,
          page: verkstallighetPage,
          basename: `verkstallighet-${fileSafe(body)}-${report.asOf}`,
        });
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
