import { describe, expect, it } from 'vitest'
import { bytesToHex, hexToBytes } from '../../../src/shared/formats'
import { describeStatusWord, getResponse, GET_UID, selectAid, splitResponse, standardOfAtr, storageCardName, withLe } from '../../../src/shared/nfc'

const hex = (bytes: Uint8Array): string => bytesToHex(bytes)
const bytes = (text: string): Uint8Array => hexToBytes(text)!

describe('APDUs', () => {
  it('builds GET DATA for the UID, SELECT by AID and GET RESPONSE', () => {
    expect(hex(GET_UID)).toBe('FFCA000000')
    expect(hex(selectAid(bytes('A0000004400001010001')))).toBe('00A404000AA000000440000101000100')
    expect(hex(getResponse(0x10))).toBe('00C0000010')
  })

  it.each([
    ['case 1 gains an Le', '00A40400', 0x10, '00A4040010'],
    ['case 2 has its Le replaced', 'FFCA000000', 0x04, 'FFCA000004'],
    ['case 3 gains an Le', '00A4040002A0B1', 0x04, '00A4040002A0B104'],
    ['case 4 has its Le replaced', '00A4040002A0B100', 0x04, '00A4040002A0B104']
  ] as const)('withLe: %s', (_case, command, le, expected) => {
    expect(hex(withLe(bytes(command), le))).toBe(expected)
  })

  it('splits data from SW1SW2, and gives nothing for an empty response', () => {
    expect(splitResponse(bytes('01029000'))).toEqual({ data: bytes('0102'), sw: 0x9000 })
    expect(splitResponse(new Uint8Array())).toBeUndefined()
    expect(splitResponse(bytes('90'))).toBeUndefined()
  })

  it('describes status words in words', () => {
    expect(describeStatusWord(0x6a82)).toBe('6A82 (application or file not found)')
    expect(describeStatusWord(0x6110)).toBe('6110 (16 more bytes available)')
    expect(describeStatusWord(0x6c00)).toBe('6C00 (wrong Le, use 256)')
  })
})

describe('ATR → standard', () => {
  it('reads a PC/SC storage-card ATR (0x4F at index 5) as 14443-3 and names the card', () => {
    const atr = bytes('3B8F8001804F0CA000000306030001000000006A')
    expect(standardOfAtr(atr)).toBe('14443-3')
    expect(storageCardName(atr)).toBe('MIFARE Classic 1K')
  })

  it.each(['3B8080010101', '3B8180018080', '3B'])('reads %s as 14443-4', (atr) => {
    expect(standardOfAtr(bytes(atr))).toBe('14443-4')
    expect(storageCardName(bytes(atr))).toBeUndefined()
  })
})
