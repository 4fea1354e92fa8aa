import { z } from 'zod'
import { SiteSchema } from '../domain/site'
import { PlatformRulesPatchSchema, PlatformRulesSchema } from '../domain/platformRules'
import { DecisionRequestSchema, DecisionSchema } from '../decision'
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings'
import { BleReaderSchema, BleStatusSchema, NfcStatusSchema } from '../domain/hardware'
import { IdSchema } from '../domain/site'
import { AidEntrySchema, EnrolTapRequestSchema, EnrolTapResultSchema, SimulatedCardSchema, TapEventSchema } from '../nfc'
import { ScanBatchSchema, ScanStateSchema } from '../domain/ble'
import {
  CaptureProgressSchema,
  DeviceCalibrationSchema,
  DoorSurveySchema,
  RangeTestPlanSchema,
  ReportFileSchema,
  ReportFormatSchema,
  SURVEY_LIMITS,
  SurveySummarySchema
} from '../domain/survey'
import { SurveyAnalysisSchema } from '../rf/schema'
import { SurveyProjectSchema } from '../plan/schema'
import { provisioningCapability, syncCapability } from '../provisioning/contract'
import { DiagnoseRequestSchema, DiagnosisReportFormatSchema, DiagnosisSchema, FixActionSchema, FixResultSchema } from '../diagnose/model'
import { command, type ClientApi, type ContractSpec } from './define'

export * from './define'
export * from './result'

const none = z.object({}).strict()
const surveyRef = z.object({ surveyId: z.string().regex(/^[a-z0-9-]{6,64}$/) }).strict()

export const RuntimeSchema = z.enum(['electron', 'browser-host', 'cli', 'test'])

