import { useEffect, useId, useState } from 'react'
import { delimiterLabel, DELIMITERS, encodingOfWhole, ENCODINGS, sniffDelimiter, type Delimiter, type TextEncodingName } from '../../../../shared/csv/dialect'
import { CsvParser } from '../../../../shared/csv/parse'
import type { ImportSummary } from '../../../../shared/provisioning/contract'
import { IMPORT_COLUMNS, mappingProblems, REQUIRED_COLUMNS, suggestMapping, type ImportColumn, type ImportMapping } from '../../../../shared/provisioning/importColumns'
import { downloadText, useAction } from '../../hooks/useAction'
import { useApi } from '../../hooks/useApi'
import { ErrorAlert } from '../ErrorAlert'

interface Loaded {
  name: string
  bytes: Uint8Array
  csv: string
  headers: string[]
  delimiter: Delimiter
  encoding: TextEncodingName
  bom: boolean
  /** For an .xlsx workbook (read in main, by the CLI's reader): its bytes, the sheet read, the others, and the reader's notes. */
  workbook?: { base64: string; sheet: string; sheets: string[]; notes: string[] }
}

/** True for a file the wizard sends to main as a workbook (by its name, as the CLI decides). */
export function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(name)
}

/** Bytes as base64, in slices (a spread of a whole workbook would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A picked file's bytes. */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'))
    reader.readAsArrayBuffer(file)
  })
}

/** Decodes a file as main would: the encoding and delimiter detected unless the user chose them. */
export function loadFile(name: string, bytes: Uint8Array, chosen: { encoding?: TextEncodingName; delimiter?: Delimiter } = {}): Loaded {
  const detected = encodingOfWhole(bytes)
  if ('mixedAtLine' in detected && !chosen.encoding) throw new Error(`${name} line ${detected.mixedAtLine}: the file mixes encodings (UTF-8 and Windows-1252). Save it again from the spreadsheet as "CSV UTF-8".`)
  const found = 'mixedAtLine' in detected ? { encoding: 'utf-8' as const, bom: 0 } : detected
  const encoding = chosen.encoding ?? found.encoding
  const bom = found.bom > 0 && found.encoding === encoding
  const csv = new TextDecoder(encoding).decode(bytes)
  const delimiter = chosen.delimiter ?? sniffDelimiter(csv.slice(0, 65_536))
  return { name, bytes, csv, headers: headersOf(csv, delimiter), delimiter, encoding, bom }
}

/** The header record of a CSV text, read with the same parser main uses. */
export function headersOf(csv: string, delimiter: Delimiter = ','): string[] {
  const parser = new CsvParser({ delimiter })
  const first = parser.push(csv.slice(0, 65_536))[0] ?? parser.end()[0]
  return (first?.fields ?? []).map((h) => h.trim())
}

