import { apiHandler, json, type ApiResult } from '../../shared/http/api';
import { requireRegistrar } from '../../shared/auth/caller';
import { negotiate } from '../../shared/http/negotiation';
import { PAGE_HEADERS } from '../../shared/pages/layout';
import { balanslistaCsv, verkstallighetCsv } from '../../shared/reports/csv';
import { balanslistaPage, verkstallighetPage } from '../../shared/reports/pages';
import { balanslistaQuery, verkstallighetQuery } from '../../shared/reports/queries';
import { balanslista, verkstallighet } from '../../shared/reports/reports';
import { parseOrThrow } from '../../shared/validation';
import { dependencies, type Dependencies } from '../dependencies';

const OFFERED = ['application/json', 'text/csv', 'text/html'] as const;

/** A report as the caller's Accept asks: JSON, CSV to download, or the printable page. */
function answer<T>(accept: string | undefined, report: T, as: { csv: (report: T) => string; page: (report: T) => string; filename: string }): ApiResult {
  const type = negotiate(accept, OFFERED);
  if (type === 'text/csv') {
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${as.filename}"`, 'cache-control': 'no-store' },
      body: as.csv(report),
    };
  }
  if (type === 'text/html') return { statusCode: 200, headers: { ...PAGE_HEADERS }, body: as.page(report) };
  return json(200, report);
}

/** A body's short name in a file name: ASCII only (KSAU, BUN, MBN-AU; Å, Ä, Ö lose their marks). */
const fileSafe = (text: string) => text.normalize('NFD').replace(/[^A-Za-z0-9-]/g, '');

export function createHandler(deps: () => Dependencies = dependencies) {
  return apiHandler(
    {
      'GET /reports/balanslista': async (request) => {
        requireRegistrar(request.caller());
        const { asOf } = parseOrThrow(balanslistaQuery, request.query, 'Frågan');
        const report = await balanslista(deps(), asOf);
        return answer(request.headers.accept, report, { csv: (r) => balanslistaCsv(r.rows), page: balanslistaPage, filename: `balanslista-${report.asOf}.csv` });
      },

      'GET /reports/verkstallighet': async (request) => {
        requireRegistrar(request.caller());
        const { body, asOf } = parseOrThrow(verkstallighetQuery, request.query, 'Frågan');
        const report = await verkstallighet(deps(), body, asOf);
        return answer(request.headers.accept, report, {
          csv: (r) => verkstallighetCsv(r.rows),
          page: verkstallighetPage,
          filename: `verkstallighet-${fileSafe(body)}-${report.asOf}.csv`,
        });
      },
    },
    { maxBodyBytes: () => deps().config.MAX_BODY_BYTES },
  );
}

export const handler = createHandler();
