import { describe, expect, it } from 'vitest'
import { analyzeSurvey, PlatformFitSchema, type Sample } from '../../../src/shared/rf'

/** 40 samples per mark: `share` of them at `loud` dBm, the rest at `quiet`. */
function mark(distance_m: number, loud: number, share = 1, quiet = -95, side: 'in' | 'out' = 'in'): Sample[] {
  return Array.from({ length: 40 }, (_, i) => ({ t: distance_m * 10_000 + i * 100, rssi: i < share * 40 ? loud : quiet, distance_m, side }))
}
// A reader heard strongly to 2 m, weakly at 3 m, and not at 4 m (in side).
const walk = [...mark(0.5, -55), ...mark(1, -62), ...mark(2, -68), ...mark(3, -74), ...mark(4, -95)]
const ios = (cm?: number) => ({ platform: 'ios' as const, radios: ['ble'], ...(cm !== undefined ? { unlockDistance_cm: cm } : {}) })

describe("the survey against the site's platform rules", () => {
  it('names a platform that presents by NFC as not covered by a Bluetooth walk, and advises testing it at the pad', () => {
    const a = analyzeSurvey(walk, { platforms: [{ platform: 'android', radios: ['nfc'], unlockDistance_cm: 4 }] })
    const android = a.platforms![0]!
    expect(PlatformFitSchema.parse(android)).toEqual(android)
    expect(android.summary).toMatch(/Android phones present by NFC .* not Bluetooth/)
    expect(a.recommendations).toContain(android.advice)
    expect(android.mark_m).toBeNull()
  })

  it('suggests raising the threshold when the unlock distance is reliable but unlocking reaches far beyond it', () => {
    const a = analyzeSurvey(walk, { threshold: -70, platforms: [ios(50)] })
    const fit = a.platforms![0]!
    expect(fit).toMatchObject({ unlockDistance_m: 0.5, mark_m: 0.5, pUnlockAtMark: 1, unlockStopsBy_m: 3, suggestedThreshold_dBm: -55 })
    expect(fit.advice).toMatch(/^Raise the unlock threshold from -70 to -55 dBm for iPhones: .* reaches by 3 m; .* unlocking stops by 1 m/)
    expect(a.recommendations).toContain(fit.advice)
  })

  it('suggests lowering the threshold when the unlock distance does not unlock reliably', () => {
    const a = analyzeSurvey(walk, { threshold: -70, platforms: [ios(300)] })
    const fit = a.platforms![0]!
    expect(fit).toMatchObject({ mark_m: 3, pUnlockAtMark: 0, suggestedThreshold_dBm: -74 })
    expect(fit.advice).toMatch(/^Lower the unlock threshold from -70 to -74 dBm for iPhones: .* unlocks only 0% .* reaches 95% \(and unlocking stops by 4 m\)/)
  })

  it('gives no advice when the walk serves the platform as the site wants, and says so', () => {
    const a = analyzeSurvey(walk, { threshold: -70, platforms: [ios(200)] })
    const fit = a.platforms![0]!
    expect(fit.advice).toBeNull()
    expect(fit.summary).toBe("iPhones unlock 100% of the time at the site's 2 m (mark 2 m), and unlocking stops by 3 m.")
    expect(a.recommendations).toEqual(analyzeSurvey(walk, { threshold: -70 }).recommendations)
  })

  it('asks for a mark at the unlock distance when none lies near it, and says nothing of distance when the site sets none', () => {
    const far = analyzeSurvey(walk, { platforms: [ios(1000)] }).platforms![0]!
    expect(far.mark_m).toBeNull()
    expect(far.advice).toMatch(/^Add a mark at 10 m on the approach side/)
    const none = analyzeSurvey(walk, { platforms: [ios()] }).platforms![0]!
    expect(none).toMatchObject({ unlockDistance_m: null, advice: null, unlockStopsBy_m: 3 })
    expect(none.summary).toMatch(/sets no unlock distance/)
  })

  it('leaves the analysis as it was without platforms', () => {
    expect(analyzeSurvey(walk)).not.toHaveProperty('platforms')
  })
})
