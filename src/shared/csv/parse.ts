/** One CSV record and the line of the file where it starts (the first line is 1). */
export interface CsvRecord {
  readonly line: number
  readonly fields: string[]
}

const QUOTE = 34
const LF = 10
const CR = 13

/** Where the reader is: outside quotes, inside a quoted field, or just after a quote inside one. */
const enum Mode {
  Plain,
  Quoted,
  QuoteInQuoted
}

/**
 * A streaming CSV reader (RFC 4180): feed it text chunks of any size and it returns the records
 * completed so far. UTF-8 BOM dropped; CRLF, LF or CR line ends; quoted fields may hold commas,
 * quotes ("") and line breaks. Blank lines are skipped.
 */
export class CsvParser {
  private readonly delimiter: number
  private readonly maxRecordChars: number
  private recordChars = 0
  private field = ''
  private fields: string[] = []
  private mode = Mode.Plain
  private afterCr = false
  private line = 1
  private recordLine = 1
  private started = false
  private first = true

  /** `delimiter` is one character (default `,`); a record longer than `maxRecordChars` is a syntax error. */
  constructor(options: { delimiter?: string; maxRecordChars?: number } = {}) {
    this.delimiter = (options.delimiter ?? ',').charCodeAt(0)
    this.maxRecordChars = options.maxRecordChars ?? Number.POSITIVE_INFINITY
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = []
    let i = 0
    if (this.first && chunk.length > 0) {
      this.first = false
      if (chunk.charCodeAt(0) === 0xfeff) i = 1
    }
    while (i < chunk.length) {
      const next = this.mode === Mode.Plain ? this.plain(chunk, i, out) : this.quoted(chunk, i)
      this.recordChars += next - i
      if (this.recordChars > this.maxRecordChars) throw new CsvSyntaxError(this.recordLine, `a record is longer than ${Math.round(this.maxRecordChars / 1024)} KB: the file has no line breaks where a CSV file has them`)
      i = next
    }
    return out
  }

  /** Completes the last record; an unclosed quote is an error naming the line the record starts on. */
  end(): CsvRecord[] {
    if (this.mode === Mode.Quoted) throw new CsvSyntaxError(this.recordLine, 'a quoted field is never closed')
    this.mode = Mode.Plain
    const out: CsvRecord[] = []
    if (this.started) this.finishRecord(out)
    return out
  }

  private plain(text: string, i: number, out: CsvRecord[]): number {
    const c = text.charCodeAt(i)
    if (this.afterCr) {
      this.afterCr = false
      if (c === LF) return i + 1
    }
    if (c === CR || c === LF) {
      this.line++
      this.afterCr = c === CR
      if (this.started) this.finishRecord(out)
      this.recordLine = this.line
      return i + 1
    }
    this.started = true
    if (c === this.delimiter) {
      this.finishField()
      return i + 1
    }
    if (c === QUOTE && this.field === '') {
      this.mode = Mode.Quoted
      return i + 1
    }
    let end = i + 1
    while (end < text.length) {
      const d = text.charCodeAt(end)
      if (d === this.delimiter || d === CR || d === LF) break
      end++
    }
    this.field += text.slice(i, end)
    return end
  }

  private quoted(text: string, i: number): number {
    const c = text.charCodeAt(i)
    if (this.mode === Mode.QuoteInQuoted) {
      if (c === QUOTE) {
        this.field += '"'
        this.mode = Mode.Quoted
        return i + 1
      }
      this.mode = Mode.Plain
      return i
    }
    if (c === QUOTE) {
      this.afterCr = false
      this.mode = Mode.QuoteInQuoted
      return i + 1
    }
    if (c === LF && !this.afterCr) this.line++
    if (c === CR) this.line++
    this.afterCr = c === CR
    let end = i + 1
    if (c !== CR && c !== LF) {
      while (end < text.length) {
        const d = text.charCodeAt(end)
        if (d === QUOTE || d === CR || d === LF) break
        end++
      }
    }
    this.field += text.slice(i, end)
    return end
  }

  private finishField(): void {
    this.fields.push(this.field)
    this.field = ''
  }

  private finishRecord(out: CsvRecord[]): void {
    this.finishField()
    out.push({ line: this.recordLine, fields: this.fields })
    this.fields = []
    this.recordChars = 0
    this.started = false
  }
}

/** A CSV that cannot be read as records; `line` is where the record starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string
  ) {
    super(`line ${line}: ${message}`)
    this.name = 'CsvSyntaxError'
  }
}

/** Every record of a whole text (for small files and tests). */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const parser = new CsvParser({ delimiter })
  return [...parser.push(text), ...parser.end()]
}
