import type { Credential } from '../domain/site'
import { add, describe, formatOf, PLATFORM_NAME, PLATFORM_PLURAL, phoneRadios, RADIO_NAME, usable, type Context } from './context'
import { FindingCode, type FixAction, type LiveScan, type LiveTap, type Platform } from './model'
import { show } from './subject'

/** What a live NFC tap on the USB reader showed. */
export function tapFindings(ctx: Context, tap: LiveTap): void {
  switch (tap.outcome) {
    case 'unavailable':
      add(ctx, FindingCode.nfcUnavailable, 'info', 0.05, 'No NFC tap test', tap.reason, 'Connect a USB NFC reader to test what the phone presents.')
      return
    case 'no_tap':
      add(ctx, FindingCode.nfcNoTap, 'warning', 0.85, 'The phone presented nothing over NFC', `Nothing was read in ${tap.seconds} s on the USB reader.`, noTapFix(ctx))
      return
    case 'read_failed':
      add(ctx, FindingCode.nfcReadFailed, 'warning', 0.7, 'The NFC read failed', `${tap.reader}: ${tap.error}`, 'Ask them to hold the phone still on the reader for a second, then tap again.')
      return
    case 'presented':
      presentedFinding(ctx, tap)
  }
}

/** The site's platform rules decide whether an empty NFC tap means anything. */
function noTapFix(ctx: Context): string {
  if (ctx.platform && !ctx.platforms[ctx.platform].includes('nfc')) return `On this site ${PLATFORM_PLURAL[ctx.platform]} present mobile credentials over ${ctx.platforms[ctx.platform].map((r) => RADIO_NAME[r]).join(' or ') || 'no radio'}, not NFC: test at the door instead.`
  return 'Ask them to turn NFC on, unlock the phone, open the credential app and hold the phone flat on the reader.'
}

function presentedFinding(ctx: Context, tap: Extract<LiveTap, { outcome: 'presented' }>): void {
  const match = tap.value === null ? undefined : ctx.site.credentials.find((c) => c.credential_type_id === tap.credential_type_id && c.value === tap.value)
  const what = tap.value === null ? `a card or phone (UID ${tap.uid ?? 'unknown'})` : `${ctx.types.get(tap.credential_type_id!)?.label ?? 'a credential'} ${tap.value}`
  if (!match) {
    add(ctx, FindingCode.nfcNotEnrolled, 'error', 0.95, 'The phone presents a credential Lintel does not know', `The reader read ${what} in ${Math.round(tap.latency_ms)} ms; nothing enrolled has that value.`, 'Re-enrol the phone in the credential app; if that does not help, start a device change.', mobileAction(ctx))
  } else if (match.person_id !== ctx.person.id) {
    add(ctx, FindingCode.nfcOtherPerson, 'error', 0.95, "The phone presents someone else's credential", `The reader read ${what}, which is ${describe(ctx, match)} of person ${show(match.person_id)}.`, 'They are using the wrong phone or account: re-enrol the phone with their own invitation.', mobileAction(ctx))
  } else {
    const decision = ctx.verdicts.get(match)!
    add(ctx, FindingCode.nfcPresented, 'info', 0.3, `The phone presents ${describe(ctx, match)}`, `The reader read ${what} in ${Math.round(tap.latency_ms)} ms; at ${ctx.door.name} the engine says ${decision.granted ? 'granted' : `refused (${decision.code})`}.`, decision.granted ? 'The phone and the rules are fine over NFC: check the door reader itself.' : 'Fix the refusal above.', null, match)
  }
}

/** The device-change workflow for their current phone credential, if they have one. */
export function mobileAction(ctx: Context): FixAction | null {
  const phone = ctx.mine.find((c) => formatOf(ctx, c) === 'mobile' && usable(c))
  return phone ? { kind: 'start_device_change', person_id: ctx.person.id, credential_id: phone.id } : null
}

