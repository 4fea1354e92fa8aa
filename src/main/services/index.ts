import { contract, type AppInfo, type LintelContract, type Handlers } from '../../shared/contract'
import type { Settings, SettingsPatch } from '../../shared/domain/settings'
import { EventHub } from '../contract/eventHub'
import { createDispatcher, type Dispatcher } from '../contract/dispatcher'
import type { Logger } from '../logger'
import type { SettingsStore } from '../settings/settingsStore'
import { HardwareService, nfcReadersFor, systemProbe, type HardwareProbe } from './hardwareService'
import { NfcService } from './nfcService'
import { BleService, type RadioFactory } from './bleService'
import { SurveyService } from './surveyService'
import { virtualReaders } from '../hardware/ble/virtualReaders'
import type { PdfPrinter } from '../survey/report'
import { chromiumPdfPrinter } from '../survey/report/chromiumPdf'
import { replicaEventSource } from './replicaEvents'
import type { SiteService } from './siteService'
import { exportSite, exportTable, workbookFile } from './siteExport'
import { DiagnoseService } from './diagnoseService'
import type { ProvisioningService } from './provisioningService'
import type { SyncService } from './syncService'
import type { TokenStore } from '../sync/tokens'
import type { Store } from '../store/store'
import { PlatformRulesService } from './platformRulesService'
import { platformRulesOf, platformTargets } from '../../shared/domain/platformRules'
import { OnboardingService } from './onboardingService'
import { chromiumPdfSession } from '../onboarding/pdfSession'
import type { DoorEventSource } from '../../shared/events/model'
import type { RemoteAdmitPort } from './diagnoseService'
import { provisioningHandlers, provisioningParts, syncHandlers } from './provisioningWiring'
import { appInfo, openSite } from './siteSession'

export interface ServiceOptions {
  runtime: AppInfo['runtime']
  userDataDir: string
  settings: SettingsStore
  log: Logger
  /** A snapshot file to read (in memory, never written into a store) instead of the app's database. */
  sitePath?: string
  /** A database file to open instead of the app's (`--db`); a new one starts with the standard credential types. */
  dbPath?: string
  /** The IANA time zone of a database `dbPath` creates (`--time-zone`); default the machine's, with a note. */
  timeZone?: string
  probe?: HardwareProbe
  /** Where the DoorFlow token is kept; default a 0600 file (the Electron shell passes safeStorage). */
  tokens?: TokenStore
  /** BLE radios (real adapter and virtual RF site); tests and benchmarks pass their own. */
  radios?: RadioFactory
  /** Survey reports to PDF; default Debian's Chromium, the Electron shell passes printToPDF. */
  pdf?: PdfPrinter
  /** An open database to use instead of the app's (the CLI's `--db`); closed by {@link Services.close}. */
  store?: Store
  /** The door's events and status (the replica, once sync keeps them); default: none available. */
  events?: DoorEventSource
  /** The remote test (DoorFlow's admit_person); default: DoorFlow's, when the database is open and a connection saved, else not available. */
  remoteAdmit?: RemoteAdmitPort
  /** PC/SC tuning: pcscd's socket and how long one tap's read may take before the child is killed. */
  nfc?: { socket?: string; readTimeoutMs?: number }
}

/** Everything main offers, wired once; the Electron shell, the browser host, the CLI and tests all start here. */
export interface Services {
  readonly hub: EventHub<LintelContract>
  readonly site: SiteService
  readonly hardware: HardwareService
  readonly nfc: NfcService
  readonly ble: BleService
  readonly survey: SurveyService
  readonly provisioning: ProvisioningService
  readonly sync: SyncService
  readonly diagnose: DiagnoseService
  /** Which radios phones use at this site, and how close they must be; stored with the site. */
  readonly platformRules: PlatformRulesService
  /** Onboarding sheets for the phone holder (HTML, PDF, email draft). */
  readonly onboarding: OnboardingService
  readonly dispatcher: Dispatcher
  settings(): Settings
  updateSettings(patch: SettingsPatch): Settings
  info(): AppInfo
  /** Stops the radios and closes the database (CLI commands call it when they end). */
  close(): Promise<void>
}

/**
 * The remote test port: the one given, else DoorFlow's whenever a database is open, else none ("not
 * available"). The connection is read when the test runs, not now: one saved after start-up counts,
 * and without one the test answers "Connect to DoorFlow first".
 */
