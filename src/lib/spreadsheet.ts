/** Streaming .xlsx and .csv writers over any row source, so large exports hold one row at a time. */
import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';

export type CellValue = string | number | boolean | null;

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => CellValue;
}

export interface XlsxOptions {
  /**
   * Bold header and wrapped cells. Styles double ExcelJS's time per row, so exports that may run
   * to 100,000 rows (the action list) go without; the frozen header and column widths remain.
   */
  styled?: boolean;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Text a spreadsheet program would read as a formula (or a DDE call) when it opens the file:
 * starting with = + - @, a tab or a carriage return, after any leading spaces. A plain number
 * written as text ("-3", "+1.5") cannot carry a formula and is left alone.
 */
const FORMULA_START = /^[ ]*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[ ]*[+-]?\d+(?:[.,]\d+)?[ ]*$/;

/**
 * Neutralises formula injection (OWASP "CSV injection"): such text gets a leading single quote,
 * so it is shown as written and never evaluated — in .csv and .xlsx alike, so a sheet saved
 * again as CSV stays harmless. Numbers stay numbers.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export const cell = (v: CellValue): string | number | null =>
  typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'string' ? safeText(v) : v;

/** Writes rows to an .xlsx stream with a frozen header row; rows are committed as they come. */
export async function writeXlsx<T>(
  out: Writable,
  sheetName: string,
  columns: Column<T>[],
  rows: Iterable<T> | AsyncIterable<T>,
  { styled = true }: XlsxOptions = {},
): Promise<void> {
  // ExcelJS loads on the first export, not with the server (half a second of start-up).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: styled,
    useSharedStrings: false,
  });
  workbook.creator = 'Integra';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Wrapping is set once per column: per-row styles cost more than the rows themselves.
  sheet.columns = columns.map((c) => ({
    header: safeText(c.header),
    width: c.width ?? 15,
    style: styled ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  if (styled) sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) {
    sheet.addRow(columns.map((c) => cell(c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** An .xlsx as a readable stream, for HTTP replies: a failure mid-way aborts the download. */
export function xlsxStream<T>(
  sheetName: string,
  columns: Column<T>[],
  rows: Iterable<T> | AsyncIterable<T>,
  options: XlsxOptions = {},
): Readable {
  const out = new PassThrough();
  writeXlsx(out, sheetName, columns, rows, options).catch((err: Error) => out.destroy(err));
  return out;
}

/** A CSV stream (UTF-8 with BOM so spreadsheet programs read accents right), header first. */
export function csvStream<T>(columns: Column<T>[], rows: Iterable<T> | AsyncIterable<T>): Readable {
  const source = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => cell(c.value(row)));
    })(),
  );
  return source.pipe(stringify({ header: true, columns: columns.map((c) => safeText(c.header)), bom: true }));
}
