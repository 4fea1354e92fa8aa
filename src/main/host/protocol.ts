import { z } from 'zod'

/** Messages a browser client may send over the host's WebSocket. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoke'), id: z.number().int(), channel: z.string().max(200), input: z.unknown() }),
  z.object({ type: z.literal('subscribe'), channel: z.string().max(200) }),
  z.object({ type: z.literal('unsubscribe'), channel: z.string().max(200) })
])
export type ClientMessage = z.infer<typeof ClientMessageSchema>
