import type { CliCommand } from '../command'
import { decideCommand } from './decide'
import { infoCommand } from './info'
import { serveCommand } from './serve'
import { settingsCommand } from './settings'
import { siteCommand } from './site'

/** Every CLI command, in the order `lintel --help` lists them. */
export const commands: readonly CliCommand[] = [infoCommand, siteCommand, decideCommand, settingsCommand, serveCommand]
