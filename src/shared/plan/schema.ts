import { z } from 'zod'

/** The newest survey-project file version this build reads and writes. */
export const SURVEY_PROJECT_VERSION = 1

/**
 * Attenuation of one wall of each material at 2.4 GHz, in dB: the middle of the ranges Wi-Fi
 * planning tools publish (docs/survey-plan.md gives the ranges). `loss_dB` on a wall overrides it.
 */
export const WALL_LOSS_DB = { drywall: 3, glass: 3, brick: 8, concrete: 15, metal: 22 } as const
export type WallMaterial = keyof typeof WALL_LOSS_DB

/** A point on the plan image, in pixels from its top-left corner (x right, y down). */
export const PlanPointSchema = z.object({ x: z.number(), y: z.number() }).strict()
export type PlanPoint = z.infer<typeof PlanPointSchema>

/** The plan image: embedded as a data URL, or a path relative to the project file, or none (a plain background). */
export const PlanImageSchema = z
  .object({
    dataUrl: z.string().startsWith('data:image/').optional().describe('The image embedded as a data URL (PNG, JPEG or SVG)'),
    path: z.string().min(1).optional().describe('The image file, relative to the project file'),
    widthPx: z.number().int().positive().optional().describe('The image as the user gave it, before any scaling down'),
    heightPx: z.number().int().positive().optional()
  })
  .strict()

/** Two points clicked on the plan and the known distance between them. */
export const PlanScaleSchema = z
  .object({
    from: PlanPointSchema,
    to: PlanPointSchema,
    distance_m: z.number().describe('The real distance between the two points, in metres; must be more than 0')
  })
  .strict()

export const DoorSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    siteDoorId: z.union([z.string(), z.number()]).optional().describe("The door's id in the site"),
    from: PlanPointSchema,
    to: PlanPointSchema,
    approachSide: z
      .enum(['left', 'right'])
      .optional()
      .describe('The side of the line from→to (as seen walking from `from` to `to`) where people present a phone; default: the side its reader is on. The other side is the wrong side.')
  })
  .strict()
export type Door = z.infer<typeof DoorSchema>

export const ReaderSchema = z
  .object({
    id: z.string().min(1),
    bleReaderId: z.string().describe('The BLE reader from the scan (its id or address)'),
    doorId: z.string(),
    position: PlanPointSchema,
    txPower_dBm: z.number().optional(),
    model: z.string().optional().describe('The reader hardware model, for the record'),
    threshold_dBm: z.number().optional().describe("This reader's unlock threshold; default the project's")
  })
  .strict()
export type Reader = z.infer<typeof ReaderSchema>

export const WallSchema = z
  .object({
    from: PlanPointSchema,
    to: PlanPointSchema,
    material: z.enum(Object.keys(WALL_LOSS_DB) as [WallMaterial, ...WallMaterial[]]),
    loss_dB: z.number().min(0).optional().describe("Measured attenuation; overrides the material's typical value")
  })
  .strict()
export type Wall = z.infer<typeof WallSchema>

/** Where the installer stood during a capture, and the RSSI of one reader's adverts heard there. */
export const MarkSchema = z
  .object({
    position: PlanPointSchema,
    readerId: z.string(),
    rssi: z.array(z.number().int().min(-127).max(20)).min(1).describe('RSSI samples in dBm')
  })
  .strict()
export type Mark = z.infer<typeof MarkSchema>

/** A survey project: one self-contained JSON file. */
export const SurveyProjectSchema = z
  .object({
    version: z.literal(SURVEY_PROJECT_VERSION),
    name: z.string().optional(),
    plan: z
      .object({
        widthPx: z.number().positive(),
        heightPx: z.number().positive(),
        image: PlanImageSchema.optional(),
        scale: PlanScaleSchema
      })
      .strict(),
    threshold_dBm: z.number().min(-110).max(-20).default(-70),
    doors: z.array(DoorSchema),
    readers: z.array(ReaderSchema),
    walls: z.array(WallSchema).default([]),
    marks: z.array(MarkSchema).default([])
  })
  .strict()
export type SurveyProject = z.infer<typeof SurveyProjectSchema>
export type SurveyProjectInput = z.input<typeof SurveyProjectSchema>
