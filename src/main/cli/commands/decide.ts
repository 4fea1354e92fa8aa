import { createReadStream } from 'node:fs'
import { describeZodError, LintelError } from '../../../shared/contract/result'
import { DecisionRequestSchema, type Decision, type DecisionRequest } from '../../../shared/decision'
import type { SiteService } from '../../services/siteService'
import type { CliCommand } from '../command'
import { entityId, instantOption, requireOption, stringOption } from '../args'
import { SITE_OPTION_HELP, SITE_OPTIONS, withSite } from '../services'
import { UsageError, type CliIo } from '../io'
import { createProgress } from '../progress'
import { isInstant } from '../../../shared/time/instant'

export const decideCommand: CliCommand = {
  name: 'decide',
  summary: 'Decide whether a credential opens a door at a time, with every check (or a JSONL batch)',
  usage: '[--db <path> | --site <file>] (--door <id|name> --credential <typeId>:<value> [--at <ISO>] [--pin N] | --requests <file.jsonl>)',
  options: {
    ...SITE_OPTIONS,
    door: { type: 'string' },
    credential: { type: 'string' },
    at: { type: 'string' },
    pin: { type: 'string' },
    requests: { type: 'string' }
  },
  details: [
    ...SITE_OPTION_HELP,
    '--door            an id or a name (ignoring case); a name that matches nothing is decided as an unknown door',
    '--credential T:V  credential type (id, name or slug) and value, split at the first colon: 9:PF-7Q2K or PassFlow:PF-7Q2K',
    '--at <ISO>        an instant with Z or an offset; default now',
    '--requests <f>    one request object per line; prints one decision per line, in order',
    'A refused decision is an answer: the exit code is 0.'
  ],
  async run(values, _positionals, io) {
    const requestsPath = stringOption(values, 'requests')
    await withSite(values, io, async ({ site }) => {
      if (requestsPath) return runBatch(site, requestsPath, io)
      const decision = site.decide(singleRequest(site, values))
      io.out(io.json ? JSON.stringify(decision) : describeDecision(decision))
    })
  }
}

function singleRequest(service: SiteService, values: Parameters<CliCommand['run']>[0]): DecisionRequest {
  const site = service.snapshot()
  const credential = requireOption(values, 'credential')
  const colon = credential.indexOf(':')
  if (colon <= 0 || colon === credential.length - 1) {
    throw new UsageError(`--credential ${credential}: expected <typeId>:<value>, e.g. 9:PF-7Q2K`)
  }
  const pin = stringOption(values, 'pin')
  return {
    door_id: entityId(requireOption(values, 'door'), site, 'door', { passUnknown: true }),
    credential_type_id: entityId(credential.slice(0, colon), site, 'credential type', { option: 'credential', passUnknown: true }),
    value: credential.slice(colon + 1),
    at: instantOption(values),
    ...(pin !== undefined ? { pin } : {})
  }
}

