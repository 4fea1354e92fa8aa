import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../../logger'
import { appRoot } from '../../paths'
import type { FromWorker, ToWorker } from './workerProtocol'

/** The forked PC/SC child as main sees it. */
export interface WorkerHandle {
  readonly pid: number | undefined
  send(message: ToWorker): void
  onMessage(listener: (message: FromWorker) => void): void
  onExit(listener: () => void): void
  /** Asks the child to close its readers; kills it if it has not exited within `graceMs`. */
  close(graceMs?: number): Promise<void>
  /** SIGKILL: the only way out of a transmit stuck in the native library. */
  kill(): void
}

/**
 * The child runs built JavaScript, never TypeScript through a loader: next to the module that forks
 * it (out/main/nfcWorker.js in the app, nfcWorker.mjs in the CLI's build), or, when main runs from
 * its sources (the tests), the CLI build's worker that `LINTEL_NFC_WORKER` names.
 */
export function workerEntry(env: NodeJS.ProcessEnv = process.env): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, 'nfcWorker.mjs'), join(here, 'nfcWorker.js'), join(here, '..', 'nfcWorker.js'), env.LINTEL_NFC_WORKER].filter((p): p is string => Boolean(p))
  const built = candidates.find((path) => existsSync(path))
  if (!built) throw new Error('the PC/SC worker is not built: run `npx lintel info` once (it builds the CLI and its worker)')
  return built
}

export function spawnWorker(log: Logger): WorkerHandle {
  const child = fork(workerEntry(), [], { cwd: appRoot(), execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' })
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n')) if (line.trim()) log.warn(`PC/SC child: ${line.trim()}`)
  })
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.on('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  child.on('error', (error) => log.error('PC/SC child failed', error))
  child.unref()
  child.channel?.unref()
  return handleFor(child)
}

function handleFor(child: ChildProcess): WorkerHandle {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const alive = (): boolean => child.exitCode === null && child.signalCode === null
  return {
    pid: child.pid,
    send: (message) => {
      if (alive() && child.connected) child.send(message)
    },
    onMessage: (listener) => void child.on('message', (message) => listener(message as FromWorker)),
    onExit: (listener) => void exited.then(listener),
    async close(graceMs = 1000) {
      if (!alive()) return
      if (child.connected) child.send({ type: 'close' } satisfies ToWorker)
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
    kill: () => {
      if (alive()) child.kill('SIGKILL')
    }
  }
}
