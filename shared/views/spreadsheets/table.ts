import type { CalendarDate } from '../../domain/dates';

/** The media type of an Excel workbook (`Accept` for the XLSX form of every export). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The spreadsheet forms every export is offered in besides JSON (and, for some, a page). */
export const SPREADSHEET_TYPES = ['text/csv', XLSX_TYPE] as const;
export type SpreadsheetType = (typeof SPREADSHEET_TYPES)[number];

/**
 * How a column's values are written. `identifier`: an id or case number, always text ("0123"
 * keeps its zero); `date`: a calendar date (YYYY-MM-DD), a date cell in a spreadsheet; `integer`:
 * a number; `text`: anything else.
 */
export type ColumnType = 'text' | 'identifier' | 'date' | 'integer';

export type CellValue<T extends ColumnType> = T extends 'integer' ? number : T extends 'date' ? CalendarDate : string;

export interface Column<Row, T extends ColumnType = ColumnType> {
  /** The Swedish header, the same in CSV and XLSX. */
  header: string;
  type: T;
  /** The cell; undefined leaves it empty. */
  value: (row: Row) => CellValue<T> | undefined;
}

/** One export: its sheet's name (at most 31 characters, Excel's limit) and columns, written as CSV or XLSX alike. */
export interface Sheet<Row> {
  name: string;
  columns: readonly Column<Row>[];
}

/** A column, typed so that `value` answers what its type needs. */
export const column = <Row, T extends ColumnType>(header: string, type: T, value: (row: Row) => CellValue<T> | undefined): Column<Row> =>
  ({ header, type, value }) as Column<Row>;
