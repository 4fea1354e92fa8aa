import { describe, expect, it } from 'vitest'
import { bytesToHex, canonicalHex, hexToBytes } from '../../../src/shared/formats'

describe('binary values as hex', () => {
  it('writes uppercase hex without separators', () => {
    expect(bytesToHex(Uint8Array.of(0x04, 0x05, 0xe7, 0x00, 0xff))).toBe('0405E700FF')
  })

  it.each([
    ['04:05:e7:9f', '0405E79F'],
    ['0x0405E79F', '0405E79F'],
    [' 04 05-e7.9f ', '0405E79F']
  ])('reads %j as %s', (text, hex) => {
    expect(canonicalHex(text)).toBe(hex)
    expect(bytesToHex(hexToBytes(text)!)).toBe(hex)
  })

  it.each(['', '0', '04G5', '123'])('refuses %j', (text) => {
    expect(canonicalHex(text)).toBeUndefined()
    expect(hexToBytes(text)).toBeUndefined()
  })
})
