import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSampleParser, parseSampleTime, parseSamplesText, splitCsv, SampleErrorCode, type Sample } from '../../../src/shared/rf'

function parsed(text: string, options = {}): Sample[] {
  const result = parseSamplesText(text, options)
  if (!result.ok) throw new Error(`line ${result.error.line}: ${result.error.message}`)
  return result.samples
}

describe('CSV samples', () => {
  it('reads time, rssi and distance in any column order, ignoring extra columns, with side defaulting to in', () => {
    const samples = parsed('note,distance,rssi,time\nfirst,1.5,-67,1700000000000\n,2,-70.5,1700000000250\n')
    expect(samples).toEqual([
      { t: 1700000000000, rssi: -67, distance_m: 1.5, side: 'in' },
      { t: 1700000000250, rssi: -70.5, distance_m: 2, side: 'in' }
    ])
  })

  it('reads the optional channel and side columns, case-insensitively in the header and the side', () => {
    const samples = parsed('Time,RSSI,Distance,Channel,Side\n1000,-60,1,38,OUT\n1100,-61,1,,in\n')
    expect(samples.map((s) => [s.channel, s.side])).toEqual([
      [38, 'out'],
      [undefined, 'in']
    ])
  })

  it('handles CRLF line ends, a byte-order mark and blank lines', () => {
    const samples = parsed('\uFEFFtime,rssi,distance\r\n\r\n1000,-60,1\r\n   \r\n2000,-61,1\r\n')
    expect(samples.map((s) => s.rssi)).toEqual([-60, -61])
  })

  it('reads quoted fields, including quoted header names, commas and doubled quotes inside quotes', () => {
    const samples = parsed('"time","rssi","distance",comment\n"1000","-60","1","door, east ""A"""\n1001,-61,1,"x"\n')
    expect(samples.map((s) => s.rssi)).toEqual([-60, -61])
    expect(splitCsv('a,"b, ""c""",,d')).toEqual(['a', 'b, "c"', '', 'd'])
  })

  it('converts centimetres when the distance unit is cm, as the Herald files need', () => {
    const herald = 'time,rssi,distance\n2021-03-11 09:01:51,-55.0,1\n2021-03-11 09:01:52,-56.0,307\n'
    const samples = parsed(herald, { distanceUnit: 'cm' })
    expect(samples.map((s) => s.distance_m)).toEqual([0.01, 3.07])
    expect(samples[1]!.t - samples[0]!.t).toBe(1000)
  })

  it('accepts t or timestamp for time, and distance_m or distance_cm (their unit wins over the option)', () => {
    expect(parsed('t,rssi,distance_m\n1000,-60,1.5\n')).toEqual([{ t: 1000, rssi: -60, distance_m: 1.5, side: 'in' }])
    expect(parsed('timestamp,rssi,distance_m\n1000,-60,1.5\n', { distanceUnit: 'cm' })[0]!.distance_m).toBe(1.5)
    expect(parsed('time,rssi,distance_cm\n1000,-60,150\n')[0]!.distance_m).toBe(1.5)
    expect(parsed('time,rssi,distance,distance_m\n1000,-60,150,9\n', { distanceUnit: 'cm' })[0]!.distance_m).toBe(1.5)
  })

  it('starts the line count at the header even after leading blank lines', () => {
    const result = parseSamplesText('\n\ntime,rssi\n')
    expect(result).toMatchObject({ ok: false, error: { line: 3, code: SampleErrorCode.missingColumn } })
  })
})

describe('sample times', () => {
  it.each([
    ['epoch ms', '1700000000123', 1700000000123],
    ['ISO with Z', '2023-11-14T22:13:20.123Z', 1700000000123],
    ['ISO with an offset', '2023-11-15T00:13:20.123+02:00', 1700000000123],
    ['local with a space, read as UTC', '2023-11-14 22:13:20.123', 1700000000123],
    ['local with T and no offset, read as UTC', '2023-11-14T22:13:20', 1700000000000],
    ['local without seconds', '2023-11-14 22:13', 1699999980000],
    ['ISO with a basic offset (strftime %z)', '2023-11-15 00:13:20.123+0200', 1700000000123]
  ])('reads %s', (_name, text, ms) => {
    expect(parseSampleTime(text)).toBe(ms)
  })

  it.each(['', 'yesterday', '2023-02-30 10:00:00', '2023-11-14 25:00:00', '2023-11-14 22:13:20 extra', '-5'])('rejects %j', (text) => {
    expect(parseSampleTime(text)).toBeNaN()
  })
})

