/**
 * RFC 4180 output: fields holding a comma, quote, CR or LF are quoted, quotes are doubled,
 * records end in CRLF, and the text is UTF-8 without a BOM.
 *
 * Spreadsheet formula injection: Excel, LibreOffice and Google Sheets run a cell that starts
 * with `=`, `+`, `-` or `@` (and some do after a leading tab or CR) as a formula, so a matter
 * description such as `=HYPERLINK(...)` could execute when a paralegal opens the timeline. Such
 * a cell gets a leading `'`, which the spreadsheet shows as text; the rest of the value is kept
 * exactly as given (never truncated or stripped), so the protection is visible, not silent.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function protectFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = protectFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
