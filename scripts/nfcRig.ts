/** The virtual NFC stack for the soak and the benchmark: pcscd + vpcd, real services, and tap/remove cycles. */
import { hcePhone, uidCard } from '../test/fixtures/vpcd/cards'
import { VirtualCard } from '../test/fixtures/vpcd/virtualCard'
import { cardPresent, type RealNfc } from '../test/main/hardware/nfc/realStack'
import type { TapEvent } from '../src/shared/nfc'

/** Farhan Qureshi's staff card and phone: granted at the Side Door (door 2) at any hour. */
export const FARHAN_CARD = '04F3C54234927E'
export const FARHAN_PHONE = 'HID-0005-835C99'
export const HID_AID = 'A0000004400001010001'

/** Even taps are a 14443-3 card (1 APDU), odd ones an HCE phone (GET DATA + SELECT). */
export function cardFor(i: number): VirtualCard {
  return new VirtualCard(i % 2 === 0 ? uidCard(FARHAN_CARD) : hcePhone({ applications: { [HID_AID]: FARHAN_PHONE } }))
}

/** One tap: the card enters, its tap event arrives, the card leaves and the reader sees it go. */
export async function tapOnce(nfc: RealNfc, card: VirtualCard, timeoutMs = 10_000): Promise<{ event: TapEvent; poweredAt: number }> {
  const seen = nfc.taps.length
  await card.insert()
  const event = await nfc.tap(timeoutMs, seen)
  const poweredAt = card.poweredAt ?? Number.NaN
  await card.remove()
  await nfc.until((s) => !cardPresent(s), timeoutMs)
  return { event, poweredAt }
}

export function quantiles(values: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => {
    const h = (sorted.length - 1) * q
    const lo = Math.floor(h)
    return sorted[lo]! + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!)
  }
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN }
}
