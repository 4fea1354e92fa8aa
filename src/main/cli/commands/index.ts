import type { CliCommand } from '../command'
import { bleScanCommand } from './bleScan'
import { decideCommand } from './decide'
import { diagnoseCommand } from './diagnose'
import { eventsCommand } from './events'
import { exportCommand } from './export'
import { importCommand } from './import'
import { infoCommand } from './info'
import { doorsCommand, groupsCommand, peopleCommand } from './list'
import { nfcReadCommand, nfcReadersCommand } from './nfc'
import { nfcVerifyCommand } from './nfcVerify'
import { serveCommand } from './serve'
import { settingsCommand } from './settings'
import { siteCommand } from './site'
import { surveyAnalyzeCommand } from './surveyAnalyze'
import { syncCommand } from './sync'

/** Every CLI command, in the order `lintel --help` lists them. */
export const commands: readonly CliCommand[] = [infoCommand, siteCommand, doorsCommand, peopleCommand, groupsCommand, decideCommand, diagnoseCommand, eventsCommand, nfcReadersCommand, nfcReadCommand, nfcVerifyCommand, importCommand, syncCommand, exportCommand, bleScanCommand, surveyAnalyzeCommand, settingsCommand, serveCommand]
