import { describe, expect, it } from 'vitest'
import { analyzeSurvey, copiesPerEvent, createRandom, groupByMark, hasWholeSecondTimes, inferAdvInterval, type Sample } from '../../../src/shared/rf'

/** Events every interval + U(0, 10) ms, each kept with probability `kept`, heard on `copies` channels. */
function adverts(intervalMs: number, kept: number, seed: number, copies = 1, seconds = 30): Sample[] {
  const random = createRandom(seed)
  const samples: Sample[] = []
  for (let t = 0; t < seconds * 1000; t += intervalMs + 10 * random.next()) {
    for (let c = 0; c < copies; c++) {
      if (random.next() < kept) samples.push({ t: Math.round(t), rssi: -60, distance_m: 1, channel: (37 + c) as 37, side: 'in' })
    }
  }
  return samples
}

describe('advertising interval inference', () => {
  it.each([
    [20, 1, 10],
    [100, 1, 30],
    [100, 0.3, 30],
    [250, 0.15, 300],
    [1000, 0.9, 120]
  ])('infers %d ms within 3 ms when a share of %d of events arrive over %d s', (interval, kept, seconds) => {
    expect(Math.abs(inferAdvInterval(groupByMark(adverts(interval, kept, 3, 1, seconds)))! - interval)).toBeLessThanOrEqual(3)
  })

  it('infers the interval from a scanner that hears all three copies of each event', () => {
    expect(Math.abs(inferAdvInterval(groupByMark(adverts(100, 0.9, 4, 3)))! - 100)).toBeLessThanOrEqual(3)
  })

  it('gives up on whole-second timestamps and on too few events', () => {
    const coarse = adverts(100, 1, 5).map((s) => ({ ...s, t: Math.floor(s.t / 1000) * 1000 }))
    expect(hasWholeSecondTimes(groupByMark(coarse).t)).toBe(true)
    expect(inferAdvInterval(groupByMark(coarse))).toBeNull()
    expect(inferAdvInterval(groupByMark(adverts(100, 1, 5, 1, 1)))).toBeNull()
  })
})

describe('packet reception', () => {
  it('compares received events with what the interval predicts, for a scanner that hops channels', () => {
    const result = analyzeSurvey(adverts(100, 0.4, 6), { advIntervalMs: 100 })
    expect(result.marks[0]!.prr).toBeCloseTo(0.4, 1)
    expect(result.marks[0]!.receivedPerSecond).toBeCloseTo(0.4 * (1000 / 105), 0)
  })

  it('judges a scanner that hears all three copies per packet, so loss on each channel is not hidden', () => {
    const samples = adverts(100, 0.4, 7, 3)
    expect(copiesPerEvent(groupByMark(samples), false)).toBe(3)
    expect(analyzeSurvey(samples, { advIntervalMs: 100 }).marks[0]!.prr).toBeCloseTo(0.4, 1)
  })

  it('says in the evidence whether the interval came from the option or the timestamps', () => {
    const samples = adverts(100, 1, 8)
    expect(analyzeSurvey(samples, { advIntervalMs: 100 }).interference.evidence).toContain('advertising interval 100 ms (from the option)')
    expect(analyzeSurvey(samples).advInterval).toEqual({ ms: 100, source: 'inferred' })
    expect(analyzeSurvey(samples).interference.evidence).toContain('advertising interval 100 ms (inferred from the timestamps)')
  })

  it('classifies a site as congested below half the predicted reception, and advises on the interval', () => {
    const result = analyzeSurvey(adverts(100, 0.3, 9), { advIntervalMs: 100 })
    expect(result.interference.class).toBe('congested')
    expect(result.recommendations.join('\n')).toMatch(/Shorten the advertising interval from 100 ms to 50 ms.*only \d\d% of the expected packets arrive/)
  })

  it('does not advise shortening an interval that is already the 20 ms minimum', () => {
    const advice = analyzeSurvey(adverts(20, 0.3, 9), { advIntervalMs: 20 }).recommendations.join('\n')
    expect(advice).not.toMatch(/Shorten the advertising interval/)
    expect(advice).toMatch(/Remove or move competing advertisers .*20 ms is already the shortest advertising interval.*only \d\d% of the expected packets arrive/)
  })
})
