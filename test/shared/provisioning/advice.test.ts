import { describe, expect, it } from 'vitest'
import type { Credential, Site } from '../../../src/shared/domain/site'
import { isWeakPin } from '../../../src/shared/formats/pin'
import { adviseOn, suggestPin } from '../../../src/shared/provisioning/advice'
import { demoSite } from '../../helpers/demoSite'

const site = demoSite()
const withCredentials = (extra: Credential[]): Site => ({ ...site, credentials: [...site.credentials, ...extra] })

describe('adviseOn', () => {
  it('asks for a backup when a phone credential is the only one', () => {
    expect(adviseOn(site, 2)).toEqual([expect.objectContaining({ code: 'no_backup', credential_id: 103 })])
    expect(adviseOn(site, 3)).toEqual([])
  })

  it('asks to finish a device change: test the new phone, then disable the old one', () => {
    expect(adviseOn(site, 1)).toEqual([expect.objectContaining({ code: 'device_change_pending', credential_id: 190, other_id: 101 })])
  })

  it('warns about two live credentials on one device', () => {
    const extra: Credential = { id: 900, person_id: 6, credential_type_id: 9, value: 'PF-0000-0001', enabled: true, status: 'active', device: 'Pixel 9 (Farhan)' }
    expect(adviseOn(withCredentials([extra]), 6)).toEqual([expect.objectContaining({ code: 'shared_device', credential_id: 900, other_id: 111 })])
  })

  it('ignores disabled and revoked credentials', () => {
    expect(adviseOn(site, 21).some((a) => a.credential_id === 145)).toBe(false)
  })
})

describe('suggestPin', () => {
  it('never suggests a weak PIN or one in use', () => {
    const values = [0, 0, 0, 0, 0, 0, 0.15, 0.95, 0.45, 0.05, 0.65, 0.35]
    let i = 0
    const pin = suggestPin(new Set(['000000']), isWeakPin, () => values[i++ % values.length] ?? 0)
    expect(pin).toBe('194063')
  })
})
