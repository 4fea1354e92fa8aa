// src/shared/formats/hex.ts
function bytesToHex(bytes) {
  let text = "";
  for (const byte of bytes) text += HEX_DIGITS[byte];
  return text;
}
var HEX_DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, "0"));
function hexToBytes(text) {
  const hex2 = canonicalHex(text);
  if (hex2 === void 0) return void 0;
  const bytes = new Uint8Array(hex2.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex2.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
var SEPARATORS = /[\s:.-]/g;
function canonicalHex(text) {
  const stripped = text.trim().replace(/^0x/i, "").replace(SEPARATORS, "").toUpperCase();
  return stripped.length > 0 && stripped.length % 2 === 0 && /^[0-9A-F]+$/.test(stripped) ? stripped : void 0;
}

// src/shared/nfc/statusWords.ts
var StatusWord = {
  ok: 36864,
  fileNotFound: 27266,
  functionNotSupported: 27265,
  insNotSupported: 27904,
  claNotSupported: 28160,
  wrongP1P2: 27392,
  wrongLength: 26368
};
var Sw1 = { moreData: 97, wrongLe: 108 };
var MEANINGS = {
  [StatusWord.ok]: "success",
  [StatusWord.fileNotFound]: "application or file not found",
  [StatusWord.functionNotSupported]: "function not supported",
  [StatusWord.insNotSupported]: "instruction not supported",
  [StatusWord.claNotSupported]: "class not supported",
  [StatusWord.wrongP1P2]: "wrong parameters P1-P2",
  [StatusWord.wrongLength]: "wrong length"
};

// src/shared/nfc/apdu.ts
var GET_UID = Uint8Array.of(255, 202, 0, 0, 0);
function selectAid(aid) {
  return Uint8Array.of(0, 164, 4, 0, aid.length, ...aid, 0);
}
function getResponse(le) {
  return Uint8Array.of(0, 192, 0, 0, le & 255);
}
function withLe(command, le) {
  const hasLe = command.length === 5 || command.length > 5 && command.length !== 5 + (command[4] ?? 0);
  if (!hasLe) return Uint8Array.of(...command, le & 255);
  const copy = Uint8Array.from(command);
  copy[copy.length - 1] = le & 255;
  return copy;
}
function splitResponse(bytes) {
  if (bytes.length < 2) return void 0;
  const n = bytes.length;
  return { data: bytes.subarray(0, n - 2), sw: bytes[n - 2] << 8 | bytes[n - 1] };
}
var sw1Of = (sw) => sw >> 8;
var moreData = (sw) => sw1Of(sw) === Sw1.moreData;
var wrongLe = (sw) => sw1Of(sw) === Sw1.wrongLe;

// src/shared/nfc/atr.ts
function standardOfAtr(atr) {
  return atr[5] === 79 ? "14443-3" : "14443-4";
}

// src/shared/nfc/tapRecord.ts
import { z as z3 } from "zod";

// src/shared/domain/site.ts
import { z } from "zod";

// src/shared/time/calendar.ts
var MS_PER_DAY = 864e5;
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function weekdayOfDay(dayNumber) {
  return ((dayNumber + 3) % 7 + 7) % 7;
}
function parseLocalDate(text) {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (Number.isNaN(year) || !(month >= 1 && month <= 12)) return NaN;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day);
}
function formatLocalDate(dayNumber) {
  const z8 = dayNumber + 719468;
  const era = Math.floor(z8 / 146097);
  const doe = z8 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}
function digits(text, start, count) {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}
function pad2(n) {
  return n < 10 ? `0${n}` : String(n);
}

// src/shared/time/instant.ts
var T = 84;
var Z = 90;
var COLON = 58;
var DOT = 46;
var PLUS = 43;
var MINUS = 45;
function parseInstant(text) {
  if (text.length < 17 || text.charCodeAt(4) !== MINUS || text.charCodeAt(7) !== MINUS) return NaN;
  if (text.charCodeAt(10) !== T || text.charCodeAt(13) !== COLON) return NaN;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return NaN;
  if (day > 28 && day > daysInMonth(year, month)) return NaN;
  let i = 16;
  let ms = 0;
  if (text.charCodeAt(i) === COLON) {
    const second = two(text, 17);
    if (!(second >= 0 && second <= 59)) return NaN;
    ms = second * 1e3;
    i = 19;
    if (text.charCodeAt(i) === DOT) {
      const end = fractionEnd(text, i + 1);
      if (end === i + 1) return NaN;
      ms += fractionMs(text, i + 1, end);
      i = end;
    }
  }
  const offset = offsetMinutes(text, i);
  if (Number.isNaN(offset)) return NaN;
  return (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offset) * 6e4 + ms;
}
function isInstant(text) {
  return !Number.isNaN(parseInstant(text));
}
function two(text, i) {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1e3;
}
function fractionEnd(text, start) {
  let end = start;
  for (let d = text.charCodeAt(end) - 48; d >= 0 && d <= 9; d = text.charCodeAt(end) - 48) end++;
  return end;
}
function fractionMs(text, start, end) {
  let ms = 0;
  for (let i = start; i < start + 3; i++) ms = ms * 10 + (i < end ? text.charCodeAt(i) - 48 : 0);
  return ms;
}
function offsetMinutes(text, i) {
  const sign = text.charCodeAt(i);
  if (sign === Z) return i + 1 === text.length ? 0 : NaN;
  if (sign !== PLUS && sign !== MINUS || i + 6 !== text.length || text.charCodeAt(i + 3) !== COLON) return NaN;
  const hours = two(text, i + 1);
  const minutes = two(text, i + 4);
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return NaN;
  return (sign === PLUS ? 1 : -1) * (hours * 60 + minutes);
}

// src/shared/time/intlClock.ts
var formatters = /* @__PURE__ */ new Map();
function isValidTimeZone(name) {
  if (name.length === 0) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}
function intlOffsetAt(timeZone, epochMs2) {
  const second = Math.floor(epochMs2 / 1e3) * 1e3;
  const parts = formatterFor(timeZone).formatToParts(second);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  let bc = false;
  for (const part of parts) {
    const value = Number(part.value);
    if (part.type === "year") year = value;
    else if (part.type === "month") month = value;
    else if (part.type === "day") day = value;
    else if (part.type === "hour") hour = value;
    else if (part.type === "minute") minute = value;
    else if (part.type === "second") sec = value;
    else if (part.type === "era") bc = part.value === "BC" || part.value === "B";
  }
  if (bc) year = 1 - year;
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + sec) * 1e3;
  return local - second;
}
var plainFormatters = /* @__PURE__ */ new Map();
var PLAIN = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;
function intlOffsetAtCE(timeZone, epochMs2) {
  const second = Math.floor(epochMs2 / 1e3) * 1e3;
  const match = PLAIN.exec(plainFormatterFor(timeZone).format(second));
  if (!match) return intlOffsetAt(timeZone, epochMs2);
  const [month, day, year, hour, minute, sec] = match.slice(1).map(Number);
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + sec) * 1e3;
  return local - second;
}
function plainFormatterFor(timeZone) {
  let formatter = plainFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    });
    plainFormatters.set(timeZone, formatter);
  }
  return formatter;
}
function formatterFor(timeZone) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// src/shared/time/zone.ts
var TABLE_FIRST_YEAR = 1970;
var TABLE_END_YEAR = 2100;
var SAMPLE_STEP_MS = 3 * MS_PER_DAY;
var tables = /* @__PURE__ */ new Map();
function zoneTable(timeZone) {
  let table = tables.get(timeZone);
  if (!table) {
    table = buildZoneTable(timeZone, TABLE_FIRST_YEAR, TABLE_END_YEAR);
    tables.set(timeZone, table);
  }
  return table;
}
function buildZoneTable(timeZone, firstYear, endYear) {
  const start = daysFromCivil(firstYear, 1, 1) * MS_PER_DAY;
  const end = daysFromCivil(endYear, 1, 1) * MS_PER_DAY;
  const starts = [start];
  const offsets = [intlOffsetAtCE(timeZone, start)];
  let before = start;
  let offsetBefore = offsets[0];
  while (before < end) {
    const after = Math.min(before + SAMPLE_STEP_MS, end - 1e3);
    const offsetAfter = intlOffsetAtCE(timeZone, after);
    if (offsetAfter === offsetBefore) {
      before = after === end - 1e3 ? end : after;
      continue;
    }
    const change = firstSecondWithOffset(timeZone, before, after, offsetBefore);
    offsetBefore = intlOffsetAtCE(timeZone, change);
    starts.push(change);
    offsets.push(offsetBefore);
    before = change;
  }
  return { timeZone, start, end, starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
}
function firstSecondWithOffset(timeZone, lo, hi, offsetLo) {
  while (hi - lo > 1e3) {
    const mid = lo + Math.floor((hi - lo) / 2e3) * 1e3;
    if (intlOffsetAtCE(timeZone, mid) === offsetLo) lo = mid;
    else hi = mid;
  }
  return hi;
}
function offsetAt(table, epochMs2) {
  if (!(epochMs2 >= table.start && epochMs2 < table.end)) return intlOffsetAt(table.timeZone, epochMs2);
  const starts = table.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >>> 1;
    if (starts[mid] <= epochMs2) lo = mid;
    else hi = mid - 1;
  }
  return table.offsets[lo];
}
function localTimeAt(table, epochMs2) {
  const local = epochMs2 + offsetAt(table, epochMs2);
  const day = Math.floor(local / MS_PER_DAY);
  return { day, weekday: weekdayOfDay(day), minuteOfDay: Math.floor((local - day * MS_PER_DAY) / 6e4) };
}
function instantsAtLocal(table, day, minuteOfDay) {
  const wall = day * MS_PER_DAY + minuteOfDay * 6e4;
  const candidates = /* @__PURE__ */ new Set();
  for (const probe of [wall - 2 * MS_PER_DAY, wall, wall + 2 * MS_PER_DAY]) {
    const guess = wall - offsetAt(table, probe);
    candidates.add(guess);
  }
  return [...candidates].filter((t) => t + offsetAt(table, t) === wall).sort((a, b) => a - b);
}
var DAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
var CLOCK_LABELS = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`
);
function weekdayLabel(weekday) {
  return DAY_LABELS[weekday] ?? "?";
}
function clockLabel(minuteOfDay) {
  return CLOCK_LABELS[minuteOfDay] ?? "??:??";
}
function formatLocalDateTime(table, epochMs2) {
  const local = localTimeAt(table, epochMs2);
  return `${formatLocalDate(local.day)} ${clockLabel(local.minuteOfDay)}`;
}

// src/shared/domain/site.ts
var IdSchema = z.union([z.number().int(), z.string().min(1)]);
var InstantSchema = z.string().refine(isInstant, "expected an ISO 8601 instant with Z or an offset, e.g. 2026-03-29T09:00:00Z");
var LocalDateSchema = z.string().refine((text) => !Number.isNaN(parseLocalDate(text)), "expected a real date as YYYY-MM-DD");
var HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
var TimeOfDaySchema = z.string().regex(HH_MM, "expected a time HH:MM between 00:00 and 23:59");
var EndTimeOfDaySchema = z.string().refine((text) => text === "24:00" || HH_MM.test(text), "expected a time HH:MM between 00:00 and 24:00");
var DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var DayNameSchema = z.enum(DAY_NAMES);
var ReaderRadioSchema = z.enum(["ble", "nfc"]);
var MobilePlatformsSchema = z.object({ ios: z.array(ReaderRadioSchema), android: z.array(ReaderRadioSchema) });
var DEFAULT_MOBILE_PLATFORMS = { ios: ["ble"], android: ["ble", "nfc"] };
var SiteInfoSchema = z.object({
  /** Display name of the site (optional extension). */
  name: z.string().optional(),
  mobile_platforms: MobilePlatformsSchema.optional(),
  timezone: z.string().refine(isValidTimeZone, "expected an IANA time zone, e.g. Europe/London"),
  holidays: z.array(LocalDateSchema)
});
var CredentialTypeSchema = z.object({
  id: IdSchema,
  label: z.string(),
  slug: z.string(),
  format: z.enum(["card", "pin", "mobile", "other"]),
  technology: z.enum(["ble", "nfc", "ble+nfc", "prox", "keypad"])
});
var PersonSchema = z.object({
  id: IdSchema,
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  enabled: z.boolean(),
  valid_from: InstantSchema.nullable().optional(),
  valid_to: InstantSchema.nullable().optional(),
  group_ids: z.array(IdSchema)
});
var CredentialStatusSchema = z.enum(["active", "invited", "disabled", "revoked"]);
var CredentialSchema = z.object({
  id: IdSchema,
  person_id: IdSchema,
  credential_type_id: IdSchema,
  /** The text form for the type's format; see docs/site-format.md. PIN values are real: mask them. */
  value: z.string().min(1),
  enabled: z.boolean(),
  status: CredentialStatusSchema,
  label: z.string().optional(),
  /** When the credential was issued (extension; used by diagnosis). */
  issued_at: InstantSchema.optional(),
  /** The device a mobile credential was issued to, as a label (extension). */
  device: z.string().optional()
});
var AccessEntrySchema = z.object({
  door_ids: z.array(IdSchema),
  /** null means always. */
  schedule_id: IdSchema.nullable()
});
var GroupSchema = z.object({ id: IdSchema, name: z.string(), access: z.array(AccessEntrySchema) });
var DoorModeSchema = z.enum(["normal", "lockdown", "unlocked"]);
var DoorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mode: DoorModeSchema,
  accepts: z.array(IdSchema),
  requires_pin: z.boolean(),
  /**
   * The reader's radios for phones (extension; used by diagnosis). Absent: whatever the accepted
   * credential types use.
   */
  reader_radios: z.array(ReaderRadioSchema).optional()
});
var WeeklyIntervalSchema = z.object({
  days: z.array(DayNameSchema),
  from: TimeOfDaySchema,
  to: EndTimeOfDaySchema
});
var ScheduleSchema = z.object({
  id: IdSchema,
  name: z.string(),
  weekly: z.array(WeeklyIntervalSchema),
  holidays: z.enum(["closed", "open"])
});
var ENTITY_LISTS = ["credential_types", "people", "credentials", "groups", "doors", "schedules"];
var SiteSchema = z.object({
  site: SiteInfoSchema,
  credential_types: z.array(CredentialTypeSchema),
  people: z.array(PersonSchema),
  credentials: z.array(CredentialSchema),
  groups: z.array(GroupSchema),
  doors: z.array(DoorSchema),
  schedules: z.array(ScheduleSchema)
}).superRefine((site, ctx) => {
  for (const list of ENTITY_LISTS) {
    const seen = /* @__PURE__ */ new Map();
    site[list].forEach((entity, index) => {
      const first = seen.get(entity.id);
      if (first === void 0) seen.set(entity.id, index);
      else {
        const message = `duplicate id ${JSON.stringify(entity.id)} (also at $.${list}[${first}])`;
        ctx.addIssue({ code: "custom", path: [list, index, "id"], message });
      }
    });
  }
});
function parseSite(json) {
  const result = SiteSchema.safeParse(json);
  if (result.success) return { ok: true, site: result.data };
  const issue = result.error.issues[0];
  return { ok: false, path: formatJsonPath(issue?.path ?? []), message: issue?.message ?? "invalid site" };
}
function formatJsonPath(path) {
  let text = "$";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return text;
}

// src/shared/decision/model.ts
import { z as z2 } from "zod";
var DecisionCode = {
  doorUnknown: "door_unknown",
  doorLockdown: "door_lockdown",
  doorUnlocked: "door_unlocked",
  credentialUnknown: "credential_unknown",
  credentialTypeNotAccepted: "credential_type_not_accepted",
  credentialDisabled: "credential_disabled",
  credentialNotActive: "credential_not_active",
  personDisabled: "person_disabled",
  personNotYetValid: "person_not_yet_valid",
  personExpired: "person_expired",
  noGroupGrantsDoor: "no_group_grants_door",
  outsideSchedule: "outside_schedule",
  pinRequired: "pin_required",
  pinMismatch: "pin_mismatch",
  granted: "granted"
};
var DECISION_CODES = Object.values(DecisionCode);
var DecisionCodeSchema = z2.enum(DECISION_CODES);
var DecisionRequestSchema = z2.object({
  door_id: IdSchema,
  credential_type_id: IdSchema,
  value: z2.string().min(1, "the credential value is empty"),
  at: InstantSchema,
  pin: z2.string().min(1, "the PIN is empty; leave it out when none was entered").optional()
}).strict();
var DecisionCheckSchema = z2.object({ check: DecisionCodeSchema, passed: z2.boolean(), detail: z2.string() }).readonly();
var DecisionSchema = z2.object({
  granted: z2.boolean(),
  code: DecisionCodeSchema,
  checks: z2.array(DecisionCheckSchema).readonly()
}).readonly();

// src/shared/nfc/tapRecord.ts
var TapError = {
  timeout: "timeout",
  cardRemoved: "card_removed",
  transmitFailed: "transmit_failed",
  badResponse: "bad_response",
  noApplication: "no_application",
  noCredential: "no_credential",
  readerRestarted: "reader_restarted"
};
var SENTENCES = {
  timeout: "The card stopped answering and the read timed out. Take it away and tap again.",
  card_removed: "The card left the reader during the read. Hold it still until the result shows.",
  transmit_failed: "The reader could not talk to the card. Tap again; if it keeps failing, re-plug the reader.",
  bad_response: "The card answered something Lintel cannot read. Check the AIDs in Settings.",
  no_application: "The phone answered none of the configured AIDs. Open the credential app, or add its AID in Settings.",
  no_credential: "The card gave neither a UID nor a credential.",
  reader_restarted: "The PC/SC service restarted during the read. Tap again."
};
function describeTapError(code) {
  return SENTENCES[code] ?? "The read failed.";
}
var TapErrorSchema = z3.object({ code: z3.string(), message: z3.string() });
var TapRecordSchema = z3.object({
  reader: z3.string(),
  /** When the reader reported the card (ISO instant). */
  at: InstantSchema,
  atr: z3.string(),
  standard: z3.enum(["14443-3", "14443-4"]),
  uid: z3.string().nullable(),
  aid: z3.string().nullable(),
  credential: z3.string().nullable(),
  /** From the card event to the last response, transport included. */
  latency_ms: z3.number().nonnegative(),
  error: TapErrorSchema.optional()
});
var PresentedSchema = z3.object({
  credential_type_id: IdSchema,
  value: z3.string(),
  /** How it was found: the UID of a card, or an application's answer. */
  source: z3.enum(["uid", "aid"])
});
var TapEventSchema = z3.object({
  /** Increases by one per tap since Lintel started; a gap means a missed event. */
  seq: z3.number().int().nonnegative(),
  tap: TapRecordSchema,
  presented: PresentedSchema.nullable(),
  /** Why nothing was presented, when `presented` is null and the read itself succeeded. */
  unmatched: z3.string().nullable(),
  door_id: IdSchema.nullable(),
  decision: DecisionSchema.nullable(),
  /** Epoch milliseconds (sub-millisecond) of the card event, and the time spent in transmits. */
  timing: z3.object({ card_event_ms: z3.number(), transport_ms: z3.number().nonnegative() })
});

// src/shared/nfc/exchange.ts
var TapReadError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
    this.name = "TapReadError";
  }
  code;
};
var MAX_RESPONSE = 258;
var MAX_ROUNDS = 64;
var MAX_BYTES = 16 * 1024;
async function transceive(transmit, command) {
  let response = await exchangeLe(transmit, command);
  const parts = [response.data];
  let total = response.data.length;
  for (let round2 = 0; moreData(response.sw); round2++) {
    if (round2 >= MAX_ROUNDS || total > MAX_BYTES) throw new TapReadError(TapError.badResponse, "the response chain never ended");
    response = await exchangeLe(transmit, getResponse(response.sw & 255));
    parts.push(response.data);
    total += response.data.length;
  }
  return { data: concat(parts, total), sw: response.sw };
}
async function exchangeLe(transmit, command) {
  const response = await exchange(transmit, command);
  return wrongLe(response.sw) ? exchange(transmit, withLe(command, response.sw & 255)) : response;
}
async function exchange(transmit, command) {
  const response = splitResponse(await transmit(command, MAX_RESPONSE));
  if (!response) throw new TapReadError(TapError.cardRemoved, "the card gave an empty response: it has left the reader");
  return response;
}
function concat(parts, total) {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// src/shared/nfc/readCard.ts
async function readCard(atr, transmit, aids) {
  const found = {
    standard: standardOfAtr(atr),
    uid: null,
    aid: null,
    credential: null
  };
  try {
    found.uid = await readUid(transmit);
    if (found.standard === "14443-4") Object.assign(found, await selectFirst(transmit, aids));
    const problem = missing(found);
    return problem ? { ...found, error: tapError(problem) } : found;
  } catch (error) {
    return { ...found, error: asTapError(error) };
  }
}
async function readUid(transmit) {
  const response = await transceive(transmit, GET_UID);
  return response.sw === StatusWord.ok && response.data.length > 0 ? bytesToHex(response.data) : null;
}
async function selectFirst(transmit, aids) {
  for (const aid of aids) {
    const bytes = hexToBytes(aid);
    if (!bytes) continue;
    const response = await transceive(transmit, selectAid(bytes));
    if (response.sw === StatusWord.ok) {
      if (response.data.length === 0) throw new TapReadError(TapError.badResponse, `${aid} was selected but answered no credential`);
      return { aid, credential: credentialText(response.data) };
    }
  }
  return void 0;
}
function credentialText(data) {
  for (const byte of data) if (byte < 33 || byte > 126) return bytesToHex(data);
  return String.fromCharCode(...data);
}
var isRandomUid = (uid) => uid.length === 8 && uid.startsWith("08");
function missing(found) {
  if (found.aid !== null) return void 0;
  if (found.standard === "14443-4" && (found.uid === null || isRandomUid(found.uid))) return TapError.noApplication;
  return found.uid === null ? TapError.noCredential : void 0;
}
var tapError = (code, detail) => ({
  code,
  message: detail ? `${describeTapError(code)} (${detail})` : describeTapError(code)
});
function asTapError(error) {
  if (error instanceof TapReadError) return tapError(error.code, error.message);
  return tapError(TapError.transmitFailed, error instanceof Error ? error.message : String(error));
}

// src/shared/nfc/aids.ts
import { z as z4 } from "zod";
var AidEntrySchema = z4.object({
  label: z4.string(),
  /** Uppercase hex, 5 to 16 bytes. */
  aid: z4.string(),
  source: z4.enum(["built-in", "settings", "command line"]),
  /** Slug of the site credential type whose values the application answers with, when known. */
  credentialType: z4.string().nullable()
});
var BUILT_IN_AIDS = [
  { label: "HID Mobile Access (Seos)", aid: "A0000004400001010001", source: "built-in", credentialType: "hid-mobile-access" },
  { label: "PassFlow (placeholder)", aid: "F050415353464C4F57", source: "built-in", credentialType: "passflow" }
];
function aidList(custom) {
  const customAids = new Set(custom.map((c) => c.aid));
  return [
    ...BUILT_IN_AIDS.filter((entry) => !customAids.has(entry.aid)),
    ...custom.map((c) => ({ label: c.label, aid: c.aid, source: "settings", credentialType: null }))
  ];
}

// src/shared/formats/pin.ts
var PinProblem = { notDigits: "pin_not_digits", length: "pin_length", weak: "pin_weak" };
var PIN_MIN_DIGITS = 4;
var PIN_MAX_DIGITS = 7;
var SEQUENCE = "01234567890";
var REVERSE = "09876543210";
function isWeakPin(pin) {
  if (SEQUENCE.includes(pin) || REVERSE.includes(pin)) return true;
  for (let period = 1; period <= 3; period++) {
    if (pin.length >= period * 2 && pin.length % period === 0 && pin === pin.slice(0, period).repeat(pin.length / period)) return true;
  }
  return false;
}
function pinProblem(pin, allowWeak = false) {
  if (!/^\d+$/.test(pin)) return { code: PinProblem.notDigits, message: "A PIN is digits only." };
  if (pin.length < PIN_MIN_DIGITS || pin.length > PIN_MAX_DIGITS) {
    return { code: PinProblem.length, message: `A PIN has ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits (DoorFlow refuses others).` };
  }
  if (!allowWeak && isWeakPin(pin)) {
    return { code: PinProblem.weak, message: "This PIN is easy to guess (repeated or sequential digits); choose another or override." };
  }
  return null;
}

// src/shared/formats/wiegand.ts
var H10301 = { name: "26-bit H10301", siteName: "facility code", siteMax: 255, cardMax: 65535 };
var CORPORATE_1000 = { name: "35-bit Corporate 1000", siteName: "company id", siteMax: 4095, cardMax: 1048575 };
var SITE_CARD = /^\s*(\d{1,7})\s*[:/]\s*(\d{1,8})\s*$/;
function parseWiegand(format, text) {
  const match = SITE_CARD.exec(text);
  if (!match) return { ok: false, message: `A ${format.name} number is written ${format.siteName}:card, e.g. 118:25750.` };
  const site = Number(match[1]);
  const card = Number(match[2]);
  if (site > format.siteMax) return { ok: false, message: `The ${format.siteName} must be 0 to ${format.siteMax} for ${format.name}.` };
  if (card > format.cardMax) return { ok: false, message: `The card number must be 0 to ${format.cardMax} for ${format.name}.` };
  return { ok: true, value: `${site}:${card}`, fields: { site, card } };
}

// src/shared/formats/validate.ts
var ValueFormat = {
  pin: "pin",
  h10301: "h10301",
  corporate1000: "corporate1000",
  csn: "csn",
  cardNumber: "card_number",
  hidMobile: "hid_mobile",
  passflow: "passflow",
  mobile: "mobile",
  text: "text"
};
var ValueProblem = { ...PinProblem, format: "value_format", empty: "value_empty" };
function valueFormatOf(type) {
  const slug = type.slug.toLowerCase();
  if (type.format === "pin") return ValueFormat.pin;
  if (type.format === "mobile") {
    if (slug.includes("hid")) return ValueFormat.hidMobile;
    if (slug.includes("passflow")) return ValueFormat.passflow;
    return ValueFormat.mobile;
  }
  if (type.format === "card") {
    if (/h10301|26/.test(slug)) return ValueFormat.h10301;
    if (/corporate|1000|35/.test(slug)) return ValueFormat.corporate1000;
    if (type.technology.includes("nfc")) return ValueFormat.csn;
    return ValueFormat.cardNumber;
  }
  return ValueFormat.text;
}
var HID_MOBILE = /^HID-\d{4}-[0-9A-F]{6}$/;
var PASSFLOW = /^PF-[0-9A-F]{4}-[0-9A-F]{4}$/;
var MOBILE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
var CSN_LENGTHS = /* @__PURE__ */ new Set([8, 14, 20]);
var bad = (message) => ({ ok: false, code: ValueProblem.format, message });
function checkCsn(text) {
  const hex2 = canonicalHex(text);
  if (hex2 === void 0 || !CSN_LENGTHS.has(hex2.length)) {
    return bad("A card serial number (CSN) is 4, 7 or 10 bytes of hex, e.g. 0405E79F950F21.");
  }
  return { ok: true, value: hex2 };
}
function checkPattern(text, pattern, example, upper = true) {
  const value = upper ? text.toUpperCase() : text;
  return pattern.test(value) ? { ok: true, value } : bad(`Expected an id like ${example}.`);
}
function mobileId(text, own, other, example) {
  const upper = text.toUpperCase();
  if (own.test(upper)) return { ok: true, value: upper };
  if (other.test(upper)) return bad(`That is the other mobile system's id form; expected an id like ${example}.`);
  return checkPattern(text, MOBILE, `${example} (letters, digits . _ : -; at most 64)`, false);
}
function checkCredentialValue(type, raw, options = {}) {
  const text = raw.trim();
  if (text === "") return { ok: false, code: ValueProblem.empty, message: "A value is required." };
  switch (valueFormatOf(type)) {
    case ValueFormat.pin: {
      const problem = pinProblem(text, options.allowWeakPin ?? false);
      return problem ? { ok: false, ...problem } : { ok: true, value: text };
    }
    case ValueFormat.h10301:
    case ValueFormat.corporate1000: {
      const parsed = parseWiegand(valueFormatOf(type) === ValueFormat.h10301 ? H10301 : CORPORATE_1000, text);
      return parsed.ok ? { ok: true, value: parsed.value } : bad(parsed.message);
    }
    case ValueFormat.csn:
      return checkCsn(text);
    case ValueFormat.cardNumber:
      return /^\d{1,20}$/.test(text) ? { ok: true, value: text.replace(/^0+(?=\d)/, "") } : bad("A card number is 1 to 20 digits.");
    case ValueFormat.hidMobile:
      return mobileId(text, HID_MOBILE, PASSFLOW, "HID-0001-C28595 or hid-mobile-id");
    case ValueFormat.passflow:
      return mobileId(text, PASSFLOW, HID_MOBILE, "PF-18EB-6D86 or passflow-id");
    case ValueFormat.mobile:
      return checkPattern(text, MOBILE, "phone-7Q2K (letters, digits . _ : -; at most 64)", false);
    default:
      return text.length <= 128 ? { ok: true, value: text } : bad("A value has at most 128 characters.");
  }
}

