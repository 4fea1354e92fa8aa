import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'

let child: ChildProcess | undefined

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL')
})

/** Starts `npm run start:browser`'s script and resolves with the URL line it prints. */
function startBrowserHost(): Promise<string> {
  child = spawn(process.execPath, ['scripts/start.mjs', '--browser'], {
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((done, reject) => {
    const timer = setTimeout(() => reject(new Error('no URL within 60 s')), 60_000)
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      if (line.startsWith('Lintel: ')) {
        clearTimeout(timer)
        done(line)
      }
    })
    child!.on('exit', (code) => reject(new Error(`start exited with ${code}`)))
  })
}

describe('npm run start:browser', () => {
  it('prints the URL with its token on one line and serves the app there', async () => {
    const line = await startBrowserHost()
    const match = /^Lintel: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{32,}))$/.exec(line)
    expect(match, line).not.toBeNull()
    const res = await fetch(match![1]!)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="root">')
  })

  it('stops the host when it is stopped', async () => {
    const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)))
    child!.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
