import { randomInt } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ErrorCode, LintelError } from '../../shared/contract/result'
import {
  credentialsOf,
  diagnose,
  resolveSubject,
  type DiagnoseRequest,
  type Diagnosis,
  type EventEvidence,
  type RemoteAdmit,
  type ShownEvent,
  type FixAction,
  type FixResult,
  type LiveScan,
  type LiveTap
} from '../../shared/diagnose'
import type { Id, Site } from '../../shared/domain/site'
import { listEvents } from '../../shared/events/list'
import { NO_EVENT_SOURCE, type DoorEventSource } from '../../shared/events/model'
import type { Settings } from '../../shared/domain/settings'
import { backupPin } from '../../shared/provisioning/advice'
import { sortedQuantile } from '../../shared/rf'
import { diagnosisHtml } from '../diagnose/report'
import type { Logger } from '../logger'
import type { BleService } from './bleService'
import type { NfcService } from './nfcService'
import { ProvisioningErrorCode, type ProvisioningService } from './provisioningService'
import type { SiteService } from './siteService'
import type { SyncService } from './syncService'

export interface DiagnoseServiceDeps {
  site: SiteService
  provisioning: ProvisioningService
  sync: SyncService
  nfc: NfcService
  ble: BleService
  settings(): Settings
  /** Whether the site comes from the app's database (sync evidence and fixes) or a snapshot file. */
  database: boolean
  userDataDir: string
  log: Logger
  /** The door's events and status from the replica; default: none available yet. */
  events?: DoorEventSource
  /** "Let them in now" through DoorFlow (admit_person, then polling the request); default: not available yet. */
  remoteAdmit?: RemoteAdmitPort
}

/** The remote test, seen from the diagnosis: DoorFlow admits the person at the door and says what happened. */
export interface RemoteAdmitPort {
  admit(personId: Id, doorId: Id): Promise<RemoteAdmit>
}

/** How far back a diagnosis looks for the door's events, in minutes. */
export const EVENT_WINDOW_MINUTES = 15

const show = (id: Id): string => JSON.stringify(id)
const EVENT_LIMIT = 500

/** Helpdesk diagnosis over the real services: the shared engine's checks, the outbox, live NFC and BLE tests, fixes. */
export class DiagnoseService {
  constructor(private readonly deps: DiagnoseServiceDeps) {}

  async run(request: DiagnoseRequest): Promise<Diagnosis> {
    const site = this.deps.site.snapshot()
    const { person, door } = resolveSubject(site, request.person, request.door_id)
    const credentialIds = credentialsOf(site, person.id).map((c) => c.id)
    const tap = request.live?.tapSeconds ? await this.tapTest(site, request.live.tapSeconds, door.id) : null
    const scan = request.live?.scanSeconds ? await this.scanTest(door.id, request.live.scanSeconds) : null
    const connected = this.deps.database && this.deps.sync.status().api !== null
    const at = request.at ?? new Date().toISOString()
    return diagnose(site, this.deps.site.compiledSite(), {
      person: person.id,
      door_id: door.id,
      at,
      platform: request.platform,
      credential_id: request.credential_id,
      sync: this.deps.database ? this.deps.provisioning.syncEvidence(person.id, credentialIds, connected) : null,
      live: { tap, scan },
      events: this.eventEvidence(door.id, at, request.event_minutes ?? EVENT_WINDOW_MINUTES),
      remote: request.admit?.confirmed ? await this.remoteTest(person.id, door.id, `${person.first_name} ${person.last_name}`, door.name) : undefined
    })
  }

  /** Runs the remote test when a DoorFlow client can; it opens the door, so it goes in the sync log. */
  private async remoteTest(personId: Id, doorId: Id, name: string, doorName: string): Promise<RemoteAdmit> {
    const port = this.deps.remoteAdmit
    if (!port) return { outcome: 'unavailable', message: 'This Lintel cannot ask DoorFlow to admit a person yet.', seconds: 0 }
    const result = await port.admit(personId, doorId)
    if (this.deps.database) this.deps.provisioning.logChange(`helpdesk remote test: admit ${name} at ${doorName}: ${result.outcome}`, 'person', personId)
    return result
  }

