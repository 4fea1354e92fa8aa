/** Read access to the fields of one CSV line. */
export interface CsvRow {
  readonly count: number
  /** The field's text, trimmed ('' past the end of the line). */
  text(i: number): string
  /** The field as a number; NaN when empty or not numeric. */
  number(i: number): number
}

/**
 * A row over a line without quotes, reading numbers straight from the characters so that a million
 * lines do not allocate five million substrings. Reused from line to line.
 */
export class PlainRow implements CsvRow {
  private line = ''
  private starts = new Int32Array(16) as Int32Array
  private ends = new Int32Array(16) as Int32Array
  count = 0

  reset(line: string): this {
    this.line = line
    this.count = 0
    let start = 0
    for (;;) {
      const comma = line.indexOf(',', start)
      this.push(start, comma === -1 ? line.length : comma)
      if (comma === -1) return this
      start = comma + 1
    }
  }

  text(i: number): string {
    return i < this.count ? this.line.slice(this.starts[i]!, this.ends[i]!).trim() : ''
  }

  number(i: number): number {
    if (i >= this.count) return NaN
    const value = plainDecimal(this.line, this.starts[i]!, this.ends[i]!)
    return Number.isNaN(value) ? numberOf(this.text(i)) : value
  }

  private push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts)
      this.ends = grow(this.ends)
    }
    this.starts[this.count] = start
    this.ends[this.count] = end
    this.count++
  }
}

/** A row over fields already split (a line with quotes). */
export class SplitRow implements CsvRow {
  constructor(private readonly fields: readonly string[]) {}

  get count(): number {
    return this.fields.length
  }

  text(i: number): string {
    return (this.fields[i] ?? '').trim()
  }

  number(i: number): number {
    return numberOf(this.text(i))
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

function numberOf(text: string): number {
  return text === '' ? NaN : Number(text)
}

/**
 * `[-]digits[.digits]` in `line[start, end)` as a number, or NaN for anything else (the caller falls
 * back to Number()). Exact: the digits form an integer below 2^53 divided by a power of ten, and
 * IEEE division rounds correctly, so the result equals Number() of the same text.
 */
export function plainDecimal(line: string, start: number, end: number): number {
  let i = start
  const negative = line.charCodeAt(i) === 45
  if (negative) i++
  let mantissa = 0
  let digits = 0
  let fraction = -1
  for (; i < end; i++) {
    const c = line.charCodeAt(i)
    if (c === 46 && fraction < 0) fraction = 0
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48)
      digits++
      if (fraction >= 0) fraction++
    } else return NaN
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN
  const value = fraction > 0 ? mantissa / 10 ** fraction : mantissa
  return negative ? -value : value
}