/** Reads and validates every line first, so a bad file prints nothing but one error (exit 2). */
async function readRequests(path: string): Promise<DecisionRequest[]> {
  const requests: DecisionRequest[] = []
  let line = 0
  const take = (text: string): void => {
    line++
    if (text.trim()) requests.push(parseRequestLine(text, `${path}:${line}`))
  }
  try {
    await eachLine(path, take)
  } catch (error) {
    if (error instanceof LintelError) throw error
    throw new LintelError('requests_unreadable', `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  return requests
}

/** Calls `take` with each line (LF or CRLF) of a file read in 1 MB chunks: several times faster than readline. */
async function eachLine(path: string, take: (text: string) => void): Promise<void> {
  const strip = (text: string): string => (text.endsWith('\r') ? text.slice(0, -1) : text)
  let rest = ''
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n')
    rest = lines.pop()!
    for (const text of lines) take(strip(text))
  }
  if (rest) take(strip(rest))
}

function parseRequestLine(text: string, where: string): DecisionRequest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new LintelError('requests_invalid', `${where}: not a JSON object`)
  }
  if (isPlainRequest(json)) return json
  const parsed = DecisionRequestSchema.safeParse(json)
  if (!parsed.success) throw new LintelError('requests_invalid', `${where}: ${describeZodError(parsed.error)}`)
  return parsed.data
}

const REQUEST_KEYS = new Set(['door_id', 'credential_type_id', 'value', 'at', 'pin'])
const isId = (value: unknown): boolean => Number.isSafeInteger(value) || (typeof value === 'string' && value !== '')

/**
 * A request line DecisionRequestSchema would pass unchanged, checked by hand: the schema took most
 * of the time of reading a batch. Anything this does not accept goes to the schema, which judges it
 * and words the error; so this may only say yes where the schema does (test/main/cli.test.ts).
 */
export function isPlainRequest(json: unknown): json is DecisionRequest {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false
  for (const key in json) if (!REQUEST_KEYS.has(key)) return false
  const request = json as Record<string, unknown>
  return (
    isId(request.door_id) &&
    isId(request.credential_type_id) &&
    typeof request.value === 'string' &&
    request.value !== '' &&
    typeof request.at === 'string' &&
    isInstant(request.at) &&
    (!('pin' in request) || (typeof request.pin === 'string' && request.pin !== ''))
  )
}

async function runBatch(site: SiteService, path: string, io: CliIo): Promise<void> {
  const requests = await readRequests(path)
  const progress = createProgress('Deciding', requests.length, io.interactive)
  const lines: string[] = []
  let granted = 0
  requests.forEach((request, i) => {
    const decision = site.decide(request)
    if (decision.granted) granted++
    lines.push(io.json ? decisionJson(decision) : `${i + 1}\t${decision.granted ? 'GRANTED' : 'DENIED'}\t${decision.code}`)
    if (lines.length >= 4096) io.out(lines.splice(0).join('\n'))
    progress.update(i + 1)
  })
  if (lines.length) io.out(lines.join('\n'))
  progress.finish()
  if (!io.json) io.err(`${requests.length} requests: ${granted} granted, ${requests.length - granted} denied`)
}

/** Each shared check object's JSON, made once: the engine hands the same objects to many decisions. */
const checkJson = new WeakMap<object, string>()

/** Decision lines already written, by code and then by each check's JSON in turn (a trie). */
interface LineNode {
  line?: string
  readonly next: Map<string, LineNode>
}
const lineRoot: LineNode = { next: new Map() }

/**
 * `JSON.stringify(decision)`, byte for byte, from cached text: a batch over one site has few
 * distinct decisions (602 in 100k requests to the demo site), so each line is built once and the
 * checks' JSON once per shared check object. Stringifying each decision anew was most of a
 * `--json` batch's time.
 */
export function decisionJson(decision: Decision): string {
  if (Object.keys(decision).length !== 3) return JSON.stringify(decision)
  let node = step(lineRoot, `${decision.granted}${decision.code}`)
  for (const check of decision.checks) {
    let json = checkJson.get(check)
    if (json === undefined) checkJson.set(check, (json = JSON.stringify(check)))
    node = step(node, json)
  }
  return (node.line ??= `{"granted":${decision.granted},"code":${JSON.stringify(decision.code)},"checks":[${decision.checks.map((c) => checkJson.get(c)!).join(',')}]}`)
}

function step(node: LineNode, key: string): LineNode {
  let next = node.next.get(key)
  if (!next) node.next.set(key, (next = { next: new Map() }))
  return next
}

export function describeDecision(decision: Decision): string {
  const head = `${decision.granted ? 'GRANTED' : 'DENIED'} (${decision.code})`
  const checks = decision.checks.map((c) => `  ${c.passed ? 'pass' : 'FAIL'}  ${c.check.padEnd(29)} ${c.detail}`)
  return [head, ...checks].join('\n')
}