  /** The door's events in the window before `at`, and its status, through the events port. */
  private eventEvidence(doorId: Id, at: string, minutes: number): EventEvidence {
    const source = this.deps.events ?? NO_EVENT_SOURCE
    const until = Date.parse(at)
    const since = new Date(until - minutes * 60_000).toISOString()
    // A little past `at`, so a controller clock running ahead shows as such instead of vanishing.
    const events = source.events({ door_id: doorId, since, until: new Date(until + 24 * 3600_000).toISOString(), limit: EVENT_LIMIT })
    return { events, status: source.status(doorId), window_minutes: minutes }
  }

  /**
   * A door's events (optionally one person's) since an instant, newest first, as `lintel events`
   * lists them: PIN numbers masked. Null when the replica holds no events yet.
   */
  recentEvents(query: { door_id: Id; person_id?: Id | undefined; since: string; until?: string; limit?: number }): ShownEvent[] | null {
    const site = this.deps.site.snapshot()
    const events = (this.deps.events ?? NO_EVENT_SOURCE).events({ door_id: query.door_id, person_id: query.person_id, since: query.since, until: query.until ?? new Date().toISOString(), limit: query.limit ?? EVENT_LIMIT })
    return events === null ? null : listEvents(site, this.deps.site.compiledSite(), events, query)
  }

  /** Waits for one tap on the NFC reader (real or the demo's simulated one). */
  private async tapTest(site: Site, seconds: number, doorId: Id): Promise<LiveTap> {
    const status = this.deps.nfc.status()
    if (status.state === 'pcscd_down') return { outcome: 'unavailable', reason: status.advice }
    if (status.state === 'idle') this.deps.nfc.startReading(doorId)
    try {
      const event = await this.deps.nfc.nextTap({ timeoutMs: seconds * 1000 })
      const { tap, presented } = event
      if (tap.error) return { outcome: 'read_failed', reader: tap.reader, error: tap.error.message }
      if (!presented && event.unmatched && tap.uid === null) return { outcome: 'read_failed', reader: tap.reader, error: event.unmatched }
      const type = presented ? site.credential_types.find((t) => t.id === presented.credential_type_id) : undefined
      return { outcome: 'presented', reader: tap.reader, credential_type_id: type ? type.id : null, value: presented ? presented.value : null, uid: tap.uid, latency_ms: tap.latency_ms }
    } catch (error) {
      if (error instanceof LintelError && error.code === 'no_tap') return { outcome: 'no_tap', seconds }
      throw error
    }
  }

  /** Listens for the door's BLE reader for `seconds`: how many reports, and how strong where the person stands. */
  private async scanTest(doorId: Id, seconds: number): Promise<LiveScan> {
    const reader = this.deps.ble.readers().find((r) => r.doorId === doorId)
    if (!reader) return { outcome: 'no_reader', reason: 'No Bluetooth reader is registered for this door (it accepts no BLE credential type).' }
    const wasScanning = this.deps.ble.scanState().scanning
    const rssi: number[] = []
    const stop = this.deps.ble.onAdvert((advert) => {
      if (advert.address.toUpperCase() === reader.address.toUpperCase()) rssi.push(advert.rssi)
    })
    try {
      try {
        await this.deps.ble.startScan()
      } catch (error) {
        return { outcome: 'unavailable', reason: error instanceof Error ? error.message : String(error) }
      }
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    } finally {
      stop()
      if (!wasScanning) await this.deps.ble.stopScan()
    }
    const sorted = Float64Array.from(rssi).sort()
    const median = sorted.length ? sortedQuantile(sorted, 0.5) : null
    return {
      outcome: 'scanned',
      seconds,
      simulated: this.deps.ble.usesSimulation(),
      reader: { name: reader.name, address: reader.address },
      adverts: rssi.length,
      median_rssi: median,
      max_rssi: sorted.length ? sorted[sorted.length - 1]! : null,
      threshold_dbm: this.deps.settings().unlockThresholdDbm
    }
  }