/** Bulk import: pick a CSV, map its headers, preview row errors, commit with progress, download the rejected rows. */
export function ImportWizard() {
  const api = useApi()
  const id = useId()
  const [file, setFile] = useState<Loaded | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  /** True while main reads another sheet's header row: the preview waits for it. */
  const [reading, setReading] = useState(false)
  const [mapping, setMapping] = useState<ImportMapping>({})
  const [allowWeakPins, setAllowWeakPins] = useState(false)
  const [createGroups, setCreateGroups] = useState(false)
  const [progress, setProgress] = useState<{ bytes: number; totalBytes: number; rows: number } | null>(null)
  const preview = useAction((request: Parameters<typeof api.provisioning.importPreview>[0]) => api.provisioning.importPreview(request))
  const commit = useAction((request: Parameters<typeof api.provisioning.importCommit>[0]) => api.provisioning.importCommit(request))
  useEffect(() => api.provisioning.on.importProgress(setProgress), [api])
  const problems = file ? mappingProblems(mapping, file.headers) : []

  async function pick(list: FileList | null) {
    const chosen = list?.[0]
    if (!chosen) return
    setFileError(null)
    try {
      const bytes = await readBytes(chosen)
      reload(isWorkbookName(chosen.name) ? await loadWorkbook(chosen.name, bytes, toBase64(bytes)) : loadFile(chosen.name, bytes))
    } catch (error) {
      setFile(null)
      setFileError((error as Error).message)
    }
  }

  /** Asks main for the workbook's sheet (the first visible, or `sheet`) and its header row, to map before the preview. */
  async function loadWorkbook(name: string, bytes: Uint8Array, base64: string, sheet?: string): Promise<Loaded> {
    const read = await api.provisioning.workbookHeaders({ workbook: { name, base64, ...(sheet === undefined ? {} : { sheet }) } })
    if (!read.ok) throw new Error(read.error.message)
    const { headers, ...found } = read.value
    return { name, bytes, csv: '', headers, delimiter: ',', encoding: 'utf-8', bom: false, workbook: { base64, sheet: found.name, sheets: found.sheets, notes: found.notes } }
  }

  async function chooseSheet(loaded: Loaded, base64: string, sheet: string) {
    setFileError(null)
    setReading(true)
    try {
      reload(await loadWorkbook(loaded.name, loaded.bytes, base64, sheet))
    } catch (error) {
      setFileError((error as Error).message)
    } finally {
      setReading(false)
    }
  }

  function reload(loaded: Loaded) {
    setFile(loaded)
    setMapping(suggestMapping(loaded.headers))
    preview.reset()
    commit.reset()
    setProgress(null)
  }

  const request = () =>
    file?.workbook
      ? { workbook: { name: file.name, base64: file.workbook.base64, sheet: file.workbook.sheet }, mapping, allowWeakPins, createGroups }
      : { csv: file?.csv ?? '', mapping, allowWeakPins, createGroups, ...(file ? { delimiter: file.delimiter, encoding: { encoding: file.encoding, bom: file.bom } } : {}) }
  const summary = commit.state.kind === 'done' ? commit.state.value : preview.state.kind === 'done' ? preview.state.value : null

  return (
    <div className="import-wizard">
      <div className="field">
        <label htmlFor={`${id}-file`}>1. Choose a CSV file or an Excel workbook (.xlsx)</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv,.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void pick(e.target.files)} />
        <span className="hint">Columns: {IMPORT_COLUMNS.join(', ')}. Comma, semicolon, tab or pipe; UTF-8, UTF-16 or Windows-1252 (Excel&apos;s &quot;CSV&quot;); or a sheet of an .xlsx workbook.</span>
      </div>
      {fileError ? (
        <p className="error" role="alert">
          {fileError}
        </p>
      ) : null}
      {file ? (
        <>
          {file.workbook ? (
            <SheetStep workbook={file.workbook} onChange={(sheet) => void chooseSheet(file, file.workbook?.base64 ?? '', sheet)} />
          ) : (
            <DialectStep file={file} onChange={(chosen) => reload(loadFile(file.name, file.bytes, chosen))} />
          )}
          <MappingStep headers={file.headers} mapping={mapping} onChange={setMapping} problems={problems} />
          <label className="choice">
            <input type="checkbox" checked={allowWeakPins} onChange={(e) => setAllowWeakPins(e.target.checked)} /> Accept easy-to-guess PINs (1234, 0000, …)
          </label>
          <label className="choice">
            <input type="checkbox" checked={createGroups} onChange={(e) => setCreateGroups(e.target.checked)} /> Create the groups the file names that this site lacks
          </label>
          <div className="actions">
            <button type="button" disabled={problems.length > 0 || reading || preview.state.kind === 'busy'} onClick={() => void preview.run(request())}>
              3. Preview
            </button>
            <button type="button" className="primary" disabled={preview.state.kind !== 'done' || commit.state.kind === 'busy' || commit.state.kind === 'done'} onClick={() => void commit.run(request())}>
              4. Import
            </button>
          </div>
        </>
      ) : null}
      {commit.state.kind === 'busy' && progress ? (
        <div className="field">
          <label htmlFor={`${id}-progress`}>Importing</label>
          <progress id={`${id}-progress`} max={progress.totalBytes} value={progress.bytes} />
          <span className="muted">{progress.rows} rows read</span>
        </div>
      ) : null}
      {preview.state.kind === 'failed' ? <ErrorAlert error={preview.state.error} context="Could not preview" /> : null}
      {commit.state.kind === 'failed' ? <ErrorAlert error={commit.state.error} context="Not imported" /> : null}
      {summary ? <ImportResult summary={summary} headers={file?.headers ?? []} onDownload={() => void api.provisioning.rejectedRows({}).then((r) => r.ok && downloadText(r.value.filename, r.value.text))} /> : null}
    </div>
  )
}