export const AppInfoSchema = z.object({
  name: z.literal('Lintel'),
  version: z.string(),
  runtime: RuntimeSchema,
  platform: z.string(),
  userDataDir: z.string(),
  simulated: z.object({ ble: z.boolean(), nfc: z.boolean() })
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const SiteSummarySchema = z.object({
  name: z.string(),
  source: z.enum(['demo', 'file', 'database']),
  timezone: z.string(),
  revision: z.number().int().nonnegative(),
  counts: z.object({
    doors: z.number().int(),
    people: z.number().int(),
    credentials: z.number().int(),
    groups: z.number().int(),
    schedules: z.number().int()
  })
})
export type SiteSummary = z.infer<typeof SiteSummarySchema>

/**
 * The one contract between the renderer and main, grouped by capability.
 * Channel names, the preload API, the WebSocket transport and main's handlers all derive from it.
 */
export const contract = {
  app: {
    commands: {
      info: command('What is running, where its data lives, and which radios are simulated', none, AppInfoSchema),
      getSettings: command('The current settings', none, SettingsSchema),
      updateSettings: command('Change some settings; returns all of them', SettingsPatchSchema, SettingsSchema)
    },
    events: {
      settingsChanged: SettingsSchema
    }
  },
  site: {
    commands: {
      summary: command('The open site: name, time zone and counts', none, SiteSummarySchema),
      snapshot: command('The whole open site in the snapshot format', none, SiteSchema),
      platformRules: command("The site's platform rules: which radios iPhones and Android phones use, and unlock distances", none, PlatformRulesSchema),
      setPlatformRules: command('Change the platform rules (a preset, radios per platform, unlock distances); saved with the site', PlatformRulesPatchSchema, PlatformRulesSchema)
    },
    events: {
      changed: SiteSummarySchema
    }
  },
  decision: {
    commands: {
      decide: command('Decide one request at a door and time, with every check', DecisionRequestSchema, DecisionSchema)
    },
    events: {}
  },
  ble: {
    commands: {
      status: command('The BLE radio: real or simulated, and its state', none, BleStatusSchema),
      readers: command('Door readers known to the survey', none, z.array(BleReaderSchema)),
      /** Idempotent; `simulate` forces the virtual RF site. Fails with ble_unsupported, ble_powered_off, ble_unauthorized or ble_timeout. */
      startScan: command('Start scanning for advertisers (duplicates allowed)', z.object({ simulate: z.boolean().optional() }).strict(), ScanStateSchema),
      stopScan: command('Stop scanning and release the adapter', none, ScanStateSchema),
      /** The same batch the `scan` event carries, on demand. */
      scan: command('The live advertiser table now', none, ScanBatchSchema),
      createSurvey: command('Start a range test of one reader: threshold, marks and capture time', RangeTestPlanSchema, DoorSurveySchema),
      /** Resolves when the capture ends; `captureProgress` streams meanwhile. Fails with survey_busy while another capture runs. */
      captureMark: command('Capture the reader at one mark for the survey\'s capture time', surveyRef.extend({ markIndex: z.number().int().min(0).max(SURVEY_LIMITS.marks - 1) }).strict(), DoorSurveySchema),
      cancelCapture: command('Stop the running capture and discard its samples', none, z.object({ cancelled: z.boolean() })),
      analyzeSurvey: command('Analyse a survey with its device calibration; saves the result', surveyRef, SurveyAnalysisSchema),
      surveys: command('Saved surveys, newest first', none, z.array(SurveySummarySchema)),
      survey: command('One saved survey with its samples and analysis', surveyRef, DoorSurveySchema),
      deleteSurvey: command('Delete a saved survey; returns the remaining list', surveyRef, z.array(SurveySummarySchema)),
      /** Written under the user-data folder's reports/; PDF fails with report_pdf_unavailable without Chromium. */
      exportReport: command('Export a survey as HTML (SVG plots), PDF, CSV or JSON raw samples', surveyRef.extend({ format: ReportFormatSchema }).strict(), ReportFileSchema),
      /** The floor-plan report of `lintel survey map --report`: one plan page per door. Refused with project_* codes as the CLI refuses the file. */
      exportPlanReport: command('Export a floor-plan survey project as a report with one plan page per door (HTML or PDF)', z.object({ project: SurveyProjectSchema, format: z.enum(['html', 'pdf']) }).strict(), ReportFileSchema),
      calibrations: command('Stored RSSI offsets, one per scanning device', none, z.array(DeviceCalibrationSchema)),
      setCalibration: command('Store a device offset typed by hand', z.object({ deviceId: z.string().min(1).max(120), label: z.string().max(120), offset_dB: z.number().min(-40).max(40) }).strict(), DeviceCalibrationSchema),
      /** The reference phone's samples (CSV or JSONL text) at the survey's marks; the offset is stored for the survey's device. */
      calibrate: command('Calibrate the survey\'s device against a reference phone', surveyRef.extend({ referenceSamples: z.string().min(1).max(SURVEY_LIMITS.referenceChars) }).strict(), DeviceCalibrationSchema)
    },
    events: {
      status: BleStatusSchema,
      /** At most 4 batches a second while scanning, each at most SCAN_LIMITS.rows rows. */
      scan: ScanBatchSchema,
      /** At most 10 a second during a capture; the last has done = true. */
      captureProgress: CaptureProgressSchema,
      surveysChanged: z.array(SurveySummarySchema).max(50)
    }
  },
  nfc: {
    commands: {
      status: command('PC/SC readers, whether they are simulated, and the reading state', none, NfcStatusSchema),
      startReading: command(
        'Read taps and decide each at a door (null or absent: the default door from settings); idempotent',
        z.object({ doorId: IdSchema.nullable().optional() }).strict(),
        NfcStatusSchema
      ),
      stopReading: command('Stop reading and release the readers', none, NfcStatusSchema),
      recentTaps: command('The latest taps with their decisions, oldest first (at most 100)', none, z.array(TapEventSchema)),
      aids: command('The AIDs selected on phones, in order: built-in, then settings', none, z.array(AidEntrySchema)),
      enrolTap: command('Wait for one tap and give its value in the form of a credential type', EnrolTapRequestSchema, EnrolTapResultSchema),
      simulateTap: command(
        'Tap the simulated reader with a card or phone (demo mode only)',
        z.object({ card: SimulatedCardSchema }).strict(),
        TapEventSchema
      )
    },
    events: {
      status: NfcStatusSchema,
      /** One per tap: the record, what it presented, and the decision at the door being verified. */
      tap: TapEventSchema
    }
  },
  provisioning: provisioningCapability,
  sync: syncCapability,
  diagnose: {
    commands: {
      /** Live tests (tap, scan) wait up to their seconds; without them it answers at once. */
      run: command('Run every check for a person at a door and time; findings ordered by likelihood', DiagnoseRequestSchema, DiagnosisSchema),
      /** Through the normal provisioning path: recorded in the outbox and the sync log. Needs the app's database. */
      fix: command('Carry out a one-click fix', FixActionSchema, FixResultSchema),
      /** Written under the user-data folder's reports/. */
      exportReport: command('Save a diagnosis as a shareable HTML or JSON report', z.object({ diagnosis: DiagnosisSchema, format: DiagnosisReportFormatSchema }).strict(), z.object({ path: z.string(), format: DiagnosisReportFormatSchema, bytes: z.number().int().nonnegative() })),
      /** Written under the user-data folder's onboarding/. */
      exportOnboarding: command(
        "Save the phone holder's onboarding sheet (HTML, PDF, or an email draft with it attached)",
        z.object({ person: z.union([IdSchema, z.string().min(1).max(320)]), credential_id: IdSchema.optional(), format: z.enum(['html', 'pdf', 'eml']) }).strict(),
        z.object({ path: z.string(), format: z.enum(['html', 'pdf', 'eml']), bytes: z.number().int().nonnegative(), warnings: z.array(z.string()) })
      )
    },
    events: {}
  }
} as const satisfies ContractSpec

export type LintelContract = typeof contract
/** The API the renderer sees as `window.lintel`, whatever the transport. */
export type LintelApi = ClientApi<LintelContract>