  /** A one-click fix through the provisioning service (outbox), noted in the sync log. */
  async fix(action: FixAction): Promise<FixResult> {
    if (!this.deps.database) throw new LintelError(ProvisioningErrorCode.noStore, 'This session opened a snapshot file; fixes need the app\'s database.')
    const site = this.deps.site.snapshot()
    const p = this.deps.provisioning
    switch (action.kind) {
      case 'enable_credential': {
        const credential = site.credentials.find((c) => c.id === action.credential_id)
        if (!credential) throw new LintelError(ErrorCode.notFound, `There is no credential ${show(action.credential_id)}.`)
        if (credential.status === 'revoked') throw new LintelError(ErrorCode.conflict, 'A revoked credential cannot be enabled again; issue the phone a new credential on the Provision page.')
        const saved = await p.saveCredential({ ...credential, enabled: true, status: credential.status === 'disabled' ? 'active' : credential.status, allow_weak_pin: true })
        const message = `Enabled credential ${show(saved.id)}${saved.status === 'invited' ? '; it still waits for the phone to accept its invitation' : ''}.`
        p.logChange(`helpdesk fix: ${message}`, 'credential', saved.id)
        return { kind: action.kind, message, credential_id: saved.id, pin: null }
      }
      case 'enable_person': {
        const person = site.people.find((x) => x.id === action.person_id)
        if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${show(action.person_id)}.`)
        await p.savePerson({ ...person, enabled: true })
        const message = `Enabled ${person.first_name} ${person.last_name}.`
        p.logChange(`helpdesk fix: ${message}`, 'person', person.id)
        return { kind: action.kind, message, credential_id: null, pin: null }
      }
      case 'add_to_group': {
        const person = site.people.find((x) => x.id === action.person_id)
        const group = site.groups.find((g) => g.id === action.group_id)
        if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${show(action.person_id)}.`)
        if (!group) throw new LintelError(ErrorCode.notFound, `There is no group ${show(action.group_id)}.`)
        if (!person.group_ids.includes(group.id)) await p.savePerson({ ...person, group_ids: [...person.group_ids, group.id] })
        const message = `Added ${person.first_name} ${person.last_name} to ${group.name}.`
        p.logChange(`helpdesk fix: ${message}`, 'person', person.id)
        return { kind: action.kind, message, credential_id: null, pin: null }
      }
      case 'issue_backup_pin': {
        const person = site.people.find((x) => x.id === action.person_id)
        if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${show(action.person_id)}.`)
        const pin = backupPin(site, () => randomInt(0, 2 ** 32) / 2 ** 32)
        if (!pin) throw new LintelError(ErrorCode.conflict, 'This site has no PIN credential type to issue a backup PIN with.')
        const saved = await p.saveCredential({ person_id: person.id, ...pin, enabled: true, status: 'active', label: 'Backup PIN' })
        const message = `Issued a backup PIN (credential ${show(saved.id)}) to ${person.first_name} ${person.last_name}; read it out now, it is not shown again.`
        p.logChange(`helpdesk fix: issued backup PIN credential ${show(saved.id)}`, 'credential', saved.id)
        return { kind: action.kind, message, credential_id: saved.id, pin: pin.value }
      }
      case 'start_device_change':
        throw new LintelError(ErrorCode.badRequest, 'A device change is a workflow: open it on the Troubleshoot or Provision page (issue the new phone, test it, then disable the old one).')
    }
  }

  /** Writes the report under the user-data folder's reports/. */
  async exportReport(diagnosis: Diagnosis, format: 'html' | 'json'): Promise<{ path: string; format: 'html' | 'json'; bytes: number }> {
    const dir = join(this.deps.userDataDir, 'reports')
    await mkdir(dir, { recursive: true })
    const stamp = diagnosis.at.replace(/[:.]/g, '-')
    const slug = `${diagnosis.person.name}-${diagnosis.door.name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const path = join(dir, `diagnosis-${slug}-${stamp}.${format}`)
    const text = format === 'html' ? diagnosisHtml(diagnosis) : `${JSON.stringify(diagnosis, null, 2)}\n`
    await writeFile(path, text, 'utf8')
    return { path, format, bytes: Buffer.byteLength(text) }
  }
}