/** What a live BLE scan for the door's reader showed. */
export function scanFindings(ctx: Context, scan: LiveScan): void {
  if (scan.outcome === 'unavailable') {
    add(ctx, FindingCode.bleUnavailable, 'info', 0.05, 'No Bluetooth scan', scan.reason, 'Use a laptop or dongle with Bluetooth to check the reader where they stand.')
  } else if (scan.outcome === 'no_reader') {
    add(ctx, FindingCode.bleNoReader, 'info', 0.05, 'No Bluetooth reader is known at this door', scan.reason, 'Check the door has a Bluetooth reader, or test over NFC.')
  } else if (scan.adverts === 0) {
    add(ctx, FindingCode.bleNotHeard, 'error', 0.9, "The door's Bluetooth reader was not heard", `No advertisement from ${scan.reader.name} (${scan.reader.address}) in ${scan.seconds} s${scan.simulated ? ' (simulated radio)' : ''}.`, 'Check the reader has power and its Bluetooth is on; stand at the door and scan again.')
  } else if (scan.median_rssi !== null && scan.median_rssi < scan.threshold_dbm) {
    add(ctx, FindingCode.bleWeak, 'warning', 0.8, "The reader's signal is too weak where they stand", `${scan.reader.name}: ${scan.adverts} reports in ${scan.seconds} s, median ${scan.median_rssi} dBm (strongest ${scan.max_rssi} dBm), below the unlock threshold of ${scan.threshold_dbm} dBm.`, 'Ask them to step closer to the reader; if it stays weak at the door, survey it (metal frames and concrete absorb Bluetooth).')
  } else {
    const nfcOnly = ctx.platform !== null && !ctx.platforms[ctx.platform].includes('ble')
    const fix = nfcOnly ? `The radio path is fine, but ${PLATFORM_PLURAL[ctx.platform!]} use NFC on this site: hold the phone on the reader with NFC on and the app running.` : 'The radio path is fine: check Bluetooth on the phone and that the app runs.'
    add(ctx, FindingCode.bleHeard, 'info', 0.3, "The door's reader is heard well", `${scan.reader.name}: ${scan.adverts} reports in ${scan.seconds} s, median ${scan.median_rssi} dBm, at or above the unlock threshold of ${scan.threshold_dbm} dBm.`, fix)
  }
}

/** How to get the phone to present the credential, in the site's platform rules (never a radio the platform does not use here). */
function presentAdvice(ctx: Context, phone: Credential): string {
  const type = ctx.types.get(phone.credential_type_id)
  const turnOn = (p: Platform): string | null => {
    const radios = phoneRadios(ctx, p, type)
    return radios.length ? `turn ${radios.map((r) => RADIO_NAME[r]).join(' and ')} on` : null
  }
  if (ctx.platform) {
    const on = turnOn(ctx.platform)
    return `On ${PLATFORM_NAME[ctx.platform]}: ${on ? `${on}, ` : ''}open the credential app`
  }
  const parts = (['ios', 'android'] as const).flatMap((p) => {
    const on = turnOn(p)
    return on ? [`${p === 'ios' ? 'iPhone' : 'Android'}: ${on}`] : []
  })
  return `${parts.length ? `${parts.join('; ')}; ` : ''}open the credential app`
}

/** When the rules grant, the phone is the usual culprit: its radio, its app, its enrolment. */
export function phoneFindings(ctx: Context, considered: Credential[], opens: boolean): void {
  const phones = considered.filter((c) => formatOf(ctx, c) === 'mobile')
  if (!phones.length) return
  const suspect = opens && !ctx.findings.some((f) => f.severity === 'error')
  const evidence = suspect ? `The access rules grant ${phones.length === 1 ? describe(ctx, phones[0]!) : 'their phone credential'} at ${ctx.door.name} at ${ctx.when}, so the refusal most likely comes from the phone.` : 'Checked last: the phone itself can also stop the credential reaching the reader.'
  const title = ctx.platform ? `${ctx.platforms[ctx.platform].map((r) => (r === 'ble' ? 'Bluetooth' : 'NFC')).join(' or ') || 'The radio'} is off, or the credential app is not running` : 'Bluetooth or NFC is off, or the credential app is not running'
  add(ctx, FindingCode.phoneSide, suspect ? 'warning' : 'info', suspect ? 0.75 : 0.2, title, evidence, `${presentAdvice(ctx, phones[0]!)} and keep it running in the background; check the battery.`)
  add(ctx, FindingCode.reenrol, 'info', suspect ? 0.5 : 0.1, 'The phone may need re-enrolling', 'Re-enrolling in the mobile app often fixes a phone that stopped working after an update or a restore.', 'Ask them to re-enrol in the app; if it still fails, start a device change.', mobileAction(ctx))
}
