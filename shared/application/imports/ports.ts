/**
 * A spreadsheet as the import reads it, whatever file it came from (XLSX or CSV): every cell as
 * text, so the rules of what a cell may hold live in one place (backlog.ts), among them which
 * row names the columns (a title row may stand above it).
 */
export interface SheetTable {
  /** Every row with a value in it, in order, the row naming the columns among them. */
  rows: SheetRow[];
  /** A workbook's sheets: the one read (the first) and the others, which are not (XLSX only). */
  sheets?: { read: string; others: string[] };
}

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (the first row is 1). */
  row: number;
  /**
   * The row's cells from the first column on, as text: '' when empty, a date cell as
   * YYYY-MM-DD, a number as its digits (an identifier typed as a number has lost its leading zeros).
   */
  cells: string[];
  /**
   * The positions in `cells` (0-based) of cells in a merged range, whose text is the range's
   * top-left cell's (XLSX only): not this row's own value.
   */
  merged?: number[];
}
