import type { CliCommand } from '../command'

/**
 * Every CLI command by name, in the order `lintel --help` lists them, each loaded only when asked
 * for: the built CLI is split at these imports, so `lintel info` does not compile `lintel sync`.
 * test/main/cli.test.ts checks that each name is the name of the command it loads.
 */
export const commandLoaders: readonly (readonly [name: string, load: () => Promise<CliCommand>])[] = [
  ['info', () => import('./info').then((m) => m.infoCommand)],
  ['site', () => import('./site').then((m) => m.siteCommand)],
  ['doors', () => import('./list').then((m) => m.doorsCommand)],
  ['people', () => import('./list').then((m) => m.peopleCommand)],
  ['groups', () => import('./list').then((m) => m.groupsCommand)],
  ['groups add', () => import('./groupsAdd').then((m) => m.groupsAddCommand)],
  ['decide', () => import('./decide').then((m) => m.decideCommand)],
  ['diagnose', () => import('./diagnose').then((m) => m.diagnoseCommand)],
  ['events', () => import('./events').then((m) => m.eventsCommand)],
  ['onboarding', () => import('./onboarding').then((m) => m.onboardingCommand)],
  ['nfc readers', () => import('./nfc').then((m) => m.nfcReadersCommand)],
  ['nfc read', () => import('./nfc').then((m) => m.nfcReadCommand)],
  ['nfc verify', () => import('./nfcVerify').then((m) => m.nfcVerifyCommand)],
  ['import', () => import('./import').then((m) => m.importCommand)],
  ['sync', () => import('./sync').then((m) => m.syncCommand)],
  ['export', () => import('./export').then((m) => m.exportCommand)],
  ['ble scan', () => import('./bleScan').then((m) => m.bleScanCommand)],
  ['survey analyze', () => import('./surveyAnalyze').then((m) => m.surveyAnalyzeCommand)],
  ['survey map', () => import('./surveyMap').then((m) => m.surveyMapCommand)],
  ['settings', () => import('./settings').then((m) => m.settingsCommand)],
  ['serve', () => import('./serve').then((m) => m.serveCommand)]
]

/** Every command, loaded (for `lintel --help`). */
export async function loadCommands(): Promise<readonly CliCommand[]> {
  return Promise.all(commandLoaders.map(([, load]) => load()))
}