function remoteAdmitOf(options: ServiceOptions, appStore: Store | undefined, sync: SyncService): { remoteAdmit?: RemoteAdmitPort } {
  if (options.remoteAdmit) return { remoteAdmit: options.remoteAdmit }
  if (!appStore) return {}
  return { remoteAdmit: { admit: (personId, doorId) => sync.admit(personId, doorId) } }
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  const { log, settings: store } = options
  const hub = new EventHub(contract, log)
  const { store: appStore, site } = await openSite(options)
  const { provisioning, sync } = provisioningParts({ store: appStore, site, hub, log, userDataDir: options.userDataDir, tokens: options.tokens })
  const probe = options.probe ?? systemProbe
  const readers = nfcReadersFor(probe, log, options.nfc)
  const nfc = new NfcService({ readers, site, settings: () => store.read(), hub, log, pcscd: () => probe.pcscd() })
  const ble = new BleService({
    readers: () => virtualReaders(site.snapshot()),
    settings: () => store.read(),
    adapterPresent: () => probe.bleAdapter(),
    hub,
    log,
    ...(options.radios ? { radios: options.radios } : {})
  })
  const pdf = options.pdf ?? chromiumPdfPrinter()
  const survey = new SurveyService({ userDataDir: options.userDataDir, ble, hub, log, pdf, platforms: () => platformTargets(platformRulesOf(site.snapshot().site)) })
  const hardware = new HardwareService(site, probe, nfc, ble)
  const diagnose = new DiagnoseService({ site, provisioning, sync, nfc, ble, settings: () => store.read(), database: appStore !== undefined, userDataDir: options.userDataDir, log, ...(options.events ?? appStore ? { events: options.events ?? replicaEventSource(appStore!) } : {}), ...remoteAdmitOf(options, appStore, sync) })
  const platformRules = new PlatformRulesService({ site, store: appStore })
  const onboarding = new OnboardingService({ site, pdf, userDataDir: options.userDataDir, ...(options.pdf ? {} : { pdfSession: () => chromiumPdfSession() }) })
  const services: Omit<Services, 'dispatcher'> = {
    hub,
    site,
    hardware,
    nfc,
    ble,
    survey,
    provisioning,
    sync,
    diagnose,
    platformRules,
    onboarding,
    settings: () => store.read(),
    updateSettings(patch) {
      const next = { ...store.read(), ...patch }
      store.write(next)
      const saved = store.read()
      hub.emit('app', 'settingsChanged', saved)
      return saved
    },
    info: () => appInfo(options.runtime, options.userDataDir, hardware.simulated()),
    async close() {
      await nfc.close()
      if (ble.scanState().scanning) await ble.stopScan()
      appStore?.close()
    }
  }
  return { ...services, dispatcher: createDispatcher(contract, handlersFor(services), log) }
}

/** The contract's handlers, each a thin call into a service. */
export function handlersFor(s: Omit<Services, 'dispatcher'>): Handlers<LintelContract> {
  return {
    app: {
      info: () => s.info(),
      getSettings: () => s.settings(),
      updateSettings: (patch) => s.updateSettings(patch)
    },
    site: {
      summary: () => s.site.summary(),
      snapshot: () => s.site.snapshot(),
      platformRules: () => s.platformRules.get(),
      setPlatformRules: (patch) => {
        const rules = s.platformRules.update(patch)
        s.hub.emit('site', 'changed', s.site.summary())
        return rules
      }
    },
    decision: {
      decide: (request) => s.site.decide(request)
    },
    ble: {
      status: () => s.ble.status(),
      readers: () => s.ble.readers(),
      startScan: ({ simulate }) => s.ble.startScan({ simulate: simulate ?? false }),
      stopScan: () => s.ble.stopScan(),
      scan: () => s.ble.batch(),
      createSurvey: (plan) => s.survey.create(plan),
      captureMark: ({ surveyId, markIndex }) => s.survey.captureMark(surveyId, markIndex),
      cancelCapture: () => ({ cancelled: s.survey.cancelCapture() }),
      analyzeSurvey: ({ surveyId }) => s.survey.analyze(surveyId),
      surveys: () => s.survey.list(),
      survey: ({ surveyId }) => s.survey.load(surveyId),
      deleteSurvey: ({ surveyId }) => s.survey.delete(surveyId),
      exportReport: ({ surveyId, format }) => s.survey.exportReport(surveyId, format),
      exportPlanReport: ({ project, format }) => s.survey.exportPlanReport(project, format),
      calibrations: () => s.survey.calibrations(),
      setCalibration: ({ deviceId, label, offset_dB }) => s.survey.setCalibration(deviceId, label, offset_dB),
      calibrate: ({ surveyId, referenceSamples }) => s.survey.calibrateAgainstReference(surveyId, referenceSamples)
    },
    nfc: {
      status: () => s.nfc.status(),
      startReading: ({ doorId }) => s.nfc.startReading(doorId),
      stopReading: () => s.nfc.stopReading(),
      recentTaps: () => s.nfc.recentTaps(),
      aids: () => s.nfc.aids(),
      enrolTap: ({ credentialTypeId, timeoutSeconds }) => s.nfc.enrolTap(credentialTypeId, timeoutSeconds),
      simulateTap: ({ card }) => s.nfc.simulateTap(card)
    },
    provisioning: { ...provisioningHandlers(s.provisioning), exportCsv: ({ kind }) => exportSite(s.site, s.provisioning, kind), exportXlsx: ({ kind }) => workbookFile(exportTable(s.site, s.provisioning, kind), kind) },
    sync: syncHandlers(s.sync),
    diagnose: {
      run: (request) => s.diagnose.run(request),
      fix: (action) => s.diagnose.fix(action),
      exportReport: ({ diagnosis, format }) => s.diagnose.exportReport(diagnosis, format),
      exportOnboarding: ({ person, credential_id, format }) => s.onboarding.exportFile(person, credential_id, format)
    }
  }
}
