import { connect } from 'node:net'

export { PCSCD_SOCKET } from '../detect'

/**
 * Whether pcscd accepts connections on its socket. The file alone is not enough: a killed pcscd
 * leaves it behind, and nfc-pcsc busy-loops on a socket nobody answers.
 */
export function pcscdReachable(socket: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socket)
    const done = (reachable: boolean): void => {
      clearTimeout(timer)
      probe.destroy()
      resolve(reachable)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    probe.once('connect', () => done(true))
    probe.once('error', () => done(false))
  })
}
