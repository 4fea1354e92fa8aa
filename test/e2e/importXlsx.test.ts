import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAppPage, type AppPage } from '../helpers/chromium'
import { hrWorkbook } from '../helpers/workbooks'

let app: AppPage
let page: Page
let problems: string[]

beforeAll(async () => {
  app = await openAppPage('#/provision')
  ;({ page, problems } = app)
})

afterAll(async () => {
  await app?.close()
})

const workbook = (): Promise<Buffer> => hrWorkbook({ emailTag: '.xlsx' })

describe('the import wizard reads an .xlsx in Chromium, over the browser host', () => {
  it('shows the sheet read and the notes, switches sheet, previews and imports with main\'s reader', async () => {
    await page.getByRole('heading', { level: 1, name: 'Provision' }).waitFor()
    await page.getByLabel('1. Choose a CSV file or an Excel workbook (.xlsx)').setInputFiles({ name: 'hr.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() })
    const sheet = page.getByLabel('Sheet', { exact: true })
    await sheet.waitFor()
    expect(await sheet.inputValue()).toBe('Staff')
    await page.getByText('Hidden sheet "Lookup" was skipped.').waitFor()
    await page.getByText(/Column E and after have cells but no header/).first().waitFor()
    await page.getByRole('button', { name: '3. Preview' }).click()
    await page.getByText(/Preview: 1 rows · 1 new people/).waitFor()
    await page.getByText(/Read from sheet "Staff"/).waitFor()
    expect(await page.getByRole('table', { name: 'First rows as read (PINs masked)' }).getByText('ØDEGAARD').count()).toBe(1)
    await sheet.selectOption('Visitors')
    await page.getByText(/^Preview: /).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '3. Preview' }).click()
    await page.getByText(/Read from sheet "Visitors"/).waitFor()
    await page.getByRole('table', { name: 'Rows that will be rejected (1)' }).waitFor()
    await page.getByRole('button', { name: '4. Import' }).click()
    await page.getByText(/Imported: 2 rows · 1 new people/).waitFor()
    expect(app.t.services.site.snapshot().people.find((p) => p.email === 'vi.xlsx@example.com')).toMatchObject({ first_name: 'Vi', last_name: 'Sitor' })
  })

  it('exports the people as a workbook that Excel (exceljs) reads back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export people (XLSX)' }).click()])
    expect(download.suggestedFilename()).toBe('people.xlsx')
    const path = await download.path()
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
    expect(book.getWorksheet('People')?.getSheetValues().flat().map(String)).toContain('vi.xlsx@example.com')
  })

  it('logged no error or warning in the browser console', () => {
    expect(problems).toEqual([])
  })
})
