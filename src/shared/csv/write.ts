const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One cell as written to an exported CSV: a cell starting with = + - @ (or a tab or carriage
 * return) is prefixed with ' so spreadsheets show it as text, never run it as a formula; cells
 * with commas, quotes or line breaks are quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (CRLF-terminated, as RFC 4180 writes them). */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