describe('malformed input names the line and the problem', () => {
  const header = 'time,rssi,distance,channel,side\n'
  it.each([
    ['a missing column', 'time,rssi,dist\n1,2,3\n', 1, SampleErrorCode.missingColumn, /missing column 'distance'/],
    ['two missing columns', 'time\n', 1, SampleErrorCode.missingColumn, /'rssi', 'distance'/],
    ['too few fields', `${header}1000,-60\n`, 2, SampleErrorCode.fieldCount, /expected at least 3 fields, found 2/],
    ['a bad time', `${header}1000,-60,1\nnoon,-60,1\n`, 3, SampleErrorCode.badTime, /bad time 'noon'/],
    ['a non-numeric rssi', `${header}1000,strong,1\n`, 2, SampleErrorCode.badRssi, /rssi 'strong' is not a number/],
    ['an empty rssi', `${header}1000,,1\n`, 2, SampleErrorCode.badRssi, /rssi '' is not a number/],
    ['an rssi above 20 dBm', `${header}1000,21,1\n`, 2, SampleErrorCode.rssiOutOfRange, /rssi 21 dBm is out of the plausible range -127 to 20/],
    ['the HCI "not available" 127', `${header}1000,127,1\n`, 2, SampleErrorCode.rssiOutOfRange, /127/],
    ['an rssi below -127 dBm', `${header}1000,-128,1\n`, 2, SampleErrorCode.rssiOutOfRange, /-128/],
    ['a bad distance', `${header}1000,-60,near\n`, 2, SampleErrorCode.badDistance, /distance 'near'/],
    ['a bad channel', `${header}1000,-60,1,40\n`, 2, SampleErrorCode.badChannel, /channel '40' is not 37, 38 or 39/],
    ['a bad side', `${header}1000,-60,1,37,inside\n`, 2, SampleErrorCode.badSide, /side 'inside' is not 'in' or 'out'/],
    ['an unterminated quote', `${header}1000,"-60,1\n`, 2, SampleErrorCode.badQuote, /unterminated quoted field/],
    ['text after a closing quote', `${header}1000,"-60"x,1\n`, 2, SampleErrorCode.badQuote, /after a closing quote/],
    ['a header only', header, 1, SampleErrorCode.noSamples, /no samples/],
    ['an empty file', '', 1, SampleErrorCode.noSamples, /no samples/],
    ['invalid JSON', '{"t":1,"rssi":-60,"distance_m":1}\n{"t":2,\n', 2, SampleErrorCode.badJson, /not valid JSON/],
    ['a JSON array', '[1,2]\n', 1, SampleErrorCode.badJson, /expected an object/],
    ['a JSONL line without distance_m', '{"t":1,"rssi":-60,"distance":1}\n', 1, SampleErrorCode.badDistance, /distance_m \(missing\)/],
    ['a JSONL line without t', '{"rssi":-60,"distance_m":1}\n', 1, SampleErrorCode.badTime, /t \(missing\)/],
    ['a JSONL rssi string', '{"t":1,"rssi":"-60","distance_m":1}\n', 1, SampleErrorCode.badRssi, /rssi "-60" is not a number/],
    ['a JSONL bad side', '{"t":1,"rssi":-60,"distance_m":1,"side":"left"}\n', 1, SampleErrorCode.badSide, /side "left"/]
  ])('%s', (_name, text, line, code, message) => {
    const result = parseSamplesText(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ line, code })
    expect(result.error.message).toMatch(message)
  })
})

describe('JSONL samples', () => {
  it('reads t, rssi, distance_m and the optional channel and side; null channel means none', () => {
    const text = '{"t":1000,"rssi":-60,"distance_m":0.5,"channel":37,"side":"out"}\n\n{"t":"2023-11-14T22:13:20Z","rssi":-61,"distance_m":1,"channel":null}\n'
    expect(parsed(text)).toEqual([
      { t: 1000, rssi: -60, distance_m: 0.5, channel: 37, side: 'out' },
      { t: 1700000000000, rssi: -61, distance_m: 1, side: 'in' }
    ])
  })

  it('keeps distance_m in metres whatever the CSV distance unit says', () => {
    expect(parsed('{"t":1,"rssi":-60,"distance_m":2}', { distanceUnit: 'cm' })[0]!.distance_m).toBe(2)
  })
})

describe('the line-by-line parser', () => {
  it('yields a skip for the header and blank lines, a sample per data line, and counts lines', () => {
    const parser = createSampleParser()
    const kinds = ['time,rssi,distance', '', '1000,-60,1', '1001,x,1', '1002,-62,1\r'].map((line) => parser.feed(line).kind)
    expect(kinds).toEqual(['skip', 'skip', 'sample', 'error', 'sample'])
    expect(parser.lines).toBe(5)
  })

  it('gives the same samples as parsing the whole text', () => {
    const text = 'time,rssi,distance,side\n1000,-60,1,in\n1100,-65,2,out\n'
    const parser = createSampleParser()
    const fed = text.split('\n').flatMap((line) => {
      const result = parser.feed(line)
      return result.kind === 'sample' ? [result.sample] : []
    })
    expect(fed).toEqual(parsed(text))
  })

  it('round-trips any valid samples written as CSV with a quoted extra column', () => {
    const sample = fc.record({
      t: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      rssi: fc.integer({ min: -127, max: 20 }),
      distance_m: fc.double({ min: -5, max: 50, noNaN: true, noDefaultInfinity: true }),
      channel: fc.constantFrom(37, 38, 39, undefined),
      side: fc.constantFrom('in', 'out')
    })
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 20 }), fc.string(), (samples, note) => {
        const quoted = `"${note.replace(/"/g, '""').replace(/[\r\n]/g, ' ')}"`
        const rows = samples.map((s) => `${quoted},${s.t},${s.rssi},${s.distance_m},${s.channel ?? ''},${s.side}`)
        const back = parsed(['note,time,rssi,distance,channel,side', ...rows].join('\n'))
        expect(back).toEqual(samples.map((s) => ({ ...s, distance_m: s.distance_m === 0 ? 0 : s.distance_m })))
      })
    )
  })
})
