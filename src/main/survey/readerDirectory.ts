import type { Advert } from '../../shared/domain/ble'
import type { BleReader } from '../../shared/domain/hardware'
import { VIRTUAL_READER_SERVICE } from '../hardware/ble/virtualSite'
import type { ReaderDirectory } from './advertiserTable'

/**
 * Reader types recognised by an advertised service UUID. Only Lintel's simulated reader is listed:
 * vendors' reader services are added here once confirmed against a real reader, never guessed.
 */
export const READER_TYPES: readonly { type: string; serviceUuid: string }[] = [{ type: 'Lintel simulated reader', serviceUuid: VIRTUAL_READER_SERVICE }]

/** Recognises the site's known readers by address, and reader types by their advertised service. */
export function readerDirectory(readers: readonly BleReader[]): ReaderDirectory {
  const byAddress = new Map(readers.map((r) => [r.address.toUpperCase(), r]))
  const byService = new Map(READER_TYPES.map((t) => [t.serviceUuid.toUpperCase(), t.type]))
  return {
    identify(advert: Advert) {
      const reader = byAddress.get(advert.address.toUpperCase())
      if (reader) return { readerId: reader.id, readerType: reader.technology || 'Door reader' }
      const type = advert.serviceUuids.map((u) => byService.get(u.toUpperCase())).find((t) => t !== undefined)
      return type ? { readerId: null, readerType: type } : null
    }
  }
}
