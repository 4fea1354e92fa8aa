import ExcelJS from 'exceljs'

/**
 * A workbook as Excel users make them, and as the wizard sends it: a hidden sheet first, a merged
 * header, a formula with its cached value, then the people on two visible sheets (Staff; Visitors
 * with one bad row). `emailTag` goes into every address (`zoe<tag>@example.com`), so a test can tell
 * its people from the demo site's; `visitorsHeader` is the Visitors sheet's header row.
 */
export async function hrWorkbook({ emailTag = '', visitorsHeader = ['first_name', 'last_name', 'email'] }: { emailTag?: string; visitorsHeader?: string[] } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('Lookup', { state: 'hidden' }).addRow(['not', 'people'])
  const staff = book.addWorksheet('Staff')
  staff.addRow(['first_name', 'last_name', 'email', 'Notes', ''])
  staff.mergeCells('D1:E1')
  staff.addRow(['Zoë', { formula: 'UPPER("ødegaard")', result: 'ØDEGAARD' }, `zoe${emailTag}@example.com`, 'a', 'b'])
  const visitors = book.addWorksheet('Visitors')
  visitors.addRow(visitorsHeader)
  visitors.addRow(['Vi', 'Sitor', `vi${emailTag}@example.com`])
  visitors.addRow(['Bad', 'Row', 'nope'])
  return Buffer.from(await book.xlsx.writeBuffer())
}