// src/shared/nfc/identify.ts
var NFC_CARD = (t) => t.format === "card" && (t.technology === "nfc" || t.technology === "ble+nfc");
function identifyTap(tap, context) {
  if (tap.error) return { presented: null, unmatched: null };
  if (tap.aid !== null && tap.credential !== null) return fromApplication(tap.aid, tap.credential, context);
  if (tap.uid !== null) return fromUid(tap.uid, context);
  return { presented: null, unmatched: "the tap gave neither a UID nor a credential" };
}
function typeForAid(entry, types) {
  const slug = entry.credentialType;
  if (slug !== null) return types.find((t) => t.slug === slug);
  const label = entry.label.trim().toLowerCase();
  return types.find((t) => t.label.toLowerCase() === label || t.slug.toLowerCase() === label);
}
function fromApplication(aid, credential, context) {
  const entry = context.aids.find((e) => e.aid === aid);
  const type = entry && typeForAid(entry, context.types);
  if (!type) return { presented: null, unmatched: `no credential type of this site answers to AID ${aid}` };
  const value = checkCredentialValue(type, credential);
  if (!value.ok) return { presented: null, unmatched: `the answer is not a ${type.label} value: ${value.message}` };
  return { presented: { credential_type_id: type.id, value: value.value, source: "aid" }, unmatched: null };
}
function fromUid(uid, context) {
  const candidates = [];
  for (const type of context.types.filter(NFC_CARD)) {
    const value = checkCredentialValue(type, uid);
    if (value.ok) candidates.push({ credential_type_id: type.id, value: value.value, source: "uid" });
  }
  const first = candidates[0];
  if (!first) return { presented: null, unmatched: "this site has no NFC card type that takes this UID" };
  const enrolled = candidates.find((c) => context.enrolled(c.credential_type_id, c.value));
  return { presented: enrolled ?? first, unmatched: null };
}
var lookups = /* @__PURE__ */ new WeakMap();
function enrolledIn(site) {
  let lookup = lookups.get(site);
  if (!lookup) {
    const byType = /* @__PURE__ */ new Map();
    for (const c of site.credentials) {
      const values = byType.get(c.credential_type_id) ?? /* @__PURE__ */ new Set();
      byType.set(c.credential_type_id, values.add(c.value));
    }
    lookup = (typeId, value) => byType.get(typeId)?.has(value) ?? false;
    lookups.set(site, lookup);
  }
  return lookup;
}

