import type { Balanslista, BalanslistaRow, Verkstallighet, VerkstallighetRow } from '../application/reports/reports';
import type { Statistics } from '../domain/reports/statistics';
import { BALANSLISTA_SHEET, STATISTICS_SHEET, statisticsRows, VERKSTALLIGHET_SHEET, type StatisticsRow } from '../views/reports/csv';
import { balanslistaPage, verkstallighetPage } from '../views/reports/pages';
import { REPORT_PAGE_HEADERS } from '../views/reports/report-document';
import { fileSafe, type ReportShapes } from './download';

/**
 * The council reports as files and pages, one definition for both ways to them: the API
 * (`GET /reports/*`, functions/reports, a bearer token) and the workspace (`GET /rapporter/*`,
 * functions/workspace, the session cookie). The same sheet, page and file name either way.
 */

/** "Redovisning av obesvarade motioner": `balanslista-2027-05-15.csv`. */
export const BALANSLISTA_SHAPES: ReportShapes<BalanslistaRow, Balanslista> = {
  sheet: BALANSLISTA_SHEET,
  rows: (report) => report.rows,
  page: balanslistaPage,
  basename: (report) => `balanslista-${report.asOf}`,
};

/** A body's follow-up: `verkstallighet-KS-2027-05-15.csv` (the body's name in ASCII). */
export const VERKSTALLIGHET_SHAPES: ReportShapes<VerkstallighetRow, Verkstallighet> = {
  sheet: VERKSTALLIGHET_SHEET,
  rows: (report) => report.rows,
  page: verkstallighetPage,
  basename: (report) => `verkstallighet-${fileSafe(report.body)}-${report.asOf}`,
};

/**
 * The statistics: `statistik-2027-01-01-2027-12-31.csv`. Its page draws its charts with Vega
 * (800 kB): loaded by the first page asked for, never for JSON, CSV or XLSX, nor at a cold start.
 */
export const STATISTICS_SHAPES: ReportShapes<StatisticsRow, Statistics> = {
  sheet: STATISTICS_SHEET,
  rows: statisticsRows,
  page: async (stats) => (await import('../views/reports/statistics-page')).statisticsDocument(stats),
  pageHeaders: REPORT_PAGE_HEADERS,
  basename: (stats) => `statistik-${stats.from}-${stats.to}`,
};
