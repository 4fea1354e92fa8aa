const W = 96
const H = 24

/** Recent RSSI as a small line (−100 to −30 dBm); decorative: the RSSI column carries the value. */
export function Sparkline({ values }: { values: readonly number[] }) {
  if (values.length < 2) return null
  const y = (v: number) => H - ((Math.min(-30, Math.max(-100, v)) + 100) / 70) * H
  const points = values.map((v, i) => `${((i / (values.length - 1)) * W).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false">
      <polyline points={points} />
    </svg>
  )
}
