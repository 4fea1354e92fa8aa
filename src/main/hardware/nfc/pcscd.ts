import { connect } from 'node:net'

export { PCSCD_SOCKET } from '../detect'

/**
 * Probes pcscd's socket: `up` when it accepts a connection, `refused` when the connection fails
 * (no socket, or a stale one nobody listens on), `timeout` when nothing answered in time — which
 * can also mean this process was too busy to see the answer.
 */
export function probePcscd(socket: string, timeoutMs = 500): Promise<'up' | 'refused' | 'timeout'> {
  return new Promise((resolve) => {
    const probe = connect(socket)
    const done = (outcome: 'up' | 'refused' | 'timeout'): void => {
      clearTimeout(timer)
      probe.destroy()
      resolve(outcome)
    }
    const timer = setTimeout(() => done('timeout'), timeoutMs)
    probe.once('connect', () => done('up'))
    probe.once('error', () => done('refused'))
  })
}

/**
 * Whether pcscd accepts connections on its socket. The file alone is not enough: a killed pcscd
 * leaves it behind, and nfc-pcsc busy-loops on a socket nobody answers.
 */
export async function pcscdReachable(socket: string, timeoutMs = 500): Promise<boolean> {
  return (await probePcscd(socket, timeoutMs)) === 'up'
}