// src/shared/nfc/tapStatistics.ts
import { z as z5 } from "zod";

// src/shared/rf/quantiles.ts
function sortedQuantile(sorted, q) {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo];
  return lo + 1 < n ? a + (h - lo) * (sorted[lo + 1] - a) : a;
}
function countAtLeast(sorted, threshold) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < threshold) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}
function selectQuantile(values, q) {
  const n = values.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const k = Math.floor(h);
  const a = selectKth(values, k);
  if (k + 1 >= n || h === k) return a;
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (values[i] < next) next = values[i];
  return a + (h - k) * (next - a);
}
function selectKth(values, k) {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = medianOfThree(values, left, right);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}
function medianOfThree(values, left, right) {
  const a = values[left];
  const b = values[left + right >>> 1];
  const c = values[right];
  return a < b ? b < c ? b : a < c ? c : a : a < c ? a : b < c ? c : b;
}
function swap(values, i, j) {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}
function slidingMedian(values, start, end, window, out) {
  const half = window >> 1;
  const buffer = new Float64Array(window + 1);
  let size = 0;
  for (let j = start; j < Math.min(end, start + half); j++) size = insertSorted(buffer, size, values[j]);
  for (let i = start; i < end; i++) {
    const entering = i + half;
    const leaving = i - half - 1;
    if (entering < end && leaving >= start) replaceSorted(buffer, size, values[leaving], values[entering]);
    else if (entering < end) size = insertSorted(buffer, size, values[entering]);
    else if (leaving >= start) size = removeSorted(buffer, size, values[leaving]);
    const mid = size >> 1;
    out[i] = size & 1 ? buffer[mid] : (buffer[mid - 1] + buffer[mid]) / 2;
  }
}
function insertSorted(buffer, size, value) {
  let i = size;
  while (i > 0 && buffer[i - 1] > value) {
    buffer[i] = buffer[i - 1];
    i--;
  }
  buffer[i] = value;
  return size + 1;
}
function removeSorted(buffer, size, value) {
  for (let i = lowerBound(buffer, size, value); i < size - 1; i++) buffer[i] = buffer[i + 1];
  return size - 1;
}
function replaceSorted(buffer, size, leaving, entering) {
  let i = lowerBound(buffer, size, leaving);
  if (entering > leaving) {
    for (; i + 1 < size && buffer[i + 1] < entering; i++) buffer[i] = buffer[i + 1];
  } else {
    for (; i > 0 && buffer[i - 1] > entering; i--) buffer[i] = buffer[i - 1];
  }
  buffer[i] = entering;
}
function lowerBound(buffer, size, value) {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (buffer[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/shared/nfc/tapStatistics.ts
var TapStatisticsSchema = z5.object({
  taps: z5.number().int().nonnegative(),
  succeeded: z5.number().int().nonnegative(),
  /** succeeded / taps, 0–1; null before the first tap. */
  successRate: z5.number().min(0).max(1).nullable(),
  /** Read latency of the successful taps in milliseconds; null when there are none. */
  latencyMs: z5.object({ p50: z5.number(), p95: z5.number(), max: z5.number() }).nullable(),
  /** Failed taps by error code. */
  failuresByCause: z5.record(z5.string(), z5.number().int().positive())
});
function tapStatistics(taps) {
  const latencies = [];
  const failuresByCause = {};
  for (const tap of taps) {
    if (tap.error) failuresByCause[tap.error.code] = (failuresByCause[tap.error.code] ?? 0) + 1;
    else latencies.push(tap.latency_ms);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    taps: taps.length,
    succeeded: latencies.length,
    successRate: taps.length === 0 ? null : latencies.length / taps.length,
    latencyMs: sorted.length === 0 ? null : { p50: round(sortedQuantile(sorted, 0.5)), p95: round(sortedQuantile(sorted, 0.95)), max: round(sorted[sorted.length - 1]) },
    failuresByCause
  };
}
var round = (ms) => Math.round(ms * 100) / 100;

// src/shared/nfc/enrol.ts
import { z as z6 } from "zod";
var EnrolTapRequestSchema = z6.object({
  credentialTypeId: IdSchema,
  /** How long to wait for the tap; default settings.nfcTimeoutSeconds. */
  timeoutSeconds: z6.number().min(1).max(120).optional()
}).strict();
var EnrolTapResultSchema = z6.object({
  tap: TapEventSchema,
  /** The value as the site stores it (src/shared/formats), or null when the tap does not fit the type. */
  value: z6.string().nullable(),
  /** Why the tap gives no value for this type, in one sentence. */
  problem: z6.string().nullable(),
  /** The credential that already has this type and value. */
  enrolled: z6.object({ credential_id: IdSchema, person_id: IdSchema }).nullable()
});
function enrolValue(tap, type) {
  if (tap.error) return { value: null, problem: tap.error.message };
  const raw = rawValueFor(tap, type);
  if (typeof raw !== "string") return { value: null, problem: raw.problem };
  const normalized = checkCredentialValue(type, raw);
  return normalized.ok ? { value: normalized.value, problem: null } : { value: null, problem: `This is not a ${type.label} value. ${normalized.message}` };
}
function rawValueFor(tap, type) {
  if (type.format === "card" && (type.technology === "nfc" || type.technology === "ble+nfc")) {
    if (tap.uid === null) return { problem: "The card gave no UID." };
    if (isRandomUid(tap.uid)) {
      return { problem: `${tap.uid} is a random UID (a phone, or a card hiding its serial): it changes at every tap, so it cannot be enrolled.` };
    }
    return tap.uid;
  }
  if (type.format === "mobile" || type.format === "other") {
    return tap.credential ?? { problem: `No application answered with a ${type.label} credential; tap the phone with its credential app ready.` };
  }
  return { problem: `A ${type.label} credential cannot be read by NFC; type its value instead.` };
}

// src/shared/nfc/simulated.ts
import { z as z7 } from "zod";
var hex = (what, min, max) => z7.string().regex(new RegExp(`^(?:[0-9A-F]{2}){${min},${max}}$`), `${what} is ${min} to ${max} bytes of uppercase hex without separators`);
var SimulatedCardSchema = z7.discriminatedUnion("kind", [
  z7.object({ kind: z7.literal("card"), uid: hex("a UID", 4, 10) }).strict(),
  z7.object({ kind: z7.literal("phone"), aid: hex("an AID", 5, 16), credential: z7.string().min(1).max(200) }).strict()
]);

// src/main/hardware/nfc/workerProtocol.ts
var epochMs = () => performance.timeOrigin + performance.now();

export {
  MS_PER_DAY,
  daysFromCivil,
  daysInMonth,
  weekdayOfDay,
  parseLocalDate,
  formatLocalDate,
  digits,
  parseInstant,
  isInstant,
  zoneTable,
  offsetAt,
  instantsAtLocal,
  weekdayLabel,
  clockLabel,
  formatLocalDateTime,
  IdSchema,
  InstantSchema,
  DAY_NAMES,
  DEFAULT_MOBILE_PLATFORMS,
  PersonSchema,
  CredentialSchema,
  AccessEntrySchema,
  GroupSchema,
  DoorModeSchema,
  DoorSchema,
  SiteSchema,
  parseSite,
  DecisionCode,
  DECISION_CODES,
  DecisionCodeSchema,
  DecisionRequestSchema,
  DecisionSchema,
  AidEntrySchema,
  aidList,
  standardOfAtr,
  TapError,
  describeTapError,
  TapEventSchema,
  bytesToHex,
  hexToBytes,
  canonicalHex,
  isWeakPin,
  checkCredentialValue,
  identifyTap,
  enrolledIn,
  readCard,
  sortedQuantile,
  countAtLeast,
  selectQuantile,
  slidingMedian,
  tapStatistics,
  EnrolTapRequestSchema,
  EnrolTapResultSchema,
  enrolValue,
  SimulatedCardSchema,
  epochMs
};
