import { z } from 'zod'
import { SampleSchema, SideSchema, SurveyAnalysisSchema } from '../rf/schema'

/** Limits that keep a saved survey and its messages bounded. */
export const SURVEY_LIMITS = { marks: 24, samplesPerMark: 3000, captureSeconds: 120, livePoints: 120, referenceChars: 900_000 } as const

/** A stop on the range walk: a distance from the reader on one side of the door. */
export const MarkPlanSchema = z.object({
  distance_m: z.number().min(0).max(50),
  side: SideSchema
})
export type MarkPlan = z.infer<typeof MarkPlanSchema>

/** The scanning device (this laptop's adapter, a dongle, or the simulation) whose offset calibration applies. */
export const SurveyDeviceSchema = z.object({ id: z.string(), label: z.string() })
export type SurveyDevice = z.infer<typeof SurveyDeviceSchema>

/** What a new range test needs: which reader, the unlock threshold, the marks and how long to capture at each. */
export const RangeTestPlanSchema = z.object({
  address: z.string().min(1),
  threshold_dBm: z.number().int().min(-110).max(-20),
  marks: z.array(MarkPlanSchema).min(1).max(SURVEY_LIMITS.marks),
  captureSeconds: z.number().min(1).max(SURVEY_LIMITS.captureSeconds),
  note: z.string().max(200).default('')
})
export type RangeTestPlan = z.infer<typeof RangeTestPlanSchema>

export const SurveyMarkSchema = MarkPlanSchema.extend({
  capturedAt: z.string().nullable(),
  samples: z.number().int().nonnegative()
})
export type SurveyMark = z.infer<typeof SurveyMarkSchema>

/** A door survey: one reader's range test, its raw samples and, once analysed, the verdict. Saved as a file. */
export const DoorSurveySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{6,64}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
  reader: z.object({ address: z.string(), name: z.string().nullable(), readerId: z.string().nullable(), advIntervalMs: z.number().nullable() }),
  threshold_dBm: z.number(),
  captureSeconds: z.number(),
  note: z.string(),
  device: SurveyDeviceSchema,
  simulated: z.boolean(),
  marks: z.array(SurveyMarkSchema),
  samples: z.array(SampleSchema),
  analysis: SurveyAnalysisSchema.nullable()
})
export type DoorSurvey = z.infer<typeof DoorSurveySchema>

/** A saved survey in the list: enough to choose one. */
export const SurveySummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  readerName: z.string().nullable(),
  address: z.string(),
  simulated: z.boolean(),
  marksCaptured: z.number().int(),
  marks: z.number().int(),
  samples: z.number().int(),
  verdict: z
    .object({
      interference: z.string(),
      reliableRange_m: z.number().nullable(),
      leakRange_m: z.number().nullable(),
      leaksToWrongSide: z.boolean().nullable()
    })
    .nullable()
})
export type SurveySummary = z.infer<typeof SurveySummarySchema>

/** Live progress of one mark's capture, at most 10 times a second; `points` are the readings since the last message. */
export const CaptureProgressSchema = z.object({
  surveyId: z.string(),
  markIndex: z.number().int().nonnegative(),
  elapsed_ms: z.number().nonnegative(),
  duration_ms: z.number().positive(),
  samples: z.number().int().nonnegative(),
  points: z.array(z.object({ t: z.number(), rssi: z.number() })).max(SURVEY_LIMITS.livePoints),
  done: z.boolean()
})
export type CaptureProgress = z.infer<typeof CaptureProgressSchema>

/** This device's RSSI offset against the reference phone, stored per device. */
export const DeviceCalibrationSchema = z.object({
  deviceId: z.string(),
  label: z.string(),
  offset_dB: z.number().min(-40).max(40),
  source: z.enum(['manual', 'paired']),
  /** Marks measured by both the device and the reference phone (paired calibration). */
  marks: z.number().int().nonnegative(),
  updatedAt: z.string()
})
export type DeviceCalibration = z.infer<typeof DeviceCalibrationSchema>

export const ReportFormatSchema = z.enum(['html', 'pdf', 'csv', 'json'])
export type ReportFormat = z.infer<typeof ReportFormatSchema>

/** Where an exported report was written. */
export const ReportFileSchema = z.object({ path: z.string(), format: ReportFormatSchema, bytes: z.number().int().nonnegative() })
export type ReportFile = z.infer<typeof ReportFileSchema>
