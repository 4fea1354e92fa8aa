import { describe, expect, it } from 'vitest'
import { bytesToHex, hexToBytes } from '../../../src/shared/formats'
import { credentialText, readCard, transceive, type Transmit } from '../../../src/shared/nfc'
import { hcePhone, ISO_DEP_ATR, STORAGE_ATR, uidCard } from '../../fixtures/vpcd/cards'
import type { CardBehaviour } from '../../fixtures/vpcd/virtualCard'

const HID = 'A0000004400001010001'
const PASSFLOW = 'F050415353464C4F57'

/** Transmits to a test card in process, recording every command and the buffer size Lintel offered. */
function wire(card: CardBehaviour) {
  const sent: { command: string; max: number }[] = []
  const transmit: Transmit = async (command, max) => {
    sent.push({ command: bytesToHex(command), max })
    const response = card.respond(command)
    if (response === 'silent') throw new Error('no answer')
    return response
  }
  return { sent, transmit }
}

describe('readCard', () => {
  it('reads the UID of a 14443-3 card and selects nothing', async () => {
    const { sent, transmit } = wire(uidCard('04F3C54234927E'))
    const reading = await readCard(STORAGE_ATR, transmit, [HID, PASSFLOW])
    expect(reading).toEqual({ standard: '14443-3', uid: '04F3C54234927E', aid: null, credential: null })
    expect(sent.map((s) => s.command)).toEqual(['FFCA000000'])
  })

  it('selects AIDs in order on a phone and stops at the first that answers', async () => {
    const { sent, transmit } = wire(hcePhone({ applications: { [PASSFLOW]: 'PF-18EB-6D86' } }))
    const reading = await readCard(ISO_DEP_ATR, transmit, [HID, PASSFLOW, 'F0010203040506'])
    expect(reading).toEqual({ standard: '14443-4', uid: '08A1B2C3', aid: PASSFLOW, credential: 'PF-18EB-6D86' })
    expect(sent.map((s) => s.command.slice(0, 8))).toEqual(['FFCA0000', '00A40400', '00A40400'])
  })

  it('offers a 258-byte response buffer, never a 40-byte one', async () => {
    const { sent, transmit } = wire(hcePhone({ applications: { [HID]: 'X'.repeat(250) } }))
    const reading = await readCard(ISO_DEP_ATR, transmit, [HID])
    expect(reading.credential).toHaveLength(250)
    expect(new Set(sent.map((s) => s.max))).toEqual(new Set([258]))
  })

  it('gives no_application for a phone whose random UID is all it has', async () => {
    const reading = await readCard(ISO_DEP_ATR, wire(hcePhone({ applications: {} })).transmit, [HID])
    expect(reading).toMatchObject({ uid: '08A1B2C3', aid: null, error: { code: 'no_application' } })
  })

  it('keeps the UID of a 14443-4 card (e.g. DESFire) that answers no AID', async () => {
    const reading = await readCard(ISO_DEP_ATR, wire(hcePhone({ applications: {}, uid: '0405E79F950F21' })).transmit, [HID])
    expect(reading).toEqual({ standard: '14443-4', uid: '0405E79F950F21', aid: null, credential: null })
  })

  it('turns an empty response into card_removed and a failed transmit into transmit_failed, keeping the UID', async () => {
    let calls = 0
    const leaving: Transmit = async () => (++calls === 1 ? hexToBytes('08A1B2C39000')! : new Uint8Array())
    expect(await readCard(ISO_DEP_ATR, leaving, [HID])).toMatchObject({ uid: '08A1B2C3', error: { code: 'card_removed' } })
    const failing: Transmit = async () => {
      throw new Error('SCardTransmit error')
    }
    expect((await readCard(ISO_DEP_ATR, failing, [HID])).error).toMatchObject({ code: 'transmit_failed', message: expect.stringContaining('SCardTransmit') })
  })

  it('reports bad_response for an application selected without a credential', async () => {
    const reading = await readCard(ISO_DEP_ATR, wire(hcePhone({ applications: { [HID]: new Uint8Array() } })).transmit, [HID])
    expect(reading.error?.code).toBe('bad_response')
  })
})

describe('transceive', () => {
  it('retries with the Le a 6Cxx names, then follows 61xx chains', async () => {
    const data = Uint8Array.from({ length: 70 }, (_, i) => i)
    const { sent, transmit } = wire(hcePhone({ applications: { [HID]: data }, chunk: 32, exactLe: true }))
    const response = await transceive(transmit, hexToBytes(`00A404000A${HID}00`)!)
    expect(response).toEqual({ data, sw: 0x9000 })
    expect(sent.map((s) => s.command)).toEqual([`00A404000A${HID}00`, `00A404000A${HID}46`, '00C0000026', '00C0000006'])
  })

  it('resends a GET RESPONSE with the Le a 6Cxx names in the middle of a chain', async () => {
    const data = Uint8Array.from({ length: 50 }, (_, i) => i)
    const sent: string[] = []
    // Announces 61FF (more than it holds), then insists on the exact Le for the rest.
    const transmit: Transmit = async (command) => {
      const apdu = bytesToHex(command)
      sent.push(apdu)
      if (apdu.startsWith('00A40400')) return Uint8Array.of(...data.subarray(0, 20), 0x61, 0xff)
      if (apdu === '00C00000FF') return Uint8Array.of(0x6c, 30)
      if (apdu === '00C000001E') return Uint8Array.of(...data.subarray(20), 0x90, 0x00)
      return Uint8Array.of(0x6d, 0x00)
    }
    expect(await transceive(transmit, hexToBytes(`00A404000A${HID}00`)!)).toEqual({ data, sw: 0x9000 })
    expect(sent).toEqual([`00A404000A${HID}00`, '00C00000FF', '00C000001E'])
  })

  it('gives up on a chain that never ends', async () => {
    const endless: Transmit = async () => hexToBytes('AA6101')!
    await expect(transceive(endless, hexToBytes('00C0000001')!)).rejects.toMatchObject({ code: 'bad_response' })
  })
})

describe('credentialText', () => {
  it('keeps printable answers as text and writes the rest as hex', () => {
    expect(credentialText(new TextEncoder().encode('HID-0001-C28595'))).toBe('HID-0001-C28595')
    expect(credentialText(Uint8Array.of(0x6f, 0x0c, 0x84))).toBe('6F0C84')
    expect(credentialText(new TextEncoder().encode('has space'))).toBe('686173207370616365')
  })
})
