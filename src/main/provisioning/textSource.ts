import { createReadStream } from 'node:fs'
import iconv from 'iconv-lite'
import { LintelError } from '../../shared/contract/result'
import { detectEncoding, scanUtf8, type TextEncodingName } from '../../shared/csv/dialect'

/** Errors reading a file's text: all mean the input was wrong (CLI exit 2). */
export const TextErrorCode = { unreadable: 'import_unreadable', mixedEncoding: 'import_mixed_encoding' } as const

/** A file's text as it streams in, and how its bytes were decoded. */
export interface DecodedText {
  encoding: TextEncodingName
  /** True when a byte order mark named the encoding. */
  bom: boolean
  chunks: AsyncIterable<string>
}

/**
 * How much text an import reads, decodes and parses at a time. Small enough that a chunk's records
 * are written and dropped before the next young-generation GC: with 1 MB chunks ~13k records at a
 * time outlived it and were copied and promoted, ≈ 0.25 s of a 100k-row import (docs/benchmarks.md).
 */
export const TEXT_CHUNK_BYTES = 1 << 16

/** A file's bytes in {@link TEXT_CHUNK_BYTES} chunks; a read failure is `import_unreadable` naming the file. */
export async function* fileBytes(file: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: TEXT_CHUNK_BYTES })) yield chunk as Buffer
  } catch (error) {
    throw new LintelError(TextErrorCode.unreadable, `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/** Bytes already in memory (the app's import wizard), as {@link TEXT_CHUNK_BYTES} chunks. */
export async function* bufferBytes(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += TEXT_CHUNK_BYTES) yield bytes.subarray(i, i + TEXT_CHUNK_BYTES)
}

/**
 * Decodes bytes as they stream in (iconv-lite). The encoding is `encoding` when given, else detected
 * from the first chunk (see detectEncoding). A file that turns out to mix UTF-8 and Windows-1252 is
 * `import_mixed_encoding` naming the file and line: decoding on would silently corrupt names.
 */
export async function decodeText(bytes: AsyncIterable<Uint8Array>, name: string, encoding?: TextEncodingName): Promise<DecodedText> {
  const iterator = bytes[Symbol.asyncIterator]()
  const first = await iterator.next()
  const head = first.done ? new Uint8Array(0) : first.value
  const detected = detectEncoding(head)
  const chosen = encoding ?? detected.encoding
  const bom = detected.bom > 0 && detected.encoding === chosen
  const guard = chosen === 'utf-8' || (chosen === 'windows-1252' && !encoding) ? new EncodingGuard(name, chosen, bom || encoding === 'utf-8') : null
  async function* chunks(): AsyncGenerator<string> {
    let decoder = iconv.getDecoder(guard?.encoding ?? chosen)
    let current = guard?.encoding ?? chosen
    const decode = (chunk: Uint8Array): string => {
      const bytes = guard ? guard.check(chunk) : chunk
      if (guard && guard.encoding !== current) [decoder, current] = [iconv.getDecoder(guard.encoding), guard.encoding]
      return decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    }
    if (!first.done) yield decode(head)
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield decode(next.value)
    const cut = guard?.finish()
    // The UTF-8 decoder still holds the cut bytes: read them again as Windows-1252.
    const rest = cut && guard?.encoding !== current ? iconv.decode(Buffer.from(cut), 'windows-1252') : decoder.end()
    if (rest) yield rest
  }
  return {
    get encoding() {
      return guard?.encoding ?? chosen
    },
    bom,
    chunks: chunks()
  }
}

/**
 * Watches UTF-8 and Windows-1252 bytes for a switch between the two. Plain ASCII reads the same in
 * both, so a "UTF-8" file whose first non-ASCII byte is not UTF-8 is Windows-1252 from the start;
 * but valid UTF-8 and invalid bytes in one file are two encodings.
 */
class EncodingGuard {
  private carry: Uint8Array = new Uint8Array(0)
  private lines = 1
  private firstMultiByte: number | null = null
  private firstInvalid: number | null = null

  constructor(
    private readonly name: string,
    public encoding: TextEncodingName,
    private readonly fixed: boolean
  ) {}

  /**
   * Checks the next chunk and returns the bytes to decode: the chunk, or, when this chunk turns the
   * file into Windows-1252, the chunk after the cut sequence the UTF-8 decoder was still holding.
   */
  check(chunk: Uint8Array): Uint8Array {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk
    const scan = scanUtf8(bytes)
    if (scan.multiByteAt >= 0 && this.firstMultiByte === null) this.firstMultiByte = this.lineAt(bytes, scan.multiByteAt)
    if (scan.invalidAt >= 0 && this.firstInvalid === null) this.firstInvalid = this.lineAt(bytes, scan.invalidAt)
    if (this.firstInvalid !== null && (this.fixed || this.firstMultiByte !== null)) this.fail()
    const switched = this.firstInvalid !== null && this.encoding !== 'windows-1252'
    if (switched) this.encoding = 'windows-1252'
    this.lines += countLineFeeds(bytes, scan.end)
    this.carry = bytes.slice(scan.end)
    return switched ? bytes : chunk
  }

  /** At the end of the file a sequence still cut is not waiting for more bytes: it cannot be UTF-8. */
  finish(): Uint8Array | undefined {
    if (this.carry.length === 0) return undefined
    this.firstInvalid ??= this.lines
    if (this.fixed || this.firstMultiByte !== null) this.fail()
    this.encoding = 'windows-1252'
    return this.carry
  }

  private lineAt(bytes: Uint8Array, offset: number): number {
    return this.lines + countLineFeeds(bytes, offset)
  }

  private fail(): never {
    const invalid = this.firstInvalid ?? 0
    const utf8 = this.firstMultiByte ?? 0
    const message = this.fixed || utf8 <= invalid
      ? `line ${invalid}: this line is not UTF-8, but the lines before it are. The file mixes encodings: save it again from the spreadsheet as "CSV UTF-8".`
      : `line ${utf8}: this line is UTF-8, but the lines before it are Windows-1252. The file mixes encodings: save it again from the spreadsheet as "CSV UTF-8".`
    throw new LintelError(TextErrorCode.mixedEncoding, `${this.name} ${message}`)
  }
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let n = 0
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) n++
  return n
}
