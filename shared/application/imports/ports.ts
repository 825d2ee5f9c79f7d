/**
 * A spreadsheet as the import reads it, whatever file it came from (XLSX or CSV): every cell as
 * text, so the rules of what a cell may hold live in one place (backlog.ts).
 */
export interface SheetTable {
  /** The first row's cells: the column names. */
  headers: string[];
  /** Every later row with a value in it, in order. */
  rows: SheetRow[];
}

export interface SheetRow {
  /** The row's number as the spreadsheet shows it: the header row is 1. */
  row: number;
  /**
   * The cells under `headers`, position for position, as text: '' when empty, a date cell as
   * YYYY-MM-DD, a number as its digits (an identifier typed as a number has lost its leading zeros).
   */
  cells: string[];
}