/** The workbook's sheet that is read (another can be chosen) and what the reader noticed: hidden sheets, merged header cells. */
function SheetStep({ workbook, onChange }: { workbook: NonNullable<Loaded['workbook']>; onChange(sheet: string): void }) {
  const id = useId()
  return (
    <fieldset className="dialect">
      <legend>Read from</legend>
      <label htmlFor={`${id}-sheet`}>Sheet</label>
      <select id={`${id}-sheet`} value={workbook.sheet} onChange={(e) => onChange(e.target.value)}>
        {workbook.sheets.map((s) => (
          <option key={s} value={s}>{s}</option>
        ))}
      </select>
      {workbook.notes.length ? (
        <ul className="hint" aria-label="Notes on the workbook">
          {workbook.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}

/** How the file was read, as detected; either can be changed, and the file is read again. */
function DialectStep({ file, onChange }: { file: Loaded; onChange(chosen: { encoding: TextEncodingName; delimiter: Delimiter }): void }) {
  const id = useId()
  return (
    <fieldset className="dialect">
      <legend>Read as</legend>
      <label htmlFor={`${id}-encoding`}>Encoding</label>
      <select id={`${id}-encoding`} value={file.encoding} onChange={(e) => onChange({ encoding: e.target.value as TextEncodingName, delimiter: file.delimiter })}>
        {ENCODINGS.map((e) => (
          <option key={e} value={e}>{e}{e === file.encoding && file.bom ? ' (byte order mark)' : ''}</option>
        ))}
      </select>
      <label htmlFor={`${id}-delimiter`}>Columns separated by</label>
      <select id={`${id}-delimiter`} value={file.delimiter} onChange={(e) => onChange({ encoding: file.encoding, delimiter: e.target.value as Delimiter })}>
        {DELIMITERS.map((d) => (
          <option key={d} value={d}>{delimiterLabel(d)}</option>
        ))}
      </select>
    </fieldset>
  )
}

function MappingStep({ headers, mapping, onChange, problems }: { headers: string[]; mapping: ImportMapping; onChange(m: ImportMapping): void; problems: string[] }) {
  const id = useId()
  const set = (column: ImportColumn, header: string) => {
    const next = { ...mapping }
    if (header) next[column] = header
    else delete next[column]
    onChange(next)
  }
  return (
    <fieldset className="mapping">
      <legend>2. Match the file&apos;s headers to Lintel&apos;s columns</legend>
      <div className="field-row">
        {IMPORT_COLUMNS.map((column) => (
          <div className="field" key={column}>
            <label htmlFor={`${id}-${column}`}>
              {column}
              {REQUIRED_COLUMNS.includes(column) ? ' (required)' : ''}
            </label>
            <select id={`${id}-${column}`} value={mapping[column] ?? ''} onChange={(e) => set(column, e.target.value)}>
              <option value="">— not imported —</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {problems.length ? (
        <ul className="field-error" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}

function ImportResult({ summary, headers, onDownload }: { summary: ImportSummary; headers: string[]; onDownload(): void }) {
  return (
    <div className="section" aria-live="polite">
      <p role="status">
        {summary.committed ? 'Imported' : 'Preview'}: {summary.rows} rows · {summary.imported} new people · {summary.updated} updated · {summary.rejectedCount} rejected
        {summary.committed ? '' : ' (nothing written yet)'}
      </p>
      <p className="muted">
        {summary.sheet ? `Read from sheet "${summary.sheet.name}"${summary.sheet.notes.length ? ` (${summary.sheet.notes.join(' ')})` : ''}.` : `Read as ${summary.dialect.encoding}, ${delimiterLabel(summary.dialect.delimiter)}-separated.`}
        {summary.newGroups.length ? ` Groups this site lacks: ${summary.newGroups.join(', ')}.` : ''}
      </p>
      {summary.sample.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption>First rows as read (PINs masked)</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {headers.map((h) => (
                  <th scope="col" key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summary.sample.map((row) => (
                <tr key={row.line}>
                  <th scope="row">{row.line}</th>
                  {headers.map((h, i) => (
                    <td key={h}>{row.fields[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {summary.rejected.length ? (
        <div className="table-wrap">
          <table className="data">
            <caption>Rows that {summary.committed ? 'were' : 'will be'} rejected ({summary.rejectedCount})</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {summary.rejected.map((e) => (
                <tr key={`${e.row}-${e.column}-${e.message}`}>
                  <th scope="row">{e.row}</th>
                  <td>{e.column}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={onDownload}>
            Download rejected rows (CSV, as you wrote them: PINs included)
          </button>
        </div>
      ) : null}
    </div>
  )
}
