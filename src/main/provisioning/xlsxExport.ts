import { formulaSafe } from '../../shared/csv/write'
import type { ExportTable } from './exports'

/**
 * A table as an XLSX workbook of one sheet. Every text cell is written as text and neutralised
 * as the CSV export is (a leading = + - @ gets a '), so no cell becomes a formula even after the
 * sheet is saved again as CSV; true/false stay booleans.
 */
export async function tableXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
  // Loaded on use: exceljs takes ~60 ms to load, which no other command should pay.
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName)
  sheet.addRow(table.head)
  sheet.getRow(1).font = { bold: true }
  for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === 'boolean' ? cell : formulaSafe(cell))))
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await book.xlsx.writeBuffer())
}
