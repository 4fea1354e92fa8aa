/** A progress bar on stderr, drawn only for people (both streams on a terminal) and at most ~10 times a second. */
export interface Progress {
  update(done: number): void
  finish(): void
}

const WIDTH = 28

export function createProgress(label: string, total: number, enabled: boolean, stream = process.stderr): Progress {
  if (!enabled || total <= 0) return { update: () => {}, finish: () => {} }
  let last = 0
  const draw = (done: number): void => {
    const share = Math.min(1, done / total)
    const filled = Math.round(share * WIDTH)
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total}`)
  }
  return {
    update(done) {
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      draw(done)
    },
    finish() {
      draw(total)
      stream.write('\n')
    }
  }
}
