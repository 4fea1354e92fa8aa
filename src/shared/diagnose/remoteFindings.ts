import { z } from 'zod'
import { add, type Context } from './context'
import { FindingCode } from './model'

/**
 * What "let them in now" (DoorFlow's admit_person, then polling the admission request) answered.
 * `unavailable`: no DoorFlow client can run it here yet.
 */
export const RemoteAdmitSchema = z.object({
  outcome: z.enum(['admitted', 'denied', 'offline', 'timeout', 'unavailable']),
  /** DoorFlow's words, or why the test could not run. */
  message: z.string().nullable(),
  seconds: z.number().nonnegative()
})
export type RemoteAdmit = z.infer<typeof RemoteAdmitSchema>

/** The remote test separates a phone fault from a controller fault; the finding says which. */
export function remoteFindings(ctx: Context, remote: RemoteAdmit): void {
  const door = ctx.door.name
  const said = remote.message ? ` DoorFlow said: ${remote.message}` : ''
  switch (remote.outcome) {
    case 'admitted':
      add(ctx, FindingCode.remoteAdmitted, 'warning', 0.88, `${door} opened when DoorFlow let ${ctx.name} in: the fault is on the phone side`, `The remote test admitted them in ${remote.seconds} s, so the controller, the door and their access work.${said}`, 'Check the phone: its radio, the credential app running, re-enrolment; the door itself is fine.')
      return
    case 'denied':
      add(ctx, FindingCode.remoteDenied, 'error', 0.97, `The controller refused to admit ${ctx.name} at ${door}`, `The remote test was denied in ${remote.seconds} s: the controller's own rules keep them out, whatever the phone does.${said}`, "Fix their access (groups, schedule, the person's record) and sync; the phone is not the problem.")
      return
    case 'offline':
      add(ctx, FindingCode.remoteOffline, 'error', 0.985, `${door}'s controller did not take the remote test: it is offline`, `DoorFlow reported the controller offline.${said}`, 'Bring the controller back online (power, network); the phone is not the problem.')
      return
    case 'timeout':
      add(ctx, FindingCode.remoteTimeout, 'warning', 0.8, `${door}'s controller did not answer the remote test`, `No answer to the admission request within ${remote.seconds} s: the controller may be offline or its link slow.${said}`, "Check the controller's status in DoorFlow, then try the remote test again.")
      return
    case 'unavailable':
      add(ctx, FindingCode.remoteUnavailable, 'info', 0.02, 'The remote test is not available yet', remote.message ?? 'This Lintel cannot ask DoorFlow to admit a person yet.', 'Use "Admit" on the door in DoorFlow to tell a phone fault from a controller fault.')
  }
}
