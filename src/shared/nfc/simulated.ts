import { z } from 'zod'

const hex = (what: string, min: number, max: number) =>
  z.string().regex(new RegExp(`^(?:[0-9A-F]{2}){${min},${max}}$`), `${what} is ${min} to ${max} bytes of uppercase hex without separators`)

/** What the demo's simulated reader can be tapped with: a card with a UID, or a phone answering one AID. */
export const SimulatedCardSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), uid: hex('a UID', 4, 10) }).strict(),
  z.object({ kind: z.literal('phone'), aid: hex('an AID', 5, 16), credential: z.string().min(1).max(200) }).strict()
])
export type SimulatedCard = z.infer<typeof SimulatedCardSchema>
