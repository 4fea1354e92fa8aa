const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One cell as written to an exported CSV: a cell starting with = + - @ (or a tab or carriage
 * return) is prefixed with ' so spreadsheets show it as text, never run it as a formula; cells
 * with commas, quotes or line breaks are quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  const text = formulaSafe(value === null || value === undefined ? '' : String(value))
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Text a spreadsheet shows as text: a leading = + - @ (or tab, CR) gets a ' in front. */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One CSV line (CRLF-terminated, as RFC 4180 writes them). */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * One line of the user's own cells, as they wrote them: nothing neutralised or masked (the
 * rejected-rows file, which must re-import unchanged), only quoted where the delimiter needs it.
 */
export function csvLineAsWritten(cells: readonly string[], delimiter = ','): string {
  const quote = (text: string): string => (text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
  return `${cells.map(quote).join(delimiter)}\r\n`
}
