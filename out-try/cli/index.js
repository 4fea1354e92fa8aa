import {
  AccessEntrySchema,
  AidEntrySchema,
  CredentialSchema,
  DAY_NAMES,
  DECISION_CODES,
  DEFAULT_MOBILE_PLATFORMS,
  DecisionCode,
  DecisionCodeSchema,
  DecisionRequestSchema,
  DecisionSchema,
  DoorModeSchema,
  DoorSchema,
  EnrolTapRequestSchema,
  EnrolTapResultSchema,
  GroupSchema,
  IdSchema,
  InstantSchema,
  MS_PER_DAY,
  PersonSchema,
  SimulatedCardSchema,
  SiteSchema,
  TapError,
  TapEventSchema,
  aidList,
  bytesToHex,
  canonicalHex,
  checkCredentialValue,
  clockLabel,
  countAtLeast,
  daysFromCivil,
  daysInMonth,
  describeTapError,
  digits,
  enrolValue,
  enrolledIn,
  epochMs,
  formatLocalDate,
  formatLocalDateTime,
  hexToBytes,
  identifyTap,
  instantsAtLocal,
  isInstant,
  isWeakPin,
  offsetAt,
  parseInstant,
  parseLocalDate,
  parseSite,
  readCard,
  selectQuantile,
  slidingMedian,
  sortedQuantile,
  standardOfAtr,
  tapStatistics,
  weekdayLabel,
  weekdayOfDay,
  zoneTable
} from "../chunk-PDCNCJ2S.js";

// src/main/cli/index.ts
import { parseArgs } from "node:util";

// src/shared/contract/index.ts
import { z as z10 } from "zod";

// src/shared/decision/credentials.ts
var Status = { active: 0, invited: 1, disabled: 2, revoked: 3 };
var ENABLED = 4;
var STATE_BITS = 3;
var stateOf = (entry) => entry & 7;
var personOf = (entry) => entry < 0 ? -1 : entry >> STATE_BITS;
var orphanRowOf = (entry) => ~(entry >> STATE_BITS);
function rank(state) {
  if ((state & ENABLED) === 0) return 0;
  const status = state & 3;
  return status === Status.active ? 2 : status === Status.invited ? 1 : 0;
}
function compileCredentials(source, personIndex, types) {
  const byType = Array.from(types, () => /* @__PURE__ */ new Map());
  for (let row = 0; row < source.length; row++) {
    const c = source[row];
    const state = Status[c.status] | (c.enabled ? ENABLED : 0);
    const person = personIndex.get(c.person_id);
    const entry = (person ?? ~row) << STATE_BITS | state;
    const byValue = byType[types.get(c.credential_type_id).ordinal];
    const existing = byValue.get(c.value);
    if (existing === void 0 || rank(state) > rank(stateOf(existing))) byValue.set(c.value, entry);
  }
  return { byType, source };
}

// src/shared/decision/details.ts
function check(code, passed, detail) {
  return Object.freeze({ check: code, passed, detail });
}
function fresh(code, passed, detail) {
  return Object.freeze({ check: code, passed, detail });
}
var pass = (code, detail) => check(code, true, detail);
var fail = (code, detail) => check(code, false, detail);
var failNow = (code, detail) => fresh(code, false, detail);
var show = (id) => JSON.stringify(id);
function doorChecks(name2, mode) {
  return {
    found: pass(DecisionCode.doorUnknown, `${name2} is a door on this site.`),
    lockdown: mode === "lockdown" ? fail(DecisionCode.doorLockdown, `${name2} is in lockdown: nobody can open it.`) : pass(DecisionCode.doorLockdown, `${name2} is not in lockdown.`),
    unlocked: mode === "unlocked" ? pass(DecisionCode.doorUnlocked, `${name2} is unlocked, so it opens for anyone.`) : pass(DecisionCode.doorUnlocked, `${name2} is not left unlocked, so the credential decides.`),
    pinNotNeeded: pass(DecisionCode.pinRequired, `${name2} does not ask for a PIN.`),
    pinMissing: fail(DecisionCode.pinRequired, `${name2} also needs a PIN, and none was entered.`),
    noGroup: fail(DecisionCode.noGroupGrantsDoor, `None of the person's groups gives access to ${name2}.`)
  };
}
function acceptsCheck(doorName, typeLabel, accepted) {
  return accepted ? pass(DecisionCode.credentialTypeNotAccepted, `${doorName} accepts ${typeLabel}.`) : fail(DecisionCode.credentialTypeNotAccepted, `${doorName} does not accept ${typeLabel}.`);
}
var unknownTypeLabel = (typeId) => `credential type ${show(typeId)}`;
function credentialTypeChecks(typeLabel) {
  return {
    found: pass(DecisionCode.credentialUnknown, `A ${typeLabel} credential with this value is enrolled.`),
    notFound: fail(DecisionCode.credentialUnknown, `Nothing enrolled as ${typeLabel} has this value.`)
  };
}
var unseenTypeChecks = (typeId) => ({
  notFound: failNow(DecisionCode.credentialUnknown, `Nothing enrolled as ${unknownTypeLabel(typeId)} has this value.`),
  notAccepted: (doorName) => failNow(DecisionCode.credentialTypeNotAccepted, `${doorName} does not accept ${unknownTypeLabel(typeId)}.`)
});
var doorUnknown = (doorId) => failNow(DecisionCode.doorUnknown, `There is no door with id ${show(doorId)} on this site.`);
var CREDENTIAL = {
  enabled: pass(DecisionCode.credentialDisabled, "The credential is enabled."),
  switchedOff: fail(DecisionCode.credentialDisabled, "The credential is switched off (enabled is false)."),
  disabled: fail(DecisionCode.credentialDisabled, "The credential has been disabled."),
  revoked: fail(DecisionCode.credentialDisabled, "The credential has been revoked."),
  active: pass(DecisionCode.credentialNotActive, "The credential is not waiting on an invitation."),
  invited: fail(DecisionCode.credentialNotActive, "The invitation has not been accepted on the phone yet.")
};
var PERSON = {
  enabled: pass(DecisionCode.personDisabled, "The person is enabled."),
  disabled: fail(DecisionCode.personDisabled, "The person is disabled."),
  started: pass(DecisionCode.personNotYetValid, "The person's access period has started."),
  notEnded: pass(DecisionCode.personExpired, "The person's access period has not ended."),
  pinMatches: pass(DecisionCode.pinMismatch, "The PIN matches one of the person's active PINs."),
  pinMismatch: fail(DecisionCode.pinMismatch, "The PIN entered is not one of the person's active PINs.")
};
var personMissing = (personId) => failNow(DecisionCode.personDisabled, `The credential's person (id ${show(personId)}) is not on this site.`);
var notYetValid = (from) => failNow(DecisionCode.personNotYetValid, `The person's access starts ${from} (site time).`);
var expired = (to) => failNow(DecisionCode.personExpired, `The person's access ended ${to} (site time).`);
var groupGrants = (groupName) => pass(DecisionCode.noGroupGrantsDoor, `The group ${groupName} gives access to this door.`);
var groupAlways = (groupName) => pass(DecisionCode.outsideSchedule, `The group ${groupName} has access here at all times.`);
var withinSchedule = (scheduleName) => pass(DecisionCode.outsideSchedule, `The time is within the schedule ${scheduleName}.`);
var outsideSchedules = (when) => failNow(DecisionCode.outsideSchedule, `${when} is outside every schedule that gives access to this door.`);
var PIN_IS_CREDENTIAL = pass(DecisionCode.pinRequired, "The credential is itself a PIN.");
var PIN_ENTERED = pass(DecisionCode.pinRequired, "A PIN was entered.");

// src/shared/decision/grants.ts
var ALWAYS = -1;
var NO_SCHEDULE = -2;
function compileGrants(site, doorIndex, scheduleIndex) {
  const byDoor = site.doors.map(() => /* @__PURE__ */ new Map());
  site.groups.forEach((group, g) => {
    for (const entry of group.access) {
      const slot = entry.schedule_id === null ? ALWAYS : scheduleIndex.get(entry.schedule_id) ?? NO_SCHEDULE;
      for (const id of entry.door_ids) {
        const door = doorIndex.get(id);
        if (door === void 0) continue;
        const slots = byDoor[door].get(g) ?? /* @__PURE__ */ new Set();
        byDoor[door].set(g, slots.add(slot));
      }
    }
  });
  return byDoor.map(packGrants);
}
function packGrants(byGroup) {
  const groups = Int32Array.from([...byGroup.keys()].sort((a, b) => a - b));
  const start = new Int32Array(groups.length + 1);
  const slots = [];
  groups.forEach((g, i) => {
    slots.push(...[...byGroup.get(g)].sort((a, b) => a - b));
    start[i + 1] = slots.length;
  });
  return { groups, start, slots: Int32Array.from(slots) };
}
function findGrant(grants, group) {
  const groups = grants.groups;
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >>> 1;
    const g = groups[mid];
    if (g === group) return mid;
    if (g < group) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// src/shared/decision/people.ts
var PERSON_STRIDE = 8;
var INLINE_GROUPS = 4;
var PersonField = { validFrom: 0, validTo: 1, flags: 2, groupStart: 3, groups: 4 };
function compilePeople(site, groupIndex, types) {
  const index = /* @__PURE__ */ new Map();
  const records = new Float64Array(site.people.length * PERSON_STRIDE);
  const groups = [];
  site.people.forEach((p, row) => {
    if (!index.has(p.id)) index.set(p.id, row);
    const first = groups.length;
    for (const id of p.group_ids) {
      const g = groupIndex.get(id);
      if (g !== void 0 && groups.indexOf(g, first) < 0) groups.push(g);
    }
    const at = row * PERSON_STRIDE;
    records[at + PersonField.validFrom] = p.valid_from ? parseInstant(p.valid_from) : -Infinity;
    records[at + PersonField.validTo] = p.valid_to ? parseInstant(p.valid_to) : Infinity;
    records[at + PersonField.flags] = (p.enabled ? 1 : 0) + 2 * (groups.length - first);
    records[at + PersonField.groupStart] = first;
    for (let i = 0; i < INLINE_GROUPS && first + i < groups.length; i++) records[at + PersonField.groups + i] = groups[first + i];
  });
  return { index, records, groupList: Int32Array.from(groups), pins: pinsByPerson(site, index, types) };
}
function pinsByPerson(site, index, types) {
  const pins = new Array(site.people.length).fill(void 0);
  for (const c of site.credentials) {
    const row = index.get(c.person_id);
    if (row === void 0 || !types.get(c.credential_type_id)?.isPin || !c.enabled || c.status !== "active") continue;
    (pins[row] ??= []).push(c.value);
  }
  return pins;
}

// src/shared/decision/schedule.ts
var MINUTES_PER_DAY = 1440;
var MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
function compileSchedule(schedule) {
  const minutes = new Uint32Array(MINUTES_PER_WEEK / 32);
  for (const interval of schedule.weekly) {
    const from = minuteOfDay(interval.from);
    const to = minuteOfDay(interval.to);
    for (const dayName of interval.days) {
      const day = DAY_NAMES.indexOf(dayName);
      if (to > from) setRange(minutes, day * MINUTES_PER_DAY + from, day * MINUTES_PER_DAY + to);
      else {
        setRange(minutes, day * MINUTES_PER_DAY + from, (day + 1) * MINUTES_PER_DAY);
        const next = (day + 1) % 7 * MINUTES_PER_DAY;
        setRange(minutes, next, next + to);
      }
    }
  }
  return { name: schedule.name, closedOnHolidays: schedule.holidays === "closed", minutes };
}
function scheduleContains(schedule, weekday, minuteOfDay2, holiday) {
  if (holiday && schedule.closedOnHolidays) return false;
  const bit = weekday * MINUTES_PER_DAY + minuteOfDay2;
  return (schedule.minutes[bit >>> 5] >>> (bit & 31) & 1) === 1;
}
function minuteOfDay(text) {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}
function setRange(bits, start, end) {
  for (let bit = start; bit < end; bit++) bits[bit >>> 5] |= 1 << (bit & 31);
}

// src/shared/decision/compile.ts
function compileSite(site) {
  const types = compileTypes(site);
  const typeList = [...types.values()];
  const doorIndex = indexById(site.doors);
  const people = compilePeople(site, indexById(site.groups), types);
  const grants = compileGrants(site, doorIndex, indexById(site.schedules));
  const schedules = site.schedules.map(compileSchedule);
  return {
    timeZone: site.site.timezone,
    zone: zoneTable(site.site.timezone),
    holidays: new Set(site.site.holidays.map(parseLocalDate)),
    doors: site.doors.map((d, i) => compileDoor(d, typeList, grants[i])),
    doorIndex,
    types,
    typeList,
    credentials: compileCredentials(site.credentials, people.index, types),
    people,
    schedules,
    groupGrants: site.groups.map((g) => groupGrants(g.name)),
    groupAlways: site.groups.map((g) => groupAlways(g.name)),
    withinSchedule: schedules.map((s) => withinSchedule(s.name))
  };
}
function compileTypes(site) {
  const types = /* @__PURE__ */ new Map();
  for (const t of site.credential_types) if (!types.has(t.id)) types.set(t.id, compileType(t.id, types.size, t.label, t.format === "pin"));
  const used = [...site.credentials.map((c) => c.credential_type_id), ...site.doors.flatMap((d) => d.accepts)];
  for (const id of used) if (!types.has(id)) types.set(id, compileType(id, types.size, unknownTypeLabel(id), false));
  return types;
}
function compileType(id, ordinal, label, isPin) {
  return { id, ordinal, label, isPin, checks: credentialTypeChecks(label) };
}
function indexById(list) {
  const index = /* @__PURE__ */ new Map();
  for (let i = 0; i < list.length; i++) if (!index.has(list[i].id)) index.set(list[i].id, i);
  return index;
}
function compileDoor(door, typeList, grants) {
  const accepts = new Set(door.accepts);
  const acceptChecks = typeList.map((type) => acceptsCheck(door.name, type.label, accepts.has(type.id)));
  const checks = doorChecks(door.name, door.mode);
  return { id: door.id, name: door.name, mode: door.mode, requiresPin: door.requires_pin, checks, acceptChecks, grants };
}

// src/shared/decision/when.ts
function siteTimeLabel(site, epochMs2) {
  return formatLocalDateTime(site.zone, epochMs2);
}
function whenLabel(site, at) {
  const local = at + offsetAt(site.zone, at);
  const day = Math.floor(local / MS_PER_DAY);
  const clock = `${weekdayLabel(weekdayOfDay(day))} ${clockLabel(Math.floor((local - day * MS_PER_DAY) / 6e4))} site time`;
  return site.holidays.has(day) ? `${clock} on ${formatLocalDate(day)}, a site holiday,` : clock;
}

// src/shared/decision/decide.ts
function decide(site, request) {
  const at = parseInstant(request.at);
  if (Number.isNaN(at)) throw new RangeError(`Not an ISO 8601 instant with Z or an offset: ${request.at}`);
  const checks = [];
  const door = site.doors[site.doorIndex.get(request.door_id) ?? -1];
  if (door) {
    checks.push(door.checks.found, door.checks.lockdown, door.checks.unlocked);
    if (door.mode === "unlocked") return conclude(checks, DecisionCode.doorUnlocked);
  } else checks.push(doorUnknown(request.door_id));
  const type = site.types.get(request.credential_type_id);
  if (!type) return unseenType(checks, site, door, request);
  const entry = site.credentials.byType[type.ordinal].get(request.value);
  checks.push(entry !== void 0 ? type.checks.found : type.checks.notFound);
  if (door) checks.push(door.acceptChecks[type.ordinal]);
  const person = entry !== void 0 ? pushCredentialChecks(checks, site, entry) : -1;
  if (person >= 0) pushPersonChecks(checks, site, person, at);
  if (door && person >= 0) pushAccessChecks(checks, site, door, person, at);
  if (door) pushPinChecks(checks, site, door, type.isPin, request.pin, person);
  return conclude(checks, DecisionCode.granted);
}
function conclude(checks, grantCode) {
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i];
    if (!c.passed) return { granted: false, code: c.check, checks };
  }
  return { granted: true, code: grantCode, checks };
}
function unseenType(checks, site, door, request) {
  const unseen = unseenTypeChecks(request.credential_type_id);
  checks.push(unseen.notFound);
  if (door) {
    checks.push(unseen.notAccepted(door.name));
    pushPinChecks(checks, site, door, false, request.pin, -1);
  }
  return conclude(checks, DecisionCode.granted);
}
function pushCredentialChecks(checks, site, entry) {
  const state = stateOf(entry);
  const status = state & 3;
  const C = CREDENTIAL;
  if ((state & ENABLED) === 0) checks.push(C.switchedOff);
  else checks.push(status === Status.disabled ? C.disabled : status === Status.revoked ? C.revoked : C.enabled);
  checks.push(status === Status.invited ? C.invited : C.active);
  const person = personOf(entry);
  if (person < 0) checks.push(personMissing(site.credentials.source[orphanRowOf(entry)].person_id));
  return person;
}
function pushPersonChecks(checks, site, person, at) {
  const records = site.people.records;
  const base = person * PERSON_STRIDE;
  checks.push((records[base + PersonField.flags] & 1) === 1 ? PERSON.enabled : PERSON.disabled);
  const from = records[base + PersonField.validFrom];
  const to = records[base + PersonField.validTo];
  checks.push(at < from ? notYetValid(siteTimeLabel(site, from)) : PERSON.started);
  checks.push(at >= to ? expired(siteTimeLabel(site, to)) : PERSON.notEnded);
}
function pushAccessChecks(checks, site, door, person, at) {
  const { records, groupList } = site.people;
  const base = person * PERSON_STRIDE;
  const count = records[base + PersonField.flags] >>> 1;
  const first = records[base + PersonField.groupStart];
  let granting = -1;
  let local = 0;
  for (let i = 0; i < count; i++) {
    const group = i < INLINE_GROUPS ? records[base + PersonField.groups + i] : groupList[first + i];
    const grant = findGrant(door.grants, group);
    if (grant < 0) continue;
    if (granting < 0) {
      granting = group;
      local = at + offsetAt(site.zone, at);
    }
    const slot = matchingSlot(site, door.grants, grant, local);
    if (slot !== NO_MATCH) {
      checks.push(site.groupGrants[group], slot === ALWAYS ? site.groupAlways[group] : site.withinSchedule[slot]);
      return;
    }
  }
  if (granting < 0) checks.push(door.checks.noGroup);
  else checks.push(site.groupGrants[granting], outsideSchedules(whenLabel(site, at)));
}
var NO_MATCH = -3;
function matchingSlot(site, grants, grant, local) {
  const day = Math.floor(local / MS_PER_DAY);
  const minute = Math.floor((local - day * MS_PER_DAY) / 6e4);
  for (let s = grants.start[grant]; s < grants.start[grant + 1]; s++) {
    const slot = grants.slots[s];
    if (slot === ALWAYS) return ALWAYS;
    const schedule = site.schedules[slot];
    if (schedule && scheduleContains(schedule, weekdayOfDay(day), minute, site.holidays.has(day))) return slot;
  }
  return NO_MATCH;
}
function pushPinChecks(checks, site, door, isPin, pin, person) {
  if (!door.requiresPin) checks.push(door.checks.pinNotNeeded);
  else if (isPin) checks.push(PIN_IS_CREDENTIAL);
  else if (!pin) checks.push(door.checks.pinMissing);
  else {
    checks.push(PIN_ENTERED);
    if (person >= 0) checks.push(site.people.pins[person]?.includes(pin) ? PERSON.pinMatches : PERSON.pinMismatch);
  }
}
function groupAccessAt(site, doorId, groupIndex, at) {
  const door = site.doors[site.doorIndex.get(doorId) ?? -1];
  const grant = door ? findGrant(door.grants, groupIndex) : -1;
  if (!door || grant < 0) return "never";
  return matchingSlot(site, door.grants, grant, at + offsetAt(site.zone, at)) === NO_MATCH ? "other_times" : "now";
}

// src/shared/domain/settings.ts
import { z } from "zod";
var BleAdapterSettingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("default") }),
  z.object({
    kind: z.literal("uart"),
    port: z.string().min(1, "name the serial port, e.g. /dev/ttyACM0"),
    baudRate: z.number().int().positive().default(1e6)
  })
]);
var hexAid = z.string().regex(/^(?:[0-9A-F]{2}){5,16}$/, "an AID is 5 to 16 bytes of uppercase hex without separators");
var SettingsSchema = z.object({
  /** RSSI at or above which a reader is expected to unlock, in dBm. */
  unlockThresholdDbm: z.number().int().min(-110).max(-20).default(-70),
  bleAdapter: BleAdapterSettingSchema.default({ kind: "default" }),
  /** AIDs selected on HCE phones in addition to the built-in list. */
  customAids: z.array(z.object({ label: z.string().min(1).max(60), aid: hexAid })).max(32).default([]),
  nfcTimeoutSeconds: z.number().min(1).max(120).default(10),
  /** Door preselected on the Verify and What-if pages. */
  defaultDoorId: z.union([z.number(), z.string()]).nullable().default(null),
  theme: z.enum(["system", "light", "dark"]).default("system")
});
var SettingsPatchSchema = SettingsSchema.partial().strict();

// src/shared/domain/hardware.ts
import { z as z2 } from "zod";
var RadioModeSchema = z2.enum(["real", "simulated"]);
var BleStatusSchema = z2.object({
  mode: RadioModeSchema,
  /** noble's adapter state vocabulary plus 'simulated'. */
  state: z2.enum(["simulated", "unknown", "resetting", "unsupported", "unauthorized", "poweredOff", "poweredOn"]),
  adapter: z2.string(),
  /** What the user can do about the state, in one sentence. */
  advice: z2.string()
});
var BleReaderSchema = z2.object({
  id: z2.string(),
  doorId: z2.union([z2.number(), z2.string()]).nullable(),
  name: z2.string(),
  address: z2.string(),
  technology: z2.string(),
  txPowerDbm: z2.number(),
  advIntervalMs: z2.number(),
  simulated: z2.boolean()
});
var NfcReaderSchema = z2.object({ name: z2.string(), simulated: z2.boolean(), cardPresent: z2.boolean() });
var NfcStateSchema = z2.enum(["idle", "starting", "ready", "restarting", "pcscd_down", "unavailable"]);
var NfcStatusSchema = z2.object({
  mode: RadioModeSchema,
  pcscd: z2.enum(["running", "absent"]),
  state: NfcStateSchema,
  readers: z2.array(NfcReaderSchema),
  /** The door taps are decided at, when reading. */
  doorId: z2.union([z2.number(), z2.string()]).nullable(),
  advice: z2.string()
});

// src/shared/domain/ble.ts
import { z as z3 } from "zod";
var AdvertSchema = z3.object({
  t: z3.number(),
  address: z3.string(),
  name: z3.string().nullable(),
  rssi: z3.number().int().min(-127).max(20),
  txPower: z3.number().int().nullable(),
  serviceUuids: z3.array(z3.string()),
  manufacturerData: z3.string().nullable()
});
var SCAN_LIMITS = { rows: 150, history: 32, serviceUuids: 8, manufacturerHexChars: 62 };
var AdvertiserRowSchema = z3.object({
  address: z3.string(),
  name: z3.string().nullable(),
  rssi: z3.number(),
  txPower: z3.number().nullable(),
  serviceUuids: z3.array(z3.string()).max(SCAN_LIMITS.serviceUuids),
  manufacturerData: z3.string().max(SCAN_LIMITS.manufacturerHexChars + 1).nullable(),
  /** The door reader type this advertiser was recognised as, or null. */
  readerType: z3.string().nullable(),
  /** The known reader (BleReader.id) at this address, or null. */
  readerId: z3.string().nullable(),
  lastSeen: z3.number(),
  count: z3.number().int().nonnegative(),
  history: z3.array(z3.number()).max(SCAN_LIMITS.history)
});
var ScanStateSchema = z3.object({
  scanning: z3.boolean(),
  simulated: z3.boolean(),
  startedAt: z3.number().nullable(),
  /** A sentence for the user when the adapter is not usable, else null. */
  problem: z3.string().nullable()
});
var ScanBatchSchema = z3.object({
  at: z3.number(),
  scanning: z3.boolean(),
  simulated: z3.boolean(),
  /** Advertisers tracked in main (rows holds at most SCAN_LIMITS.rows of them). */
  advertisers: z3.number().int().nonnegative(),
  advertsPerSecond: z3.number().nonnegative(),
  rows: z3.array(AdvertiserRowSchema).max(SCAN_LIMITS.rows)
});

// src/shared/domain/survey.ts
import { z as z5 } from "zod";

// src/shared/rf/schema.ts
import { z as z4 } from "zod";
var SideSchema = z4.enum(["in", "out"]);
var ChannelSchema = z4.union([z4.literal(37), z4.literal(38), z4.literal(39)]);
var SampleSchema = z4.object({
  t: z4.number(),
  rssi: z4.number().min(-127).max(20),
  distance_m: z4.number(),
  channel: ChannelSchema.optional(),
  side: SideSchema
});
var MarkResultSchema = z4.object({
  distance_m: z4.number(),
  side: SideSchema,
  count: z4.number().int().positive(),
  median: z4.number(),
  p10: z4.number(),
  p90: z4.number(),
  /** 95th percentile of (local median − rssi): the worst 5% of samples fall at least this far below. */
  fadeDepth_dB: z4.number(),
  /** Observed share of samples at or above the unlock threshold. */
  pUnlock: z4.number().min(0).max(1),
  /** Distance the fitted model gives for this mark's median; null without a usable fit. */
  estimatedDistance_m: z4.number().nullable(),
  /** Median of the sliding-window medians (window of 31 samples in time order). */
  windowedMedian: z4.number(),
  /** Highest minus lowest sliding-window median within the mark. */
  windowedMedianSpread_dB: z4.number(),
  /** Share of samples 15 dB or more below the local (windowed) median. */
  deepFadeShare: z4.number().min(0).max(1),
  /** Rician K by the moment method on linear power, capped at 40 dB; null under 10 samples. */
  kFactor_dB: z4.number().nullable(),
  /** Median over events heard on 2+ channels of the highest minus lowest RSSI; null without such events. */
  channelSpread_dB: z4.number().nullable(),
  /** Received advertising events per second; null when timestamps cannot resolve events. */
  receivedPerSecond: z4.number().nullable(),
  /** Received events over the events the advertising interval predicts; null without an interval. */
  prr: z4.number().nullable()
});
var PathLossModelSchema = z4.object({
  rssiAt1m: z4.number().nullable(),
  exponent: z4.number().nullable(),
  sigma_dB: z4.number().nullable(),
  r2: z4.number().nullable(),
  marksUsed: z4.number().int().nonnegative()
});
var SideRangesSchema = z4.object({
  reliableRange_m: z4.number().nullable(),
  leakRange_m: z4.number().nullable(),
  farthestMark_m: z4.number(),
  /** Every mark, out to the farthest, has pUnlock ≥ 0.95: the reliable range lies beyond the walk. */
  reliableBeyondWalk: z4.boolean(),
  /** The farthest mark still has pUnlock > 0.05: the leak range lies beyond the walk. */
  leakBeyondWalk: z4.boolean(),
  /** Marks nearer than reliableRange_m with pUnlock < 0.95. */
  deadSpots_m: z4.array(z4.number()),
  maxPUnlock: z4.number()
});
var InterferenceClassSchema = z4.enum(["clear", "metal", "absorption", "congested"]);
var SurveyAnalysisSchema = z4.object({
  samples: z4.number().int().nonnegative(),
  threshold_dBm: z4.number(),
  calibrationOffset_dB: z4.number(),
  marks: z4.array(MarkResultSchema),
  model: PathLossModelSchema,
  reliableRange_m: z4.number().nullable(),
  leakRange_m: z4.number().nullable(),
  /** True when any out-side mark has pUnlock > 0.05; null when no out-side mark was surveyed. */
  leaksToWrongSide: z4.boolean().nullable(),
  sides: z4.object({ in: SideRangesSchema.nullable(), out: SideRangesSchema.nullable() }),
  advInterval: z4.object({ ms: z4.number(), source: z4.enum(["option", "inferred"]) }).nullable(),
  interference: z4.object({
    class: InterferenceClassSchema,
    confidence: z4.number().min(0).max(1),
    evidence: z4.array(z4.string()),
    scores: z4.object({ clear: z4.number(), metal: z4.number(), absorption: z4.number(), congested: z4.number() })
  }),
  recommendations: z4.array(z4.string())
});

// src/shared/domain/survey.ts
var SURVEY_LIMITS = { marks: 24, samplesPerMark: 3e3, captureSeconds: 120, livePoints: 120, referenceChars: 9e5 };
var MarkPlanSchema = z5.object({
  distance_m: z5.number().min(0).max(50),
  side: SideSchema
});
var SurveyDeviceSchema = z5.object({ id: z5.string(), label: z5.string() });
var RangeTestPlanSchema = z5.object({
  address: z5.string().min(1),
  threshold_dBm: z5.number().int().min(-110).max(-20),
  marks: z5.array(MarkPlanSchema).min(1).max(SURVEY_LIMITS.marks),
  captureSeconds: z5.number().min(1).max(SURVEY_LIMITS.captureSeconds),
  note: z5.string().max(200).default("")
});
var SurveyMarkSchema = MarkPlanSchema.extend({
  capturedAt: z5.string().nullable(),
  samples: z5.number().int().nonnegative()
});
var DoorSurveySchema = z5.object({
  id: z5.string().regex(/^[a-z0-9-]{6,64}$/),
  createdAt: z5.string(),
  updatedAt: z5.string(),
  reader: z5.object({ address: z5.string(), name: z5.string().nullable(), readerId: z5.string().nullable(), advIntervalMs: z5.number().nullable() }),
  threshold_dBm: z5.number(),
  captureSeconds: z5.number(),
  note: z5.string(),
  device: SurveyDeviceSchema,
  simulated: z5.boolean(),
  marks: z5.array(SurveyMarkSchema),
  samples: z5.array(SampleSchema),
  analysis: SurveyAnalysisSchema.nullable()
});
var SurveySummarySchema = z5.object({
  id: z5.string(),
  createdAt: z5.string(),
  readerName: z5.string().nullable(),
  address: z5.string(),
  simulated: z5.boolean(),
  marksCaptured: z5.number().int(),
  marks: z5.number().int(),
  samples: z5.number().int(),
  verdict: z5.object({
    interference: z5.string(),
    reliableRange_m: z5.number().nullable(),
    leakRange_m: z5.number().nullable(),
    leaksToWrongSide: z5.boolean().nullable()
  }).nullable()
});
var CaptureProgressSchema = z5.object({
  surveyId: z5.string(),
  markIndex: z5.number().int().nonnegative(),
  elapsed_ms: z5.number().nonnegative(),
  duration_ms: z5.number().positive(),
  samples: z5.number().int().nonnegative(),
  points: z5.array(z5.object({ t: z5.number(), rssi: z5.number() })).max(SURVEY_LIMITS.livePoints),
  done: z5.boolean()
});
var DeviceCalibrationSchema = z5.object({
  deviceId: z5.string(),
  label: z5.string(),
  offset_dB: z5.number().min(-40).max(40),
  source: z5.enum(["manual", "paired"]),
  /** Marks measured by both the device and the reference phone (paired calibration). */
  marks: z5.number().int().nonnegative(),
  updatedAt: z5.string()
});
var ReportFormatSchema = z5.enum(["html", "pdf", "csv", "json"]);
var ReportFileSchema = z5.object({ path: z5.string(), format: ReportFormatSchema, bytes: z5.number().int().nonnegative() });

// src/shared/provisioning/contract.ts
import { z as z7 } from "zod";

// src/shared/contract/define.ts
var command = (summary, input, output) => ({ summary, input, output });
var commandChannel = (capability, name2) => `lintel:${capability}.${name2}`;
var eventChannel = (capability, name2) => `lintel:${capability}.on.${name2}`;

// src/shared/provisioning/importColumns.ts
var IMPORT_COLUMNS = [
  "first_name",
  "last_name",
  "email",
  "group",
  "credential_type",
  "credential_value",
  "pin",
  "device_label",
  "valid_from",
  "valid_to",
  "enabled"
];
var REQUIRED_COLUMNS = ["first_name", "last_name", "email"];
var SYNONYMS = {
  first_name: ["first_name", "firstname", "first", "given_name", "forename"],
  last_name: ["last_name", "lastname", "last", "surname", "family_name"],
  email: ["email", "e_mail", "email_address", "e_mail_address", "emailaddress", "mail", "work_email"],
  group: ["group", "groups", "group_names", "group_name"],
  credential_type: ["credential_type", "type", "credential_type_id", "credential_type_name"],
  credential_value: ["credential_value", "value", "credential", "card_number", "mobile_id"],
  pin: ["pin", "pin_code", "backup_pin"],
  device_label: ["device_label", "device", "label", "device_name"],
  valid_from: ["valid_from", "start", "start_date", "access_from", "from", "valid_since"],
  valid_to: ["valid_to", "end", "end_date", "access_to", "until", "valid_until", "expires", "to"],
  enabled: ["enabled", "active"]
};
var normal = (header) => header.trim().toLowerCase().replace(/[\s\-.]+/g, "_");
function suggestMapping(headers) {
  const mapping = {};
  const taken = /* @__PURE__ */ new Set();
  for (const column of IMPORT_COLUMNS) {
    const header = headers.find((h) => !taken.has(h) && SYNONYMS[column].includes(normal(h)));
    if (header !== void 0) {
      mapping[column] = header;
      taken.add(header);
    }
  }
  return mapping;
}
function mappingProblems(mapping, headers) {
  const problems = [];
  for (const column of REQUIRED_COLUMNS) if (!mapping[column]) problems.push(`${column} is required: choose the header that holds it.`);
  for (const [column, header] of Object.entries(mapping)) {
    if (header && !headers.includes(header)) problems.push(`${column}: the file has no header "${header}".`);
  }
  return problems;
}

// src/shared/provisioning/schemas.ts
import { z as z6 } from "zod";
var name = (what) => z6.string().trim().min(1, `${what} is required.`).max(100, `${what} has at most 100 characters.`);
var optionalText = z6.string().trim().max(100, "At most 100 characters.").optional();
var PersonInputSchema = z6.object({
  id: IdSchema.optional(),
  first_name: name("First name"),
  last_name: name("Last name"),
  email: z6.string().trim().toLowerCase().pipe(z6.email("Enter an email address like name@example.com.")),
  enabled: z6.boolean(),
  valid_from: InstantSchema.nullable().optional(),
  valid_to: InstantSchema.nullable().optional(),
  group_ids: z6.array(IdSchema)
}).refine((p) => !p.valid_from || !p.valid_to || Date.parse(p.valid_to) > Date.parse(p.valid_from), {
  path: ["valid_to"],
  message: "The end of the access window must be after its start."
});
var CredentialInputSchema = z6.object({
  id: IdSchema.optional(),
  person_id: IdSchema,
  credential_type_id: IdSchema,
  value: z6.string().trim().min(1, "A value is required."),
  enabled: z6.boolean(),
  status: z6.enum(["active", "invited", "disabled", "revoked"]).optional(),
  label: optionalText,
  device: optionalText,
  /** The user chose to keep a PIN that is easy to guess. */
  allow_weak_pin: z6.boolean().optional()
});
var GroupInputSchema = z6.object({ id: IdSchema.optional(), name: name("Name"), access: z6.array(AccessEntrySchema) });
var DoorInputSchema = z6.object({
  id: IdSchema.optional(),
  name: name("Name"),
  mode: DoorModeSchema,
  accepts: z6.array(IdSchema),
  requires_pin: z6.boolean()
});
function credentialRules(draft, context) {
  const type = context.types.find((t) => t.id === draft.credential_type_id);
  if (!type) return { ok: false, fields: { credential_type_id: "Choose a credential type this site has." } };
  const checked = checkCredentialValue(type, draft.value, { allowWeakPin: draft.allow_weak_pin ?? false });
  if (!checked.ok) return { ok: false, fields: { value: checked.message } };
  const clash = context.credentials.find((c) => c.credential_type_id === type.id && c.value === checked.value && !sameId(c.id, draft.id));
  if (clash) return { ok: false, fields: { value: `This ${type.label} value is already in use.` } };
  return { ok: true, value: checked.value };
}
var sameId = (a, b) => b !== void 0 && a === b;
function fieldErrorsOf(error2) {
  const fields = {};
  for (const issue of error2.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

// src/shared/provisioning/contract.ts
var byId = z7.object({ id: IdSchema }).strict();
var deleted = z7.object({ deleted: z7.literal(true) });
var PROVISIONING_LIMITS = { csvChars: 64 * 1024 * 1024, listedErrors: 200, sampleRows: 20, listedRecords: 1e3, logLines: 200 };
var ImportMappingSchema = z7.partialRecord(z7.enum(IMPORT_COLUMNS), z7.string().max(200));
var RowErrorSchema = z7.object({ row: z7.number().int(), column: z7.string(), message: z7.string() });
var ImportRequestSchema = z7.object({
  csv: z7.string().max(PROVISIONING_LIMITS.csvChars),
  mapping: ImportMappingSchema.optional(),
  allowWeakPins: z7.boolean().optional()
}).strict();
var ImportSummarySchema = z7.object({
  headers: z7.array(z7.string()),
  mapping: ImportMappingSchema,
  rows: z7.number().int(),
  imported: z7.number().int(),
  updated: z7.number().int(),
  rejectedCount: z7.number().int(),
  rejected: z7.array(RowErrorSchema).max(PROVISIONING_LIMITS.listedErrors),
  /** The first valid rows as read, PIN cells masked. */
  sample: z7.array(z7.object({ line: z7.number().int(), fields: z7.array(z7.string()) })).max(PROVISIONING_LIMITS.sampleRows),
  committed: z7.boolean()
});
var ImportProgressSchema = z7.object({ rows: z7.number().int(), bytes: z7.number().int(), totalBytes: z7.number().int() });
var CsvFileSchema = z7.object({ filename: z7.string(), text: z7.string() });
var RecordSyncStateSchema = z7.enum(["pending", "sending", "unknown", "failed", "local", "synced"]);
var RecordStateSchema = z7.object({
  entity: z7.enum(["person", "credential"]),
  id: IdSchema,
  state: RecordSyncStateSchema,
  op: z7.enum(["create", "update", "delete"]).nullable(),
  message: z7.string().nullable(),
  fields: z7.record(z7.string(), z7.string()).nullable()
});
var RecordStatesSchema = z7.object({
  counts: z7.record(RecordSyncStateSchema, z7.number().int()),
  records: z7.array(RecordStateSchema).max(PROVISIONING_LIMITS.listedRecords),
  truncated: z7.boolean()
});
var provisioningCapability = {
  commands: {
    savePerson: command("Create or update a person (validated with the shared schema)", PersonInputSchema, PersonSchema),
    deletePerson: command("Delete a person and their credentials", byId, deleted),
    saveCredential: command("Issue or edit a credential: format per type, unique per type, weak PINs need the override", CredentialInputSchema, CredentialSchema),
    deleteCredential: command("Delete a credential", byId, deleted),
    saveGroup: command("Create or update a group", GroupInputSchema, GroupSchema),
    deleteGroup: command("Delete a group", byId, deleted),
    saveDoor: command("Create or update a door", DoorInputSchema, DoorSchema),
    deleteDoor: command("Delete a door", byId, deleted),
    importPreview: command("Check a CSV without writing: row errors, counts, the first rows", ImportRequestSchema, ImportSummarySchema),
    importCommit: command("Import a CSV in one transaction (bad rows are skipped and reported)", ImportRequestSchema, ImportSummarySchema),
    rejectedRows: command("The last import's rejected rows as CSV with an error column (PINs masked)", z7.object({}).strict(), CsvFileSchema),
    exportCsv: command("People or credentials as CSV (PINs masked, formula-safe)", z7.object({ kind: z7.enum(["people", "credentials"]) }).strict(), CsvFileSchema),
    recordStates: command("Each record's sync state (records not listed are synced)", z7.object({}).strict(), RecordStatesSchema)
  },
  events: {
    /** At most ~10 a second during an import commit. */
    importProgress: ImportProgressSchema
  }
};
var SyncReportSchema = z7.object({
  pushed: z7.number().int(),
  reconciled: z7.number().int(),
  retries: z7.number().int(),
  failed: z7.array(
    z7.object({
      entity: z7.enum(["person", "credential"]),
      id: z7.string(),
      op: z7.enum(["create", "update", "delete"]),
      code: z7.string(),
      message: z7.string(),
      fields: z7.record(z7.string(), z7.string()).optional()
    })
  )
});
var SyncStatusSchema = z7.object({
  running: z7.boolean(),
  api: z7.string().nullable(),
  hasToken: z7.boolean(),
  tokenEncrypted: z7.boolean(),
  outbox: z7.object({ pending: z7.number().int(), sending: z7.number().int(), unknown: z7.number().int(), failed: z7.number().int() }),
  lastRun: z7.object({ at: z7.string(), report: SyncReportSchema.extend({ failed: SyncReportSchema.shape.failed.max(PROVISIONING_LIMITS.listedErrors) }) }).nullable()
});
var SyncLogEntrySchema = z7.object({ at: z7.string(), level: z7.enum(["info", "warn", "error"]), message: z7.string(), entity: z7.string().nullable(), id: z7.string().nullable() });
var ApiUrlSchema = z7.string().url().refine((url) => /^https?:/.test(url), "expected an http(s) URL");
var syncCapability = {
  commands: {
    saveConnection: command(
      "Save the DoorFlow base URL and token (encrypted in the app)",
      z7.object({ api: ApiUrlSchema, token: z7.string().min(1).max(4096), refreshToken: z7.string().min(1).max(4096).optional() }).strict(),
      SyncStatusSchema
    ),
    run: command("Push the outbox exactly once and pull types, groups and people", z7.object({ concurrency: z7.number().int().min(1).max(16).optional() }).strict(), SyncReportSchema),
    status: command("Whether a sync runs, the outbox counts and the last run", z7.object({}).strict(), SyncStatusSchema),
    log: command("The newest sync log lines, newest first", z7.object({ limit: z7.number().int().min(1).max(PROVISIONING_LIMITS.logLines).optional() }).strict(), z7.array(SyncLogEntrySchema))
  },
  events: {
    /** At most ~10 a second while a sync runs; the last has done = total. */
    progress: z7.object({ done: z7.number().int(), total: z7.number().int() })
  }
};

// src/shared/diagnose/model.ts
import { z as z8 } from "zod";
var PlatformSchema = z8.enum(["ios", "android"]);
var FindingCode = {
  noMobileCredential: "no_mobile_credential",
  recentlyIssued: "credential_recently_issued",
  issuedLater: "credential_issued_after",
  sharedCredential: "credential_shared",
  sharedDevice: "device_shared",
  deviceChangePending: "device_change_pending",
  readerIncompatible: "reader_incompatible",
  noBackup: "no_backup_credential",
  syncFailed: "sync_failed",
  syncPending: "sync_pending",
  phoneSide: "phone_radio_or_app",
  reenrol: "reenrol_device",
  nfcNoTap: "nfc_no_tap",
  nfcReadFailed: "nfc_read_failed",
  nfcNotEnrolled: "nfc_not_enrolled",
  nfcOtherPerson: "nfc_other_person",
  nfcPresented: "nfc_presented",
  nfcUnavailable: "nfc_unavailable",
  bleNotHeard: "ble_reader_not_heard",
  bleWeak: "ble_signal_weak",
  bleHeard: "ble_reader_heard",
  bleUnavailable: "ble_unavailable",
  bleNoReader: "ble_no_reader"
};
var FindingCodeSchema = z8.union([DecisionCodeSchema, z8.enum(Object.values(FindingCode))]);
var SeveritySchema = z8.enum(["error", "warning", "info"]);
var FixActionSchema = z8.discriminatedUnion("kind", [
  z8.object({ kind: z8.literal("enable_credential"), credential_id: IdSchema }).strict(),
  z8.object({ kind: z8.literal("enable_person"), person_id: IdSchema }).strict(),
  z8.object({ kind: z8.literal("add_to_group"), person_id: IdSchema, group_id: IdSchema }).strict(),
  z8.object({ kind: z8.literal("issue_backup_pin"), person_id: IdSchema }).strict(),
  /** Opens the device-change workflow: issue the new phone's credential, test it, disable the old one. */
  z8.object({ kind: z8.literal("start_device_change"), person_id: IdSchema, credential_id: IdSchema }).strict()
]);
var FindingSchema = z8.object({
  code: FindingCodeSchema,
  severity: SeveritySchema,
  /** One short headline in the helpdesk's words. */
  title: z8.string(),
  /** What was seen that decided it: sentences naming the records, times and readings. */
  evidence: z8.string(),
  /** What to do about it, as one instruction. */
  fix: z8.string(),
  /** The fix as one click, when provisioning can carry it out. */
  action: FixActionSchema.nullable(),
  /** 0–1: how likely this is why the door does not open; findings are sorted by it, highest first. */
  likelihood: z8.number().min(0).max(1),
  /** The credential the finding is about, if it is about one. */
  credential_id: IdSchema.nullable()
});
var DiagnoseRequestSchema = z8.object({
  /** A person id, or an email (compared case-insensitively). */
  person: z8.union([IdSchema, z8.string().min(1).max(320)]),
  door_id: IdSchema,
  /** Default: now. */
  at: InstantSchema.optional(),
  platform: PlatformSchema.optional(),
  /** Only this credential of the person; default every one. */
  credential_id: IdSchema.optional(),
  /** Live tests when hardware (or the demo's simulation) is present. */
  live: z8.object({
    /** Wait this many seconds for the phone or card on the NFC reader. */
    tapSeconds: z8.number().int().min(1).max(120).optional(),
    /** Scan this many seconds for the door reader's advertisements where the person stands. */
    scanSeconds: z8.number().int().min(1).max(60).optional()
  }).strict().optional()
}).strict();
var SyncEvidenceSchema = z8.object({
  entity: z8.enum(["person", "credential"]),
  id: IdSchema,
  state: z8.enum(["pending", "sending", "unknown", "failed", "local"]),
  op: z8.enum(["create", "update", "delete"]).nullable(),
  message: z8.string().nullable()
});
var LiveTapSchema = z8.discriminatedUnion("outcome", [
  z8.object({ outcome: z8.literal("unavailable"), reason: z8.string() }),
  z8.object({ outcome: z8.literal("no_tap"), seconds: z8.number() }),
  z8.object({ outcome: z8.literal("read_failed"), reader: z8.string(), error: z8.string() }),
  z8.object({
    outcome: z8.literal("presented"),
    reader: z8.string(),
    /** The credential type the tap was read as, and its value, or null when nothing enrolled matched. */
    credential_type_id: IdSchema.nullable(),
    value: z8.string().nullable(),
    uid: z8.string().nullable(),
    latency_ms: z8.number()
  })
]);
var LiveScanSchema = z8.discriminatedUnion("outcome", [
  z8.object({ outcome: z8.literal("unavailable"), reason: z8.string() }),
  z8.object({ outcome: z8.literal("no_reader"), reason: z8.string() }),
  z8.object({
    outcome: z8.literal("scanned"),
    seconds: z8.number(),
    simulated: z8.boolean(),
    reader: z8.object({ name: z8.string(), address: z8.string() }),
    /** Reports heard from the door's reader, and their median and strongest RSSI. */
    adverts: z8.number().int().nonnegative(),
    median_rssi: z8.number().nullable(),
    max_rssi: z8.number().nullable(),
    threshold_dbm: z8.number()
  })
]);
var CredentialVerdictSchema = z8.object({
  credential_id: IdSchema,
  type: z8.string(),
  format: z8.string(),
  label: z8.string().nullable(),
  device: z8.string().nullable(),
  /** Masked for PINs. */
  shown_value: z8.string(),
  decision: DecisionSchema
});
var DiagnosisSchema = z8.object({
  person: z8.object({ id: IdSchema, name: z8.string(), email: z8.string() }),
  door: z8.object({ id: IdSchema, name: z8.string() }),
  at: z8.string(),
  /** The door and time in site local time, for people. */
  local_time: z8.string(),
  platform: PlatformSchema.nullable(),
  /** Whether any of the considered credentials opens the door by the rules. */
  opens: z8.boolean(),
  /** The headline: the most likely cause, or that the rules grant access. */
  summary: z8.string(),
  findings: z8.array(FindingSchema),
  credentials: z8.array(CredentialVerdictSchema),
  live: z8.object({ tap: LiveTapSchema.nullable(), scan: LiveScanSchema.nullable() }),
  /** Where the sync evidence came from: the app's database, or none for a snapshot file. */
  source: z8.enum(["database", "snapshot"])
});
var FixResultSchema = z8.object({
  kind: z8.string(),
  message: z8.string(),
  credential_id: IdSchema.nullable(),
  pin: z8.string().nullable()
});
var DiagnosisReportFormatSchema = z8.enum(["html", "json"]);

// src/shared/contract/result.ts
import { z as z9 } from "zod";
var ErrorCode = {
  badRequest: "bad_request",
  unknownChannel: "unknown_channel",
  forbidden: "forbidden",
  notFound: "not_found",
  unavailable: "unavailable",
  conflict: "conflict",
  timeout: "timeout",
  internal: "internal"
};
var ContractErrorSchema = z9.object({
  code: z9.string(),
  message: z9.string(),
  /** Field name → one sentence, for errors a form shows next to its fields (optional). */
  fields: z9.record(z9.string(), z9.string()).optional()
});
var ok = (value) => ({ ok: true, value });
var fail2 = (code, message, fields) => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message }
});
var LintelError = class extends Error {
  constructor(code, message, fields) {
    super(message);
    this.code = code;
    this.fields = fields;
    this.name = "LintelError";
  }
  code;
  fields;
};
function describeZodError(error2, root = "$") {
  const issue = error2.issues[0];
  if (!issue) return "invalid input";
  return `${jsonPath(issue.path, root)}: ${issue.message}`;
}
function jsonPath(path, root = "$") {
  return path.reduce(
    (acc, key) => typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`,
    root
  );
}

// src/shared/contract/index.ts
var none = z10.object({}).strict();
var surveyRef = z10.object({ surveyId: z10.string().regex(/^[a-z0-9-]{6,64}$/) }).strict();
var RuntimeSchema = z10.enum(["electron", "browser-host", "cli", "test"]);
var AppInfoSchema = z10.object({
  name: z10.literal("Lintel"),
  version: z10.string(),
  runtime: RuntimeSchema,
  platform: z10.string(),
  userDataDir: z10.string(),
  simulated: z10.object({ ble: z10.boolean(), nfc: z10.boolean() })
});
var SiteSummarySchema = z10.object({
  name: z10.string(),
  source: z10.enum(["demo", "file", "database"]),
  timezone: z10.string(),
  revision: z10.number().int().nonnegative(),
  counts: z10.object({
    doors: z10.number().int(),
    people: z10.number().int(),
    credentials: z10.number().int(),
    groups: z10.number().int(),
    schedules: z10.number().int()
  })
});
var contract = {
  app: {
    commands: {
      info: command("What is running, where its data lives, and which radios are simulated", none, AppInfoSchema),
      getSettings: command("The current settings", none, SettingsSchema),
      updateSettings: command("Change some settings; returns all of them", SettingsPatchSchema, SettingsSchema)
    },
    events: {
      settingsChanged: SettingsSchema
    }
  },
  site: {
    commands: {
      summary: command("The open site: name, time zone and counts", none, SiteSummarySchema),
      snapshot: command("The whole open site in the snapshot format", none, SiteSchema)
    },
    events: {
      changed: SiteSummarySchema
    }
  },
  decision: {
    commands: {
      decide: command("Decide one request at a door and time, with every check", DecisionRequestSchema, DecisionSchema)
    },
    events: {}
  },
  ble: {
    commands: {
      status: command("The BLE radio: real or simulated, and its state", none, BleStatusSchema),
      readers: command("Door readers known to the survey", none, z10.array(BleReaderSchema)),
      /** Idempotent; `simulate` forces the virtual RF site. Fails with ble_unsupported, ble_powered_off, ble_unauthorized or ble_timeout. */
      startScan: command("Start scanning for advertisers (duplicates allowed)", z10.object({ simulate: z10.boolean().optional() }).strict(), ScanStateSchema),
      stopScan: command("Stop scanning and release the adapter", none, ScanStateSchema),
      /** The same batch the `scan` event carries, on demand. */
      scan: command("The live advertiser table now", none, ScanBatchSchema),
      createSurvey: command("Start a range test of one reader: threshold, marks and capture time", RangeTestPlanSchema, DoorSurveySchema),
      /** Resolves when the capture ends; `captureProgress` streams meanwhile. Fails with survey_busy while another capture runs. */
      captureMark: command("Capture the reader at one mark for the survey's capture time", surveyRef.extend({ markIndex: z10.number().int().min(0).max(SURVEY_LIMITS.marks - 1) }).strict(), DoorSurveySchema),
      cancelCapture: command("Stop the running capture and discard its samples", none, z10.object({ cancelled: z10.boolean() })),
      analyzeSurvey: command("Analyse a survey with its device calibration; saves the result", surveyRef, SurveyAnalysisSchema),
      surveys: command("Saved surveys, newest first", none, z10.array(SurveySummarySchema)),
      survey: command("One saved survey with its samples and analysis", surveyRef, DoorSurveySchema),
      deleteSurvey: command("Delete a saved survey; returns the remaining list", surveyRef, z10.array(SurveySummarySchema)),
      /** Written under the user-data folder's reports/; PDF fails with report_pdf_unavailable without Chromium. */
      exportReport: command("Export a survey as HTML (SVG plots), PDF, CSV or JSON raw samples", surveyRef.extend({ format: ReportFormatSchema }).strict(), ReportFileSchema),
      calibrations: command("Stored RSSI offsets, one per scanning device", none, z10.array(DeviceCalibrationSchema)),
      setCalibration: command("Store a device offset typed by hand", z10.object({ deviceId: z10.string().min(1).max(120), label: z10.string().max(120), offset_dB: z10.number().min(-40).max(40) }).strict(), DeviceCalibrationSchema),
      /** The reference phone's samples (CSV or JSONL text) at the survey's marks; the offset is stored for the survey's device. */
      calibrate: command("Calibrate the survey's device against a reference phone", surveyRef.extend({ referenceSamples: z10.string().min(1).max(SURVEY_LIMITS.referenceChars) }).strict(), DeviceCalibrationSchema)
    },
    events: {
      status: BleStatusSchema,
      /** At most 4 batches a second while scanning, each at most SCAN_LIMITS.rows rows. */
      scan: ScanBatchSchema,
      /** At most 10 a second during a capture; the last has done = true. */
      captureProgress: CaptureProgressSchema,
      surveysChanged: z10.array(SurveySummarySchema).max(50)
    }
  },
  nfc: {
    commands: {
      status: command("PC/SC readers, whether they are simulated, and the reading state", none, NfcStatusSchema),
      startReading: command(
        "Read taps and decide each at a door (null or absent: the default door from settings); idempotent",
        z10.object({ doorId: IdSchema.nullable().optional() }).strict(),
        NfcStatusSchema
      ),
      stopReading: command("Stop reading and release the readers", none, NfcStatusSchema),
      recentTaps: command("The latest taps with their decisions, oldest first (at most 100)", none, z10.array(TapEventSchema)),
      aids: command("The AIDs selected on phones, in order: built-in, then settings", none, z10.array(AidEntrySchema)),
      enrolTap: command("Wait for one tap and give its value in the form of a credential type", EnrolTapRequestSchema, EnrolTapResultSchema),
      simulateTap: command(
        "Tap the simulated reader with a card or phone (demo mode only)",
        z10.object({ card: SimulatedCardSchema }).strict(),
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
      run: command("Run every check for a person at a door and time; findings ordered by likelihood", DiagnoseRequestSchema, DiagnosisSchema),
      /** Through the normal provisioning path: recorded in the outbox and the sync log. Needs the app's database. */
      fix: command("Carry out a one-click fix", FixActionSchema, FixResultSchema),
      /** Written under the user-data folder's reports/. */
      exportReport: command("Save a diagnosis as a shareable HTML or JSON report", z10.object({ diagnosis: DiagnosisSchema, format: DiagnosisReportFormatSchema }).strict(), z10.object({ path: z10.string(), format: DiagnosisReportFormatSchema, bytes: z10.number().int().nonnegative() }))
    },
    events: {}
  }
};

// src/main/hardware/ble/radios.ts
import { existsSync } from "node:fs";

// src/main/hardware/ble/nobleModules.ts
import { createRequire } from "node:module";
var load = createRequire(import.meta.url);
function nobleClass() {
  return load("@stoprocent/noble/lib/noble");
}
function platformBindings(adapter, platform = process.platform) {
  if (adapter.kind === "uart") {
    const Hci = load("@stoprocent/noble/lib/hci-socket/bindings");
    const uart = { port: adapter.port, baudRate: adapter.baudRate };
    return quietStateWarnings(new Hci({ hciDriver: "uart", bindParams: { uart } }));
  }
  if (platform === "darwin") return new (load("@stoprocent/noble/lib/mac/bindings"))({});
  if (platform === "win32") return new (load("@stoprocent/noble/lib/win/bindings"))({});
  return quietStateWarnings(new (load("@stoprocent/noble/lib/hci-socket/bindings"))({}));
}
var NOBLE_STATE_LINES = /^(noble warning:| {10,})/;
function quietStateWarnings(bindings) {
  const original = bindings.onStateChange;
  if (typeof original !== "function") return bindings;
  bindings.onStateChange = (state) => {
    const log = console.log;
    console.log = (...args) => {
      if (!(typeof args[0] === "string" && NOBLE_STATE_LINES.test(args[0]))) log(...args);
    };
    try {
      original.call(bindings, state);
    } finally {
      console.log = log;
    }
  };
  return bindings;
}

// src/main/hardware/ble/port.ts
var BleErrorCode = {
  unsupported: "ble_unsupported",
  poweredOff: "ble_powered_off",
  unauthorized: "ble_unauthorized",
  timeout: "ble_timeout",
  busy: "ble_busy",
  portMissing: "ble_port_missing",
  failed: "ble_failed"
};
var BleError = class extends LintelError {
  constructor(code, message) {
    super(code, message);
    this.name = "BleError";
  }
};
function stateAdvice(state) {
  switch (state) {
    case "unsupported":
      return { code: BleErrorCode.unsupported, message: "This Bluetooth adapter cannot scan for BLE (or none was found). Plug in a BLE dongle, choose it in Settings, or scan with --simulate." };
    case "unauthorized":
      return { code: BleErrorCode.unauthorized, message: "Lintel may not use the Bluetooth adapter. On Linux run: sudo setcap cap_net_raw,cap_net_admin+eip $(readlink -f $(which node)); on macOS allow Bluetooth for Lintel in System Settings \u203A Privacy." };
    case "poweredOff":
      return { code: BleErrorCode.poweredOff, message: "Bluetooth is switched off. Turn it on (bluetoothctl power on, or the system menu) and scan again." };
    default:
      return null;
  }
}

// src/main/hardware/ble/nobleRadio.ts
var RSSI_UNAVAILABLE = 127;
var NobleRadio = class {
  constructor(createNoble, options) {
    this.createNoble = createNoble;
    this.options = options;
    this.simulated = options.simulated;
    this.label = options.label;
    this.deviceId = options.deviceId;
    if (options.surveyor) this.surveyor = options.surveyor;
  }
  createNoble;
  options;
  simulated;
  label;
  deviceId;
  surveyor;
  noble = null;
  async start(listener) {
    if (this.noble) throw new BleError(BleErrorCode.busy, "A scan is already running.");
    const noble = this.createNoble();
    this.noble = noble;
    const now = this.options.now ?? Date.now;
    noble.on("discover", (peripheral) => {
      const advert = copyAdvert(peripheral, now());
      if (advert) listener.advert(advert);
    });
    noble.on("stateChange", (state) => listener.state(state));
    try {
      await poweredOn(noble, this.options.poweredOnTimeoutMs ?? 8e3);
      await noble.startScanningAsync([], true);
      resumeAfterOutage(noble);
    } catch (error2) {
      await this.stop();
      throw error2 instanceof BleError ? error2 : new BleError(BleErrorCode.failed, `The scan could not start: ${error2.message}`);
    }
  }
  async stop() {
    const noble = this.noble;
    if (!noble) return;
    this.noble = null;
    noble.removeAllListeners("discover");
    noble.removeAllListeners("stateChange");
    if (noble.state === "poweredOn") await withTimeout(noble.stopScanningAsync(), 2e3).catch(() => void 0);
    noble.stop();
  }
};
function resumeAfterOutage(noble) {
  let lost = false;
  noble.on("stateChange", (state) => {
    if (state !== "poweredOn") lost = true;
    else if (lost) {
      lost = false;
      noble.startScanningAsync([], true).catch(() => void 0);
    }
  });
}
function copyAdvert(peripheral, t) {
  const rssi = peripheral.rssi;
  if (typeof rssi !== "number" || rssi === RSSI_UNAVAILABLE || rssi < -127) return null;
  const ad = peripheral.advertisement ?? {};
  const data = ad.manufacturerData;
  return {
    t,
    address: formatAddress(peripheral.address, peripheral.id),
    name: typeof ad.localName === "string" && ad.localName !== "" ? ad.localName : null,
    rssi: Math.round(Math.min(20, rssi)),
    txPower: typeof ad.txPowerLevel === "number" ? ad.txPowerLevel : null,
    serviceUuids: Array.isArray(ad.serviceUuids) ? ad.serviceUuids.map((u) => u.toUpperCase()) : [],
    manufacturerData: data && data.length > 0 ? bytesToHex(data) : null
  };
}
function formatAddress(address, id) {
  if (address && address !== "unknown" && address !== "") return address.toUpperCase();
  return id.toUpperCase();
}
function poweredOn(noble, timeoutMs) {
  return new Promise((resolve4, reject) => {
    let last = "unknown";
    const finish = (error2) => {
      clearTimeout(timer);
      noble.removeListener("stateChange", onState);
      if (error2) reject(error2);
      else resolve4();
    };
    const onState = (state) => {
      last = state;
      if (state === "poweredOn") return finish();
      const advice = state === "poweredOff" ? null : stateAdvice(state);
      if (advice) finish(new BleError(advice.code, advice.message));
    };
    const timer = setTimeout(() => {
      const advice = stateAdvice(last);
      finish(new BleError(advice?.code ?? BleErrorCode.timeout, advice?.message ?? `The Bluetooth adapter did not become ready within ${Math.round(timeoutMs / 1e3)} s (state: ${last}). Check the adapter or dongle and scan again.`));
    }, timeoutMs);
    noble.on("stateChange", onState);
    if (noble.state === "poweredOn") finish();
  });
}
function withTimeout(promise, ms) {
  return new Promise((resolve4, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve4(value)),
      (error2) => (clearTimeout(timer), reject(error2 instanceof Error ? error2 : new Error(String(error2))))
    );
  });
}

// src/main/hardware/ble/virtualBindings.ts
import { EventEmitter } from "node:events";

// src/shared/rf/columns.ts
function groupByMark(samples, offset_dB = 0) {
  const { markOf, found } = assignMarks(samples);
  const order = found.map((_, i) => i).sort((a, b) => compareMarks(found[a], found[b]));
  const cursor = new Float64Array(found.length);
  const marks2 = [];
  let position = 0;
  for (const m2 of order) {
    const mark = found[m2];
    cursor[m2] = position;
    marks2.push({ distance_m: mark.distance_m, side: mark.side, start: position, end: position + mark.count });
    position += mark.count;
  }
  const n = samples.length;
  const columns = { t: new Float64Array(n), rssi: new Float64Array(n), channel: new Uint8Array(n), marks: marks2, hasChannels: false };
  for (let i = 0; i < n; i++) {
    const sample = samples[i];
    const m2 = markOf[i];
    const row = cursor[m2]++;
    columns.t[row] = sample.t;
    columns.rssi[row] = sample.rssi + offset_dB;
    if (sample.channel !== void 0) {
      columns.channel[row] = sample.channel;
      columns.hasChannels = true;
    }
  }
  for (const mark of marks2) if (!isTimeOrdered(columns.t, mark)) sortByTime(columns, mark);
  return columns;
}
function assignMarks(samples) {
  const bySide = { in: /* @__PURE__ */ new Map(), out: /* @__PURE__ */ new Map() };
  const markOf = new Uint32Array(samples.length);
  const found = [];
  let last;
  let lastIndex = 0;
  for (let i = 0; i < samples.length; i++) {
    const { distance_m, side } = samples[i];
    if (last?.distance_m !== distance_m || last.side !== side) {
      const index = bySide[side];
      let m2 = index.get(distance_m);
      if (m2 === void 0) {
        m2 = found.length;
        index.set(distance_m, m2);
        found.push({ distance_m, side, count: 0 });
      }
      last = found[m2];
      lastIndex = m2;
    }
    last.count++;
    markOf[i] = lastIndex;
  }
  return { markOf, found };
}
function compareMarks(a, b) {
  if (a.side !== b.side) return a.side === "in" ? -1 : 1;
  return a.distance_m - b.distance_m;
}
function isTimeOrdered(t, mark) {
  for (let i = mark.start + 1; i < mark.end; i++) if (t[i] < t[i - 1]) return false;
  return true;
}
function sortByTime(columns, mark) {
  const { start, end } = mark;
  const rows = Array.from({ length: end - start }, (_, i) => start + i).sort((a, b) => columns.t[a] - columns.t[b]);
  const t = rows.map((r) => columns.t[r]);
  const rssi = rows.map((r) => columns.rssi[r]);
  const channel = rows.map((r) => columns.channel[r]);
  columns.t.set(t, start);
  columns.rssi.set(rssi, start);
  columns.channel.set(channel, start);
}

// src/shared/rf/fit.ts
var P10_P90_WIDTH = 2.5631;
var WHOLE_DB_VARIANCE = 1 / 12;
function fitLogDistance(points) {
  const usable = points.filter((p) => p.distance_m > 0 && Number.isFinite(p.median));
  const x = usable.map((p) => Math.log10(p.distance_m));
  const y = usable.map((p) => p.median);
  if (new Set(x).size < 2) return null;
  const sampling = usable.map((p) => Math.PI / 2 * Math.max(((p.p90 - p.p10) / P10_P90_WIDTH) ** 2, WHOLE_DB_VARIANCE) / p.count);
  const first = weightedLine(x, y, x.map(() => 1));
  const m2 = usable.length;
  const meanSampling = sampling.reduce((a, b) => a + b, 0) / m2;
  const scatter = m2 > 2 ? Math.max(0, residualSquares(x, y, first) / (m2 - 2) - meanSampling) : 0;
  const line = weightedLine(x, y, sampling.map((v) => 1 / (scatter + v + 1e-9)));
  return {
    rssiAt1m: line.intercept,
    exponent: -line.slope / 10,
    sigma_dB: m2 > 2 ? Math.sqrt(residualSquares(x, y, line) / (m2 - 2)) : 0,
    r2: rSquared(x, y, line),
    marksUsed: m2
  };
}
function weightedLine(x, y, w) {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    sxy += w[i] * (x[i] - mx) * (y[i] - my);
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
function residualSquares(x, y, line) {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (y[i] - line.intercept - line.slope * x[i]) ** 2;
  return sum;
}
function rSquared(x, y, line) {
  const mean2 = y.reduce((a, b) => a + b, 0) / y.length;
  const total = y.reduce((a, b) => a + (b - mean2) ** 2, 0);
  return total > 0 ? 1 - residualSquares(x, y, line) / total : null;
}
function predictRssi(model, distance_m) {
  return model.rssiAt1m - 10 * model.exponent * Math.log10(distance_m);
}
function estimateDistance(model, rssi) {
  if (!(model.exponent > 0)) return null;
  const d = 10 ** ((model.rssiAt1m - rssi) / (10 * model.exponent));
  return Number.isFinite(d) && d > 0 ? d : null;
}

// src/shared/rf/interference.ts
var INTERFERENCE_RULES = {
  clearExponent: [1.6, 2.4],
  absorptionExponent: 3,
  metalK_dB: 3,
  metalDeepFadeShare: 0.05,
  metalChannelSpread_dB: 6,
  absorptionExcess_dB: 10,
  congestedReception: 0.5
};
var PROBLEM_MIN_SCORE = 0.5;
function rising(x, lo, hi) {
  return Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
}
function falling(x, lo, hi) {
  return 1 - rising(x, lo, hi);
}
function exponentInClearBand(n) {
  const [lo, hi] = INTERFERENCE_RULES.clearExponent;
  return n < lo ? rising(n, lo - 0.4, lo) : falling(n, hi, hi + 0.4);
}
function classifyInterference(site) {
  const rules = ruleValues(site);
  const scores = scoreClasses(rules);
  const problem = ["metal", "absorption", "congested"].reduce((a, b) => scores[b] > scores[a] ? b : a);
  const winner = scores[problem] >= PROBLEM_MIN_SCORE ? problem : "clear";
  const runnerUp = Math.max(...["clear", "metal", "absorption", "congested"].filter((c) => c !== winner).map((c) => scores[c]));
  const confidence = Math.round(scores[winner] * (1 - runnerUp / 2) * 100) / 100;
  return { class: winner, confidence, evidence: describeEvidence(site, rules, winner), scores: roundScores(scores) };
}
function ruleValues(site) {
  const ramp = (value, rule) => value === null ? null : rule(value);
  return {
    clearExponent: ramp(site.exponent, exponentInClearBand),
    steepExponent: ramp(site.exponent, (n) => rising(n, 2.6, INTERFERENCE_RULES.absorptionExponent)),
    lowK: ramp(site.kFactor_dB, (k) => falling(k, INTERFERENCE_RULES.metalK_dB, 5)),
    deepFades: ramp(site.deepFadeShare, (share) => rising(share, 0.02, INTERFERENCE_RULES.metalDeepFadeShare)),
    someDeepFades: ramp(site.deepFadeShare, (share) => rising(share, 5e-3, 0.02)),
    channelsDisagree: ramp(site.channelSpread_dB, (spread) => rising(spread, 4, INTERFERENCE_RULES.metalChannelSpread_dB)),
    wallLoss: ramp(site.outsideExcess_dB, (excess) => rising(excess, 6, INTERFERENCE_RULES.absorptionExcess_dB)),
    congested: ramp(site.receptionRatio, (ratio) => falling(ratio, INTERFERENCE_RULES.congestedReception, 0.7))
  };
}
function multipathSupport(rules) {
  return Math.min(1, Math.max(rules.someDeepFades ?? 0, 2 * (rules.channelsDisagree ?? 0)));
}
function scoreClasses(rules) {
  const support = multipathSupport(rules);
  const corroboratedLowK = rules.lowK === null ? null : rules.lowK * support;
  const clearChecks = [rules.clearExponent, not(corroboratedLowK), not(rules.deepFades), not(rules.congested), not(rules.wallLoss)];
  const present = clearChecks.filter((v) => v !== null);
  const metalFading = mean([corroboratedLowK, rules.deepFades]);
  return {
    clear: present.length > 0 ? Math.min(...present) : 0,
    metal: mean([rules.lowK, rules.deepFades, rules.channelsDisagree]) * support,
    absorption: Math.max(rules.steepExponent ?? 0, rules.wallLoss ?? 0) * (1 - metalFading / 2),
    congested: rules.congested ?? 0
  };
}
function not(value) {
  return value === null ? null : 1 - value;
}
function mean(values) {
  const present = values.filter((v) => v !== null);
  return present.length === 0 ? 0 : present.reduce((a, b) => a + b, 0) / present.length;
}
function roundScores(scores) {
  const round2 = (v) => Math.round(v * 100) / 100;
  return { clear: round2(scores.clear), metal: round2(scores.metal), absorption: round2(scores.absorption), congested: round2(scores.congested) };
}
function describeEvidence(site, rules, winner) {
  const findings = [exponentFinding(site, rules), ...fadingFindings(site, rules), wallFinding(site, rules), ...receptionFindings(site, rules)];
  const strength = (f) => f.support[winner] ?? -1;
  return findings.map((finding2, order) => ({ finding: finding2, order })).sort((a, b) => strength(b.finding) - strength(a.finding) || a.order - b.order).map(({ finding: finding2 }) => finding2.text);
}
var dB = (v) => `${v.toFixed(1)} dB`;
var percent = (v) => `${(v * 100).toFixed(1)}%`;
var marks = (n) => n === 1 ? "1 mark" : `${n} marks`;
function exponentFinding(site, rules) {
  const support = { clear: rules.clearExponent, absorption: rules.steepExponent };
  if (site.exponent === null) return { text: "path-loss exponent n: no fit (needs marks at two or more distances > 0)", support };
  return { text: `path-loss exponent n = ${site.exponent.toFixed(2)} over ${marks(site.marksFitted)} (clear: 1.6\u20132.4; absorption: \u2265 3)`, support };
}
function fadingFindings(site, rules) {
  const k = site.kFactor_dB === null ? "Rician K: not estimated (no mark with 10 or more samples)" : `Rician K = ${dB(site.kFactor_dB)} (median of ${marks(site.fadingMarks)}, moment method on linear power) (metal: \u2264 3 dB with deep fades or disagreeing channels; clear: above)`;
  const deep = site.deepFadeShare === null ? "deep fades: not measured" : `${percent(site.deepFadeShare)} of samples are \u2265 15 dB below the local median (metal: \u2265 5%)`;
  const channels = site.channelSpread_dB === null ? "channel agreement: not assessed (needs the channel of each copy of an advertising event, from a scanner that hears all three)" : `channels 37/38/39 of one advertising event differ by ${dB(site.channelSpread_dB)} (median over marks) (metal: \u2265 6 dB)`;
  return [
    { text: k, support: { metal: rules.lowK, clear: not(rules.lowK) } },
    { text: deep, support: { metal: rules.deepFades, clear: not(rules.deepFades) } },
    { text: channels, support: { metal: rules.channelsDisagree, clear: not(rules.channelsDisagree) } }
  ];
}
function wallFinding(site, rules) {
  const support = { absorption: rules.wallLoss, clear: not(rules.wallLoss) };
  if (site.outsideExcess_dB === null) {
    return { text: "loss behind an obstruction: not assessed (needs out-side marks and an in-side fit)", support };
  }
  const text = `out-side marks are ${dB(site.outsideExcess_dB)} below the in-side model (median of ${marks(site.outsideMarks)}) (absorption: \u2265 10 dB)`;
  return { text, support };
}
function receptionFindings(site, rules) {
  const support = { congested: rules.congested, clear: not(rules.congested) };
  const interval = site.advInterval;
  if (interval === null) {
    const why = site.wholeSecondTimes ? "timestamps are whole seconds, so advertising events cannot be told apart" : "too few events to infer it";
    return [{ text: `advertising interval unknown (${why}; give --adv-interval-ms): congestion not assessed`, support }];
  }
  const source = interval.source === "option" ? "from the option" : "inferred from the timestamps";
  const intervalText = `advertising interval ${interval.ms} ms (${source})`;
  if (site.receptionRatio === null) return [{ text: `${intervalText}; reception not assessed (no mark above \u221285 dBm)`, support }];
  const expected = (1e3 / (interval.ms + 5)).toFixed(1);
  const text = `packet reception ${percent(site.receptionRatio)} of the ${expected} events/s a ${interval.ms} ms interval (+5 ms mean delay) predicts, median of ${marks(site.receptionMarks)} above \u221285 dBm (congested: < 50%)`;
  return [
    { text, support },
    { text: intervalText, support }
  ];
}

// src/shared/rf/reception.ts
var EVENT_GROUPING_MS = 10;
var MEAN_ADV_DELAY_MS = 5;
var MIN_GAPS_FOR_INFERENCE = 20;
function hasWholeSecondTimes(t) {
  for (let i = 0; i < t.length; i++) if (t[i] % 1e3 !== 0) return false;
  return t.length > 0;
}
function inferAdvInterval(columns) {
  if (hasWholeSecondTimes(columns.t)) return null;
  const gaps = new Float64Array(columns.t.length);
  let count = 0;
  for (const mark of columns.marks) count = collectEventGaps(columns.t, mark, gaps, count);
  if (count < MIN_GAPS_FOR_INFERENCE) return null;
  const unit = selectQuantile(gaps.subarray(0, count), 0.1);
  let sum = 0;
  let inCluster = 0;
  for (let i = 0; i < count; i++) {
    const gap = gaps[i];
    if (gap >= unit / 2 && gap <= unit * 1.5) {
      sum += gap;
      inCluster++;
    }
  }
  const interval = sum / inCluster - MEAN_ADV_DELAY_MS;
  return Math.round(Math.min(10240, Math.max(20, interval)));
}
function collectEventGaps(t, mark, gaps, count) {
  if (mark.end <= mark.start) return count;
  let eventStart = t[mark.start];
  for (let i = mark.start + 1; i < mark.end; i++) {
    const gap = t[i] - eventStart;
    if (gap > EVENT_GROUPING_MS) {
      gaps[count++] = gap;
      eventStart = t[i];
    }
  }
  return count;
}
function copiesPerEvent(columns, wholeSeconds) {
  if (wholeSeconds) return 1;
  let events = 0;
  let multiple = 0;
  for (const mark of columns.marks) {
    let i = mark.start;
    while (i < mark.end) {
      let j = i + 1;
      while (j < mark.end && columns.t[j] - columns.t[i] <= EVENT_GROUPING_MS) j++;
      events++;
      if (j - i > 1) multiple++;
      i = j;
    }
  }
  return multiple >= 0.1 * events && multiple > 0 ? 3 : 1;
}
function markReception(t, mark, intervalMs, wholeSeconds, copies = 1) {
  const count = mark.end - mark.start;
  if (count === 0) return { receivedPerSecond: null, prr: null };
  const span = t[mark.end - 1] - t[mark.start];
  const period = intervalMs === null ? null : intervalMs + MEAN_ADV_DELAY_MS;
  if (wholeSeconds) {
    const window = span + 1e3;
    return { receivedPerSecond: count * 1e3 / window, prr: period === null ? null : count / (window / period) };
  }
  const events = countEvents(t, mark);
  const receivedPerSecond = span > 0 ? (events - 1) * 1e3 / span : null;
  const prr = period === null ? null : count / (copies * (span / period + 1));
  return { receivedPerSecond, prr };
}
function countEvents(t, mark) {
  let events = 1;
  let eventStart = t[mark.start];
  for (let i = mark.start + 1; i < mark.end; i++) {
    if (t[i] - eventStart > EVENT_GROUPING_MS) {
      events++;
      eventStart = t[i];
    }
  }
  return events;
}

// src/shared/rf/fading.ts
var DEEP_FADE_DB = 15;
var K_MIN_SAMPLES = 10;
var K_CAP_DB = 40;
var CHANNEL_MIN_SAMPLES = 5;
var LN10_OVER_10 = Math.LN10 / 10;
function fadeDepth(rssi, local, start, end, scratch) {
  const n = end - start;
  let deep = 0;
  for (let i = 0; i < n; i++) {
    const below = local[start + i] - rssi[start + i];
    scratch[i] = below;
    if (below >= DEEP_FADE_DB) deep++;
  }
  return { depth_dB: selectQuantile(scratch.subarray(0, n), 0.95), deepShare: n > 0 ? deep / n : 0 };
}
function ricianK_dB(rssi, start, end) {
  const n = end - start;
  if (n < K_MIN_SAMPLES) return null;
  const reference = rssi[start];
  let sum = 0;
  let sumSquares = 0;
  for (let i = start; i < end; i++) {
    const power = Math.exp((rssi[i] - reference) * LN10_OVER_10);
    sum += power;
    sumSquares += power * power;
  }
  const mean2 = sum / n;
  const variance = Math.max(0, sumSquares / n - mean2 * mean2);
  const los2 = mean2 * mean2 - variance;
  if (los2 <= 0) return -K_CAP_DB;
  const los = Math.sqrt(los2);
  const k = los / (mean2 - los);
  if (!(k > 0) || !Number.isFinite(k)) return K_CAP_DB;
  return Math.max(-K_CAP_DB, Math.min(K_CAP_DB, 10 * Math.log10(k)));
}
function channelSpread_dB(columns, start, end, scratch) {
  const { t, rssi, channel } = columns;
  let events = 0;
  let i = start;
  while (i < end) {
    let j = i + 1;
    let lowest = rssi[i];
    let highest = lowest;
    let channels = channel[i] ? 1 : 0;
    for (; j < end && t[j] - t[i] <= EVENT_GROUPING_MS; j++) {
      if (channel[j] && channel[j] !== channel[j - 1]) channels++;
      lowest = Math.min(lowest, rssi[j]);
      highest = Math.max(highest, rssi[j]);
    }
    if (channels >= 2) scratch[events++] = highest - lowest;
    i = j;
  }
  return events >= CHANNEL_MIN_SAMPLES ? selectQuantile(scratch.subarray(0, events), 0.5) : null;
}

// src/shared/rf/marks.ts
var LOCAL_MEDIAN_WINDOW = 31;
function describeMarks(columns) {
  const n = columns.rssi.length;
  const local = new Float64Array(n);
  const scratch = new Float64Array(n);
  return columns.marks.map((mark) => describeMark(columns, mark, local, scratch));
}
function describeMark(columns, mark, local, scratch) {
  const { rssi } = columns;
  const { start, end } = mark;
  const sorted = rssi.slice(start, end).sort();
  slidingMedian(rssi, start, end, LOCAL_MEDIAN_WINDOW, local);
  const windowed = windowedSummary(local, start, end, scratch);
  const fade = fadeDepth(rssi, local, start, end, scratch);
  return {
    distance_m: mark.distance_m,
    side: mark.side,
    count: end - start,
    median: sortedQuantile(sorted, 0.5),
    p10: sortedQuantile(sorted, 0.1),
    p90: sortedQuantile(sorted, 0.9),
    windowedMedian: windowed.median,
    windowedMedianSpread_dB: windowed.spread,
    fadeDepth_dB: fade.depth_dB,
    deepFadeShare: fade.deepShare,
    kFactor_dB: ricianK_dB(rssi, start, end),
    channelSpread_dB: columns.hasChannels ? channelSpread_dB(columns, start, end, scratch) : null,
    sorted
  };
}
function windowedSummary(local, start, end, scratch) {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = start; i < end; i++) {
    const value = local[i];
    scratch[i - start] = value;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  return { median: selectQuantile(scratch.subarray(0, end - start), 0.5), spread: highest - lowest };
}
function pUnlockAt(stats, threshold_dBm) {
  const n = stats.sorted.length;
  return n === 0 ? 0 : countAtLeast(stats.sorted, threshold_dBm) / n;
}

// src/shared/rf/ranges.ts
var RELIABLE_P = 0.95;
var LEAK_P = 0.05;
function sideRanges(marks2) {
  const sorted = [...marks2].sort((a, b) => a.distance_m - b.distance_m);
  const farthest = sorted.at(-1);
  if (!farthest) return null;
  const reliable = sorted.findLast((m2) => m2.pUnlock >= RELIABLE_P);
  const reliableBeyondWalk = farthest.pUnlock >= RELIABLE_P;
  const deadSpots_m = reliable ? sorted.filter((m2) => m2.distance_m < reliable.distance_m && m2.pUnlock < RELIABLE_P).map((m2) => m2.distance_m) : [];
  const lastLoud = sorted.findLastIndex((m2) => m2.pUnlock > LEAK_P);
  const leakBeyondWalk = lastLoud === sorted.length - 1;
  const leak = lastLoud >= 0 && !leakBeyondWalk ? sorted[lastLoud + 1] : null;
  return {
    reliableRange_m: reliable && !reliableBeyondWalk ? reliable.distance_m : null,
    leakRange_m: leak ? leak.distance_m : null,
    farthestMark_m: farthest.distance_m,
    reliableBeyondWalk,
    leakBeyondWalk,
    deadSpots_m,
    maxPUnlock: sorted.reduce((max, m2) => Math.max(max, m2.pUnlock), 0)
  };
}
function leaksToWrongSide(outMarks) {
  return outMarks.length === 0 ? null : outMarks.some((m2) => m2.pUnlock > LEAK_P);
}

// src/shared/rf/recommendations.ts
var pct = (p) => `${Math.round(p * 100)}%`;
var m = (d) => `${+d.toFixed(2)} m`;
function recommend(input) {
  const advice = [
    metalAdvice(input),
    absorptionAdvice(input),
    ...thresholdAdvice(input),
    deadSpotAdvice(input),
    walkFartherAdvice(input),
    ...intervalAdvice(input.site)
  ].filter((a) => a !== null);
  if (advice.length > 0) return advice;
  const reach = input.inside?.reliableRange_m != null ? `reliable to ${m(input.inside.reliableRange_m)}` : "ranges as measured";
  const wrongSide = input.outside ? "no leak to the wrong side" : "the wrong side was not surveyed";
  return [`No change needed: ${input.verdict.class} (confidence ${input.verdict.confidence}), ${reach}, ${wrongSide}.`];
}
function metalAdvice({ verdict: verdict2, site }) {
  if (verdict2.class !== "metal" && verdict2.scores.metal < 0.5) return null;
  const facts2 = [
    site.kFactor_dB !== null ? `Rician K ${site.kFactor_dB.toFixed(1)} dB (\u2264 3 dB is Rayleigh-like)` : null,
    site.deepFadeShare !== null ? `${(site.deepFadeShare * 100).toFixed(1)}% of samples \u2265 15 dB below the local median` : null,
    site.channelSpread_dB !== null ? `channels ${site.channelSpread_dB.toFixed(1)} dB apart within one event` : null
  ].filter((f) => f !== null);
  return `Fit a non-metallic standoff spacer (10\u201320 mm) between the reader and the metal frame, or move the reader off the metal: strong multipath \u2014 ${facts2.join(", ")}.`;
}
function absorptionAdvice({ verdict: verdict2, site }) {
  if (verdict2.class !== "absorption" && verdict2.scores.absorption < 0.5) return null;
  if (site.exponent !== null && site.exponent >= 3) {
    return `Move the reader to the approach side of the wall or into the door opening: the approach side loses signal fast (n = ${site.exponent.toFixed(2)}, \u2265 3 means masonry or bodies in the path).`;
  }
  const loss = (site.outsideExcess_dB ?? 0).toFixed(1);
  return `Keep the reader on the approach side of this wall: it absorbs ${loss} dB (out-side marks against the in-side model), so a reader mounted behind it would lose that much towards approaching phones.`;
}
function thresholdAdvice(input) {
  const { outside, inside } = input;
  if (outside && outside.maxPUnlock > 0.05) return [raiseThreshold(input)];
  if (inside && !inside.reliableBeyondWalk && inside.reliableRange_m === null) {
    const lower = lowerThreshold(input);
    return lower ? [lower] : [];
  }
  return [];
}
function raiseThreshold({ marks: marks2, threshold_dBm }) {
  const out = marks2.filter((k) => k.side === "out");
  const worst = out.reduce((a, b) => pUnlockAt(b, threshold_dBm) > pUnlockAt(a, threshold_dBm) ? b : a);
  const needed = Math.ceil(Math.max(...out.map((k) => sortedQuantile(k.sorted, 0.95)))) + 1;
  const leak = `the out-side mark at ${m(worst.distance_m)} unlocks ${pct(pUnlockAt(worst, threshold_dBm))} of the time at ${threshold_dBm} dBm`;
  const inside = sideRanges(marks2.filter((k) => k.side === "in").map((k) => ({ distance_m: k.distance_m, pUnlock: pUnlockAt(k, needed) })));
  const reliable = inside?.reliableRange_m ?? (inside?.reliableBeyondWalk ? inside.farthestMark_m : null);
  if (reliable !== null && reliable > 0) {
    return `Raise the unlock threshold from ${threshold_dBm} to ${needed} dBm: ${leak}; at ${needed} dBm every out-side mark stays at or below 5% and the in side stays reliable to ${m(reliable)}.`;
  }
  return `Move the reader away from the opening or put a wall between it and the other side: ${leak}, and a threshold high enough to stop that (${needed} dBm) leaves no in-side mark reliable.`;
}
function lowerThreshold({ marks: marks2, threshold_dBm }) {
  const inside = marks2.filter((k) => k.side === "in");
  const best = inside.reduce((a, b) => a === null || pUnlockAt(b, threshold_dBm) > pUnlockAt(a, threshold_dBm) ? b : a, null);
  if (!best) return null;
  const lowered = Math.floor(sortedQuantile(best.sorted, 1 - RELIABLE_P));
  const out = marks2.filter((k) => k.side === "out");
  const leaks = out.filter((k) => pUnlockAt(k, lowered) > 0.05).map((k) => m(k.distance_m));
  const caution = leaks.length > 0 ? `; but the out side would then unlock at ${leaks.join(", ")}` : "";
  return `Lower the unlock threshold from ${threshold_dBm} to ${lowered} dBm: no in-side mark reaches 95% (best: ${m(best.distance_m)} at ${pct(pUnlockAt(best, threshold_dBm))}); at ${lowered} dBm that mark reaches 95%${caution}.`;
}
function deadSpotAdvice({ inside }) {
  if (!inside || inside.deadSpots_m.length === 0) return null;
  const spots = inside.deadSpots_m.slice(0, 5).map(m).join(", ");
  const more = inside.deadSpots_m.length > 5 ? ` and ${inside.deadSpots_m.length - 5} more` : "";
  const edge = inside.reliableRange_m !== null ? m(inside.reliableRange_m) : `beyond ${m(inside.farthestMark_m)}`;
  return `Move the reader 10\u201320 cm and re-test, moving the phone a few centimetres at each mark: dead spots below 95% at ${spots}${more} lie inside the reliable range (${edge}); multipath swings RSSI by up to 20 dB over 10\u201315 cm.`;
}
function walkFartherAdvice({ inside, threshold_dBm }) {
  if (!inside?.leakBeyondWalk) return null;
  return `Walk beyond ${m(inside.farthestMark_m)}, or raise the threshold above ${threshold_dBm} dBm: the farthest in-side mark still unlocks above 5% of the time, so the leak range lies beyond the walk.`;
}
function intervalAdvice(site) {
  const interval = site.advInterval;
  if (!interval) return [];
  const advice = [];
  const named = interval.source === "inferred" ? `the inferred ${interval.ms} ms` : `${interval.ms} ms`;
  if (site.receptionRatio !== null && site.receptionRatio < 0.5) {
    const shorter = Math.max(20, Math.round(interval.ms / 2));
    const received = `only ${pct(site.receptionRatio)} of the expected packets arrive (congested: < 50%)`;
    advice.push(
      shorter < interval.ms ? `Shorten the advertising interval from ${named} to ${shorter} ms, or remove competing advertisers nearby: ${received}.` : `Remove or move competing advertisers and 2.4 GHz sources near the reader (${named} is already the shortest advertising interval): ${received}.`
    );
  } else if (interval.ms >= 1e3) {
    advice.push(`Shorten the advertising interval from ${named} to 100\u2013300 ms: a phone may wait over ${(interval.ms / 1e3).toFixed(1)} s to see the reader.`);
  }
  return advice;
}

// src/shared/rf/siteEvidence.ts
var RECEPTION_MIN_MEDIAN_DBM = -85;
function measureSite(marks2, reception, model, advInterval, wholeSecondTimes) {
  const enough = marks2.filter((m2) => m2.count >= K_MIN_SAMPLES);
  const inside = enough.filter((m2) => m2.side === "in");
  const fading = inside.length > 0 ? inside : enough;
  const deep = fading.reduce((sum, m2) => sum + m2.deepFadeShare * m2.count, 0);
  const samples = fading.reduce((sum, m2) => sum + m2.count, 0);
  const outside = model ? marks2.filter((m2) => m2.side === "out" && m2.distance_m > 0) : [];
  const receiving = marks2.flatMap((m2, i) => {
    const prr = reception[i]?.prr ?? null;
    return m2.median >= RECEPTION_MIN_MEDIAN_DBM && prr !== null ? [prr] : [];
  });
  return {
    exponent: model?.exponent ?? null,
    marksFitted: model?.marksUsed ?? 0,
    kFactor_dB: median(fading.flatMap((m2) => m2.kFactor_dB === null ? [] : [m2.kFactor_dB])),
    fadingMarks: fading.length,
    deepFadeShare: samples > 0 ? deep / samples : null,
    channelSpread_dB: median(marks2.flatMap((m2) => m2.channelSpread_dB === null ? [] : [m2.channelSpread_dB])),
    outsideExcess_dB: model ? median(outside.map((m2) => predictRssi(model, m2.distance_m) - m2.median)) : null,
    outsideMarks: outside.length,
    receptionRatio: median(receiving),
    receptionMarks: receiving.length,
    advInterval,
    wholeSecondTimes
  };
}
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length & 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// src/shared/rf/analyze.ts
var DEFAULT_THRESHOLD_DBM = -70;
function analyzeSurvey(samples, options = {}) {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD_DBM;
  const offset = options.calibrationOffsetDb ?? 0;
  const columns = groupByMark(samples, offset);
  const stats = describeMarks(columns);
  const model = fitSurveyModel(stats);
  const wholeSeconds = hasWholeSecondTimes(columns.t);
  const advInterval = advIntervalOf(options, columns);
  const copies = copiesPerEvent(columns, wholeSeconds);
  const reception = columns.marks.map((mark) => markReception(columns.t, mark, advInterval?.ms ?? null, wholeSeconds, copies));
  const rangeMarks = (side) => stats.filter((s) => s.side === side && s.distance_m >= 0).map((s) => ({ distance_m: s.distance_m, pUnlock: pUnlockAt(s, threshold) }));
  const inside = sideRanges(rangeMarks("in"));
  const outside = sideRanges(rangeMarks("out"));
  const site = measureSite(stats, reception, model, advInterval, wholeSeconds);
  const verdict2 = classifyInterference(site);
  return {
    samples: samples.length,
    threshold_dBm: threshold,
    calibrationOffset_dB: offset,
    marks: stats.map((s, i) => markResult(s, reception[i], model, threshold)),
    model: modelResult(model),
    reliableRange_m: inside?.reliableRange_m ?? null,
    leakRange_m: inside?.leakRange_m ?? null,
    leaksToWrongSide: leaksToWrongSide(rangeMarks("out")),
    sides: { in: inside, out: outside },
    advInterval,
    interference: verdict2,
    recommendations: recommend({ threshold_dBm: threshold, marks: stats.filter((s) => s.distance_m >= 0), inside, outside, site, verdict: verdict2 })
  };
}
function fitSurveyModel(stats) {
  const inside = stats.filter((s) => s.side === "in");
  return fitLogDistance(inside.length > 0 ? inside : stats);
}
function advIntervalOf(options, columns) {
  if (options.advIntervalMs !== void 0 && options.advIntervalMs > 0) return { ms: options.advIntervalMs, source: "option" };
  const inferred = inferAdvInterval(columns);
  return inferred === null ? null : { ms: inferred, source: "inferred" };
}
function markResult(s, reception, model, threshold) {
  const estimate = model ? estimateDistance(model, s.median) : null;
  return {
    distance_m: s.distance_m,
    side: s.side,
    count: s.count,
    median: round(s.median, 2),
    p10: round(s.p10, 2),
    p90: round(s.p90, 2),
    fadeDepth_dB: round(s.fadeDepth_dB, 2),
    pUnlock: round(pUnlockAt(s, threshold), 4),
    estimatedDistance_m: estimate === null ? null : round(estimate, 3),
    windowedMedian: round(s.windowedMedian, 2),
    windowedMedianSpread_dB: round(s.windowedMedianSpread_dB, 2),
    deepFadeShare: round(s.deepFadeShare, 4),
    kFactor_dB: s.kFactor_dB === null ? null : round(s.kFactor_dB, 2),
    channelSpread_dB: s.channelSpread_dB === null ? null : round(s.channelSpread_dB, 2),
    receivedPerSecond: reception.receivedPerSecond === null ? null : round(reception.receivedPerSecond, 3),
    prr: reception.prr === null ? null : round(reception.prr, 4)
  };
}
function modelResult(model) {
  if (!model) return { rssiAt1m: null, exponent: null, sigma_dB: null, r2: null, marksUsed: 0 };
  return {
    rssiAt1m: round(model.rssiAt1m, 2),
    exponent: round(model.exponent, 3),
    sigma_dB: round(model.sigma_dB, 2),
    r2: model.r2 === null ? null : round(model.r2, 4),
    marksUsed: model.marksUsed
  };
}
function round(value, digits2) {
  const scale = 10 ** digits2;
  return Math.round(value * scale) / scale;
}

// src/shared/rf/calibration.ts
function deviceOffset(device, reference) {
  const ours = markMedians(device);
  const theirs = markMedians(reference);
  const marks2 = [];
  for (const [key, mark] of ours) {
    const other = theirs.get(key);
    if (other) marks2.push({ distance_m: mark.distance_m, side: mark.side, device_dB: mark.median, reference_dB: other.median });
  }
  if (marks2.length === 0) return null;
  const differences = Float64Array.from(marks2, (p) => p.reference_dB - p.device_dB);
  return { offset_dB: selectQuantile(differences, 0.5), marks: marks2 };
}
function markMedians(samples) {
  const columns = groupByMark(samples);
  const medians = /* @__PURE__ */ new Map();
  for (const mark of columns.marks) {
    const median3 = selectQuantile(columns.rssi.slice(mark.start, mark.end), 0.5);
    medians.set(`${mark.side}:${mark.distance_m}`, { distance_m: mark.distance_m, side: mark.side, median: median3 });
  }
  return medians;
}

// src/shared/rf/random.ts
function createRandom(seed) {
  let state = seed >>> 0;
  let spare = null;
  const next = () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  const normal2 = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { next, normal: normal2 };
}

// src/shared/rf/propagation.ts
var MATERIALS = {
  drywall: { loss_dB: 3, metal: false },
  glass: { loss_dB: 3, metal: false },
  wood_door: { loss_dB: 4, metal: false },
  brick: { loss_dB: 8, metal: false },
  concrete: { loss_dB: 15, metal: false },
  metal_door: { loss_dB: 22, metal: true }
};
var METAL_FADING = { los: 0.5, specular: 0.45, diffuse: 0.05 };
var METAL_MOUNT_LOSS_DB = 4;
var SCATTERED_WAVES = 16;
var SHADOW_WAVES = 8;
var NEAREST_M = 0.05;
var CHANNEL_MHZ = { 37: 2402, 38: 2426, 39: 2480 };
var CHANNELS = [37, 38, 39];
function createRadioModel(site, seed) {
  const random = createRandom(seed);
  const scattered = CHANNELS.map((c) => randomWaves(random, SCATTERED_WAVES, wavenumber(c)));
  const specular = CHANNELS.map((c) => randomWaves(random, 1, wavenumber(c)));
  const shadow = randomWaves(random, SHADOW_WAVES, 2 * Math.PI / 3);
  const { reader, environment, scanner } = site;
  const meanRssi = (p) => {
    const d = Math.max(NEAREST_M, distance(p, reader.position));
    const walls = crossedWalls(site, p);
    const mount = reader.metalMount ? METAL_MOUNT_LOSS_DB : 0;
    const shadowing = environment.shadowing_dB * Math.SQRT2 * waveSum(shadow, p).re;
    return reader.rssiAt1m_dBm - 10 * environment.exponent * Math.log10(d) - walls.loss_dB - mount + shadowing;
  };
  const receive = (p, channel) => {
    if (random.next() < environment.packetLoss) return null;
    const metal = reader.metalMount === true || crossedWalls(site, p).metal;
    const i = channel - 37;
    const shares = metal ? METAL_FADING : ricianShares(environment.kFactor_dB);
    const gain = fadingGain(shares, wavenumber(channel) * distance(p, reader.position), specular[i], scattered[i], p);
    const rssi = meanRssi(p) + 10 * Math.log10(gain) + environment.noise_dB * random.normal() + scanner.offset_dB;
    return rssi < environment.sensitivity_dBm ? null : Math.round(Math.max(-127, Math.min(20, rssi)));
  };
  return { meanRssi, receive };
}
function randomWaves(random, count, wavenumber2) {
  const waves = { kx: new Float64Array(count), ky: new Float64Array(count), phase: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    const angle = 2 * Math.PI * random.next();
    waves.kx[i] = wavenumber2 * Math.cos(angle);
    waves.ky[i] = wavenumber2 * Math.sin(angle);
    waves.phase[i] = 2 * Math.PI * random.next();
  }
  return waves;
}
function waveSum(waves, p) {
  let re = 0;
  let im = 0;
  for (let i = 0; i < waves.kx.length; i++) {
    const phase = waves.kx[i] * p.x + waves.ky[i] * p.y + waves.phase[i];
    re += Math.cos(phase);
    im += Math.sin(phase);
  }
  const scale = 1 / Math.sqrt(waves.kx.length);
  return { re: re * scale, im: im * scale };
}
function wavenumber(channel) {
  return 2 * Math.PI * CHANNEL_MHZ[channel] / 299.792458;
}
function distance(a, b) {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
function ricianShares(k_dB) {
  const k = 10 ** (k_dB / 10);
  return { los: k / (k + 1), specular: 0, diffuse: 1 / (k + 1) };
}
function fadingGain(shares, losPhase, specular, scattered, p) {
  const los = Math.sqrt(shares.los);
  const reflection = waveSum(specular, p);
  const scatter = waveSum(scattered, p);
  const s = Math.sqrt(shares.specular);
  const d = Math.sqrt(shares.diffuse);
  const re = los * Math.cos(losPhase) + s * reflection.re + d * scatter.re;
  const im = los * Math.sin(losPhase) + s * reflection.im + d * scatter.im;
  return Math.max(1e-6, re * re + im * im);
}
function crossedWalls(site, p) {
  let loss_dB = 0;
  let metal = false;
  for (const wall of site.walls) {
    if (!segmentsCross(site.reader.position, p, wall.from, wall.to)) continue;
    loss_dB += MATERIALS[wall.material].loss_dB;
    metal ||= MATERIALS[wall.material].metal;
  }
  return { loss_dB, metal };
}
function segmentsCross(a, b, c, d) {
  return turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0;
}
function turn(p, q, r) {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
}

// src/shared/rf/sampleTime.ts
var MINUS = 45;
var COLON = 58;
var DOT = 46;
var SPACE = 32;
var T = 84;
function parseSampleTime(text) {
  if (text.length >= 10 && text.charCodeAt(4) === MINUS) {
    const local = parseLocalDateTime(text);
    if (!Number.isNaN(local)) return local;
    const iso = text.charCodeAt(10) === SPACE ? `${text.slice(0, 10)}T${text.slice(11)}` : text;
    return parseInstant(/\d[+-]\d{4}$/.test(iso) ? `${iso.slice(0, -2)}:${iso.slice(-2)}` : iso);
  }
  if (text.length === 0 || !/^\d+(\.\d+)?$/.test(text)) return NaN;
  return Number(text);
}
function parseLocalDateTime(text) {
  const n = text.length;
  const separator = text.charCodeAt(10);
  if (n < 16 || text.charCodeAt(7) !== MINUS || text.charCodeAt(13) !== COLON) return NaN;
  if (separator !== SPACE && separator !== T) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (Number.isNaN(year) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return NaN;
  if (!(hour <= 23 && minute <= 59)) return NaN;
  const seconds = readSeconds(text, 16);
  if (Number.isNaN(seconds)) return NaN;
  return (daysFromCivil(year, month, day) * 1440 + hour * 60 + minute) * 6e4 + seconds;
}
function readSeconds(text, i) {
  const n = text.length;
  if (i === n) return 0;
  if (text.charCodeAt(i) !== COLON || n < i + 3) return NaN;
  const second = digits(text, i + 1, 2);
  if (!(second <= 59)) return NaN;
  if (n === i + 3) return second * 1e3;
  if (text.charCodeAt(i + 3) !== DOT || n === i + 4) return NaN;
  let ms = 0;
  let scale = 100;
  for (let j = i + 4; j < n; j++) {
    const d = text.charCodeAt(j) - 48;
    if (!(d >= 0 && d <= 9)) return NaN;
    ms += d * scale;
    scale /= 10;
  }
  return second * 1e3 + ms;
}

// src/shared/rf/csvRow.ts
var PlainRow = class {
  line = "";
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  count = 0;
  reset(line) {
    this.line = line;
    this.count = 0;
    let start = 0;
    for (; ; ) {
      const comma = line.indexOf(",", start);
      this.push(start, comma === -1 ? line.length : comma);
      if (comma === -1) return this;
      start = comma + 1;
    }
  }
  text(i) {
    return i < this.count ? this.line.slice(this.starts[i], this.ends[i]).trim() : "";
  }
  number(i) {
    if (i >= this.count) return NaN;
    const value = plainDecimal(this.line, this.starts[i], this.ends[i]);
    return Number.isNaN(value) ? numberOf(this.text(i)) : value;
  }
  push(start, end) {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
};
var SplitRow = class {
  constructor(fields) {
    this.fields = fields;
  }
  fields;
  get count() {
    return this.fields.length;
  }
  text(i) {
    return (this.fields[i] ?? "").trim();
  }
  number(i) {
    return numberOf(this.text(i));
  }
};
function grow(array) {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
function numberOf(text) {
  return text === "" ? NaN : Number(text);
}
function plainDecimal(line, start, end) {
  let i = start;
  const negative = line.charCodeAt(i) === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits2 = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 46 && fraction < 0) fraction = 0;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits2++;
      if (fraction >= 0) fraction++;
    } else return NaN;
  }
  if (digits2 === 0 || digits2 > 15 || fraction === 0) return NaN;
  const value = fraction > 0 ? mantissa / 10 ** fraction : mantissa;
  return negative ? -value : value;
}

// src/shared/rf/samples.ts
var SampleErrorCode = {
  missingColumn: "missing_column",
  fieldCount: "field_count",
  badQuote: "bad_quote",
  badTime: "bad_time",
  badRssi: "bad_rssi",
  rssiOutOfRange: "rssi_out_of_range",
  badDistance: "bad_distance",
  badChannel: "bad_channel",
  badSide: "bad_side",
  badJson: "bad_json",
  noSamples: "no_samples"
};
var RSSI_MIN_DBM = -127;
var RSSI_MAX_DBM = 20;
var SKIP = { kind: "skip" };
function createSampleParser(options = {}) {
  const perMetre = options.distanceUnit === "cm" ? 100 : 1;
  let format = options.format;
  let columns = null;
  let lines = 0;
  const plainRow = new PlainRow();
  let lastTimeText = "";
  let lastTime = NaN;
  const timeOf = (text) => {
    if (text !== lastTimeText) {
      lastTimeText = text;
      lastTime = parseSampleTime(text);
    }
    return lastTime;
  };
  const feed = (raw) => {
    lines++;
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (lines === 1 && line.charCodeAt(0) === 65279) line = line.slice(1);
    if (line.trim() === "") return SKIP;
    format ??= /^\s*[[{]/.test(line) ? "jsonl" : "csv";
    if (format === "jsonl") return jsonLine(line, lines, timeOf);
    if (columns === null) {
      const header = readHeader(line, lines);
      if ("code" in header) return { kind: "error", error: header };
      columns = header;
      return SKIP;
    }
    const divisor = columns.perMetre ?? perMetre;
    if (!line.includes('"')) return csvLine(plainRow.reset(line), lines, columns, divisor, timeOf);
    const fields = splitCsv(line);
    if (typeof fields === "string") return fail3(lines, SampleErrorCode.badQuote, fields);
    return csvLine(new SplitRow(fields), lines, columns, divisor, timeOf);
  };
  return {
    feed,
    get lines() {
      return lines;
    }
  };
}
function parseSamplesText(text, options = {}) {
  const parser = createSampleParser(options);
  const samples = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const result = parser.feed(text.slice(start, end));
    if (result.kind === "error") return { ok: false, error: result.error };
    if (result.kind === "sample") samples.push(result.sample);
    start = end + 1;
  }
  if (samples.length === 0) {
    const message = "no samples: the input has no data lines";
    return { ok: false, error: { line: Math.max(1, parser.lines), code: SampleErrorCode.noSamples, message } };
  }
  return { ok: true, samples };
}
function readHeader(line, lineNumber) {
  const fields = splitCsv(line);
  if (typeof fields === "string") return error(lineNumber, SampleErrorCode.badQuote, fields);
  const names = fields.map((f) => f.trim().toLowerCase());
  const at = (...aliases) => aliases.map((name2) => names.indexOf(name2)).find((i) => i >= 0) ?? -1;
  const columns = {
    time: at(...COLUMN_ALIASES.time),
    rssi: at(...COLUMN_ALIASES.rssi),
    distance: at(...COLUMN_ALIASES.distance),
    channel: at("channel"),
    side: at("side")
  };
  const missing = ["time", "rssi", "distance"].filter((name2) => columns[name2] < 0);
  if (missing.length > 0) {
    const list = missing.map((m2) => `'${m2}'`).join(", ");
    return error(lineNumber, SampleErrorCode.missingColumn, `missing column ${list} in the header (need time, rssi, distance)`);
  }
  const distanceName = names[columns.distance];
  const perMetre = distanceName === "distance_m" ? 1 : distanceName === "distance_cm" ? 100 : void 0;
  return { ...columns, perMetre, needed: Math.max(columns.time, columns.rssi, columns.distance) + 1 };
}
var COLUMN_ALIASES = {
  time: ["time", "t", "timestamp"],
  rssi: ["rssi", "rssi_dbm"],
  distance: ["distance", "distance_m", "distance_cm"]
};
function csvLine(row, lineNumber, columns, perMetre, timeOf) {
  if (row.count < columns.needed) {
    return fail3(lineNumber, SampleErrorCode.fieldCount, `expected at least ${columns.needed} fields, found ${row.count}`);
  }
  const epochMs2 = row.number(columns.time);
  const t = Number.isFinite(epochMs2) ? epochMs2 : timeOf(row.text(columns.time));
  if (Number.isNaN(t)) {
    return fail3(lineNumber, SampleErrorCode.badTime, `bad time '${row.text(columns.time)}': expected ISO 8601, "YYYY-MM-DD HH:MM:SS" or epoch ms`);
  }
  const rssi = row.number(columns.rssi);
  const rssiProblem = checkRssi(rssi, row.text(columns.rssi));
  if (rssiProblem) return { kind: "error", error: { ...rssiProblem, line: lineNumber } };
  const distance2 = row.number(columns.distance);
  if (!Number.isFinite(distance2)) return fail3(lineNumber, SampleErrorCode.badDistance, `distance '${row.text(columns.distance)}' is not a number`);
  const channel = columns.channel < 0 ? void 0 : channelOf(row, columns.channel);
  if (channel === null) return fail3(lineNumber, SampleErrorCode.badChannel, `channel '${row.text(columns.channel)}' is not 37, 38 or 39`);
  const sideText = columns.side < 0 ? "" : row.text(columns.side);
  const side = readSide(sideText);
  if (side === null) return fail3(lineNumber, SampleErrorCode.badSide, `side '${sideText}' is not 'in' or 'out'`);
  return { kind: "sample", sample: { t, rssi, distance_m: distance2 / perMetre, channel, side } };
}
function channelOf(row, i) {
  const value = row.number(i);
  if (value === 37 || value === 38 || value === 39) return value;
  return row.text(i) === "" ? void 0 : null;
}
function jsonLine(line, lineNumber, timeOf) {
  let value;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return fail3(lineNumber, SampleErrorCode.badJson, `not valid JSON: ${e.message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail3(lineNumber, SampleErrorCode.badJson, "expected an object { t, rssi, distance_m, channel?, side? }");
  }
  const record = value;
  const t = typeof record.t === "number" ? record.t : typeof record.t === "string" ? timeOf(record.t) : NaN;
  if (!Number.isFinite(t)) return fail3(lineNumber, SampleErrorCode.badTime, `bad or missing t ${shown(record.t)}: expected epoch ms`);
  const rssi = typeof record.rssi === "number" ? record.rssi : NaN;
  const rssiProblem = checkRssi(rssi, shown(record.rssi));
  if (rssiProblem) return { kind: "error", error: { ...rssiProblem, line: lineNumber } };
  if (typeof record.distance_m !== "number" || !Number.isFinite(record.distance_m)) {
    return fail3(lineNumber, SampleErrorCode.badDistance, `bad or missing distance_m ${shown(record.distance_m)}`);
  }
  const channel = record.channel === void 0 || record.channel === null ? void 0 : readChannel(String(record.channel));
  if (channel === null) return fail3(lineNumber, SampleErrorCode.badChannel, `channel ${shown(record.channel)} is not 37, 38 or 39`);
  const side = record.side === void 0 || record.side === null ? "in" : readSide(String(record.side));
  if (side === null) return fail3(lineNumber, SampleErrorCode.badSide, `side ${shown(record.side)} is not 'in' or 'out'`);
  return { kind: "sample", sample: { t, rssi, distance_m: record.distance_m, channel, side } };
}
function checkRssi(rssi, text) {
  if (!Number.isFinite(rssi)) return { code: SampleErrorCode.badRssi, message: `rssi ${quote(text)} is not a number` };
  if (rssi < RSSI_MIN_DBM || rssi > RSSI_MAX_DBM) {
    const message = `rssi ${rssi} dBm is out of the plausible range ${RSSI_MIN_DBM} to ${RSSI_MAX_DBM} dBm`;
    return { code: SampleErrorCode.rssiOutOfRange, message };
  }
  return null;
}
function readChannel(text) {
  if (text === "") return void 0;
  const value = Number(text);
  return value === 37 || value === 38 || value === 39 ? value : null;
}
function readSide(text) {
  const side = text.toLowerCase();
  return side === "" || side === "in" ? "in" : side === "out" ? "out" : null;
}
function shown(value) {
  return value === void 0 ? "(missing)" : JSON.stringify(value);
}
function quote(text) {
  const trimmed = text.trim();
  return trimmed.startsWith('"') ? trimmed : `'${trimmed}'`;
}
function splitCsv(line) {
  const fields = [];
  let i = 0;
  for (; ; ) {
    if (line.charCodeAt(i) === 34) {
      let value = "";
      let j = i + 1;
      for (; ; ) {
        const close2 = line.indexOf('"', j);
        if (close2 === -1) return "unterminated quoted field (a field cannot span lines)";
        value += line.slice(j, close2);
        if (line.charCodeAt(close2 + 1) !== 34) {
          j = close2 + 1;
          break;
        }
        value += '"';
        j = close2 + 2;
      }
      if (j < line.length && line.charCodeAt(j) !== 44) return `unexpected text after a closing quote at column ${j + 1}`;
      fields.push(value);
      i = j + 1;
      if (j >= line.length) return fields;
    } else {
      const comma = line.indexOf(",", i);
      fields.push(comma === -1 ? line.slice(i) : line.slice(i, comma));
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}
function error(line, code, message) {
  return { line, code, message };
}
function fail3(line, code, message) {
  return { kind: "error", error: { line, code, message } };
}

// src/shared/rf/scenarios.ts
var OPEN_ROOM = {
  exponent: 2,
  shadowing_dB: 2,
  kFactor_dB: 9,
  packetLoss: 0.02,
  noise_dB: 1,
  sensitivity_dBm: -98
};
var PHONE_SCANNER = { reportsAllChannels: false, scanWindowMs: 300, reportsChannel: false, offset_dB: 0 };

// src/main/hardware/ble/virtualBindings.ts
var CHANNELS2 = [37, 38, 39];
var MAX_ADV_DELAY_MS = 10;
var WALK_SPEED_M_S = 0.8;
var SWAY_M = 0.05;
var VirtualRadioBindings = class extends EventEmitter {
  constructor(site, options = {}) {
    super();
    this.site = site;
    this.options = options;
    const seed = options.seed ?? 1;
    this.random = createRandom(seed ^ 625341585);
    this.now = options.now ?? Date.now;
    this.transmitters = site.advertisers.map((advertiser, i) => transmitter(site, advertiser, seed + i * 7919));
    this.surveyor = { standAt: (mark) => this.standAt(mark) };
  }
  site;
  options;
  surveyor;
  transmitters;
  random;
  now;
  timer = null;
  startedAt = 0;
  mark = null;
  start() {
    this.startedAt = this.now();
    process.nextTick(() => {
      this.emit("addressChange", "00:1A:7D:DA:71:13");
      this.emit("stateChange", "poweredOn");
    });
  }
  stop() {
    this.stopTimer();
  }
  startScanning(_serviceUuids, allowDuplicates) {
    const now = this.now();
    for (const tx of this.transmitters) tx.nextMs = now + this.random.next() * tx.advertiser.advIntervalMs;
    this.stopTimer();
    this.timer = setInterval(() => this.deliver(this.now()), this.options.tickMs ?? 25);
    this.timer.unref();
    process.nextTick(() => this.emit("scanStart", !allowDuplicates));
  }
  stopScanning() {
    this.stopTimer();
    process.nextTick(() => this.emit("scanStop"));
  }
  /** Delivers every packet due up to `now` (public for the benchmark's fixed-rate driver). */
  deliver(now) {
    let delivered = 0;
    for (const tx of this.transmitters) {
      const interval = Math.min(10240, Math.max(20, tx.advertiser.advIntervalMs));
      while (tx.nextMs <= now) {
        const rssi = tx.radio.receive(this.surveyorAt(tx.nextMs), this.listeningChannel(tx.nextMs));
        if (rssi !== null) {
          this.emit("discover", tx.id, tx.advertiser.address.toLowerCase(), "random", tx.advertiser.connectable, tx.advertisement, rssi, false);
          delivered++;
        }
        tx.nextMs += interval + MAX_ADV_DELAY_MS * this.random.next();
      }
    }
    return delivered;
  }
  standAt(mark) {
    if (mark === null) return void (this.mark = null);
    const reader = this.site.advertisers.find((a) => a.address.toUpperCase() === mark.address.toUpperCase());
    if (!reader) return void (this.mark = null);
    const facing = reader.facing ?? { x: 0, y: 1 };
    const sign = mark.side === "in" ? 1 : -1;
    const at = { x: reader.position.x + sign * facing.x * mark.distance_m, y: reader.position.y + sign * facing.y * mark.distance_m };
    this.mark = { at, phase: 2 * Math.PI * this.random.next() };
  }
  surveyorAt(t) {
    const s = (t - this.startedAt) / 1e3;
    if (this.mark) {
      const { at, phase } = this.mark;
      return { x: at.x + SWAY_M * Math.sin(2 * Math.PI * s / 2.3 + phase), y: at.y + SWAY_M * Math.sin(2 * Math.PI * s / 3.7 + phase * 1.7) };
    }
    const { from, to } = this.site.corridor;
    const length = Math.max(0.1, Math.hypot(to.x - from.x, to.y - from.y));
    const travelled = s * WALK_SPEED_M_S % (2 * length);
    const share = (travelled <= length ? travelled : 2 * length - travelled) / length;
    return { x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share };
  }
  listeningChannel(t) {
    return CHANNELS2[Math.floor(t / this.site.scanner.scanWindowMs) % 3];
  }
  stopTimer() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
};
function transmitter(site, advertiser, seed) {
  const reader = { position: advertiser.position, rssiAt1m_dBm: advertiser.rssiAt1m_dBm, advIntervalMs: advertiser.advIntervalMs, metalMount: advertiser.metalMount };
  return {
    advertiser,
    id: advertiser.address.replaceAll(":", "").toLowerCase(),
    radio: createRadioModel({ reader, walls: site.walls, environment: site.environment, scanner: site.scanner }, seed),
    advertisement: {
      localName: advertiser.name ?? void 0,
      txPowerLevel: advertiser.txPower ?? void 0,
      manufacturerData: advertiser.manufacturerData ?? void 0,
      serviceData: [],
      serviceUuids: advertiser.serviceUuids,
      serviceSolicitationUuids: []
    },
    nextMs: 0
  };
}

// src/main/hardware/ble/virtualSite.ts
var VIRTUAL_READER_SERVICE = "6C1E7A00B1E54D0F9A3C4C494E54454C";
var TEST_COMPANY_ID = 65535;
var APPLE_COMPANY_ID = 76;
var LOSS_AT_1M_DB = 55;
var DOOR_SPACING_M = 7;
var DOOR_WALLS = [
  { material: "wood_door", metalMount: false },
  { material: "concrete", metalMount: false },
  { material: "metal_door", metalMount: true },
  { material: "glass", metalMount: false },
  { material: "brick", metalMount: false }
];
function virtualRfSite(readers, options = {}) {
  const advertisers = readers.map((reader, i) => readerAdvertiser(reader, i));
  const walls = readers.map((_, i) => {
    const x = i * DOOR_SPACING_M;
    return { from: { x: x - DOOR_SPACING_M / 2, y: 0 }, to: { x: x + DOOR_SPACING_M / 2, y: 0 }, material: wallOf(i).material };
  });
  const length = Math.max(1, readers.length) * DOOR_SPACING_M;
  const random = createRandom(options.seed ?? 7);
  for (let i = 0; i < (options.crowd ?? 12); i++) advertisers.push(crowdAdvertiser(i, length, random.next, options.crowdIntervalMs));
  return {
    advertisers,
    walls,
    environment: OPEN_ROOM,
    scanner: PHONE_SCANNER,
    corridor: { from: { x: -2, y: 1.5 }, to: { x: length - DOOR_SPACING_M + 2, y: 1.5 } }
  };
}
function wallOf(index) {
  return DOOR_WALLS[index % DOOR_WALLS.length];
}
function readerAdvertiser(reader, index) {
  const wall = wallOf(index);
  const doorByte = index & 255;
  return {
    address: reader.address,
    name: reader.name,
    txPower: reader.txPowerDbm,
    serviceUuids: [VIRTUAL_READER_SERVICE.toLowerCase()],
    manufacturerData: Buffer.from([TEST_COMPANY_ID & 255, TEST_COMPANY_ID >> 8, 76, 84, doorByte]),
    advIntervalMs: reader.advIntervalMs,
    position: { x: index * DOOR_SPACING_M, y: 0.05 },
    rssiAt1m_dBm: reader.txPowerDbm - LOSS_AT_1M_DB,
    metalMount: wall.metalMount && MATERIALS[wall.material].metal,
    connectable: true,
    facing: { x: 0, y: 1 }
  };
}
function crowdAdvertiser(index, length, next, intervalMs) {
  const phone = index % 3 !== 2;
  const bytes = [192 | index >> 8 & 63, index & 255, 90, 23, Math.floor(next() * 256), Math.floor(next() * 256)];
  return {
    address: bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(":"),
    name: phone ? null : `Beacon ${index + 1}`,
    txPower: phone ? null : -12,
    serviceUuids: phone ? [] : ["feaa"],
    manufacturerData: phone ? Buffer.from([APPLE_COMPANY_ID, 0, 16, 5, 1, 24, Math.floor(next() * 256)]) : null,
    advIntervalMs: intervalMs ?? (phone ? 180 + Math.floor(next() * 800) : 100 * (1 + Math.floor(next() * 9))),
    position: { x: next() * length - 2, y: 1 + next() * 8 * (next() < 0.3 ? -1 : 1) },
    rssiAt1m_dBm: phone ? -60 - Math.floor(next() * 8) : -67,
    metalMount: false,
    connectable: phone
  };
}

// src/main/hardware/ble/radios.ts
function adapterRadio(adapter, options = {}) {
  const uart = adapter.kind === "uart";
  return new NobleRadio(() => {
    if (uart && process.platform !== "win32" && !existsSync(adapter.port)) {
      throw new BleError(BleErrorCode.portMissing, `The serial port ${adapter.port} does not exist. Plug in the dongle, or correct the port in Settings \u203A BLE adapter.`);
    }
    return new (nobleClass())(platformBindings(adapter));
  }, {
    simulated: false,
    label: uart ? `HCI UART dongle on ${adapter.port}` : "default Bluetooth adapter",
    deviceId: uart ? `uart:${adapter.port}` : "default",
    // A dongle answers HCI_Reset only after the serial port opens; give it time.
    poweredOnTimeoutMs: options.poweredOnTimeoutMs ?? (uart ? 1e4 : 8e3)
  });
}
function simulatedRadio(readers, options = {}) {
  const site = virtualRfSite(readers, options);
  let current = null;
  let mark = null;
  const surveyor = {
    standAt(next) {
      mark = next;
      current?.surveyor.standAt(next);
    }
  };
  const radio = new NobleRadio(
    () => {
      current = new VirtualRadioBindings(site, options);
      current.surveyor.standAt(mark);
      return new (nobleClass())(current);
    },
    { simulated: true, label: "virtual RF site", deviceId: "simulated", surveyor, poweredOnTimeoutMs: 2e3 }
  );
  return Object.assign(radio, { bindings: () => current });
}

// src/main/hardware/ble/virtualReaders.ts
var BLE_TECHNOLOGIES = /* @__PURE__ */ new Set(["ble", "ble+nfc"]);
function virtualAddress(doorId) {
  let hash = 2166136261;
  for (const ch of `${typeof doorId}:${doorId}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const bytes = [192 | hash >>> 24 & 63, hash >>> 16 & 255, hash >>> 8 & 255, hash & 255, 76, 126];
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(":");
}
function virtualReaders(site) {
  const bleTypes = new Set(site.credential_types.filter((t) => BLE_TECHNOLOGIES.has(t.technology)).map((t) => t.id));
  return site.doors.filter((door) => door.accepts.some((id) => bleTypes.has(id))).map((door, index) => ({
    id: `sim-${String(door.id)}`,
    doorId: door.id,
    name: `Reader \xB7 ${door.name}`,
    address: virtualAddress(door.id),
    technology: site.credential_types.filter((t) => door.accepts.includes(t.id) && BLE_TECHNOLOGIES.has(t.technology)).map((t) => t.label).join(", "),
    txPowerDbm: index % 2 === 0 ? -8 : -4,
    advIntervalMs: [100, 152.5, 211.25, 318.75][index % 4] ?? 100,
    simulated: true
  }));
}

// src/main/logger.ts
var stderrLogger = (prefix = "lintel") => ({
  info: (message) => process.stderr.write(`${prefix}: ${message}
`),
  warn: (message) => process.stderr.write(`${prefix}: warning: ${message}
`),
  error: (message, error2) => process.stderr.write(`${prefix}: error: ${message}${error2 instanceof Error ? ` (${error2.message})` : ""}
`)
});

// src/main/paths.ts
import { existsSync as existsSync2 } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function appRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync2(join(dir, "resources", "demo-site.json"))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
}
var resourcesDir = () => process.env.LINTEL_RESOURCES ?? join(appRoot(), "resources");
var demoSitePath = () => join(resourcesDir(), "demo-site.json");
function nodeUserDataDir(env = process.env, platform = process.platform) {
  if (env.LINTEL_HOME) return resolve(env.LINTEL_HOME);
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "Lintel");
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "Lintel");
  return join(env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "lintel");
}

// src/main/services/siteService.ts
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
var SiteErrorCode = { unreadable: "site_unreadable", invalid: "site_invalid" };
async function loadSiteFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error2) {
    throw new LintelError(SiteErrorCode.unreadable, `${path}: cannot read (${error2.code ?? "error"})`);
  }
  let json2;
  try {
    json2 = JSON.parse(text);
  } catch (error2) {
    throw new LintelError(SiteErrorCode.invalid, `${path}: not JSON (${error2.message})`);
  }
  const parsed2 = parseSite(json2);
  if (!parsed2.ok) throw new LintelError(SiteErrorCode.invalid, `${path}: ${parsed2.path}: ${parsed2.message}`);
  return parsed2.site;
}
var SiteService = class _SiteService {
  constructor(site, name2, source) {
    this.site = site;
    this.name = name2;
    this.source = source;
  }
  site;
  name;
  source;
  compiled;
  revision = 1;
  static async open(path, source) {
    const site = await loadSiteFile(path);
    const name2 = siteName(site) ?? basename(path, ".json");
    return new _SiteService(site, name2, source);
  }
  /** The site read from the app's database (source 'database'). */
  static fromSnapshot(site, source) {
    return new _SiteService(site, siteName(site) ?? "Lintel", source);
  }
  snapshot() {
    return this.site;
  }
  compiledSite() {
    this.compiled ??= compileSite(this.site);
    return this.compiled;
  }
  replace(site) {
    this.site = site;
    this.compiled = void 0;
    this.revision += 1;
    return this.summary();
  }
  summary() {
    const s = this.site;
    return {
      name: this.name,
      source: this.source,
      timezone: s.site.timezone,
      revision: this.revision,
      counts: {
        doors: s.doors.length,
        people: s.people.length,
        credentials: s.credentials.length,
        groups: s.groups.length,
        schedules: s.schedules.length
      }
    };
  }
  doorById(id) {
    const door = this.site.doors.find((d) => d.id === id);
    if (!door) throw new LintelError(ErrorCode.notFound, `There is no door ${JSON.stringify(id)} on this site.`);
    return door;
  }
};
function siteName(site) {
  const name2 = site.site.name;
  return typeof name2 === "string" && name2.trim() ? name2 : void 0;
}

// src/main/settings/settingsStore.ts
import { existsSync as existsSync3, renameSync } from "node:fs";
import { join as join2 } from "node:path";
var SETTINGS_FILE = "settings";
function settingsStoreOver(open, dir, log) {
  const file = openOrSetAside(open, join2(dir, `${SETTINGS_FILE}.json`), log);
  return {
    path: file.path,
    read() {
      const parsed2 = SettingsSchema.safeParse(file.store);
      if (parsed2.success) return parsed2.data;
      log.warn(`settings in ${file.path} are invalid (${parsed2.error.issues[0]?.message ?? "unknown"}); using defaults`);
      return SettingsSchema.parse({});
    },
    write(settings) {
      file.store = SettingsSchema.parse(settings);
    }
  };
}
function openOrSetAside(open, path, log) {
  try {
    return open();
  } catch (error2) {
    if (!existsSync3(path)) throw error2;
    const aside = `${path}.invalid-${Date.now()}`;
    renameSync(path, aside);
    log.warn(`settings file could not be read; kept it as ${aside} and started from defaults`);
    return open();
  }
}
async function nodeSettingsStore(dir, log) {
  const { default: Conf } = await import("conf");
  return settingsStoreOver(
    () => new Conf({ cwd: dir, configName: SETTINGS_FILE, projectName: "lintel" }),
    dir,
    log
  );
}

// src/main/cli/io.ts
var ExitCode = { ok: 0, failed: 1, usage: 2 };
var UsageError = class extends LintelError {
  constructor(message, code = "bad_usage") {
    super(code, message);
    this.name = "UsageError";
  }
};
var INPUT_ERROR_CODES = /* @__PURE__ */ new Set([
  "bad_usage",
  "bad_request",
  "site_invalid",
  "site_unreadable",
  "requests_invalid",
  "requests_unreadable",
  "samples_invalid",
  "samples_unreadable",
  "import_unreadable",
  "import_mapping",
  "import_syntax",
  "db_unreadable",
  "sync_no_token",
  "sync_bad_api"
]);
var processIo = (json2) => ({
  out: (text) => void process.stdout.write(text.endsWith("\n") ? text : `${text}
`),
  err: (text) => void process.stderr.write(text.endsWith("\n") ? text : `${text}
`),
  json: json2,
  interactive: Boolean(process.stdout.isTTY && process.stderr.isTTY)
});

// src/main/cli/args.ts
function stringOption(values, name2) {
  const value = values[name2];
  return typeof value === "string" ? value : void 0;
}
function requireOption(values, name2) {
  const value = stringOption(values, name2);
  if (value === void 0 || value === "") throw new UsageError(`--${name2} is required`);
  return value;
}
function resolveId(raw, ids, what) {
  const numeric = /^-?\d+$/.test(raw) ? Number(raw) : void 0;
  let asNumber = false;
  let asString = false;
  for (const id of ids) {
    if (id === raw) asString = true;
    else if (numeric !== void 0 && id === numeric) asNumber = true;
  }
  if (asNumber && asString) throw new UsageError(`--${what} ${raw} is ambiguous: the site has both ${raw} and "${raw}"`);
  if (asString) return raw;
  return numeric !== void 0 && Number.isSafeInteger(numeric) ? numeric : raw;
}
var ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
function instantOption(values, name2 = "at", now = () => /* @__PURE__ */ new Date()) {
  const raw = stringOption(values, name2);
  if (raw === void 0) return now().toISOString();
  if (!ISO_INSTANT.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new UsageError(`--${name2} ${raw}: expected an ISO 8601 instant with Z or an offset, e.g. 2026-11-23T08:55:00Z`);
  }
  return raw;
}
function countOption(values, name2, fallback, max = 1e6) {
  const raw = stringOption(values, name2);
  if (raw === void 0) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name2} ${raw}: expected a whole number from 1 to ${max}`);
  return n;
}

// src/main/cli/commands/bleScan.ts
var FLUSH_LINES = 2048;
var bleScanCommand = {
  name: "ble scan",
  summary: "Scan for BLE advertisers (JSONL of every advert with --json)",
  usage: "[--seconds N] [--simulate]",
  options: { seconds: { type: "string" }, simulate: { type: "boolean" } },
  details: [
    "--seconds N   how long to scan (default 10; Ctrl-C stops early and still prints the summary)",
    "--simulate    scan the virtual RF site of the demo site instead of the Bluetooth adapter",
    "The adapter is the one chosen in settings (bleAdapter: default, or an HCI UART dongle).",
    "--json prints one advert per line {t, address, name, rssi, txPower, serviceUuids, manufacturerData},",
    'then one {"summary": \u2026} line. Exit 1 when the adapter cannot scan (the message says what to do).'
  ],
  async run(values, _positionals, io) {
    const seconds = secondsOption(stringOption(values, "seconds"));
    const simulate = values.simulate === true;
    const radio = simulate ? simulatedRadio(virtualReaders(await loadSiteFile(demoSitePath()))) : await configuredRadio();
    const result = await scanFor(radio, seconds, io);
    if (io.json) io.out(JSON.stringify({ summary: result.summary }));
    else io.out(describeScan(result));
  }
};
function secondsOption(raw) {
  if (raw === void 0) return 10;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 86400) throw new UsageError(`--seconds ${raw}: expected a number of seconds from 0.1 to 86400`);
  return n;
}
async function configuredRadio() {
  const store = await nodeSettingsStore(nodeUserDataDir(), stderrLogger());
  return adapterRadio(store.read().bleAdapter);
}
async function scanFor(radio, seconds, io) {
  const tallies = /* @__PURE__ */ new Map();
  let lines = [];
  let adverts = 0;
  const flush = () => {
    if (lines.length) io.out(lines.join("\n"));
    lines = [];
  };
  const started = Date.now();
  await radio.start({
    state: (state) => io.err(`lintel ble scan: adapter ${state}`),
    advert: (advert) => {
      adverts++;
      tally(tallies, advert);
      if (io.json) lines.push(JSON.stringify(advert));
      if (lines.length >= FLUSH_LINES) flush();
    }
  });
  if (!io.json) io.err(`Scanning ${radio.label} for ${seconds} s\u2026`);
  const flusher = setInterval(flush, 200);
  await untilDoneOrInterrupted(seconds * 1e3);
  clearInterval(flusher);
  await radio.stop();
  flush();
  const elapsed = Math.round((Date.now() - started) / 100) / 10;
  return { summary: { seconds: elapsed, adverts, advertisers: tallies.size, simulated: radio.simulated, adapter: radio.label }, tallies: [...tallies.values()] };
}
function tally(tallies, advert) {
  let t = tallies.get(advert.address);
  if (!t) tallies.set(advert.address, t = { address: advert.address, name: null, count: 0, rssi: [], txPower: null, manufacturerData: null });
  t.count++;
  if (t.rssi.length < 1e4) t.rssi.push(advert.rssi);
  t.name = advert.name ?? t.name;
  t.txPower = advert.txPower ?? t.txPower;
  t.manufacturerData = advert.manufacturerData ?? t.manufacturerData;
}
function untilDoneOrInterrupted(ms) {
  return new Promise((resolve4) => {
    const done = () => {
      clearTimeout(timer);
      process.removeListener("SIGINT", done);
      process.removeListener("SIGTERM", done);
      resolve4();
    };
    const timer = setTimeout(done, ms);
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
function describeScan({ summary, tallies }) {
  const rows = tallies.map((t) => ({ ...t, median: median2(t.rssi) })).sort((a, b) => b.median - a.median).map((t) => `${t.address}  ${String(t.median).padStart(4)}  ${String(t.count).padStart(6)}  ${String(t.txPower ?? "").padStart(5)}  ${(t.name ?? "").padEnd(28).slice(0, 28)}  ${t.manufacturerData ?? ""}`);
  const head = `address            RSSI  adverts     TX  name                          manufacturer data`;
  const foot = `${summary.adverts} adverts from ${summary.advertisers} advertisers in ${summary.seconds} s (${summary.simulated ? "SIMULATED: " : ""}${summary.adapter})`;
  return [head, ...rows, foot].join("\n");
}
function median2(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? -127;
}

// src/main/cli/commands/decide.ts
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

// src/main/cli/progress.ts
var WIDTH = 28;
function createProgress(label, total, enabled, stream = process.stderr) {
  if (!enabled || total <= 0) return { update: () => {
  }, finish: () => {
  } };
  let last = 0;
  const draw = (done) => {
    const share = Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${done}/${total}`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    finish() {
      draw(total);
      stream.write("\n");
    }
  };
}

// src/main/cli/commands/decide.ts
var decideCommand = {
  name: "decide",
  summary: "Decide whether a credential opens a door at a time, with every check (or a JSONL batch)",
  usage: "[--site <file>] (--door <id> --credential <typeId>:<value> [--at <ISO>] [--pin N] | --requests <file.jsonl>)",
  options: {
    site: { type: "string" },
    door: { type: "string" },
    credential: { type: "string" },
    at: { type: "string" },
    pin: { type: "string" },
    requests: { type: "string" }
  },
  details: [
    "--site <file>     a site snapshot (docs/site-format.md); default: the embedded demo site",
    "--credential T:V  credential type id and value, split at the first colon",
    "--at <ISO>        an instant with Z or an offset; default now",
    "--requests <f>    one request object per line; prints one decision per line, in order",
    "A refused decision is an answer: the exit code is 0."
  ],
  async run(values, _positionals, io) {
    const site = await loadSiteFile(stringOption(values, "site") ?? demoSitePath());
    const requestsPath = stringOption(values, "requests");
    if (requestsPath) return runBatch(site, requestsPath, io);
    const decision = decide(compileSite(site), singleRequest(site, values));
    io.out(io.json ? JSON.stringify(decision) : describeDecision(decision));
  }
};
function singleRequest(site, values) {
  const credential = requireOption(values, "credential");
  const colon = credential.indexOf(":");
  if (colon <= 0 || colon === credential.length - 1) {
    throw new UsageError(`--credential ${credential}: expected <typeId>:<value>, e.g. 9:PF-7Q2K`);
  }
  const pin = stringOption(values, "pin");
  return {
    door_id: resolveId(requireOption(values, "door"), site.doors.map((d) => d.id), "door"),
    credential_type_id: resolveId(credential.slice(0, colon), site.credential_types.map((t) => t.id), "credential"),
    value: credential.slice(colon + 1),
    at: instantOption(values),
    ...pin !== void 0 ? { pin } : {}
  };
}
async function readRequests(path) {
  const requests = [];
  let line = 0;
  try {
    for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      requests.push(parseRequestLine(text, `${path}:${line}`));
    }
  } catch (error2) {
    if (error2 instanceof LintelError) throw error2;
    throw new LintelError("requests_unreadable", `${path}: cannot read (${error2.code ?? String(error2)})`);
  }
  return requests;
}
function parseRequestLine(text, where) {
  let json2;
  try {
    json2 = JSON.parse(text);
  } catch {
    throw new LintelError("requests_invalid", `${where}: not a JSON object`);
  }
  const parsed2 = DecisionRequestSchema.safeParse(json2);
  if (!parsed2.success) throw new LintelError("requests_invalid", `${where}: ${describeZodError(parsed2.error)}`);
  return parsed2.data;
}
async function runBatch(site, path, io) {
  const requests = await readRequests(path);
  const compiled = compileSite(site);
  const progress = createProgress("Deciding", requests.length, io.interactive);
  const lines = [];
  let granted = 0;
  requests.forEach((request, i) => {
    const decision = decide(compiled, request);
    if (decision.granted) granted++;
    lines.push(io.json ? JSON.stringify(decision) : `${i + 1}	${decision.granted ? "GRANTED" : "DENIED"}	${decision.code}`);
    if (lines.length >= 4096) io.out(lines.splice(0).join("\n"));
    progress.update(i + 1);
  });
  if (lines.length) io.out(lines.join("\n"));
  progress.finish();
  if (!io.json) io.err(`${requests.length} requests: ${granted} granted, ${requests.length - granted} denied`);
}
function describeDecision(decision) {
  const head = `${decision.granted ? "GRANTED" : "DENIED"} (${decision.code})`;
  const checks = decision.checks.map((c) => `  ${c.passed ? "pass" : "FAIL"}  ${c.check.padEnd(29)} ${c.detail}`);
  return [head, ...checks].join("\n");
}

// src/main/cli/commands/diagnose.ts
import { writeFile as writeFile2 } from "node:fs/promises";

// src/shared/provisioning/advice.ts
var AdviceCode = {
  noBackup: "no_backup",
  deviceChangePending: "device_change_pending",
  sharedDevice: "shared_device"
};
var live = (c) => c.enabled && c.status !== "revoked" && c.status !== "disabled";
function adviseOn(site, personId) {
  const types = new Map(site.credential_types.map((t) => [t.id, t]));
  const mine = site.credentials.filter((c) => c.person_id === personId && live(c));
  const format = (c) => types.get(c.credential_type_id)?.format;
  const mobiles = mine.filter((c) => format(c) === "mobile");
  const advice = [];
  const backup = mine.some((c) => format(c) === "pin" || format(c) === "card");
  const first = mobiles[0];
  if (first && !backup) advice.push({ code: AdviceCode.noBackup, person_id: personId, credential_id: first.id, message: "A phone credential has no backup: if the phone runs flat the person cannot get in. Issue a backup PIN." });
  for (const fresh2 of mobiles.filter((c) => c.status === "invited")) {
    const old = mobiles.find((c) => c.id !== fresh2.id && c.status === "active" && c.credential_type_id === fresh2.credential_type_id && c.device !== fresh2.device);
    if (old) advice.push({ code: AdviceCode.deviceChangePending, person_id: personId, credential_id: fresh2.id, other_id: old.id, message: `A new phone credential (${fresh2.device ?? fresh2.label ?? "new phone"}) is issued while the old one (${old.device ?? old.label ?? "old phone"}) is still enabled: test the new one at a door, then disable the old one.` });
  }
  const byDevice = /* @__PURE__ */ new Map();
  for (const c of mine) {
    if (!c.device) continue;
    const earlier = byDevice.get(c.device);
    if (earlier) advice.push({ code: AdviceCode.sharedDevice, person_id: personId, credential_id: c.id, other_id: earlier.id, message: `Two credentials are live on one device (${c.device}); keep one credential per device.` });
    else byDevice.set(c.device, c);
  }
  return advice;
}
function suggestPin(inUse, isWeak, random, digits2 = 6) {
  for (; ; ) {
    const pin = Array.from({ length: digits2 }, () => Math.floor(random() * 10)).join("");
    if (!isWeak(pin) && !inUse.has(pin)) return pin;
  }
}
function backupPin(site, random) {
  const pinType = site.credential_types.find((t) => t.format === "pin");
  if (!pinType) return void 0;
  const inUse = new Set(site.credentials.filter((c) => c.credential_type_id === pinType.id).map((c) => c.value));
  return { credential_type_id: pinType.id, value: suggestPin(inUse, isWeakPin, random) };
}

// src/shared/diagnose/diagnose.ts
var PROPAGATION_MS = 2 * 6e4;
var PLATFORM_NAME = { ios: "an iPhone", android: "an Android phone" };
var RADIO_NAME = { ble: "Bluetooth (BLE)", nfc: "NFC" };
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(site) {
  let index = indexes.get(site);
  if (!index) {
    index = { people: /* @__PURE__ */ new Map(), emails: /* @__PURE__ */ new Map(), byPerson: /* @__PURE__ */ new Map() };
    for (const p of site.people) {
      if (!index.people.has(p.id)) index.people.set(p.id, p);
      if (!index.emails.has(p.email.toLowerCase())) index.emails.set(p.email.toLowerCase(), p);
    }
    for (const c of site.credentials) {
      const list = index.byPerson.get(c.person_id);
      if (list) list.push(c);
      else index.byPerson.set(c.person_id, [c]);
    }
    indexes.set(site, index);
  }
  return index;
}
function credentialsOf(site, personId) {
  return indexOf(site).byPerson.get(personId) ?? [];
}
function findPerson(site, ref) {
  const index = indexOf(site);
  const byId2 = index.people.get(ref);
  if (byId2) return byId2;
  if (typeof ref === "string" && ref.includes("@")) return index.emails.get(ref.trim().toLowerCase());
  return void 0;
}
function typeRadios(type) {
  if (!type) return [];
  return type.technology === "ble+nfc" ? ["ble", "nfc"] : type.technology === "ble" || type.technology === "nfc" ? [type.technology] : [];
}
function doorRadios(site, door) {
  if (door.reader_radios) return [...new Set(door.reader_radios)];
  const types = new Map(site.credential_types.map((t) => [t.id, t]));
  return [...new Set(door.accepts.flatMap((id) => typeRadios(types.get(id))))];
}
var live2 = (c) => c.enabled && c.status !== "revoked" && c.status !== "disabled";
var show2 = (id) => JSON.stringify(id);
function resolveSubject(site, personRef, doorId) {
  const person = findPerson(site, personRef);
  if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${typeof personRef === "string" && personRef.includes("@") ? personRef : show2(personRef)} on this site.`);
  const door = site.doors.find((d) => d.id === doorId);
  if (!door) throw new LintelError(ErrorCode.notFound, `There is no door with id ${show2(doorId)} on this site.`);
  return { person, door };
}
function diagnose(site, compiled, input) {
  const { person, door } = resolveSubject(site, input.person, input.door_id);
  const atMs = parseInstant(input.at);
  if (Number.isNaN(atMs)) throw new LintelError(ErrorCode.badRequest, `Not an ISO 8601 instant with Z or an offset: ${input.at}`);
  const types = new Map(site.credential_types.map((t) => [t.id, t]));
  const mine = [...credentialsOf(site, person.id)];
  if (input.credential_id !== void 0 && !mine.some((c) => c.id === input.credential_id)) {
    throw new LintelError(ErrorCode.notFound, `${person.first_name} ${person.last_name} has no credential with id ${show2(input.credential_id)}.`);
  }
  const ctx = {
    site,
    compiled,
    person,
    door,
    at: input.at,
    atMs,
    when: `${siteTimeLabel(compiled, atMs)} site time`,
    platform: input.platform ?? null,
    types,
    mine,
    findings: [],
    verdicts: /* @__PURE__ */ new Map()
  };
  for (const c of mine) ctx.verdicts.set(c, decide(compiled, { door_id: door.id, credential_type_id: c.credential_type_id, value: c.value, at: input.at }));
  const mobiles = mine.filter((c) => types.get(c.credential_type_id)?.format === "mobile");
  const considered = input.credential_id !== void 0 ? mine.filter((c) => c.id === input.credential_id) : mobiles.length ? mobiles : mine;
  if (input.credential_id === void 0 && !mobiles.length) noMobile(ctx);
  engineFindings(ctx, considered);
  pinFindings(ctx, considered);
  stateFindings(ctx, considered);
  compatibilityFindings(ctx, considered);
  adviceFindings(ctx);
  if (input.sync) syncFindings(ctx, input.sync);
  const tap = input.live?.tap ?? null;
  const scan = input.live?.scan ?? null;
  if (tap) tapFindings(ctx, tap);
  if (scan) scanFindings(ctx, scan);
  const opens = considered.some((c) => opensDoor(ctx.verdicts.get(c)));
  phoneFindings(ctx, considered, opens);
  const findings = ctx.findings.map((f, i) => ({ f, i })).sort((a, b) => b.f.likelihood - a.f.likelihood || a.i - b.i).map(({ f }) => f);
  const name2 = `${person.first_name} ${person.last_name}`;
  const top = findings.find((f) => f.severity === "error") ?? findings[0];
  const lower = (text) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  const working = considered.filter((c) => opensDoor(ctx.verdicts.get(c)));
  const summary = findings.some((f) => f.severity === "error") ? working.length ? `${door.name} opens for ${name2} with ${working.map((c) => describe(ctx, c)).join(", ")}, but ${lower(top.title)}${top.credential_id !== null ? ` for ${describe(ctx, ctx.mine.find((c) => c.id === top.credential_id) ?? considered[0])}` : ""}.` : `${door.name} will not open for ${name2}: ${lower(top.title)}.` : opens ? `The access rules let ${name2} through ${door.name} at ${ctx.when}; the likely cause is on the phone.` : `No credential of ${name2} opens ${door.name} at ${ctx.when}.`;
  return {
    person: { id: person.id, name: name2, email: person.email },
    door: { id: door.id, name: door.name },
    at: input.at,
    local_time: ctx.when,
    platform: ctx.platform,
    opens,
    summary,
    findings,
    credentials: mine.map((c) => verdictOf(ctx, c)),
    live: { tap, scan },
    source: input.sync ? "database" : "snapshot"
  };
}
function add(ctx, code, severity, likelihood, title, evidence2, fix, action = null, credential = null) {
  ctx.findings.push({ code, severity, title, evidence: evidence2, fix, action, likelihood, credential_id: credential ? credential.id : null });
}
function opensDoor(decision) {
  return decision.checks.every((c) => c.passed || c.check === DecisionCode.pinRequired);
}
function describe(ctx, c) {
  const type = ctx.types.get(c.credential_type_id);
  const what = type?.label ?? `type ${show2(c.credential_type_id)}`;
  const on = c.device ?? c.label;
  const value = type?.format === "pin" ? "" : ` ${c.value}`;
  return `${what}${value}${on ? ` (${on})` : ""}`;
}
function verdictOf(ctx, c) {
  const type = ctx.types.get(c.credential_type_id);
  const isPin = type?.format === "pin";
  return {
    credential_id: c.id,
    type: type?.label ?? `type ${show2(c.credential_type_id)}`,
    format: type?.format ?? "other",
    label: c.label ?? null,
    device: c.device ?? null,
    shown_value: isPin ? "\u2022".repeat(c.value.length) : c.value,
    decision: ctx.verdicts.get(c)
  };
}
function noMobile(ctx) {
  const name2 = `${ctx.person.first_name} ${ctx.person.last_name}`;
  const accepted = ctx.site.credential_types.filter((t) => t.format === "mobile" && ctx.door.accepts.includes(t.id)).map((t) => t.label);
  add(
    ctx,
    FindingCode.noMobileCredential,
    "error",
    0.99,
    "They have no phone credential",
    `${name2} has ${ctx.mine.length ? `only ${ctx.mine.map((c) => describe(ctx, c)).join(", ")}` : "no credentials at all"}; no phone credential is issued to them.`,
    accepted.length ? `Issue a ${accepted.join(" or ")} credential for their phone (Provision page), then allow 2 minutes.` : `${ctx.door.name} accepts no phone credential: use a card or PIN it accepts.`
  );
}
function engineFindings(ctx, considered) {
  const byCode = /* @__PURE__ */ new Map();
  for (const c of considered) {
    for (const check2 of ctx.verdicts.get(c).checks) {
      if (check2.passed || check2.check === DecisionCode.pinRequired || check2.check === DecisionCode.pinMismatch) continue;
      const entry = byCode.get(check2.check) ?? { details: [], credentials: [] };
      const perCredential = check2.check === DecisionCode.credentialTypeNotAccepted || check2.check === DecisionCode.credentialDisabled || check2.check === DecisionCode.credentialNotActive;
      entry.details.push(perCredential && considered.length > 1 ? `${describe(ctx, c)}: ${check2.detail}` : check2.detail);
      entry.credentials.push(c);
      byCode.set(check2.check, entry);
    }
  }
  for (const code of DECISION_CODES) {
    const entry = byCode.get(code);
    if (!entry) continue;
    const evidence2 = [...new Set(entry.details)].join(" ");
    const likelihood = 0.98 - DECISION_CODES.indexOf(code) * 4e-3;
    const one = entry.credentials.length === 1 || new Set(entry.credentials).size === 1 ? entry.credentials[0] : null;
    const f = engineFix(ctx, code, one, entry.credentials);
    add(ctx, code, "error", likelihood, f.title, evidence2, f.fix, f.action, one);
  }
}
function engineFix(ctx, code, one, credentials2) {
  const door = ctx.door.name;
  const personId = ctx.person.id;
  switch (code) {
    case DecisionCode.doorLockdown:
      return { title: `${door} is in lockdown`, fix: "Nobody can open it until an administrator lifts the lockdown in the access control system.", action: null };
    case DecisionCode.credentialTypeNotAccepted: {
      const accepted = ctx.door.accepts.map((id) => ctx.types.get(id)?.label ?? show2(id));
      return { title: `${door} does not accept this credential type`, fix: `Issue a credential of a type ${door} accepts (${accepted.join(", ") || "none"}), or add the type to the door.`, action: null };
    }
    case DecisionCode.credentialDisabled: {
      const target = credentials2.find((c) => c.status !== "revoked");
      if (target) return { title: "The credential is disabled", fix: `Enable ${describe(ctx, target)}.`, action: { kind: "enable_credential", credential_id: target.id } };
      return {
        title: "The credential has been revoked",
        fix: "A revoked credential cannot come back: issue the phone a new credential on the Provision page, then test it at the door.",
        action: null
      };
    }
    case DecisionCode.credentialNotActive:
      return {
        title: "The invitation has not been accepted on the phone",
        fix: `Ask them to open the invitation email on the phone, install the app and accept it, then wait 2 minutes before trying ${door} again.`,
        action: null
      };
    case DecisionCode.personDisabled:
      return ctx.person ? { title: "The person is disabled", fix: `Enable ${ctx.person.first_name} ${ctx.person.last_name} if they should have access.`, action: { kind: "enable_person", person_id: personId } } : { title: "The person is missing", fix: "Re-create the person.", action: null };
    case DecisionCode.personNotYetValid:
      return { title: "Their access period has not started", fix: "If they should have access now, move the start of their access window (Provision page).", action: null };
    case DecisionCode.personExpired:
      return { title: "Their access period has ended", fix: "If they should still have access, extend the end of their access window (Provision page).", action: null };
    case DecisionCode.noGroupGrantsDoor: {
      const group = bestGroup(ctx);
      return group ? { title: `No group of theirs gives access to ${door}`, fix: `Add them to ${group.name}, which ${group.now ? "has access now" : "gives access to the door"}.`, action: { kind: "add_to_group", person_id: personId, group_id: group.id } } : { title: `No group of theirs gives access to ${door}`, fix: `No group gives access to ${door}: create one with access to it (Provision page) and add them.`, action: null };
    }
    case DecisionCode.outsideSchedule: {
      const group = bestGroup(ctx);
      return group?.now ? { title: "It is outside their schedule for this door", fix: `If they should get in at this time, add them to ${group.name}, which has access now.`, action: { kind: "add_to_group", person_id: personId, group_id: group.id } } : { title: "It is outside their schedule for this door", fix: "Access at this time needs a schedule that covers it; no group has one. Change a schedule, or come back in hours.", action: null };
    }
    default:
      return { title: `The decision engine refuses: ${code}`, fix: one ? `Check ${describe(ctx, one)}.` : "Check the credential.", action: null };
  }
}
function bestGroup(ctx) {
  let other;
  for (let i = 0; i < ctx.site.groups.length; i++) {
    const g = ctx.site.groups[i];
    if (ctx.person.group_ids.includes(g.id)) continue;
    const access = groupAccessAt(ctx.compiled, ctx.door.id, i, ctx.atMs);
    if (access === "now") return { id: g.id, name: g.name, now: true };
    if (access === "other_times") other ??= { id: g.id, name: g.name, now: false };
  }
  return other;
}
function pinFindings(ctx, considered) {
  if (!ctx.door.requires_pin || ctx.door.mode !== "normal") return;
  const pins = ctx.mine.filter((c) => ctx.types.get(c.credential_type_id)?.format === "pin" && live2(c));
  if (considered.every((c) => ctx.types.get(c.credential_type_id)?.format === "pin")) return;
  if (!pins.length) {
    add(ctx, DecisionCode.pinRequired, "error", 0.94, `${ctx.door.name} also asks for a PIN, and they have none`, `${ctx.door.name} requires a PIN after the credential; ${ctx.person.first_name} has no active PIN.`, "Issue them a PIN and read it out to them.", { kind: "issue_backup_pin", person_id: ctx.person.id });
  } else {
    add(ctx, DecisionCode.pinRequired, "info", 0.35, `${ctx.door.name} also asks for their PIN`, `${ctx.door.name} requires a PIN after the credential; ${ctx.person.first_name} has ${pins.length === 1 ? "an active PIN" : `${pins.length} active PINs`}.`, "Make sure they type their PIN on the keypad after presenting the phone.");
  }
}
function stateFindings(ctx, considered) {
  for (const c of considered) {
    if (!c.issued_at || ctx.types.get(c.credential_type_id)?.format !== "mobile") continue;
    const issued = parseInstant(c.issued_at);
    if (Number.isNaN(issued)) continue;
    const age = ctx.atMs - issued;
    if (age >= 0 && age < PROPAGATION_MS) {
      add(ctx, FindingCode.recentlyIssued, "warning", 0.8, "The phone credential was issued less than 2 minutes ago", `${describe(ctx, c)} was issued ${Math.round(age / 1e3)} s before ${ctx.when}; a new mobile credential takes about 2 minutes to reach the door (revocation, by contrast, is immediate).`, "Wait until 2 minutes have passed since it was issued (and since the invitation was accepted), then try again.", null, c);
    } else if (age < 0) {
      add(ctx, FindingCode.issuedLater, "info", 0.3, "The credential did not exist yet at that time", `${describe(ctx, c)} was issued ${siteTimeLabel(ctx.compiled, issued)} site time, after ${ctx.when}.`, "Diagnose at a later time, or check which credential they used then.", null, c);
    }
  }
  const values = new Set(considered.map((c) => c.value));
  const sameValue = ctx.site.credentials.filter((o) => values.has(o.value));
  for (const c of considered) {
    const twins = sameValue.filter((o) => o !== c && o.credential_type_id === c.credential_type_id && o.value === c.value);
    if (!twins.length) continue;
    const others = twins.map((o) => `${describe(ctx, o)}${o.person_id !== c.person_id ? ` of person ${show2(o.person_id)}` : ""}`);
    add(
      ctx,
      FindingCode.sharedCredential,
      "warning",
      twins.some((o) => o.person_id !== c.person_id) ? 0.9 : 0.55,
      "Two phones share one credential",
      `${describe(ctx, c)} has the same value as ${others.join(", ")}. Each phone needs its own credential; the door resolves the value to one record only.`,
      "Issue the second phone its own credential (device change), then disable the shared one.",
      { kind: "start_device_change", person_id: ctx.person.id, credential_id: c.id },
      c
    );
  }
}
function compatibilityFindings(ctx, considered) {
  if (ctx.door.mode !== "normal") return;
  const reader = doorRadios(ctx.site, ctx.door);
  const platforms = ctx.site.site.mobile_platforms ?? DEFAULT_MOBILE_PLATFORMS;
  const radioList = (radios) => radios.map((r) => RADIO_NAME[r]).join(" or ") || "no phone radio";
  for (const c of considered) {
    const type = ctx.types.get(c.credential_type_id);
    if (type?.format !== "mobile" || !ctx.door.accepts.includes(type.id)) continue;
    const common = typeRadios(type).filter((r) => reader.includes(r));
    if (!common.length) {
      add(ctx, FindingCode.readerIncompatible, "error", 0.93, `The ${ctx.door.name} reader cannot read ${type.label}`, `${type.label} travels over ${radioList(typeRadios(type))}; the ${ctx.door.name} reader reads ${radioList(reader)}.`, `Give them a credential the reader can read (a card or PIN it accepts), or fit a reader with ${radioList(typeRadios(type))}.`, null, c);
      continue;
    }
    const candidates = ctx.platform ? [ctx.platform] : ["ios", "android"];
    for (const platform of candidates) {
      const usable = common.filter((r) => platforms[platform].includes(r));
      if (usable.length) continue;
      const evidence2 = `On this system ${PLATFORM_NAME[platform].replace(/^an? /, "")}s use ${radioList(platforms[platform])} for mobile credentials; the ${ctx.door.name} reader reads ${type.label} over ${radioList(common)} only.`;
      if (ctx.platform) {
        add(ctx, FindingCode.readerIncompatible, "error", 0.92, `${PLATFORM_NAME[platform].replace(/^a/, "A")} cannot present ${type.label} to this reader`, evidence2, `Use a backup card or PIN at ${ctx.door.name}, or a reader with ${radioList(platforms[platform])}.`, null, c);
      } else {
        add(ctx, FindingCode.readerIncompatible, "warning", 0.5, `If the phone is ${PLATFORM_NAME[platform]}, this reader cannot read it`, evidence2, `Ask which phone they have. ${PLATFORM_NAME[platform].replace(/^a/, "A")} needs a backup card or PIN at ${ctx.door.name}.`, null, c);
      }
    }
  }
}
function adviceFindings(ctx) {
  for (const advice of adviseOn({ credential_types: ctx.site.credential_types, credentials: ctx.mine }, ctx.person.id)) {
    const credential = ctx.mine.find((c) => c.id === advice.credential_id) ?? null;
    if (advice.code === "no_backup") {
      const door = ctx.door.accepts.some((id) => ["pin", "card"].includes(ctx.types.get(id)?.format ?? "")) ? `${ctx.door.name} accepts a PIN or card.` : `${ctx.door.name} accepts neither a PIN nor a card, so a backup will not help at this door.`;
      add(ctx, FindingCode.noBackup, "warning", 0.12, "No backup PIN or card", `${advice.message} ${door}`, "Issue a backup PIN and read it out to them.", { kind: "issue_backup_pin", person_id: ctx.person.id }, credential);
    } else if (advice.code === "device_change_pending") {
      add(ctx, FindingCode.deviceChangePending, "warning", 0.45, "A phone change is half done", advice.message, "Finish the device change: test the new phone at a door, then disable the old one.", { kind: "start_device_change", person_id: ctx.person.id, credential_id: advice.other_id ?? advice.credential_id }, credential);
    } else {
      add(ctx, FindingCode.sharedDevice, "info", 0.15, "Two credentials on one device", advice.message, "Keep one credential per device: disable the one they do not use.", null, credential);
    }
  }
}
function syncFindings(ctx, sync) {
  const name2 = (e) => {
    if (e.entity === "person") return `${ctx.person.first_name}'s record`;
    const credential = ctx.mine.find((c) => c.id === e.id);
    return credential ? describe(ctx, credential) : `credential ${show2(e.id)} (deleted here)`;
  };
  const failed = sync.filter((e) => e.state === "failed");
  if (failed.length) {
    add(ctx, FindingCode.syncFailed, "error", 0.9, "A change was refused by DoorFlow", failed.map((e) => `${name2(e)}: ${e.op ?? "change"} failed${e.message ? ` (${e.message})` : ""}.`).join(" "), "Correct the record as the message says (Provision page), then sync: until then the door does not know the change.");
  }
  const waiting2 = sync.filter((e) => e.state !== "failed");
  if (waiting2.length) {
    add(ctx, FindingCode.syncPending, "warning", 0.6, "Changes have not reached DoorFlow yet", waiting2.map((e) => `${name2(e)}: ${e.op ?? "create"} ${e.state === "local" ? "never synced" : e.state}${e.message ? ` (${e.message})` : ""}.`).join(" "), "Run a sync (Provision page, Sync); the door works from what DoorFlow has.");
  }
}
function tapFindings(ctx, tap) {
  switch (tap.outcome) {
    case "unavailable":
      add(ctx, FindingCode.nfcUnavailable, "info", 0.05, "No NFC tap test", tap.reason, "Connect a USB NFC reader to test what the phone presents.");
      return;
    case "no_tap":
      add(ctx, FindingCode.nfcNoTap, "warning", 0.85, "The phone presented nothing over NFC", `Nothing was read in ${tap.seconds} s on the USB reader.`, ctx.platform === "ios" ? "iPhones present mobile credentials over Bluetooth on many systems: test at the door instead." : "Ask them to turn NFC on, unlock the phone, open the credential app and hold the phone flat on the reader.");
      return;
    case "read_failed":
      add(ctx, FindingCode.nfcReadFailed, "warning", 0.7, "The NFC read failed", `${tap.reader}: ${tap.error}`, "Ask them to hold the phone still on the reader for a second, then tap again.");
      return;
    case "presented": {
      const match = tap.value === null ? void 0 : ctx.site.credentials.find((c) => c.credential_type_id === tap.credential_type_id && c.value === tap.value);
      const what = tap.value === null ? `a card or phone (UID ${tap.uid ?? "unknown"})` : `${ctx.types.get(tap.credential_type_id)?.label ?? "a credential"} ${tap.value}`;
      if (!match) {
        add(ctx, FindingCode.nfcNotEnrolled, "error", 0.95, "The phone presents a credential Lintel does not know", `The reader read ${what} in ${Math.round(tap.latency_ms)} ms; nothing enrolled has that value.`, "Re-enrol the phone in the credential app; if that does not help, start a device change.", mobileAction(ctx));
      } else if (match.person_id !== ctx.person.id) {
        add(ctx, FindingCode.nfcOtherPerson, "error", 0.95, "The phone presents someone else's credential", `The reader read ${what}, which is ${describe(ctx, match)} of person ${show2(match.person_id)}.`, "They are using the wrong phone or account: re-enrol the phone with their own invitation.", mobileAction(ctx));
      } else {
        const decision = ctx.verdicts.get(match);
        add(ctx, FindingCode.nfcPresented, "info", 0.3, `The phone presents ${describe(ctx, match)}`, `The reader read ${what} in ${Math.round(tap.latency_ms)} ms; at ${ctx.door.name} the engine says ${decision.granted ? "granted" : `refused (${decision.code})`}.`, decision.granted ? "The phone and the rules are fine over NFC: check the door reader itself." : "Fix the refusal above.", null, match);
      }
    }
  }
}
function mobileAction(ctx) {
  const phone = ctx.mine.find((c) => ctx.types.get(c.credential_type_id)?.format === "mobile" && live2(c));
  return phone ? { kind: "start_device_change", person_id: ctx.person.id, credential_id: phone.id } : null;
}
function scanFindings(ctx, scan) {
  if (scan.outcome === "unavailable") {
    add(ctx, FindingCode.bleUnavailable, "info", 0.05, "No Bluetooth scan", scan.reason, "Use a laptop or dongle with Bluetooth to check the reader where they stand.");
  } else if (scan.outcome === "no_reader") {
    add(ctx, FindingCode.bleNoReader, "info", 0.05, "No Bluetooth reader is known at this door", scan.reason, "Check the door has a Bluetooth reader, or test over NFC.");
  } else if (scan.adverts === 0) {
    add(ctx, FindingCode.bleNotHeard, "error", 0.9, "The door's Bluetooth reader was not heard", `No advertisement from ${scan.reader.name} (${scan.reader.address}) in ${scan.seconds} s${scan.simulated ? " (simulated radio)" : ""}.`, "Check the reader has power and its Bluetooth is on; stand at the door and scan again.");
  } else if (scan.median_rssi !== null && scan.median_rssi < scan.threshold_dbm) {
    add(ctx, FindingCode.bleWeak, "warning", 0.8, "The reader's signal is too weak where they stand", `${scan.reader.name}: ${scan.adverts} reports in ${scan.seconds} s, median ${scan.median_rssi} dBm (strongest ${scan.max_rssi} dBm), below the unlock threshold of ${scan.threshold_dbm} dBm.`, "Ask them to step closer to the reader; if it stays weak at the door, survey it (metal frames and concrete absorb Bluetooth).");
  } else {
    add(ctx, FindingCode.bleHeard, "info", 0.3, "The door's reader is heard well", `${scan.reader.name}: ${scan.adverts} reports in ${scan.seconds} s, median ${scan.median_rssi} dBm, at or above the unlock threshold of ${scan.threshold_dbm} dBm.`, "The radio path is fine: check Bluetooth on the phone and that the app runs.");
  }
}
function phoneFindings(ctx, considered, opens) {
  const phones = considered.filter((c) => ctx.types.get(c.credential_type_id)?.format === "mobile");
  if (!phones.length) return;
  const blocked = ctx.findings.some((f) => f.severity === "error");
  const platforms = ctx.site.site.mobile_platforms ?? DEFAULT_MOBILE_PLATFORMS;
  const radios = typeRadios(ctx.types.get(phones[0].credential_type_id)).filter((r) => doorRadios(ctx.site, ctx.door).includes(r));
  const turnOn = (p) => radios.filter((r) => platforms[p].includes(r)).map((r) => RADIO_NAME[r]).join(" and ") || "Bluetooth";
  const how = ctx.platform ? `On ${PLATFORM_NAME[ctx.platform]}: turn ${turnOn(ctx.platform)} on` : `iPhone: turn ${turnOn("ios")} on; Android: turn ${turnOn("android")} on`;
  const evidence2 = opens && !blocked ? `The access rules grant ${phones.length === 1 ? describe(ctx, phones[0]) : "their phone credential"} at ${ctx.door.name} at ${ctx.when}, so the refusal most likely comes from the phone.` : "Checked last: the phone itself can also stop the credential reaching the reader.";
  add(ctx, FindingCode.phoneSide, opens && !blocked ? "warning" : "info", opens && !blocked ? 0.75 : 0.2, "Bluetooth or NFC is off, or the credential app is not running", evidence2, `${how}, open the credential app and keep it running in the background; check the battery.`);
  add(ctx, FindingCode.reenrol, "info", opens && !blocked ? 0.5 : 0.1, "The phone may need re-enrolling", "Re-enrolling in the mobile app often fixes a phone that stopped working after an update or a restore.", "Ask them to re-enrol in the app; if it still fails, start a device change.", mobileAction(ctx));
}

// src/main/survey/report/svg.ts
var W = 720;
var H = 360;
var PAD = { left: 56, right: 16, top: 16, bottom: 44 };
var MAX_DOTS = 2500;
var signed = (distance2, side) => side === "out" ? -distance2 : distance2;
function rssiDistanceSvg(samples, analysis) {
  const scale = scaleFor(samples, analysis);
  const parts = [axes(scale, "distance from the reader (m) \u2014 negative: the wrong side of the door", "RSSI (dBm)")];
  parts.push(thresholdLine(scale, analysis.threshold_dBm));
  parts.push(dots(samples, scale));
  parts.push(modelCurve(scale, analysis));
  parts.push(markWhiskers(scale, analysis));
  return svg(parts.join(""), "RSSI against distance with the fitted log-distance model and the unlock threshold");
}
function pUnlockSvg(analysis) {
  const xs = analysis.marks.map((m2) => signed(m2.distance_m, m2.side));
  const scale = linearScale(Math.min(0, ...xs), Math.max(0.5, ...xs), 0, 1);
  const bars = analysis.marks.map((m2) => {
    const x = scale.x(signed(m2.distance_m, m2.side));
    const y = scale.y(m2.pUnlock);
    const colour = m2.pUnlock >= 0.95 ? "#1a7f37" : m2.pUnlock <= 0.05 ? "#6e7781" : "#bf8700";
    return `<rect x="${(x - 5).toFixed(1)}" y="${y.toFixed(1)}" width="10" height="${(scale.y(0) - y).toFixed(1)}" fill="${colour}"><title>${m2.side} ${m2.distance_m} m: ${(m2.pUnlock * 100).toFixed(0)}%</title></rect>`;
  }).join("");
  const guide = [0.95, 0.05].map((p) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${scale.y(p)}" y2="${scale.y(p)}" stroke="#999" stroke-dasharray="4 3"/>`).join("");
  return svg(axes(scale, "distance from the reader (m)", "share \u2265 threshold", true) + guide + bars, "Share of samples at or above the unlock threshold at each mark");
}
function scaleFor(samples, analysis) {
  const xs = analysis.marks.map((m2) => signed(m2.distance_m, m2.side));
  let low = analysis.threshold_dBm;
  let high = analysis.threshold_dBm;
  for (const m2 of analysis.marks) {
    low = Math.min(low, m2.p10);
    high = Math.max(high, m2.p90);
  }
  for (let i = 0; i < samples.length; i += Math.max(1, Math.floor(samples.length / 500))) {
    low = Math.min(low, samples[i].rssi);
    high = Math.max(high, samples[i].rssi);
  }
  return linearScale(Math.min(0, ...xs), Math.max(0.5, ...xs), Math.floor(low / 10) * 10 - 5, Math.ceil(high / 10) * 10 + 5);
}
function linearScale(x0, x1, y0, y1) {
  const xSpan = x1 - x0 || 1;
  const ySpan = y1 - y0 || 1;
  return {
    x: (d) => PAD.left + (d - x0) / xSpan * (W - PAD.left - PAD.right),
    y: (v) => H - PAD.bottom - (v - y0) / ySpan * (H - PAD.top - PAD.bottom),
    xTicks: ticks(x0, x1),
    yTicks: ticks(y0, y1)
  };
}
function ticks(from, to) {
  const raw = (to - from) / 6;
  const step = [0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20].find((s) => s >= raw) ?? 50;
  const out = [];
  for (let v = Math.ceil(from / step) * step; v <= to + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}
function axes(scale, xLabel, yLabel, percent2 = false) {
  const x = scale.xTicks.map((t) => `<text x="${scale.x(t)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${t}</text><line x1="${scale.x(t)}" x2="${scale.x(t)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#eee"/>`);
  const y = scale.yTicks.map((t) => `<text x="${PAD.left - 6}" y="${scale.y(t) + 4}" text-anchor="end">${percent2 ? `${Math.round(t * 100)}%` : t}</text><line x1="${PAD.left}" x2="${W - PAD.right}" y1="${scale.y(t)}" y2="${scale.y(t)}" stroke="#eee"/>`);
  const labels = `<text x="${(W + PAD.left) / 2}" y="${H - 6}" text-anchor="middle">${escapeXml(xLabel)}</text><text transform="translate(14 ${(H - PAD.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`;
  const door = `<line x1="${scale.x(0)}" x2="${scale.x(0)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#333" stroke-width="2"/>`;
  return `<g font-size="11" fill="#333">${x.join("")}${y.join("")}${labels}</g>${door}`;
}
function thresholdLine(scale, threshold) {
  const y = scale.y(threshold);
  return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#cf222e" stroke-dasharray="6 4"/><text x="${W - PAD.right - 4}" y="${y - 4}" text-anchor="end" font-size="11" fill="#cf222e">threshold ${threshold} dBm</text>`;
}
function dots(samples, scale) {
  const step = Math.max(1, Math.ceil(samples.length / MAX_DOTS));
  let path = "";
  for (let i = 0; i < samples.length; i += step) {
    const s = samples[i];
    const jitter = i * 7919 % 100 / 100 - 0.5;
    path += `M${(scale.x(signed(s.distance_m, s.side)) + jitter * 6).toFixed(1)} ${scale.y(s.rssi).toFixed(1)}h0`;
  }
  return `<path d="${path}" stroke="#0969da" stroke-opacity="0.25" stroke-width="3" stroke-linecap="round"/>`;
}
function modelCurve(scale, analysis) {
  const { rssiAt1m, exponent } = analysis.model;
  if (rssiAt1m === null || exponent === null) return "";
  const far = Math.max(0.5, ...analysis.marks.filter((m2) => m2.side === "in").map((m2) => m2.distance_m));
  const points = [];
  for (let i = 0; i <= 60; i++) {
    const d = 0.05 + (far - 0.05) * (i / 60);
    points.push(`${scale.x(d).toFixed(1)},${scale.y(rssiAt1m - 10 * exponent * Math.log10(d)).toFixed(1)}`);
  }
  return `<polyline points="${points.join(" ")}" fill="none" stroke="#8250df" stroke-width="2"><title>fit: ${rssiAt1m} dBm at 1 m, n = ${exponent}</title></polyline>`;
}
function markWhiskers(scale, analysis) {
  return analysis.marks.map((m2) => {
    const x = scale.x(signed(m2.distance_m, m2.side));
    return `<line x1="${x}" x2="${x}" y1="${scale.y(m2.p10)}" y2="${scale.y(m2.p90)}" stroke="#1f2328" stroke-width="2"/><circle cx="${x}" cy="${scale.y(m2.median)}" r="4" fill="#1f2328"><title>${m2.side} ${m2.distance_m} m: median ${m2.median} dBm</title></circle>`;
  }).join("");
}
function svg(body, title) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, sans-serif"><title>${escapeXml(title)}</title>${body}</svg>`;
}
function escapeXml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// src/main/survey/report/html.ts
var REPORT_CSS = `body{font:14px/1.45 system-ui,sans-serif;color:#1f2328;max-width:960px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.sim{display:inline-block;background:#fff8c5;border:1px solid #bf8700;color:#6c4a00;border-radius:4px;padding:0 .4rem;font-weight:600}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid #d0d7de;padding:.25rem .5rem;text-align:left}
td.n,th.n{text-align:right}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}svg{width:100%;height:auto;border:1px solid #d0d7de}
.verdict{font-size:1.1rem;font-weight:600}@media print{body{margin:0}h2{break-after:avoid}svg,table{break-inside:avoid}}`;
function reportHtml(survey, analysis, generatedAt) {
  const title = `Door survey \u2014 ${survey.reader.name ?? survey.reader.address}`;
  const body = [
    `<h1>${escapeXml(title)}</h1>`,
    `<p>${survey.simulated ? '<span class="sim">SIMULATED</span> ' : ""}Generated ${escapeXml(generatedAt)} by Lintel.</p>`,
    facts(survey, analysis),
    analysis ? verdict(analysis) : "<p>No mark has been captured yet, so there is nothing to analyse.</p>",
    analysis ? `<h2>RSSI against distance</h2>${rssiDistanceSvg(survey.samples, analysis)}<h2>Unlock share by mark</h2>${pUnlockSvg(analysis)}` : "",
    analysis ? marksTable(analysis) : "",
    analysis ? evidence(analysis) : ""
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title><style>${REPORT_CSS}</style></head><body>${body.join("\n")}</body></html>`;
}
function facts(survey, analysis) {
  const rows = [
    ["Reader", `${survey.reader.name ?? "(no name)"} \xB7 ${survey.reader.address}`],
    ["Unlock threshold", `${survey.threshold_dBm} dBm`],
    ["Scanning device", `${survey.device.label}${analysis && analysis.calibrationOffset_dB !== 0 ? ` (calibrated ${analysis.calibrationOffset_dB > 0 ? "+" : ""}${analysis.calibrationOffset_dB} dB)` : " (not calibrated)"}`],
    ["Capture", `${survey.captureSeconds} s per mark, ${survey.marks.filter((m2) => m2.capturedAt).length} of ${survey.marks.length} marks, ${survey.samples.length} samples`],
    ["Survey", `${survey.id}, started ${survey.createdAt}`]
  ];
  if (survey.note) rows.push(["Note", survey.note]);
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`;
}
function rangeText(value, beyond) {
  if (value !== null) return `${value} m`;
  return beyond ? "beyond the walk" : "not reached";
}
function verdict(a) {
  const leak = a.leaksToWrongSide === null ? "the wrong side was not surveyed" : a.leaksToWrongSide ? "the unlock zone LEAKS to the wrong side of the door" : "no leak to the wrong side";
  const lines = [
    `Reliable range (P \u2265 95%): ${rangeText(a.reliableRange_m, a.sides.in?.reliableBeyondWalk)}; leak range (P \u2264 5% beyond): ${rangeText(a.leakRange_m, a.sides.in?.leakBeyondWalk)}; ${leak}.`,
    `Interference: ${a.interference.class} (confidence ${Math.round(a.interference.confidence * 100)}%).`,
    a.model.exponent !== null ? `Model: RSSI(d) = ${a.model.rssiAt1m} \u2212 10\xB7${a.model.exponent}\xB7log10(d), \u03C3 ${a.model.sigma_dB} dB, R\xB2 ${a.model.r2 ?? "\u2014"}.` : "Model: too few distances to fit."
  ];
  const recs = a.recommendations.map((r) => `<li>${escapeXml(r)}</li>`).join("");
  return `<h2>Verdict</h2>${lines.map((l) => `<p class="verdict">${escapeXml(l)}</p>`).join("")}<h2>Recommendations</h2>${recs ? `<ul>${recs}</ul>` : "<p>None: the reader works as placed.</p>"}`;
}
function marksTable(a) {
  const head = ["side", "distance (m)", "samples", "median", "p10", "p90", "fade depth (dB)", "unlock share", "estimated (m)"];
  const rows = a.marks.map((m2) => [m2.side, m2.distance_m, m2.count, m2.median, m2.p10, m2.p90, m2.fadeDepth_dB, `${Math.round(m2.pUnlock * 100)}%`, m2.estimatedDistance_m ?? "\u2014"]);
  return `<h2>Marks</h2><table><caption>Per-mark statistics (RSSI in dBm)</caption><thead><tr>${head.map((h, i) => `<th scope="col"${i > 0 ? ' class="n"' : ""}>${escapeXml(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="n"' : ""}>${escapeXml(String(c))}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}
function evidence(a) {
  const source = a.advInterval ? `Advertising interval ${a.advInterval.ms} ms (${a.advInterval.source === "option" ? "given" : "inferred from the timestamps"}).` : "Advertising interval unknown: congestion not assessed.";
  return `<h2>Evidence</h2><ul>${a.interference.evidence.map((e) => `<li>${escapeXml(e)}</li>`).join("")}<li>${escapeXml(source)}</li></ul>`;
}

// src/main/diagnose/report.ts
var CSS = `${REPORT_CSS}
.sev{display:inline-block;min-width:4.5rem;border-radius:4px;padding:0 .4rem;font-weight:600;text-align:center}
.sev-error{background:#ffebe9;border:1px solid #cf222e;color:#82071e}.sev-warning{background:#fff8c5;border:1px solid #bf8700;color:#6c4a00}
.sev-info{background:#ddf4ff;border:1px solid #0969da;color:#0a3069}ol.findings>li{margin:.75rem 0}.muted{color:#57606a}`;
var PLATFORM = { ios: "iPhone", android: "Android" };
function diagnosisHtml(d, generatedAt = (/* @__PURE__ */ new Date()).toISOString()) {
  const title = `Diagnosis \u2014 ${d.person.name} at ${d.door.name}`;
  const facts2 = [
    ["Person", `${d.person.name} \xB7 ${d.person.email} (id ${JSON.stringify(d.person.id)})`],
    ["Door", `${d.door.name} (id ${JSON.stringify(d.door.id)})`],
    ["When", `${d.local_time} (${d.at})`],
    ["Phone", d.platform ? PLATFORM[d.platform] : "not known"],
    ["Sync evidence", d.source === "database" ? "the app's database and its outbox" : "none (a snapshot file)"]
  ];
  const body = [
    `<h1>${escapeXml(title)}</h1>`,
    `<p class="muted">Generated ${escapeXml(generatedAt)} by Lintel.</p>`,
    `<dl>${facts2.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`,
    `<h2>Summary</h2><p class="verdict">${escapeXml(d.summary)}</p>`,
    `<h2>Findings, most likely first</h2>`,
    d.findings.length ? `<ol class="findings">${d.findings.map(finding).join("")}</ol>` : "<p>No findings.</p>",
    `<h2>Credentials at ${escapeXml(d.door.name)}</h2>`,
    credentials(d)
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title><style>${CSS}</style></head><body>${body.join("\n")}</body></html>`;
}
function finding(f) {
  return `<li><span class="sev sev-${f.severity}">${f.severity.toUpperCase()}</span> <strong>${escapeXml(f.title)}</strong> <code>${escapeXml(f.code)}</code>
<p>${escapeXml(f.evidence)}</p><p><strong>Fix:</strong> ${escapeXml(f.fix)}</p></li>`;
}
function credentials(d) {
  if (!d.credentials.length) return "<p>This person has no credentials.</p>";
  const rows = d.credentials.map((c) => {
    const why = c.decision.checks.filter((k) => !k.passed).map((k) => k.detail).join(" ") || "Every check passed.";
    return `<tr><td>${escapeXml(c.type)}${c.device ? ` \xB7 ${escapeXml(c.device)}` : c.label ? ` \xB7 ${escapeXml(c.label)}` : ""}</td><td>${escapeXml(c.shown_value)}</td><td>${c.decision.granted ? "GRANTED" : "DENIED"} (${escapeXml(c.decision.code)})</td><td>${escapeXml(why)}</td></tr>`;
  });
  return `<table><thead><tr><th>Credential</th><th>Value</th><th>Decision</th><th>Why</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

// src/main/services/index.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { join as join10 } from "node:path";

// src/main/contract/eventHub.ts
var EventHub = class {
  constructor(contract2, log) {
    this.contract = contract2;
    this.log = log;
  }
  contract;
  log;
  listeners = /* @__PURE__ */ new Map();
  forwarders = /* @__PURE__ */ new Set();
  emit(capability, name2, payload) {
    const schema = this.contract[capability]?.events[name2];
    const parsed2 = schema?.safeParse(payload);
    if (!parsed2?.success) {
      this.log.error(`event ${capability}.${name2} dropped: payload does not match the contract`);
      return;
    }
    const channel = eventChannel(capability, name2);
    for (const listener of this.listeners.get(channel) ?? []) listener(parsed2.data);
    for (const forward of this.forwarders) forward(channel, parsed2.data);
  }
  subscribe(channel, listener) {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, set = /* @__PURE__ */ new Set());
    set.add(listener);
    return () => void set.delete(listener);
  }
  /** Every event on every channel: how the Electron window and WebSocket clients are fed. */
  forwardAll(listener) {
    this.forwarders.add(listener);
    return () => void this.forwarders.delete(listener);
  }
};

// src/main/contract/dispatcher.ts
function createDispatcher(contract2, handlers, log) {
  const routes = /* @__PURE__ */ new Map();
  for (const [capability, spec] of Object.entries(contract2)) {
    const group = handlers[capability] ?? {};
    for (const [name2, cmd] of Object.entries(spec.commands)) {
      const handle = group[name2];
      if (!handle) throw new Error(`no handler for ${capability}.${name2}`);
      routes.set(commandChannel(capability, name2), {
        validateInput: (input) => {
          const parsed2 = cmd.input.safeParse(input);
          return parsed2.success ? ok(parsed2.data) : fail2(ErrorCode.badRequest, describeZodError(parsed2.error, "input"));
        },
        validateOutput: (output) => {
          const parsed2 = cmd.output.safeParse(output);
          return parsed2.success ? ok(parsed2.data) : fail2(ErrorCode.internal, `response ${describeZodError(parsed2.error)}`);
        },
        handle
      });
    }
  }
  return {
    channels: new Set(routes.keys()),
    async invoke(channel, input) {
      const route = typeof channel === "string" ? routes.get(channel) : void 0;
      if (!route) return fail2(ErrorCode.unknownChannel, `There is no command called ${String(channel).slice(0, 80)}.`);
      const checked = route.validateInput(input);
      if (!checked.ok) return checked;
      try {
        const result = route.validateOutput(await route.handle(checked.value));
        if (!result.ok) log.error(`${channel}: ${result.error.message}`);
        return result;
      } catch (error2) {
        return toFailure(channel, error2, log);
      }
    }
  };
}
function toFailure(channel, error2, log) {
  if (error2 instanceof LintelError) return fail2(error2.code, error2.message, error2.fields);
  log.error(`${channel} failed`, error2);
  return fail2(ErrorCode.internal, "Something went wrong inside Lintel; the log has the details.");
}

// src/main/hardware/nfc/index.ts
import { createRequire as createRequire3 } from "node:module";

// src/main/hardware/nfc/pcscd.ts
import { connect } from "node:net";

// src/main/hardware/detect.ts
import { existsSync as existsSync4, readdirSync } from "node:fs";
function bleAdapterPresent(sysfs = "/sys/class/bluetooth") {
  try {
    return readdirSync(sysfs).some((name2) => name2.startsWith("hci"));
  } catch {
    return false;
  }
}
var PCSCD_SOCKET = "/run/pcscd/pcscd.comm";
var pcscdRunning = (socket = PCSCD_SOCKET) => existsSync4(socket);

// src/main/hardware/nfc/pcscd.ts
function probePcscd(socket, timeoutMs = 500) {
  return new Promise((resolve4) => {
    const probe = connect(socket);
    const done = (outcome) => {
      clearTimeout(timer);
      probe.destroy();
      resolve4(outcome);
    };
    const timer = setTimeout(() => done("timeout"), timeoutMs);
    probe.once("connect", () => done("up"));
    probe.once("error", () => done("refused"));
  });
}
async function pcscdReachable(socket, timeoutMs = 500) {
  return await probePcscd(socket, timeoutMs) === "up";
}

// src/main/hardware/nfc/port.ts
var ReaderEvents = class {
  listeners = /* @__PURE__ */ new Set();
  on(listener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(event) {
    for (const listener of this.listeners) listener(event);
  }
};

// src/main/hardware/nfc/workerProcess.ts
import { fork } from "node:child_process";
import { existsSync as existsSync5 } from "node:fs";
import { createRequire as createRequire2 } from "node:module";
import { dirname as dirname2, join as join3 } from "node:path";
import { fileURLToPath as fileURLToPath2, pathToFileURL } from "node:url";
function workerEntry() {
  const here = dirname2(fileURLToPath2(import.meta.url));
  const built = [join3(here, "nfcWorker.js"), join3(here, "..", "nfcWorker.js")].find((path) => existsSync5(path));
  if (built) return { modulePath: built, execArgv: [] };
  const tsx = pathToFileURL(createRequire2(import.meta.url).resolve("tsx")).href;
  return { modulePath: join3(here, "worker.ts"), execArgv: ["--import", tsx] };
}
function spawnWorker(log) {
  const { modulePath, execArgv } = workerEntry();
  const child = fork(modulePath, [], { cwd: appRoot(), execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"], serialization: "json" });
  child.stderr?.setEncoding("utf8").on("data", (text) => {
    for (const line of text.split("\n")) if (line.trim()) log.warn(`PC/SC child: ${line.trim()}`);
  });
  const killOnExit = () => void child.kill("SIGKILL");
  process.on("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  child.on("error", (error2) => log.error("PC/SC child failed", error2));
  child.unref();
  child.channel?.unref();
  return handleFor(child);
}
function handleFor(child) {
  const exited = new Promise((resolve4) => child.once("exit", () => resolve4()));
  const alive2 = () => child.exitCode === null && child.signalCode === null;
  return {
    pid: child.pid,
    send: (message) => {
      if (alive2() && child.connected) child.send(message);
    },
    onMessage: (listener) => void child.on("message", (message) => listener(message)),
    onExit: (listener) => void exited.then(listener),
    async close(graceMs = 1e3) {
      if (!alive2()) return;
      if (child.connected) child.send({ type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill: () => {
      if (alive2()) child.kill("SIGKILL");
    }
  };
}

// src/main/hardware/nfc/pcscReaders.ts
var STATE_DETAIL = {
  idle: "Not reading.",
  starting: "Starting the PC/SC reader process.",
  ready: "Ready: tap a card or phone on a reader.",
  restarting: "The PC/SC reader process stopped; restarting it.",
  pcscd_down: "The PC/SC service (pcscd) is not answering; waiting for it. Start it with: sudo systemctl start pcscd",
  unavailable: "The nfc-pcsc library could not load, so real readers cannot be used."
};
var PcscReaders = class {
  constructor(options) {
    this.options = options;
  }
  options;
  mode = "real";
  events = new ReaderEvents();
  child;
  running = false;
  current = { state: "idle", detail: STATE_DETAIL.idle };
  config = { aids: [] };
  present = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  /** Readers whose card was already read (or timed out) when the child went; not read again. */
  carry = [];
  failures = 0;
  retry;
  watchdog;
  start(config) {
    this.config = config;
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    void this.launch();
  }
  configure(config) {
    this.config = config;
    this.child?.send({ type: "configure", aids: [...config.aids], skip: [] });
  }
  async stop() {
    this.running = false;
    clearTimeout(this.retry);
    clearInterval(this.watchdog);
    const child = this.child;
    this.child = void 0;
    for (const reader of [...this.pending.keys()]) this.settle(reader);
    await child?.close();
    this.dropReaders();
    this.setState("idle");
  }
  state() {
    return this.current;
  }
  readers() {
    return [...this.present].map(([name2, cardPresent]) => ({ name: name2, simulated: false, cardPresent }));
  }
  onEvent(listener) {
    return this.events.on(listener);
  }
  async launch() {
    this.retry = void 0;
    if (!this.running || this.child) return;
    if (!await pcscdReachable(this.options.socket)) return this.waitFor("pcscd_down", this.options.pollMs ?? 200);
    if (!this.running || this.child) return;
    this.setState("starting");
    const child = spawnWorker(this.options.log);
    this.child = child;
    child.onMessage((message) => this.handle(child, message));
    child.onExit(() => this.exited(child));
    child.send({ type: "configure", aids: [...this.config.aids], skip: this.carry });
    this.carry = [];
    const readyTimer = setTimeout(() => this.current.state === "starting" && child.kill(), this.options.readyTimeoutMs ?? 15e3);
    child.onExit(() => clearTimeout(readyTimer));
  }
  handle(child, message) {
    if (child !== this.child) return;
    switch (message.type) {
      case "ready":
        return this.ready();
      case "unavailable":
        this.options.log.error(`nfc-pcsc could not load: ${message.message}`);
        this.setState("unavailable", `${STATE_DETAIL.unavailable} (${message.message})`);
        return child.kill();
      case "fatal":
        this.options.log.warn(`PC/SC failed: ${message.message}; restarting the reader process`);
        return child.kill();
      case "reader_error":
        return this.options.log.warn(`reader ${message.name}: ${message.message}`);
      default:
        return this.readerMessage(message);
    }
  }
  readerMessage(message) {
    if (message.type === "reader") this.present.set(message.name, false);
    if (message.type === "reader_end") {
      this.present.delete(message.name);
      this.settle(message.name);
    }
    if (message.type === "card") {
      this.present.set(message.reader, true);
      if (message.read) this.watch(message.reader, message.atr, message.cardEventMs);
    }
    if (message.type === "card_off") this.present.set(message.reader, false);
    if (message.type === "tap") {
      if (!this.settle(message.reader)) return;
      const { type: _type, ...tap } = message;
      return this.events.emit({ type: "tap", tap });
    }
    this.events.emit({ type: "readers", readers: this.readers() });
  }
  ready() {
    this.setState("ready");
    const child = this.child;
    this.watchPcscd(child);
    setTimeout(() => {
      if (this.child === child && this.current.state === "ready") this.failures = 0;
    }, 1e4).unref();
  }
  /**
   * The child may miss pcscd's death (nfc-pcsc then waits forever); main checks the socket itself.
   * A refused connection means pcscd is gone; a probe that timed out may only mean this process
   * was busy, so that takes two in a row.
   */
  watchPcscd(child) {
    clearInterval(this.watchdog);
    let timeouts = 0;
    this.watchdog = setInterval(() => {
      if (this.child !== child) return clearInterval(this.watchdog);
      void probePcscd(this.options.socket).then((outcome) => {
        if (this.child !== child) return;
        timeouts = outcome === "timeout" ? timeouts + 1 : 0;
        if (outcome === "up" || outcome === "timeout" && timeouts < 2) return;
        this.options.log.warn("pcscd stopped answering; restarting the reader process");
        child?.kill();
      });
    }, this.options.watchdogMs ?? 1e3).unref();
  }
  watch(reader, atr, cardEventMs) {
    this.settle(reader);
    const timer = setTimeout(() => this.timedOut(reader), this.options.readTimeoutMs);
    this.pending.set(reader, { atr, cardEventMs, timer });
  }
  /** Clears a reader's pending read; false when there was none (the tap was already reported). */
  settle(reader) {
    const read2 = this.pending.get(reader);
    if (read2) clearTimeout(read2.timer);
    this.pending.delete(reader);
    return read2;
  }
  timedOut(reader) {
    const read2 = this.settle(reader);
    if (!read2) return;
    this.options.log.warn(`reader ${reader}: the card stopped answering; killing the PC/SC process`);
    this.emitFailed(reader, read2, TapError.timeout);
    this.child?.kill();
  }
  exited(child) {
    if (child !== this.child) return;
    this.child = void 0;
    this.carry = [...this.present].filter(([, card]) => card).map(([name2]) => name2);
    for (const [reader, read2] of [...this.pending]) {
      this.settle(reader);
      this.emitFailed(reader, read2, TapError.readerRestarted);
    }
    this.dropReaders();
    if (!this.running || this.current.state === "unavailable") return;
    void this.restartAfterExit();
  }
  /** pcscd gone: wait for it (launch polls). pcscd up: the child itself failed, so back off. */
  async restartAfterExit() {
    this.setState("restarting");
    if (!await pcscdReachable(this.options.socket)) return this.waitFor("pcscd_down", this.options.pollMs ?? 200);
    const backoff = this.options.backoffMs ?? [100, 500, 1e3, 2e3, 5e3];
    const delay = backoff[Math.min(this.failures, backoff.length - 1)] ?? 1e3;
    this.failures++;
    this.waitFor("restarting", delay);
  }
  waitFor(state, delayMs) {
    this.setState(state);
    if (this.running) this.retry = setTimeout(() => void this.launch(), delayMs).unref();
  }
  emitFailed(reader, read2, code) {
    const atr = hexToBytes(read2.atr) ?? new Uint8Array();
    const reading = { standard: standardOfAtr(atr), uid: null, aid: null, credential: null, error: { code, message: describeTapError(code) } };
    const tap = { reader, atr: read2.atr, reading, cardEventMs: read2.cardEventMs, latencyMs: epochMs() - read2.cardEventMs, transportMs: 0 };
    this.events.emit({ type: "tap", tap });
  }
  dropReaders() {
    if (this.present.size === 0) return;
    this.present.clear();
    this.events.emit({ type: "readers", readers: [] });
  }
  setState(state, detail = STATE_DETAIL[state]) {
    if (this.current.state === state && this.current.detail === detail) return;
    this.current = { state, detail };
    this.events.emit({ type: "state", state, detail });
  }
};

// src/main/hardware/nfc/simulatedCard.ts
var STORAGE_CARD_ATR = "3B8F8001804F0CA000000306030001000000006A";
var ISO_DEP_ATR = "3B8080010101";
var SW_OK = [144, 0];
var NOT_FOUND = Uint8Array.of(106, 130);
var INS_NOT_SUPPORTED = Uint8Array.of(109, 0);
var SimulatedCardResponder = class {
  constructor(card) {
    this.card = card;
    this.atr = hexToBytes(card.kind === "card" ? STORAGE_CARD_ATR : ISO_DEP_ATR);
    this.uid = card.kind === "card" ? hexToBytes(card.uid) : Uint8Array.of(8, ...randomBytes(3));
  }
  card;
  atr;
  uid;
  respond(command2) {
    if (command2[0] === 255 && command2[1] === 202) return Uint8Array.of(...this.uid, ...SW_OK);
    if (command2[1] === 164 && command2[2] === 4) return this.select(command2.subarray(5, 5 + (command2[4] ?? 0)));
    return INS_NOT_SUPPORTED;
  }
  select(aid) {
    if (this.card.kind !== "phone" || bytesToHex(aid) !== this.card.aid) return NOT_FOUND;
    return Uint8Array.of(...new TextEncoder().encode(this.card.credential), ...SW_OK);
  }
};
function randomBytes(n) {
  return Array.from({ length: n }, () => Math.floor(Math.random() * 256));
}

// src/main/hardware/nfc/simulatedReaders.ts
var SIMULATED_READER = "Lintel Virtual Reader (simulated)";
var SimulatedReaders = class {
  mode = "simulated";
  events = new ReaderEvents();
  running = false;
  cardPresent = false;
  config = { aids: [] };
  start(config) {
    this.config = config;
    if (this.running) return;
    this.running = true;
    this.events.emit({ type: "state", ...this.state() });
    this.events.emit({ type: "readers", readers: this.readers() });
  }
  configure(config) {
    this.config = config;
  }
  async stop() {
    if (!this.running) return;
    this.running = false;
    this.events.emit({ type: "state", ...this.state() });
  }
  state() {
    return this.running ? { state: "ready", detail: "Ready: the simulated reader is tapped from the Verify page." } : { state: "idle", detail: "Not reading." };
  }
  readers() {
    return [{ name: SIMULATED_READER, simulated: true, cardPresent: this.cardPresent }];
  }
  onEvent(listener) {
    return this.events.on(listener);
  }
  /** A card or phone enters the field, is read like a real one, and leaves. */
  async tap(card) {
    if (!this.running) throw new LintelError("not_reading", "Start reading before tapping the simulated reader.");
    if (this.cardPresent) throw new LintelError("reader_busy", "The simulated reader is still reading the previous tap.");
    const responder = new SimulatedCardResponder(card);
    this.setCard(true);
    const cardEventMs = epochMs();
    let transportMs = 0;
    const reading = await readCard(responder.atr, async (command2) => {
      const started = epochMs();
      const response = responder.respond(command2);
      transportMs += epochMs() - started;
      return response;
    }, this.config.aids);
    const tap = { reader: SIMULATED_READER, atr: bytesToHex(responder.atr), reading, cardEventMs, latencyMs: epochMs() - cardEventMs, transportMs };
    this.events.emit({ type: "tap", tap });
    this.setCard(false);
  }
  setCard(present) {
    this.cardPresent = present;
    this.events.emit({ type: "readers", readers: this.readers() });
  }
};

// src/main/hardware/nfc/index.ts
function pcscLibraryInstalled() {
  try {
    createRequire3(import.meta.url).resolve("nfc-pcsc");
    return true;
  } catch {
    return false;
  }
}
function openNfcReaders(wiring) {
  if (!wiring.real) return new SimulatedReaders();
  return new PcscReaders({ socket: wiring.socket ?? PCSCD_SOCKET, readTimeoutMs: wiring.readTimeoutMs ?? 3e3, log: wiring.log });
}

// src/main/services/hardwareService.ts
var systemProbe = { bleAdapter: () => bleAdapterPresent(), pcscd: () => pcscdRunning() };
var HardwareService = class {
  constructor(site, probe, nfc, ble) {
    this.site = site;
    this.probe = probe;
    this.nfc = nfc;
    this.ble = ble;
  }
  site;
  probe;
  nfc;
  ble;
  /** The BLE radio as BleService reports it: a real adapter or the virtual RF site. */
  bleStatus() {
    return this.ble.status();
  }
  bleReaders() {
    return this.ble.readers();
  }
  /** The NFC readers as NfcService reports them: real PC/SC or the simulated reader. */
  nfcStatus() {
    return this.nfc.status();
  }
  simulated() {
    return { ble: this.bleStatus().mode === "simulated", nfc: this.nfcStatus().mode === "simulated" };
  }
};

// src/main/services/nfcService.ts
var NfcErrorCode = { noTap: "no_tap", notSimulated: "not_simulated", notReading: "not_reading" };
var RECENT = 100;
var STARTUP_ALLOWANCE_MS = 15e3;
var NfcService = class {
  constructor(deps) {
    this.deps = deps;
    this.readers = deps.readers;
    this.readers.onEvent((event) => {
      if (event.type === "tap") this.onTap(event.tap);
      else deps.hub.emit("nfc", "status", this.status());
    });
    deps.hub.subscribe(eventChannel("app", "settingsChanged"), () => this.readers.configure({ aids: this.aidCodes() }));
  }
  deps;
  readers;
  doorId = null;
  aidOverride;
  seq = 0;
  recent = [];
  waiters = /* @__PURE__ */ new Set();
  status() {
    const { state, detail } = this.readers.state();
    const pcscd = state !== "pcscd_down" && this.deps.pcscd() ? "running" : "absent";
    return { mode: this.readers.mode, pcscd, state, readers: this.readers.readers(), doorId: this.doorId, advice: this.advice(detail, pcscd) };
  }
  /** Starts reading (idempotent) and sets the door taps are decided at; null or absent: the default door. */
  startReading(doorId) {
    this.doorId = doorId ?? this.deps.settings().defaultDoorId;
    this.readers.start({ aids: this.aidCodes() });
    const status = this.status();
    this.deps.hub.emit("nfc", "status", status);
    return status;
  }
  async stopReading() {
    await this.readers.stop();
    return this.status();
  }
  /** The AIDs selected on phones, in order: built-in, then settings (or the override given to read). */
  aids() {
    return this.aidOverride ?? aidList(this.deps.settings().customAids);
  }
  /** Replaces the AIDs for the next reads (the CLI's --aid); undefined goes back to settings. */
  useAids(aids) {
    const known = aidList(this.deps.settings().customAids);
    this.aidOverride = aids?.map((aid) => known.find((e) => e.aid === aid) ?? { label: aid, aid, source: "command line", credentialType: null });
    this.readers.configure({ aids: this.aidCodes() });
  }
  recentTaps() {
    return [...this.recent];
  }
  /**
   * Resolves with the next tap, or fails with no_tap when none comes in time. Starts reading if needed.
   * The clock starts once the readers have started (or failed to): forking the PC/SC child takes a
   * second or two, which must not eat a short `--timeout`. The wait for the start is capped.
   */
  nextTap(options) {
    if (this.readers.state().state === "idle") this.startReading(this.doorId);
    return new Promise((resolve4, reject) => {
      let timer;
      let unwatch = () => void 0;
      const finish = () => {
        clearTimeout(timer);
        clearTimeout(startup);
        unwatch();
        this.waiters.delete(waiter);
      };
      const waiter = {
        reader: options.reader,
        resolve: (event) => {
          finish();
          resolve4(event);
        }
      };
      const expire = () => {
        finish();
        reject(new LintelError(NfcErrorCode.noTap, `No tap within ${options.timeoutMs / 1e3} s.${this.whyNoTap(options.reader)}`));
      };
      const arm = () => {
        unwatch();
        clearTimeout(startup);
        timer ??= setTimeout(expire, options.timeoutMs);
      };
      this.waiters.add(waiter);
      const starting = this.starting();
      const startup = starting ? setTimeout(arm, STARTUP_ALLOWANCE_MS) : void 0;
      if (!starting) return arm();
      unwatch = this.readers.onEvent((event) => {
        if (event.type === "state" && !this.starting()) arm();
      });
    });
  }
  /** The readers are idle or launching: no tap can come yet. */
  starting() {
    const { state } = this.readers.state();
    return state === "idle" || state === "starting";
  }
  /** Waits for one tap and gives its value in the form of the credential type, for the credential form. */
  async enrolTap(credentialTypeId, timeoutSeconds) {
    const site = this.deps.site.snapshot();
    const type = site.credential_types.find((t) => t.id === credentialTypeId);
    if (!type) throw new LintelError(ErrorCode.notFound, `There is no credential type ${JSON.stringify(credentialTypeId)} on this site.`);
    const tap = await this.nextTap({ timeoutMs: (timeoutSeconds ?? this.deps.settings().nfcTimeoutSeconds) * 1e3 });
    const { value, problem } = enrolValue(tap.tap, type);
    const holder = value === null ? void 0 : site.credentials.find((c) => c.credential_type_id === type.id && c.value === value);
    return { tap, value, problem, enrolled: holder ? { credential_id: holder.id, person_id: holder.person_id } : null };
  }
  /** Taps the demo's simulated reader; refused when real readers are in use. */
  async simulateTap(card) {
    if (!(this.readers instanceof SimulatedReaders)) {
      throw new LintelError(NfcErrorCode.notSimulated, "Real readers are in use: tap a real card on a reader.");
    }
    if (this.readers.state().state !== "ready") throw new LintelError(NfcErrorCode.notReading, "Start reading before tapping the simulated reader.");
    const next = this.nextTap({ timeoutMs: 5e3 });
    next.catch(() => void 0);
    await this.readers.tap(card);
    return next;
  }
  async close() {
    await this.readers.stop();
  }
  aidCodes() {
    return this.aids().map((entry) => entry.aid);
  }
  onTap(card) {
    const tap = tapRecord(card);
    const event = this.decideTap(tap, card);
    this.recent.push(event);
    if (this.recent.length > RECENT) this.recent.shift();
    this.deps.hub.emit("nfc", "tap", event);
    for (const waiter of [...this.waiters]) if (waiter.reader === void 0 || waiter.reader === tap.reader) waiter.resolve(event);
  }
  decideTap(tap, card) {
    const site = this.deps.site.snapshot();
    const compiled = this.deps.site.compiledSite();
    const identified = identifyTap(tap, {
      types: site.credential_types,
      aids: this.aids(),
      enrolled: enrolledIn(site)
    });
    const { presented } = identified;
    const doorId = this.doorId;
    const decision = presented && doorId !== null ? decide(compiled, { door_id: doorId, credential_type_id: presented.credential_type_id, value: presented.value, at: tap.at }) : null;
    const timing = { card_event_ms: card.cardEventMs, transport_ms: card.transportMs };
    return { seq: this.seq++, tap, presented, unmatched: identified.unmatched, door_id: doorId, decision, timing };
  }
  /** Why no tap could come, when the readers say so (pcscd down, no reader, the simulation): the CLI prints it. */
  whyNoTap(reader) {
    const status = this.status();
    if (status.mode === "real" && status.state === "ready" && status.readers.length > 0) {
      return reader === void 0 || status.readers.some((r) => r.name === reader) ? "" : ` There is no reader named ${JSON.stringify(reader)}.`;
    }
    return ` ${status.advice}`;
  }
  advice(detail, pcscd) {
    if (this.readers.mode === "simulated") {
      return pcscd === "running" ? "The PC/SC service is running but nfc-pcsc is not installed (npm installs it when libpcsclite-dev is present), so the simulated reader is used." : "No PC/SC service was found, so the simulated reader is used. Install pcscd (sudo apt-get install pcscd) and plug in a USB NFC reader.";
    }
    const state = this.readers.state().state;
    if (state === "idle") return "The PC/SC service is running; readers open when reading starts (the Verify page, or lintel nfc read).";
    if (state === "ready" && this.readers.readers().length === 0) return "No reader found: plug in a USB NFC reader.";
    return detail;
  }
};
function tapRecord(card) {
  const { reading } = card;
  return {
    reader: card.reader,
    at: new Date(card.cardEventMs).toISOString(),
    atr: card.atr,
    standard: reading.standard,
    uid: reading.uid,
    aid: reading.aid,
    credential: reading.credential,
    latency_ms: Math.round(card.latencyMs * 100) / 100,
    ...reading.error ? { error: reading.error } : {}
  };
}

// src/main/survey/advertiserTable.ts
var RssiRing = class {
  constructor(capacity) {
    this.capacity = capacity;
    this.values = new Int8Array(capacity);
  }
  capacity;
  values;
  next = 0;
  filled = 0;
  push(rssi) {
    this.values[this.next] = rssi;
    this.next = (this.next + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
  }
  get size() {
    return this.filled;
  }
  /** Oldest first. */
  toArray() {
    const out = new Array(this.filled);
    const start = (this.next - this.filled + this.capacity) % this.capacity;
    for (let i = 0; i < this.filled; i++) out[i] = this.values[(start + i) % this.capacity];
    return out;
  }
};
var AdvertiserTable = class {
  constructor(directory, limits = {}) {
    this.directory = directory;
    this.max = limits.advertisers ?? 2e3;
    this.staleMs = limits.staleMs ?? 3e4;
  }
  directory;
  entries = /* @__PURE__ */ new Map();
  max;
  staleMs;
  get size() {
    return this.entries.size;
  }
  record(advert) {
    let entry = this.entries.get(advert.address);
    if (!entry) {
      if (this.entries.size >= this.max) this.evict();
      entry = this.create(advert);
      this.entries.set(advert.address, entry);
    }
    const row = entry.row;
    row.rssi = advert.rssi;
    row.lastSeen = advert.t;
    row.count++;
    if (advert.name !== null) row.name = advert.name;
    if (advert.txPower !== null) row.txPower = advert.txPower;
    if (advert.manufacturerData !== null) row.manufacturerData = clip(advert.manufacturerData);
    if (advert.serviceUuids.length > 0 && advert.serviceUuids !== row.serviceUuids) row.serviceUuids = advert.serviceUuids.slice(0, SCAN_LIMITS.serviceUuids);
    entry.ring.push(advert.rssi);
  }
  /** Known readers first, then by recent RSSI (median of the last 5), at most `limit` rows seen within the stale window. */
  rows(now, limit = SCAN_LIMITS.rows) {
    const fresh2 = [];
    for (const entry of this.entries.values()) {
      if (now - entry.row.lastSeen <= this.staleMs) fresh2.push({ entry, strength: recentStrength(entry.ring) + (entry.row.readerType ? 1e3 : 0) });
    }
    fresh2.sort((a, b) => b.strength - a.strength);
    return fresh2.slice(0, limit).map(({ entry }) => ({ ...entry.row, serviceUuids: [...entry.row.serviceUuids], history: entry.ring.toArray() }));
  }
  clear() {
    this.entries.clear();
  }
  create(advert) {
    const known = this.directory.identify(advert);
    return {
      row: {
        address: advert.address,
        name: advert.name,
        rssi: advert.rssi,
        txPower: advert.txPower,
        serviceUuids: advert.serviceUuids.slice(0, SCAN_LIMITS.serviceUuids),
        manufacturerData: advert.manufacturerData === null ? null : clip(advert.manufacturerData),
        readerType: known?.readerType ?? null,
        readerId: known?.readerId ?? null,
        lastSeen: advert.t,
        count: 0
      },
      ring: new RssiRing(SCAN_LIMITS.history)
    };
  }
  evict() {
    const byAge = [...this.entries.values()].sort((a, b) => a.row.lastSeen - b.row.lastSeen);
    for (const entry of byAge.slice(0, Math.max(1, Math.floor(this.max / 10)))) this.entries.delete(entry.row.address);
  }
};
function recentStrength(ring) {
  const recent = ring.toArray().slice(-5).sort((a, b) => a - b);
  return recent[recent.length >> 1] ?? -127;
}
function clip(hex) {
  return hex.length <= SCAN_LIMITS.manufacturerHexChars ? hex : `${hex.slice(0, SCAN_LIMITS.manufacturerHexChars)}\u2026`;
}

// src/main/survey/readerDirectory.ts
var READER_TYPES = [{ type: "Lintel simulated reader", serviceUuid: VIRTUAL_READER_SERVICE }];
function readerDirectory(readers) {
  const byAddress = new Map(readers.map((r) => [r.address.toUpperCase(), r]));
  const byService = new Map(READER_TYPES.map((t) => [t.serviceUuid.toUpperCase(), t.type]));
  return {
    identify(advert) {
      const reader = byAddress.get(advert.address.toUpperCase());
      if (reader) return { readerId: reader.id, readerType: reader.technology || "Door reader" };
      const type = advert.serviceUuids.map((u) => byService.get(u.toUpperCase())).find((t) => t !== void 0);
      return type ? { readerId: null, readerType: type } : null;
    }
  };
}

// src/main/services/bleService.ts
var defaultRadios = { real: (adapter) => adapterRadio(adapter), simulated: (readers) => simulatedRadio(readers) };
var BleService = class {
  constructor(options) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.table = new AdvertiserTable(readerDirectory(options.readers()));
    options.hub.subscribe(eventChannel("app", "settingsChanged"), () => {
      if (!this.radio) this.publishStatus();
    });
  }
  options;
  radio = null;
  state = "unknown";
  problem = null;
  startedAt = null;
  timer = null;
  listeners = /* @__PURE__ */ new Set();
  table;
  received = 0;
  rate = { at: 0, count: 0, perSecond: 0 };
  now;
  /** Real when an adapter is present or a UART dongle is chosen; otherwise the virtual RF site. */
  usesSimulation() {
    if (this.radio) return this.radio.simulated;
    return this.options.settings().bleAdapter.kind === "default" && !this.options.adapterPresent();
  }
  status() {
    const adapter = this.options.settings().bleAdapter;
    if (this.usesSimulation()) {
      return { mode: "simulated", state: "simulated", adapter: "virtual RF site", advice: "No Bluetooth adapter was found, so readings come from the simulated demo site. Plug in a BLE dongle (or choose one in Settings) for real readings." };
    }
    const name2 = adapter.kind === "uart" ? `HCI UART dongle on ${adapter.port}` : "default Bluetooth adapter";
    const state = this.state === "simulated" ? "unknown" : this.state;
    const advice = this.problem ?? (state === "poweredOn" ? "Scanning works: readings are real." : "The adapter is read when a scan starts.");
    return { mode: "real", state, adapter: name2, advice };
  }
  /** The scanning device whose calibration applies: the simulation, a UART dongle, or the default adapter. */
  device() {
    if (this.radio) return { id: this.radio.deviceId, label: this.radio.label };
    if (this.usesSimulation()) return { id: "simulated", label: "virtual RF site" };
    const adapter = this.options.settings().bleAdapter;
    return adapter.kind === "uart" ? { id: `uart:${adapter.port}`, label: `HCI UART dongle on ${adapter.port}` } : { id: "default", label: "default Bluetooth adapter" };
  }
  readers() {
    return this.options.readers();
  }
  scanState() {
    return { scanning: this.radio !== null, simulated: this.usesSimulation(), startedAt: this.startedAt, problem: this.problem };
  }
  /** The radio scanning now, if any (the survey moves the simulated surveyor through it). */
  currentRadio() {
    return this.radio;
  }
  /** Starts scanning (idempotent). `simulate` forces the virtual RF site. */
  async startScan(options = {}) {
    if (this.radio) return this.scanState();
    const simulate = options.simulate === true || this.usesSimulation();
    const radio = simulate ? (this.options.radios ?? defaultRadios).simulated(this.options.readers()) : (this.options.radios ?? defaultRadios).real(this.options.settings().bleAdapter);
    this.radio = radio;
    this.table = new AdvertiserTable(readerDirectory(this.options.readers()));
    this.problem = null;
    try {
      await radio.start({ state: (state) => this.onState(state), advert: (advert) => this.receive(advert) });
    } catch (error2) {
      this.radio = null;
      this.problem = error2 instanceof Error ? error2.message : String(error2);
      this.publishStatus();
      throw error2 instanceof BleError ? error2 : new BleError(BleErrorCode.failed, this.problem);
    }
    this.startedAt = this.now();
    this.state = radio.simulated ? "simulated" : "poweredOn";
    this.startBatches();
    this.publishStatus();
    return this.scanState();
  }
  async stopScan() {
    const radio = this.radio;
    this.radio = null;
    this.startedAt = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (radio) await radio.stop();
    this.publishStatus();
    this.options.hub.emit("ble", "scan", this.batch());
    return this.scanState();
  }
  /** Every advert as it arrives (copied), for captures and the CLI. */
  onAdvert(listener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  /** The table as the UI sees it now. */
  batch() {
    const now = this.now();
    return {
      at: now,
      scanning: this.radio !== null,
      simulated: this.usesSimulation(),
      advertisers: this.table.size,
      advertsPerSecond: this.rate.perSecond,
      rows: this.table.rows(now)
    };
  }
  /** Adverts received since the service started. */
  get advertsReceived() {
    return this.received;
  }
  receive(advert) {
    this.received++;
    this.table.record(advert);
    for (const listener of this.listeners) listener(advert);
  }
  onState(state) {
    if (this.radio?.simulated) return;
    this.state = state;
    if (this.radio) this.problem = stateAdvice(state)?.message ?? null;
    this.publishStatus();
  }
  startBatches() {
    const perSecond = Math.min(10, Math.max(1, this.options.batchesPerSecond ?? 4));
    this.rate = { at: this.now(), count: this.received, perSecond: 0 };
    this.timer = setInterval(() => {
      this.updateRate();
      this.options.hub.emit("ble", "scan", this.batch());
    }, 1e3 / perSecond);
    this.timer.unref();
  }
  updateRate() {
    const now = this.now();
    const seconds = (now - this.rate.at) / 1e3;
    if (seconds < 1) return;
    this.rate = { at: now, count: this.received, perSecond: Math.round((this.received - this.rate.count) / seconds) };
  }
  publishStatus() {
    this.options.hub.emit("ble", "status", this.status());
  }
};

// src/main/services/surveyService.ts
import { randomUUID } from "node:crypto";

// src/main/survey/calibrationFile.ts
import { mkdirSync, readFileSync, renameSync as renameSync2, writeFileSync } from "node:fs";
import { dirname as dirname3, join as join4 } from "node:path";
import { z as z11 } from "zod";
var FileSchema = z11.object({ devices: z11.record(z11.string(), DeviceCalibrationSchema) });
var CalibrationFile = class {
  path;
  constructor(userDataDir) {
    this.path = join4(userDataDir, "ble-calibration.json");
  }
  all() {
    return Object.values(this.read()).sort((a, b) => a.deviceId.localeCompare(b.deviceId));
  }
  /** The device's offset in dB, 0 when it has never been calibrated. */
  offsetFor(deviceId) {
    return this.read()[deviceId]?.offset_dB ?? 0;
  }
  save(calibration) {
    const devices = { ...this.read(), [calibration.deviceId]: calibration };
    mkdirSync(dirname3(this.path), { recursive: true });
    writeFileSync(`${this.path}.tmp`, JSON.stringify({ devices }, null, 2));
    renameSync2(`${this.path}.tmp`, this.path);
    return calibration;
  }
  read() {
    try {
      const parsed2 = FileSchema.safeParse(JSON.parse(readFileSync(this.path, "utf8")));
      return parsed2.success ? parsed2.data.devices : {};
    } catch {
      return {};
    }
  }
};

// src/main/survey/rangeTest.ts
function captureAtMark(capture) {
  const now = capture.now ?? Date.now;
  const address = capture.address.toUpperCase();
  const duration_ms = capture.seconds * 1e3;
  const samples = [];
  let pending = [];
  const started = now();
  capture.surveyor?.standAt({ address, distance_m: capture.mark.distance_m, side: capture.mark.side });
  const stop = capture.adverts((advert) => {
    if (advert.address.toUpperCase() !== address || samples.length >= SURVEY_LIMITS.samplesPerMark) return;
    samples.push({ t: advert.t, rssi: advert.rssi, distance_m: capture.mark.distance_m, side: capture.mark.side });
    pending.push({ t: advert.t, rssi: advert.rssi });
  });
  const tick = (done) => {
    const points = pending.slice(-SURVEY_LIMITS.livePoints);
    pending = [];
    capture.progress({ elapsed_ms: Math.min(duration_ms, now() - started), duration_ms, samples: samples.length, points, done });
  };
  return new Promise((resolve4) => {
    const timer = setInterval(() => tick(false), capture.progressMs ?? 100);
    const end = setTimeout(() => finish(false), duration_ms);
    const finish = (aborted) => {
      clearInterval(timer);
      clearTimeout(end);
      stop();
      capture.surveyor?.standAt(null);
      capture.signal?.removeEventListener("abort", onAbort);
      tick(true);
      resolve4(aborted ? null : samples);
    };
    const onAbort = () => finish(true);
    capture.signal?.addEventListener("abort", onAbort);
    if (capture.signal?.aborted) finish(true);
  });
}

// src/main/survey/report/index.ts
import { mkdirSync as mkdirSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join6 } from "node:path";

// src/main/survey/surveyFiles.ts
import { mkdirSync as mkdirSync2, readdirSync as readdirSync2, readFileSync as readFileSync2, renameSync as renameSync3, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join5 } from "node:path";
var SurveyErrorCode = {
  notFound: "survey_not_found",
  unreadable: "survey_unreadable",
  busy: "survey_busy",
  noSamples: "survey_no_samples",
  badMark: "survey_bad_mark",
  badReference: "calibration_bad_reference",
  noSharedMarks: "calibration_no_shared_marks",
  pdfUnavailable: "report_pdf_unavailable"
};
var SurveyFiles = class {
  constructor(userDataDir, log) {
    this.log = log;
    this.dir = join5(userDataDir, "surveys");
  }
  log;
  dir;
  save(survey) {
    mkdirSync2(this.dir, { recursive: true });
    const path = this.pathOf(survey.id);
    writeFileSync2(`${path}.tmp`, JSON.stringify(survey));
    renameSync3(`${path}.tmp`, path);
  }
  load(id) {
    let text;
    try {
      text = readFileSync2(this.pathOf(id), "utf8");
    } catch {
      throw new LintelError(SurveyErrorCode.notFound, `There is no saved survey ${id}.`);
    }
    const parsed2 = DoorSurveySchema.safeParse(safeJson(text));
    if (!parsed2.success) throw new LintelError(SurveyErrorCode.unreadable, `The saved survey ${id} is damaged and cannot be opened.`);
    return parsed2.data;
  }
  delete(id) {
    rmSync(this.pathOf(id), { force: true });
  }
  /** Newest first; damaged files are skipped with a warning. */
  list() {
    let names;
    try {
      names = readdirSync2(this.dir).filter((n) => n.endsWith(".json"));
    } catch {
      return [];
    }
    const summaries = [];
    for (const name2 of names) {
      try {
        summaries.push(summaryOf(this.load(name2.slice(0, -5))));
      } catch {
        this.log.warn(`skipped the damaged survey file ${name2}`);
      }
    }
    return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  pathOf(id) {
    if (!/^[a-z0-9-]{6,64}$/.test(id)) throw new LintelError(SurveyErrorCode.notFound, `There is no saved survey ${id.slice(0, 80)}.`);
    return join5(this.dir, `${id}.json`);
  }
};
function summaryOf(survey) {
  const a = survey.analysis;
  return {
    id: survey.id,
    createdAt: survey.createdAt,
    readerName: survey.reader.name,
    address: survey.reader.address,
    simulated: survey.simulated,
    marksCaptured: survey.marks.filter((m2) => m2.capturedAt !== null).length,
    marks: survey.marks.length,
    samples: survey.samples.length,
    verdict: a ? { interference: a.interference.class, reliableRange_m: a.reliableRange_m, leakRange_m: a.leakRange_m, leaksToWrongSide: a.leaksToWrongSide } : null
  };
}
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// src/main/survey/report/index.ts
function samplesCsv(samples) {
  const lines = ["time,rssi,distance,channel,side"];
  for (const s of samples) lines.push(`${s.t},${s.rssi},${s.distance_m},${s.channel ?? ""},${s.side}`);
  return `${lines.join("\n")}
`;
}
async function writeReport(survey, format, userDataDir, pdf) {
  const dir = join6(userDataDir, "reports");
  mkdirSync3(dir, { recursive: true });
  const path = join6(dir, `survey-${survey.id}.${format}`);
  const bytes = await reportBytes(survey, format, pdf);
  writeFileSync3(path, bytes);
  return { path, format, bytes: bytes.byteLength };
}
async function reportBytes(survey, format, pdf) {
  const html = () => reportHtml(survey, survey.analysis, (/* @__PURE__ */ new Date()).toISOString());
  switch (format) {
    case "csv":
      return Buffer.from(samplesCsv(survey.samples));
    case "json":
      return Buffer.from(JSON.stringify(survey, null, 1));
    case "html":
      return Buffer.from(html());
    case "pdf":
      if (!pdf) throw new LintelError(SurveyErrorCode.pdfUnavailable, "PDF export needs Chromium: install it (sudo apt-get install chromium) or export HTML and print it.");
      return pdf.print(html());
  }
}

// src/main/services/surveyService.ts
var SurveyService = class {
  constructor(options) {
    this.options = options;
    this.files = new SurveyFiles(options.userDataDir, options.log);
    this.calibration = new CalibrationFile(options.userDataDir);
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
  }
  options;
  files;
  calibration;
  capture = null;
  now;
  /** Starts a range test for one reader; nothing is captured yet. */
  create(plan) {
    const address = plan.address.toUpperCase();
    const known = this.options.ble.readers().find((r) => r.address.toUpperCase() === address);
    const seen = this.options.ble.batch().rows.find((r) => r.address.toUpperCase() === address);
    const device = this.options.ble.device();
    const at = this.now().toISOString();
    const survey = {
      id: `${at.slice(0, 10)}-${randomUUID().slice(0, 8)}`,
      createdAt: at,
      updatedAt: at,
      reader: { address, name: known?.name ?? seen?.name ?? null, readerId: known?.id ?? seen?.readerId ?? null, advIntervalMs: known?.advIntervalMs ?? null },
      threshold_dBm: plan.threshold_dBm,
      captureSeconds: plan.captureSeconds,
      note: plan.note,
      device,
      simulated: this.options.ble.usesSimulation(),
      marks: plan.marks.map((m2) => ({ ...m2, capturedAt: null, samples: 0 })),
      samples: [],
      analysis: null
    };
    this.files.save(survey);
    return survey;
  }
  list() {
    return this.files.list();
  }
  load(id) {
    return this.files.load(id);
  }
  delete(id) {
    this.files.delete(id);
    return this.publishList();
  }
  /** Captures one mark for the survey's capture time (replacing an earlier capture of that mark). */
  async captureMark(surveyId, markIndex) {
    if (this.capture) throw new LintelError(SurveyErrorCode.busy, "A mark is being captured; wait for it or cancel it.");
    const survey = this.files.load(surveyId);
    const mark = survey.marks[markIndex];
    if (!mark) throw new LintelError(SurveyErrorCode.badMark, `The survey has no mark ${markIndex + 1}.`);
    const abort = new AbortController();
    this.capture = { surveyId, abort };
    try {
      await this.options.ble.startScan({ simulate: survey.simulated });
      const samples = await captureAtMark({
        address: survey.reader.address,
        mark,
        seconds: survey.captureSeconds,
        adverts: (listener) => this.options.ble.onAdvert(listener),
        progress: (tick) => this.options.hub.emit("ble", "captureProgress", { surveyId, markIndex, ...tick }),
        surveyor: this.options.ble.currentRadio()?.surveyor,
        signal: abort.signal
      });
      if (samples === null) return survey;
      return this.saveCapture(survey, markIndex, samples);
    } finally {
      this.capture = null;
    }
  }
  /** Stops the running capture; its samples are discarded. */
  cancelCapture() {
    this.capture?.abort.abort();
    return this.capture !== null;
  }
  /** Analyses the captured samples with the device's calibration offset and saves the result. */
  analyze(surveyId) {
    const survey = this.files.load(surveyId);
    if (survey.samples.length === 0) throw new LintelError(SurveyErrorCode.noSamples, "Capture at least one mark before analysing.");
    const analysis = analyzeSurvey(survey.samples, {
      threshold: survey.threshold_dBm,
      ...survey.reader.advIntervalMs ? { advIntervalMs: survey.reader.advIntervalMs } : {},
      calibrationOffsetDb: this.calibration.offsetFor(survey.device.id)
    });
    this.files.save({ ...survey, analysis, updatedAt: this.now().toISOString() });
    this.publishList();
    return analysis;
  }
  async exportReport(surveyId, format) {
    const survey = this.files.load(surveyId);
    const analysis = survey.analysis ?? (survey.samples.length > 0 ? this.analyze(surveyId) : null);
    return writeReport({ ...survey, analysis }, format, this.options.userDataDir, this.options.pdf);
  }
  calibrations() {
    return this.calibration.all();
  }
  /** Stores an offset typed in by hand for a device. */
  setCalibration(deviceId, label, offset_dB) {
    return this.calibration.save({ deviceId, label, offset_dB, source: "manual", marks: 0, updatedAt: this.now().toISOString() });
  }
  /** Calibrates the survey's device against a reference phone's samples (CSV or JSONL text) at the same marks. */
  calibrateAgainstReference(surveyId, referenceText) {
    const survey = this.files.load(surveyId);
    const parsed2 = parseSamplesText(referenceText);
    if (!parsed2.ok) throw new LintelError(SurveyErrorCode.badReference, `reference samples, line ${parsed2.error.line}: ${parsed2.error.message}`);
    const offset = deviceOffset(survey.samples, parsed2.samples);
    if (!offset) throw new LintelError(SurveyErrorCode.noSharedMarks, "The reference phone and this survey share no mark (same distance and side).");
    const { id, label } = survey.device;
    return this.calibration.save({ deviceId: id, label, offset_dB: Math.round(offset.offset_dB * 10) / 10, source: "paired", marks: offset.marks.length, updatedAt: this.now().toISOString() });
  }
  saveCapture(survey, markIndex, samples) {
    const mark = survey.marks[markIndex];
    const others = survey.samples.filter((s) => !(s.distance_m === mark.distance_m && s.side === mark.side));
    const at = this.now().toISOString();
    const marks2 = survey.marks.map((m2, i) => i === markIndex ? { ...m2, capturedAt: at, samples: samples.length } : m2);
    const next = { ...survey, marks: marks2, samples: [...others, ...samples], analysis: null, updatedAt: at };
    this.files.save(next);
    this.publishList();
    return next;
  }
  /** The saved list, also sent to every window (the newest 50). */
  publishList() {
    const list = this.files.list();
    this.options.hub.emit("ble", "surveysChanged", list.slice(0, 50));
    return list;
  }
};

// src/main/survey/report/chromiumPdf.ts
import { existsSync as existsSync6 } from "node:fs";
var CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
function chromiumPdfPrinter(executablePath = CHROMIUM.find((p) => existsSync6(p))) {
  return {
    async print(html) {
      if (!executablePath) throw new LintelError(SurveyErrorCode.pdfUnavailable, "PDF export needs Chromium: sudo apt-get install chromium (or export HTML and print it).");
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: "load" });
        return await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
      } finally {
        await browser.close();
      }
    }
  };
}

// src/main/services/diagnoseService.ts
import { randomInt } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join as join8 } from "node:path";

// src/shared/csv/write.ts
var FORMULA_START = /^[=+\-@\t\r]/;
function csvCell(value) {
  let text = value === null || value === void 0 ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function csvLine2(cells) {
  return `${cells.map(csvCell).join(",")}\r
`;
}

// src/main/store/database.ts
import Database from "better-sqlite3";
import { mkdirSync as mkdirSync4 } from "node:fs";
import { dirname as dirname4, join as join7 } from "node:path";

// src/main/store/migrations.ts
var MIGRATIONS = [
  {
    version: 1,
    summary: "site entities, outbox and sync log",
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE credential_types (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, slug TEXT NOT NULL,
        format TEXT NOT NULL, technology TEXT NOT NULL) STRICT;
      CREATE TABLE schedules (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, weekly TEXT NOT NULL, holidays TEXT NOT NULL) STRICT;
      CREATE TABLE doors (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, mode TEXT NOT NULL,
        accepts TEXT NOT NULL, requires_pin INTEGER NOT NULL) STRICT;
      CREATE TABLE groups (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, access TEXT NOT NULL, remote_id TEXT) STRICT;
      CREATE TABLE people (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL, email_key TEXT NOT NULL UNIQUE,
        enabled INTEGER NOT NULL, valid_from TEXT, valid_to TEXT, group_ids TEXT NOT NULL, remote_id TEXT,
        pending_create INTEGER NOT NULL DEFAULT 0) STRICT;
      CREATE TABLE credentials (
        row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE ON UPDATE CASCADE,
        credential_type_id TEXT NOT NULL, value TEXT NOT NULL, enabled INTEGER NOT NULL, status TEXT NOT NULL,
        label TEXT, issued_at TEXT, device TEXT, remote_id TEXT, pending_create INTEGER NOT NULL DEFAULT 0,
        UNIQUE (credential_type_id, value)) STRICT;
      CREATE INDEX credentials_person ON credentials(person_id);
      CREATE INDEX people_remote ON people(remote_id) WHERE remote_id IS NOT NULL;
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL, op TEXT NOT NULL,
        state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, payload TEXT, error TEXT, fields TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE INDEX outbox_entity ON outbox(entity, entity_id);
      CREATE TABLE sync_log (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL,
        entity TEXT, entity_id TEXT) STRICT;
    `
  },
  {
    version: 2,
    summary: "doors' reader radios (for diagnosis)",
    sql: "ALTER TABLE doors ADD COLUMN reader_radios TEXT;"
  }
];
function migrate(db, migrations = MIGRATIONS) {
  const current = db.pragma("user_version", { simple: true });
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new Error(`the database is version ${current}; this Lintel knows up to ${latest}`);
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return latest;
}

// src/main/store/database.ts
var DATABASE_FILE = "lintel.db";
var databasePath = (userDataDir) => join7(userDataDir, DATABASE_FILE);
var StoreErrorCode = {
  unreadable: "db_unreadable",
  notFound: "not_found",
  invalid: "invalid_record",
  conflict: "conflict"
};
var idKey = (id) => JSON.stringify(id);
var idFromKey = (key) => JSON.parse(key);
function openDatabase(path) {
  if (path !== ":memory:") mkdirSync4(dirname4(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.pragma("cache_size = -65536");
    migrate(db);
    return db;
  } catch (error2) {
    db.close();
    throw error2;
  }
}
var nowIso = () => (/* @__PURE__ */ new Date()).toISOString();

// src/main/provisioning/exports.ts
var MASKED_PIN = "\u2022\u2022\u2022\u2022";
function peopleCsv(site, stateOf2) {
  const groups = new Map(site.groups.map((g) => [idKey(g.id), g.name]));
  const lines = [csvLine2(["id", "first_name", "last_name", "email", "enabled", "valid_from", "valid_to", "group", "sync_state"])];
  for (const p of site.people) {
    const names = p.group_ids.map((id) => groups.get(idKey(id)) ?? String(id)).join(";");
    lines.push(csvLine2([String(p.id), p.first_name, p.last_name, p.email, p.enabled, p.valid_from ?? "", p.valid_to ?? "", names, stateOf2("person", p.id)]));
  }
  return lines.join("");
}
function credentialsCsv(site, stateOf2) {
  const types = new Map(site.credential_types.map((t) => [idKey(t.id), t]));
  const emails = new Map(site.people.map((p) => [idKey(p.id), p.email]));
  const lines = [csvLine2(["id", "person_id", "email", "credential_type", "credential_value", "label", "device", "enabled", "status", "sync_state"])];
  for (const c of site.credentials) {
    const type = types.get(idKey(c.credential_type_id));
    const value = type?.format === "pin" ? MASKED_PIN : c.value;
    lines.push(csvLine2([String(c.id), String(c.person_id), emails.get(idKey(c.person_id)) ?? "", type?.label ?? String(c.credential_type_id), value, c.label ?? "", c.device ?? "", c.enabled, c.status, stateOf2("credential", c.id)]));
  }
  return lines.join("");
}
function rejectedRowsCsv(headers, rejected, isPinCell) {
  const lines = [csvLine2([...headers, "error"])];
  for (const record of rejected) {
    const cells = headers.map((_h, i) => isPinCell(record, i) && record.fields[i] ? MASKED_PIN : record.fields[i] ?? "");
    lines.push(csvLine2([...cells, record.errors.map((e) => `${e.column}: ${e.message}`).join("; ")]));
  }
  return lines.join("");
}
function pinCells(report2, types) {
  const at = (column) => {
    const header = report2.mapping[column];
    return header === void 0 ? -1 : report2.headers.indexOf(header);
  };
  const [pin, value, type] = [at("pin"), at("credential_value"), at("credential_type")];
  const pinTypes = new Set(types.filter((t) => t.format === "pin").flatMap((t) => [String(t.id), t.label, t.slug].map((key) => key.toLowerCase())));
  return (record, index) => index === pin || index === value && pinTypes.has(record.fields[type]?.trim().toLowerCase() ?? "");
}

// src/shared/csv/parse.ts
var QUOTE = 34;
var COMMA = 44;
var LF = 10;
var CR = 13;
var CsvParser = class {
  field = "";
  fields = [];
  mode = 0 /* Plain */;
  afterCr = false;
  line = 1;
  recordLine = 1;
  started = false;
  first = true;
  push(chunk) {
    const out = [];
    let i = 0;
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 65279) i = 1;
    }
    while (i < chunk.length) i = this.mode === 0 /* Plain */ ? this.plain(chunk, i, out) : this.quoted(chunk, i);
    return out;
  }
  /** Completes the last record; an unclosed quote is an error naming the line the record starts on. */
  end() {
    if (this.mode === 1 /* Quoted */) throw new CsvSyntaxError(this.recordLine, "a quoted field is never closed");
    this.mode = 0 /* Plain */;
    const out = [];
    if (this.started) this.finishRecord(out);
    return out;
  }
  plain(text, i, out) {
    const c = text.charCodeAt(i);
    if (this.afterCr) {
      this.afterCr = false;
      if (c === LF) return i + 1;
    }
    if (c === CR || c === LF) {
      this.line++;
      this.afterCr = c === CR;
      if (this.started) this.finishRecord(out);
      this.recordLine = this.line;
      return i + 1;
    }
    this.started = true;
    if (c === COMMA) {
      this.finishField();
      return i + 1;
    }
    if (c === QUOTE && this.field === "") {
      this.mode = 1 /* Quoted */;
      return i + 1;
    }
    let end = i + 1;
    while (end < text.length) {
      const d = text.charCodeAt(end);
      if (d === COMMA || d === CR || d === LF) break;
      end++;
    }
    this.field += text.slice(i, end);
    return end;
  }
  quoted(text, i) {
    const c = text.charCodeAt(i);
    if (this.mode === 2 /* QuoteInQuoted */) {
      if (c === QUOTE) {
        this.field += '"';
        this.mode = 1 /* Quoted */;
        return i + 1;
      }
      this.mode = 0 /* Plain */;
      return i;
    }
    if (c === QUOTE) {
      this.afterCr = false;
      this.mode = 2 /* QuoteInQuoted */;
      return i + 1;
    }
    if (c === LF && !this.afterCr) this.line++;
    if (c === CR) this.line++;
    this.afterCr = c === CR;
    let end = i + 1;
    if (c !== CR && c !== LF) {
      while (end < text.length) {
        const d = text.charCodeAt(end);
        if (d === QUOTE || d === CR || d === LF) break;
        end++;
      }
    }
    this.field += text.slice(i, end);
    return end;
  }
  finishField() {
    this.fields.push(this.field);
    this.field = "";
  }
  finishRecord(out) {
    this.finishField();
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.started = false;
  }
};
var CsvSyntaxError = class extends Error {
  constructor(line, message) {
    super(`line ${line}: ${message}`);
    this.line = line;
    this.name = "CsvSyntaxError";
  }
  line;
};

// src/shared/provisioning/importRows.ts
function columnIndex(headers, mapping) {
  const index = {};
  for (const column of IMPORT_COLUMNS) {
    const header = mapping[column];
    const at = header === void 0 ? -1 : headers.indexOf(header);
    if (header !== void 0 && at >= 0) index[column] = { index: at, header };
  }
  return index;
}
var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
var TRUE = /* @__PURE__ */ new Set(["true", "yes", "y", "1", "enabled", "active"]);
var FALSE = /* @__PURE__ */ new Set(["false", "no", "n", "0", "disabled", "inactive"]);
var RowReader = class {
  constructor(columns, context) {
    this.columns = columns;
    this.context = context;
    for (const t of context.types) for (const key of [String(t.id), t.label, t.slug]) this.typeByKey.set(key.toLowerCase(), t);
    for (const g of context.groups) this.groupByName.set(g.name.trim().toLowerCase(), g.id);
    this.pinType = context.types.find((t) => t.format === "pin");
  }
  columns;
  context;
  typeByKey = /* @__PURE__ */ new Map();
  groupByName = /* @__PURE__ */ new Map();
  pinType;
  read(line, fields) {
    const errors = [];
    const cell = (column) => {
      const at = this.columns[column];
      return at ? (fields[at.index] ?? "").trim() : "";
    };
    const fail4 = (column, message) => {
      errors.push({ row: line, column: this.columns[column]?.header ?? column, message });
      return null;
    };
    const row = {
      first_name: cell("first_name") || (fail4("first_name", "A first name is required.") ?? ""),
      last_name: cell("last_name") || (fail4("last_name", "A last name is required.") ?? ""),
      email: this.email(cell("email"), fail4),
      enabled: this.flag(cell("enabled"), fail4),
      valid_from: this.instant(cell("valid_from"), "valid_from", 0, fail4),
      valid_to: this.instant(cell("valid_to"), "valid_to", 1, fail4),
      group_ids: this.groups(cell("group"), fail4),
      credentials: this.credentials(cell, fail4)
    };
    if (row.valid_from && row.valid_to && Date.parse(row.valid_to) <= Date.parse(row.valid_from)) fail4("valid_to", "valid_to must be after valid_from.");
    return errors.length ? { ok: false, errors } : { ok: true, row };
  }
  email(text, fail4) {
    if (text === "") return fail4("email", "An email address is required.") ?? "";
    return EMAIL.test(text) ? text : fail4("email", `"${text}" is not an email address.`) ?? "";
  }
  flag(text, fail4) {
    if (text === "") return null;
    const lower = text.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    return fail4("enabled", `"${text}" is not yes or no (true/false, 1/0).`);
  }
  /** An instant as is; a date YYYY-MM-DD is the start of that day (valid_from) or of the next (valid_to) in site time. */
  instant(text, column, dayShift, fail4) {
    if (text === "") return null;
    if (isInstant(text)) return text;
    const day = parseLocalDate(text);
    if (Number.isNaN(day)) return fail4(column, `"${text}" is not a date (YYYY-MM-DD) or an instant with Z or an offset.`);
    const at = instantsAtLocal(zoneTable(this.context.timezone), day + dayShift, 0)[0] ?? (day + dayShift) * MS_PER_DAY;
    return new Date(at).toISOString().replace(".000Z", "Z");
  }
  groups(text, fail4) {
    if (text === "") return null;
    const ids = [];
    for (const name2 of text.split(";").map((n) => n.trim()).filter(Boolean)) {
      const id = this.groupByName.get(name2.toLowerCase());
      if (id === void 0) return fail4("group", `There is no group called "${name2}".`);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }
  credentials(cell, fail4) {
    const out = [];
    const typeText = cell("credential_type");
    const value = cell("credential_value");
    if (typeText || value) {
      const type = this.typeByKey.get(typeText.toLowerCase());
      if (!typeText) fail4("credential_type", "A credential value needs a credential type.");
      else if (!type) fail4("credential_type", `There is no credential type "${typeText}" (use its id, label or slug).`);
      else if (!value) fail4("credential_value", `A ${type.label} credential needs a value.`);
      else this.credential(type, value, cell("device_label"), "credential_value", out, fail4);
    }
    const pin = cell("pin");
    if (pin && !this.pinType) fail4("pin", "This site has no PIN credential type.");
    else if (pin && this.pinType) this.credential(this.pinType, pin, "PIN", "pin", out, fail4);
    return out;
  }
  credential(type, raw, label, column, out, fail4) {
    const checked = checkCredentialValue(type, raw, { allowWeakPin: this.context.allowWeakPins });
    if (!checked.ok) {
      fail4(column, checked.code === "pin_weak" ? `${checked.message.replace("or override", "or import with --allow-weak-pins")}` : checked.message);
      return;
    }
    out.push({ credential_type_id: type.id, value: checked.value, label: label || null, pin: type.format === "pin" });
  }
};

// src/main/store/siteRows.ts
import { randomUUID as randomUUID2 } from "node:crypto";
var STANDARD_CREDENTIAL_TYPES = [
  { id: 2, label: "MIFARE DESFire EV3", slug: "mifare-desfire-ev3", format: "card", technology: "nfc" },
  { id: 3, label: "HID Prox 26-bit (H10301)", slug: "hid-prox-26", format: "card", technology: "prox" },
  { id: 6, label: "PIN", slug: "pin", format: "pin", technology: "keypad" },
  { id: 8, label: "HID Mobile Access", slug: "hid-mobile-access", format: "mobile", technology: "ble+nfc" },
  { id: 9, label: "PassFlow", slug: "passflow", format: "mobile", technology: "ble" }
];
var json = (value) => JSON.stringify(value);
var flag = (value) => value ? 1 : 0;
function writeSite(db, site) {
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('site', ?)").run(json(site.site));
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('site_uid', ?)").run(randomUUID2().slice(0, 8));
  const type = db.prepare("INSERT INTO credential_types (id, label, slug, format, technology) VALUES (?, ?, ?, ?, ?)");
  for (const t of site.credential_types) type.run(idKey(t.id), t.label, t.slug, t.format, t.technology);
  const schedule = db.prepare("INSERT INTO schedules (id, name, weekly, holidays) VALUES (?, ?, ?, ?)");
  for (const s of site.schedules) schedule.run(idKey(s.id), s.name, json(s.weekly), s.holidays);
  const door = db.prepare("INSERT INTO doors (id, name, mode, accepts, requires_pin, reader_radios) VALUES (?, ?, ?, ?, ?, ?)");
  for (const d of site.doors) door.run(idKey(d.id), d.name, d.mode, json(d.accepts), flag(d.requires_pin), d.reader_radios ? json(d.reader_radios) : null);
  const group = db.prepare("INSERT INTO groups (id, name, access) VALUES (?, ?, ?)");
  for (const g of site.groups) group.run(idKey(g.id), g.name, json(g.access));
  const person = db.prepare(`INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const p of site.people) {
    person.run(idKey(p.id), p.first_name, p.last_name, p.email, p.email.toLowerCase(), flag(p.enabled), p.valid_from ?? null, p.valid_to ?? null, json(p.group_ids));
  }
  const credential = db.prepare(`INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, label, issued_at, device)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of site.credentials) {
    credential.run(idKey(c.id), idKey(c.person_id), idKey(c.credential_type_id), c.value, flag(c.enabled), c.status, c.label ?? null, c.issued_at ?? null, c.device ?? null);
  }
}
function emptySiteInfo(name2) {
  return { name: name2, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC", holidays: [] };
}
var str = (row, key) => row[key];
var opt = (row, key) => row[key] === null ? void 0 : row[key];
var parsed = (row, key) => JSON.parse(row[key]);
function readCatalog(db) {
  const site = rawSite(db, true);
  return { types: site.credential_types, groups: site.groups, timezone: site.site.timezone };
}
function readSite(db) {
  return db.transaction(() => SiteSchema.parse(rawSite(db)))();
}
function all(db, sql) {
  return db.prepare(sql).all();
}
function rawSite(db, catalogOnly = false) {
  const meta = db.prepare("SELECT value FROM meta WHERE key = 'site'").get();
  const info = meta ? JSON.parse(meta.value) : emptySiteInfo("Lintel");
  if (catalogOnly) {
    return {
      site: info,
      credential_types: all(db, "SELECT * FROM credential_types ORDER BY row").map(typeOf),
      groups: all(db, "SELECT id, name FROM groups ORDER BY row").map((r) => ({ id: idFromKey(str(r, "id")), name: str(r, "name") }))
    };
  }
  return {
    site: info,
    credential_types: all(db, "SELECT * FROM credential_types ORDER BY row").map(typeOf),
    people: all(db, "SELECT * FROM people ORDER BY row").map(personOf2),
    credentials: all(db, "SELECT * FROM credentials ORDER BY row").map(credentialOf),
    groups: all(db, "SELECT * FROM groups ORDER BY row").map((r) => ({ id: idFromKey(str(r, "id")), name: str(r, "name"), access: parsed(r, "access") })),
    doors: all(db, "SELECT * FROM doors ORDER BY row").map((r) => ({
      id: idFromKey(str(r, "id")),
      name: str(r, "name"),
      mode: str(r, "mode"),
      accepts: parsed(r, "accepts"),
      requires_pin: r.requires_pin === 1,
      ...r.reader_radios === null ? {} : { reader_radios: parsed(r, "reader_radios") }
    })),
    schedules: all(db, "SELECT * FROM schedules ORDER BY row").map((r) => ({
      id: idFromKey(str(r, "id")),
      name: str(r, "name"),
      weekly: parsed(r, "weekly"),
      holidays: str(r, "holidays")
    }))
  };
}
function typeOf(r) {
  return {
    id: idFromKey(str(r, "id")),
    label: str(r, "label"),
    slug: str(r, "slug"),
    format: str(r, "format"),
    technology: str(r, "technology")
  };
}
function personOf2(r) {
  const person = {
    id: idFromKey(str(r, "id")),
    first_name: str(r, "first_name"),
    last_name: str(r, "last_name"),
    email: str(r, "email"),
    enabled: r.enabled === 1,
    group_ids: parsed(r, "group_ids")
  };
  if (r.valid_from !== null) person.valid_from = r.valid_from;
  if (r.valid_to !== null) person.valid_to = r.valid_to;
  return person;
}
function credentialOf(r) {
  const credential = {
    id: idFromKey(str(r, "id")),
    person_id: idFromKey(str(r, "person_id")),
    credential_type_id: idFromKey(str(r, "credential_type_id")),
    value: str(r, "value"),
    enabled: r.enabled === 1,
    status: str(r, "status")
  };
  for (const key of ["label", "issued_at", "device"]) {
    const value = opt(r, key);
    if (value !== void 0) credential[key] = value;
  }
  return credential;
}

// src/main/store/records.ts
function invalid(fields) {
  const first = Object.entries(fields)[0];
  throw new LintelError(StoreErrorCode.invalid, first ? `${first[0]}: ${first[1]}` : "invalid record", fields);
}
function parseOrThrow(schema, input) {
  const parsed2 = schema.safeParse(input);
  if (!parsed2.success) invalid(fieldErrorsOf(parsed2.error));
  return parsed2.data;
}
function nextNumericId(store, table) {
  const row = store.db.prepare(`SELECT MAX(CAST(id AS INTEGER)) AS n FROM ${table} WHERE id GLOB '[0-9]*'`).get();
  return (row.n ?? 0) + 1;
}
function personRow(store, id) {
  return store.db.prepare("SELECT * FROM people WHERE id = ?").get(idKey(id));
}
function credentialRow(store, id) {
  return store.db.prepare("SELECT * FROM credentials WHERE id = ?").get(idKey(id));
}
function notFound(what, id) {
  throw new LintelError(StoreErrorCode.notFound, `There is no ${what} ${JSON.stringify(id)}.`);
}
function checkGroups(store, groupIds) {
  const exists = store.db.prepare("SELECT 1 FROM groups WHERE id = ?");
  const missing = groupIds.find((id) => !exists.get(idKey(id)));
  if (missing !== void 0) invalid({ group_ids: `There is no group ${JSON.stringify(missing)}.` });
}
function savePerson(store, input) {
  const person = parseOrThrow(PersonInputSchema, input);
  return store.write(() => {
    const existing = person.id === void 0 ? void 0 : personRow(store, person.id);
    if (person.id !== void 0 && !existing) notFound("person", person.id);
    const clash = store.db.prepare("SELECT id FROM people WHERE email_key = ?").get(person.email.toLowerCase());
    if (clash && clash.id !== existing?.id) invalid({ email: "Another person already has this email address." });
    checkGroups(store, person.group_ids);
    const id = existing ? existing.id : idKey(nextNumericId(store, "people"));
    const values = [person.first_name, person.last_name, person.email, person.email.toLowerCase(), person.enabled ? 1 : 0, person.valid_from ?? null, person.valid_to ?? null, JSON.stringify(person.group_ids)];
    if (existing) {
      store.db.prepare("UPDATE people SET first_name=?, last_name=?, email=?, email_key=?, enabled=?, valid_from=?, valid_to=?, group_ids=? WHERE id=?").run(...values, id);
    } else {
      store.db.prepare("INSERT INTO people (first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, id) VALUES (?,?,?,?,?,?,?,?,?)").run(...values, id);
    }
    store.outbox.enqueue("person", id, existing ? "update" : "create");
    return PersonSchema.parse(personOf2(personRow(store, idFromKey(id))));
  });
}
function deletePerson(store, id) {
  store.write(() => {
    const row = personRow(store, id) ?? notFound("person", id);
    store.outbox.enqueue("person", row.id, "delete", { remote_id: row.remote_id ?? null, system_id: store.systemId(row.id) });
    store.db.prepare("DELETE FROM outbox WHERE entity = 'credential' AND state = 'pending' AND attempts = 0 AND entity_id IN (SELECT id FROM credentials WHERE person_id = ?)").run(row.id);
    store.db.prepare("DELETE FROM people WHERE id = ?").run(row.id);
  });
}
function credentialTypes(store) {
  return store.db.prepare("SELECT * FROM credential_types").all().map(typeOf);
}
function saveCredential(store, input) {
  const draft = parseOrThrow(CredentialInputSchema, input);
  return store.write(() => {
    const existing = draft.id === void 0 ? void 0 : credentialRow(store, draft.id);
    if (draft.id !== void 0 && !existing) notFound("credential", draft.id);
    if (!personRow(store, draft.person_id)) invalid({ person_id: `There is no person ${JSON.stringify(draft.person_id)}.` });
    const types = credentialTypes(store);
    const type = types.find((t) => t.id === draft.credential_type_id);
    const normal2 = type ? checkCredentialValue(type, draft.value, { allowWeakPin: true }) : void 0;
    const clashes = normal2?.ok ? store.db.prepare("SELECT id, credential_type_id, value FROM credentials WHERE credential_type_id = ? AND value = ?").all(idKey(draft.credential_type_id), normal2.value) : [];
    const others = clashes.map((r) => ({ id: idFromKey(r.id), credential_type_id: draft.credential_type_id, value: r.value }));
    const keepsValue = existing !== void 0 && normal2?.ok === true && normal2.value === existing.value;
    const ruled = credentialRules({ ...draft, allow_weak_pin: draft.allow_weak_pin === true || keepsValue }, { types, credentials: others });
    if (!ruled.ok) invalid(ruled.fields);
    const id = existing ? existing.id : idKey(nextNumericId(store, "credentials"));
    writeCredential(store, id, draft, ruled.value, existing);
    store.outbox.enqueue("credential", id, existing ? "update" : "create");
    return CredentialSchema.parse(credentialOf(credentialRow(store, idFromKey(id))));
  });
}
function writeCredential(store, id, draft, value, existing) {
  const status = draft.status ?? existing?.status ?? "active";
  const values = [idKey(draft.person_id), idKey(draft.credential_type_id), value, draft.enabled ? 1 : 0, status, draft.label ?? null, draft.device ?? null];
  if (existing) {
    store.db.prepare("UPDATE credentials SET person_id=?, credential_type_id=?, value=?, enabled=?, status=?, label=?, device=? WHERE id=?").run(...values, id);
  } else {
    store.db.prepare("INSERT INTO credentials (person_id, credential_type_id, value, enabled, status, label, device, id, issued_at) VALUES (?,?,?,?,?,?,?,?,?)").run(...values, id, (/* @__PURE__ */ new Date()).toISOString());
  }
}
function deleteCredential(store, id) {
  store.write(() => {
    const row = credentialRow(store, id) ?? notFound("credential", id);
    const person = store.db.prepare("SELECT remote_id FROM people WHERE id = ?").get(row.person_id);
    store.outbox.enqueue("credential", row.id, "delete", {
      remote_id: row.remote_id ?? null,
      person_remote_id: person?.remote_id ?? null,
      credential_type_id: row.credential_type_id,
      value: row.value
    });
    store.db.prepare("DELETE FROM credentials WHERE id = ?").run(row.id);
  });
}

// src/main/provisioning/importWriter.ts
var ImportWriter = class {
  constructor(store) {
    this.store = store;
    const db = store.db;
    this.nextPersonId = nextNumericId(store, "people");
    this.nextCredentialId = nextNumericId(store, "credentials");
    this.findPerson = db.prepare("SELECT id FROM people WHERE email_key = ?");
    this.findCredential = db.prepare("SELECT person_id FROM credentials WHERE credential_type_id = ? AND value = ?").pluck();
    this.insertPerson = db.prepare(`INSERT INTO people (id, first_name, last_name, email, email_key, enabled, valid_from, valid_to, group_ids, pending_create)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    this.insertCredential = db.prepare(`INSERT INTO credentials (id, person_id, credential_type_id, value, enabled, status, label, issued_at, device, pending_create)
      VALUES (?, ?, ?, ?, 1, 'active', ?, ?, ?, 1) ON CONFLICT (credential_type_id, value) DO NOTHING`);
    this.removePerson = db.prepare("DELETE FROM people WHERE id = ?");
    this.updatePerson = db.prepare(`UPDATE people SET first_name = ?, last_name = ?, email = ?, enabled = COALESCE(?, enabled),
      valid_from = COALESCE(?, valid_from), valid_to = COALESCE(?, valid_to), group_ids = COALESCE(?, group_ids) WHERE id = ?`);
  }
  store;
  nextPersonId;
  nextCredentialId;
  findPerson;
  findCredential;
  updatePerson;
  insertPerson;
  insertCredential;
  removePerson;
  now = (/* @__PURE__ */ new Date()).toISOString();
  /** Applies one row; returns 'created' or 'updated', or the row's errors (then nothing of it is written). */
  apply(line, row, columnOf) {
    const inUse = (credential) => [{ row: line, column: columnOf(credential.pin ? "pin" : "credential_value"), message: "This value is already in use by another person." }];
    const existing = this.findPerson.get(row.email.toLowerCase());
    if (!existing) return this.applyNew(row, inUse);
    const fresh2 = [];
    for (const credential of row.credentials) {
      const owner = this.findCredential.get(idKey(credential.credential_type_id), credential.value);
      if (owner === void 0) fresh2.push(credential);
      else if (owner !== existing.id) return inUse(credential);
    }
    this.update(existing.id, row);
    for (const credential of fresh2) this.addCredential(existing.id, credential);
    return "updated";
  }
  /**
   * A new person: written first, then each credential, which the UNIQUE (type, value) index refuses
   * when the value is taken; then the person is removed again (with what this row added) so the
   * row leaves nothing behind. This saves a lookup per credential on the common path.
   */
  applyNew(row, inUse) {
    const ids = { person: this.nextPersonId, credential: this.nextCredentialId };
    const personId = this.insert(row);
    for (const credential of row.credentials) {
      if (this.addCredential(personId, credential)) continue;
      this.removePerson.run(personId);
      this.nextPersonId = ids.person;
      this.nextCredentialId = ids.credential;
      return inUse(credential);
    }
    return "created";
  }
  insert(row) {
    const id = String(this.nextPersonId++);
    const groups = JSON.stringify(row.group_ids ?? []);
    this.insertPerson.run(id, row.first_name, row.last_name, row.email, row.email.toLowerCase(), row.enabled === false ? 0 : 1, row.valid_from, row.valid_to, groups);
    return id;
  }
  update(id, row) {
    const enabled = row.enabled === null ? null : row.enabled ? 1 : 0;
    const groups = row.group_ids === null ? null : JSON.stringify(row.group_ids);
    this.updatePerson.run(row.first_name, row.last_name, row.email, enabled, row.valid_from, row.valid_to, groups, id);
    this.store.outbox.enqueue("person", id, "update");
    return id;
  }
  /** False when another credential already holds the value. */
  addCredential(personId, credential) {
    const device = credential.pin ? null : credential.label;
    const added = this.insertCredential.run(String(this.nextCredentialId), personId, idKey(credential.credential_type_id), credential.value, credential.label, this.now, device).changes === 1;
    if (added) this.nextCredentialId++;
    return added;
  }
};

// src/main/provisioning/importPeople.ts
var ImportErrorCode = { unreadable: "import_unreadable", mapping: "import_mapping", syntax: "import_syntax" };
async function importPeople(store, chunks, options = {}) {
  const run = new ImportRun(store, options);
  store.db.exec("BEGIN IMMEDIATE");
  try {
    await run.readAll(chunks);
    store.db.exec(options.dryRun ? "ROLLBACK" : "COMMIT");
  } catch (error2) {
    if (store.db.inTransaction) store.db.exec("ROLLBACK");
    if (error2 instanceof CsvSyntaxError) throw new LintelError(ImportErrorCode.syntax, error2.message);
    throw error2;
  }
  return run.report();
}
var ImportRun = class {
  constructor(store, options) {
    this.store = store;
    this.options = options;
  }
  store;
  options;
  headers;
  reader;
  writer;
  columns = {};
  mapping = {};
  counts = { rows: 0, imported: 0, updated: 0, bytes: 0 };
  rejected = [];
  sample = [];
  async readAll(chunks) {
    const parser = new CsvParser();
    let reported = 0;
    for await (const chunk of chunks) {
      this.counts.bytes += chunk.length;
      for (const record of parser.push(chunk)) this.take(record);
      if (this.counts.rows - reported >= 2e3) {
        reported = this.counts.rows;
        this.options.onProgress?.({ rows: this.counts.rows, bytes: this.counts.bytes });
      }
    }
    for (const record of parser.end()) this.take(record);
    if (!this.headers) throw new LintelError(ImportErrorCode.mapping, "The file is empty: the first line must name the columns.");
    this.options.onProgress?.({ rows: this.counts.rows, bytes: this.counts.bytes });
  }
  take(record) {
    if (!this.headers) return this.start(record.fields.map((h) => h.trim()));
    if (!this.reader || !this.writer) return;
    this.counts.rows++;
    const checked = this.reader.read(record.line, record.fields);
    const outcome = checked.ok ? this.writer.apply(record.line, checked.row, (field) => this.columns[field]?.header ?? field) : checked.errors;
    if (outcome === "created") this.counts.imported++;
    else if (outcome === "updated") this.counts.updated++;
    else this.rejected.push({ line: record.line, fields: record.fields, errors: outcome });
    if (typeof outcome === "string" && this.sample.length < (this.options.sampleRows ?? 0)) this.sample.push({ line: record.line, fields: record.fields });
  }
  start(headers) {
    this.headers = headers;
    this.mapping = this.options.mapping ?? suggestMapping(headers);
    const problems = mappingProblems(this.mapping, headers);
    if (problems.length) throw new LintelError(ImportErrorCode.mapping, `line 1: ${problems.join(" ")}`);
    this.columns = columnIndex(headers, this.mapping);
    const site = this.store.catalog();
    this.reader = new RowReader(this.columns, { ...site, allowWeakPins: this.options.allowWeakPins ?? false });
    this.writer = new ImportWriter(this.store);
  }
  report() {
    const { rows, imported, updated } = this.counts;
    return {
      rows,
      imported,
      updated,
      rejected: this.rejected.flatMap((r) => r.errors),
      headers: this.headers ?? [],
      mapping: this.mapping,
      rejectedRecords: this.rejected,
      sample: this.sample,
      dryRun: this.options.dryRun ?? false
    };
  }
};

// src/main/store/places.ts
function saveGroup(store, input) {
  const group = parseOrThrow(GroupInputSchema, input);
  return store.write(() => {
    const door = store.db.prepare("SELECT 1 FROM doors WHERE id = ?");
    const missing = group.access.flatMap((a) => a.door_ids).find((id2) => !door.get(idKey(id2)));
    if (missing !== void 0) invalid({ access: `There is no door ${JSON.stringify(missing)}.` });
    const id = upsert(store, "groups", group.id, ["name", "access"], [group.name, JSON.stringify(group.access)]);
    return GroupSchema.parse({ id: idFromKey(id), name: group.name, access: group.access });
  });
}
function saveDoor(store, input) {
  const door = parseOrThrow(DoorInputSchema, input);
  return store.write(() => {
    const type = store.db.prepare("SELECT 1 FROM credential_types WHERE id = ?");
    const missing = door.accepts.find((id2) => !type.get(idKey(id2)));
    if (missing !== void 0) invalid({ accepts: `There is no credential type ${JSON.stringify(missing)}.` });
    const values = [door.name, door.mode, JSON.stringify(door.accepts), door.requires_pin ? 1 : 0];
    const id = upsert(store, "doors", door.id, ["name", "mode", "accepts", "requires_pin"], values);
    return DoorSchema.parse({ ...door, id: idFromKey(id) });
  });
}
function upsert(store, table, id, columns, values) {
  if (id !== void 0) {
    const sets = columns.map((c) => `${c} = ?`).join(", ");
    const changed = store.db.prepare(`UPDATE ${table} SET ${sets} WHERE id = ?`).run(...values, idKey(id)).changes;
    if (changed === 0) throw new LintelError(StoreErrorCode.notFound, `There is no ${table.slice(0, -1)} ${JSON.stringify(id)}.`);
    return idKey(id);
  }
  const key = idKey(nextNumericId(store, table));
  store.db.prepare(`INSERT INTO ${table} (${columns.join(", ")}, id) VALUES (${columns.map(() => "?").join(", ")}, ?)`).run(...values, key);
  return key;
}
function deleteGroup(store, id) {
  removeFrom(store, "groups", id);
}
function deleteDoor(store, id) {
  removeFrom(store, "doors", id);
}
function removeFrom(store, table, id) {
  const changed = store.write(() => store.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(idKey(id)).changes);
  if (changed === 0) throw new LintelError(StoreErrorCode.notFound, `There is no ${table.slice(0, -1)} ${JSON.stringify(id)}.`);
}

// src/main/sync/ledger.ts
var Ledger = class {
  constructor(store) {
    this.store = store;
    const db = store.db;
    this.sending = db.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE seq = ?");
    this.unknown = db.prepare("UPDATE outbox SET state = 'unknown', error = ?, updated_at = ? WHERE seq = ?");
    this.failed = db.prepare("UPDATE outbox SET state = 'failed', error = ?, fields = ?, updated_at = ? WHERE seq = ?");
    this.done = db.prepare("DELETE FROM outbox WHERE seq = ?");
    this.logLine = db.prepare("INSERT INTO sync_log (at, level, message, entity, entity_id) VALUES (?, ?, ?, ?, ?)");
  }
  store;
  sending;
  unknown;
  failed;
  done;
  logLine;
  /** Committed before the request leaves: after a crash this operation counts as unknown. */
  markSending(op) {
    this.sending.run(nowIso(), op.seq);
    op.state = "sending";
  }
  markUnknown(op, reason) {
    this.unknown.run(reason, nowIso(), op.seq);
    op.state = "unknown";
  }
  markFailed(op, message, fields) {
    this.store.write(() => {
      this.failed.run(message, JSON.stringify(fields), nowIso(), op.seq);
      this.log("error", message, op);
    });
    op.state = "failed";
  }
  /** The server has the record as `remoteId`: remember it and drop the operation, in one transaction. */
  confirm(op, remoteId) {
    this.store.write(() => {
      if (remoteId !== void 0) {
        const table = op.entity === "person" ? "people" : "credentials";
        this.store.db.prepare(`UPDATE ${table} SET remote_id = ? WHERE id = ?`).run(remoteId, op.entity_id);
      }
      this.done.run(op.seq);
    });
  }
  log(level, message, op) {
    this.logLine.run(nowIso(), level, message, op?.entity ?? null, op?.entity_id ?? null);
  }
  /** Keeps the newest `keep` log lines. */
  trimLog(keep = 5e3) {
    this.store.db.prepare("DELETE FROM sync_log WHERE seq <= (SELECT MAX(seq) FROM sync_log) - ?").run(keep);
  }
};

// src/main/store/syncStates.ts
function syncStates(store) {
  const open = /* @__PURE__ */ new Map();
  for (const row of store.outbox.states()) open.set(`${row.entity}:${row.entity_id}`, row.state === "failed" ? "failed" : open.get(`${row.entity}:${row.entity_id}`) ?? row.state);
  const remote = /* @__PURE__ */ new Set();
  for (const id of store.db.prepare("SELECT id FROM people WHERE remote_id IS NOT NULL").pluck().all()) remote.add(`person:${id}`);
  for (const id of store.db.prepare("SELECT id FROM credentials WHERE remote_id IS NOT NULL").pluck().all()) remote.add(`credential:${id}`);
  return (entity, id) => {
    const key = `${entity}:${idKey(id)}`;
    return open.get(key) ?? (remote.has(key) ? "synced" : "local");
  };
}

// src/main/services/provisioningService.ts
var ProvisioningErrorCode = { busy: "provisioning_busy", noStore: "no_database" };
var ProvisioningService = class {
  constructor(store, events) {
    this.store = store;
    this.events = events;
  }
  store;
  events;
  importing = null;
  lastImport = null;
  /** Set by the sync service while a sync runs: an import must not share its connection's transaction. */
  syncing = false;
  /** True while an import (or its preview) holds the database's write transaction. */
  get importRunning() {
    return this.importing !== null;
  }
  db() {
    if (!this.store) throw new LintelError(ProvisioningErrorCode.noStore, "This session opened a snapshot file; provisioning needs the app's database.");
    return this.store;
  }
  async edit(work) {
    while (this.importing) await this.importing.catch(() => void 0);
    const result = work(this.db());
    this.events.siteChanged();
    return result;
  }
  savePerson = (input) => this.edit((s) => savePerson(s, input));
  deletePerson = (id) => this.edit((s) => (deletePerson(s, id), { deleted: true }));
  saveCredential = (input) => this.edit((s) => saveCredential(s, input));
  deleteCredential = (id) => this.edit((s) => (deleteCredential(s, id), { deleted: true }));
  saveGroup = (input) => this.edit((s) => saveGroup(s, input));
  deleteGroup = (id) => this.edit((s) => (deleteGroup(s, id), { deleted: true }));
  saveDoor = (input) => this.edit((s) => saveDoor(s, input));
  deleteDoor = (id) => this.edit((s) => (deleteDoor(s, id), { deleted: true }));
  /** Runs the whole import and rolls it back: the preview shows exactly what a commit would do. */
  preview(request) {
    return this.runImport(request, true);
  }
  commit(request) {
    return this.runImport(request, false);
  }
  async runImport(request, dryRun) {
    const store = this.db();
    if (this.syncing || this.importing) throw new LintelError(ProvisioningErrorCode.busy, "A sync or another import is running; try again when it ends.");
    const totalBytes = request.csv.length;
    let last = 0;
    const run = importPeople(store, chunksOf(request.csv), {
      dryRun,
      allowWeakPins: request.allowWeakPins ?? false,
      sampleRows: PROVISIONING_LIMITS.sampleRows,
      ...request.mapping ? { mapping: request.mapping } : {},
      onProgress: (p) => {
        if (dryRun || Date.now() - last < 100 && p.bytes < totalBytes) return;
        last = Date.now();
        this.events.importProgress({ rows: p.rows, bytes: p.bytes, totalBytes });
      }
    });
    this.importing = run;
    try {
      const report2 = await run;
      this.lastImport = report2;
      if (!dryRun) this.events.siteChanged();
      return summaryOf2(report2, !dryRun, pinCells(report2, store.catalog().types));
    } finally {
      this.importing = null;
    }
  }
  /** The last import's (or preview's) rejected rows, PIN cells masked. */
  rejectedRows() {
    const report2 = this.lastImport;
    if (!report2) throw new LintelError("not_found", "There is no import to take rejected rows from; preview or import a file first.");
    return { filename: "rejected-rows.csv", text: rejectedRowsCsv(report2.headers, report2.rejectedRecords, pinCells(report2, this.db().catalog().types)) };
  }
  exportCsv(kind) {
    const store = this.db();
    const site = store.snapshot();
    const text = kind === "people" ? peopleCsv(site, syncStates(store)) : credentialsCsv(site, syncStates(store));
    return { filename: `${kind}.csv`, text };
  }
  /**
   * The person's and these credentials' open outbox operations, and (with `includeLocal`) records
   * never sent to the server. Empty without a database.
   */
  syncEvidence(personId, credentialIds, includeLocal) {
    if (!this.store) return [];
    const store = this.store;
    const evidence2 = [];
    const wanted = [["person", personId, "people"], ...credentialIds.map((id) => ["credential", id, "credentials"])];
    for (const [entity, id, table] of wanted) {
      const ops = store.outbox.statesOf(entity, idKey(id));
      for (const op of ops) evidence2.push({ entity, id, state: op.state, op: op.op, message: op.error });
      if (ops.length || !includeLocal) continue;
      const remote = store.db.prepare(`SELECT remote_id FROM ${table} WHERE id = ?`).pluck().get(idKey(id));
      if (remote === null) evidence2.push({ entity, id, state: "local", op: "create", message: null });
    }
    return evidence2;
  }
  /** A line in the sync log, so a change made outside a sync (a helpdesk fix) is on record beside the outbox. */
  logChange(message, entity, id) {
    new Ledger(this.db()).log("info", message, { entity, entity_id: idKey(id) });
  }
  /** Records with an open operation or never synced (capped), and counts of every state. */
  recordStates() {
    const store = this.db();
    const counts = { pending: 0, sending: 0, unknown: 0, failed: 0, local: 0, synced: 0 };
    const records = [];
    const open = new Map(store.outbox.states().map((row) => [`${row.entity}:${row.entity_id}`, row]));
    for (const [entity, table] of [["person", "people"], ["credential", "credentials"]]) {
      for (const row of store.db.prepare(`SELECT id, remote_id FROM ${table} ORDER BY row`).all()) {
        const op = open.get(`${entity}:${row.id}`);
        const state = op?.state ?? (row.remote_id === null ? "local" : "synced");
        counts[state] = (counts[state] ?? 0) + 1;
        if (state === "synced" || records.length >= PROVISIONING_LIMITS.listedRecords) continue;
        records.push({ entity, id: idFromKey(row.id), state, op: op?.op ?? null, message: op?.error ?? null, fields: op?.fields ? JSON.parse(op.fields) : null });
      }
    }
    const listed = Object.entries(counts).reduce((n, [state, count]) => state === "synced" ? n : n + count, 0);
    return { counts, records, truncated: listed > records.length };
  }
};
async function* chunksOf(text) {
  const size = 1 << 20;
  for (let i = 0; i < text.length; i += size) {
    yield text.slice(i, i + size);
    await new Promise((resolve4) => setImmediate(resolve4));
  }
}
function summaryOf2(report2, committed, isPin) {
  return {
    headers: report2.headers,
    mapping: report2.mapping,
    rows: report2.rows,
    imported: report2.imported,
    updated: report2.updated,
    rejectedCount: report2.rejectedRecords.length,
    rejected: report2.rejected.slice(0, PROVISIONING_LIMITS.listedErrors),
    sample: report2.sample.map((s) => ({ line: s.line, fields: s.fields.map((f, i) => isPin(s, i) && f ? MASKED_PIN : f) })),
    committed
  };
}

// src/main/services/diagnoseService.ts
var show3 = (id) => JSON.stringify(id);
var DiagnoseService = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  async run(request) {
    const site = this.deps.site.snapshot();
    const { person, door } = resolveSubject(site, request.person, request.door_id);
    const credentialIds = credentialsOf(site, person.id).map((c) => c.id);
    const tap = request.live?.tapSeconds ? await this.tapTest(site, request.live.tapSeconds, door.id) : null;
    const scan = request.live?.scanSeconds ? await this.scanTest(door.id, request.live.scanSeconds) : null;
    const connected = this.deps.database && this.deps.sync.status().api !== null;
    return diagnose(site, this.deps.site.compiledSite(), {
      person: person.id,
      door_id: door.id,
      at: request.at ?? (/* @__PURE__ */ new Date()).toISOString(),
      platform: request.platform,
      credential_id: request.credential_id,
      sync: this.deps.database ? this.deps.provisioning.syncEvidence(person.id, credentialIds, connected) : null,
      live: { tap, scan }
    });
  }
  /** Waits for one tap on the NFC reader (real or the demo's simulated one). */
  async tapTest(site, seconds, doorId) {
    const status = this.deps.nfc.status();
    if (status.state === "pcscd_down") return { outcome: "unavailable", reason: status.advice };
    if (status.state === "idle") this.deps.nfc.startReading(doorId);
    try {
      const event = await this.deps.nfc.nextTap({ timeoutMs: seconds * 1e3 });
      const { tap, presented } = event;
      if (tap.error) return { outcome: "read_failed", reader: tap.reader, error: tap.error.message };
      if (!presented && event.unmatched && tap.uid === null) return { outcome: "read_failed", reader: tap.reader, error: event.unmatched };
      const type = presented ? site.credential_types.find((t) => t.id === presented.credential_type_id) : void 0;
      return { outcome: "presented", reader: tap.reader, credential_type_id: type ? type.id : null, value: presented ? presented.value : null, uid: tap.uid, latency_ms: tap.latency_ms };
    } catch (error2) {
      if (error2 instanceof LintelError && error2.code === "no_tap") return { outcome: "no_tap", seconds };
      throw error2;
    }
  }
  /** Listens for the door's BLE reader for `seconds`: how many reports, and how strong where the person stands. */
  async scanTest(doorId, seconds) {
    const reader = this.deps.ble.readers().find((r) => r.doorId === doorId);
    if (!reader) return { outcome: "no_reader", reason: "No Bluetooth reader is registered for this door (it accepts no BLE credential type)." };
    const wasScanning = this.deps.ble.scanState().scanning;
    const rssi = [];
    const stop = this.deps.ble.onAdvert((advert) => {
      if (advert.address.toUpperCase() === reader.address.toUpperCase()) rssi.push(advert.rssi);
    });
    try {
      try {
        await this.deps.ble.startScan();
      } catch (error2) {
        return { outcome: "unavailable", reason: error2 instanceof Error ? error2.message : String(error2) };
      }
      await new Promise((resolve4) => setTimeout(resolve4, seconds * 1e3));
    } finally {
      stop();
      if (!wasScanning) await this.deps.ble.stopScan();
    }
    const sorted = Float64Array.from(rssi).sort();
    const median3 = sorted.length ? sortedQuantile(sorted, 0.5) : null;
    return {
      outcome: "scanned",
      seconds,
      simulated: this.deps.ble.usesSimulation(),
      reader: { name: reader.name, address: reader.address },
      adverts: rssi.length,
      median_rssi: median3,
      max_rssi: sorted.length ? sorted[sorted.length - 1] : null,
      threshold_dbm: this.deps.settings().unlockThresholdDbm
    };
  }
  /** A one-click fix through the provisioning service (outbox), noted in the sync log. */
  async fix(action) {
    if (!this.deps.database) throw new LintelError(ProvisioningErrorCode.noStore, "This session opened a snapshot file; fixes need the app's database.");
    const site = this.deps.site.snapshot();
    const p = this.deps.provisioning;
    switch (action.kind) {
      case "enable_credential": {
        const credential = site.credentials.find((c) => c.id === action.credential_id);
        if (!credential) throw new LintelError(ErrorCode.notFound, `There is no credential ${show3(action.credential_id)}.`);
        if (credential.status === "revoked") throw new LintelError(ErrorCode.conflict, "A revoked credential cannot be enabled again; issue the phone a new credential on the Provision page.");
        const saved = await p.saveCredential({ ...credential, enabled: true, status: credential.status === "disabled" ? "active" : credential.status, allow_weak_pin: true });
        const message = `Enabled credential ${show3(saved.id)}${saved.status === "invited" ? "; it still waits for the phone to accept its invitation" : ""}.`;
        p.logChange(`helpdesk fix: ${message}`, "credential", saved.id);
        return { kind: action.kind, message, credential_id: saved.id, pin: null };
      }
      case "enable_person": {
        const person = site.people.find((x) => x.id === action.person_id);
        if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${show3(action.person_id)}.`);
        await p.savePerson({ ...person, enabled: true });
        const message = `Enabled ${person.first_name} ${person.last_name}.`;
        p.logChange(`helpdesk fix: ${message}`, "person", person.id);
        return { kind: action.kind, message, credential_id: null, pin: null };
      }
      case "add_to_group": {
        const person = site.people.find((x) => x.id === action.person_id);
        const group = site.groups.find((g) => g.id === action.group_id);
        if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${show3(action.person_id)}.`);
        if (!group) throw new LintelError(ErrorCode.notFound, `There is no group ${show3(action.group_id)}.`);
        if (!person.group_ids.includes(group.id)) await p.savePerson({ ...person, group_ids: [...person.group_ids, group.id] });
        const message = `Added ${person.first_name} ${person.last_name} to ${group.name}.`;
        p.logChange(`helpdesk fix: ${message}`, "person", person.id);
        return { kind: action.kind, message, credential_id: null, pin: null };
      }
      case "issue_backup_pin": {
        const person = site.people.find((x) => x.id === action.person_id);
        if (!person) throw new LintelError(ErrorCode.notFound, `There is no person ${show3(action.person_id)}.`);
        const pin = backupPin(site, () => randomInt(0, 2 ** 32) / 2 ** 32);
        if (!pin) throw new LintelError(ErrorCode.conflict, "This site has no PIN credential type to issue a backup PIN with.");
        const saved = await p.saveCredential({ person_id: person.id, ...pin, enabled: true, status: "active", label: "Backup PIN" });
        const message = `Issued a backup PIN (credential ${show3(saved.id)}) to ${person.first_name} ${person.last_name}; read it out now, it is not shown again.`;
        p.logChange(`helpdesk fix: issued backup PIN credential ${show3(saved.id)}`, "credential", saved.id);
        return { kind: action.kind, message, credential_id: saved.id, pin: pin.value };
      }
      case "start_device_change":
        throw new LintelError(ErrorCode.badRequest, "A device change is a workflow: open it on the Troubleshoot or Provision page (issue the new phone, test it, then disable the old one).");
    }
  }
  /** Writes the report under the user-data folder's reports/. */
  async exportReport(diagnosis, format) {
    const dir = join8(this.deps.userDataDir, "reports");
    await mkdir(dir, { recursive: true });
    const stamp = diagnosis.at.replace(/[:.]/g, "-");
    const slug = `${diagnosis.person.name}-${diagnosis.door.name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const path = join8(dir, `diagnosis-${slug}-${stamp}.${format}`);
    const text = format === "html" ? diagnosisHtml(diagnosis) : `${JSON.stringify(diagnosis, null, 2)}
`;
    await writeFile(path, text, "utf8");
    return { path, format, bytes: Buffer.byteLength(text) };
  }
};

// src/main/store/outbox.ts
var TABLE = { person: "people", credential: "credentials" };
var OutboxState = { pending: "pending", sending: "sending", unknown: "unknown", failed: "failed" };
var Outbox = class {
  constructor(db) {
    this.db = db;
    this.open = db.prepare("SELECT * FROM outbox WHERE entity = ? AND entity_id = ? AND state != 'done' ORDER BY seq");
    this.insert = db.prepare("INSERT INTO outbox (entity, entity_id, op, state, payload, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    this.remove = db.prepare("DELETE FROM outbox WHERE seq = ?");
    this.requeue = db.prepare("UPDATE outbox SET state = 'pending', error = NULL, fields = NULL, updated_at = ? WHERE seq = ?");
  }
  db;
  open;
  insert;
  remove;
  requeue;
  /** Queues a change, folding it into operations not yet sent. Call inside the write's transaction. */
  enqueue(entity, entityId, op, payload) {
    if (op === "create") return this.flagCreate(entity, entityId);
    if (this.createPending(entity, entityId)) return;
    const open = this.open.all(entity, entityId);
    if (open.length === 0) return this.add(entity, entityId, op, payload);
    const unsent = (row) => row.state === OutboxState.pending && row.attempts === 0;
    for (const row of open) if (row.state === OutboxState.failed) this.requeue.run(nowIso(), row.seq);
    if (op === "update") {
      if (!open.some((row) => unsent(row) && row.op !== "delete")) this.add(entity, entityId, op);
      return;
    }
    for (const row of open) if (unsent(row)) this.remove.run(row.seq);
    this.add(entity, entityId, op, payload);
  }
  flagCreate(entity, entityId) {
    this.db.prepare(`UPDATE ${TABLE[entity]} SET pending_create = 1 WHERE id = ?`).run(entityId);
  }
  /** True while the record's create has not been handed to a sync: updates fold into it, a delete needs nothing sent. */
  createPending(entity, entityId) {
    return this.db.prepare(`SELECT pending_create FROM ${TABLE[entity]} WHERE id = ?`).pluck().get(entityId) === 1;
  }
  /** Turns every flagged create into an outbox row (people first), in one transaction. Returns how many. */
  materializeCreates() {
    const now = nowIso();
    let count = 0;
    for (const [entity, table] of Object.entries(TABLE)) {
      count += this.db.prepare(`INSERT INTO outbox (entity, entity_id, op, state, created_at, updated_at) SELECT ?, id, 'create', 'pending', ?, ? FROM ${table} WHERE pending_create = 1 ORDER BY row`).run(entity, now, now).changes;
      this.db.prepare(`UPDATE ${table} SET pending_create = 0 WHERE pending_create = 1`).run();
    }
    return count;
  }
  add(entity, entityId, op, payload) {
    const now = nowIso();
    this.insert.run(entity, entityId, op, OutboxState.pending, payload ? JSON.stringify(payload) : null, now, now);
  }
  /** Operations a previous run left on the wire become unknown: they are reconciled before any retry. */
  recoverInterrupted() {
    return this.db.prepare("UPDATE outbox SET state = 'unknown', updated_at = ? WHERE state = 'sending'").run(nowIso()).changes;
  }
  /** Every operation still waiting (not failed), oldest first. */
  waiting() {
    return this.db.prepare("SELECT * FROM outbox WHERE state IN ('pending', 'sending', 'unknown') ORDER BY seq").all();
  }
  /** Counts by state, for the status panel; flagged creates count as pending. */
  counts() {
    const flagged = (table) => this.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE pending_create = 1`).pluck().get();
    const counts = { pending: flagged("people") + flagged("credentials"), sending: 0, unknown: 0, failed: 0 };
    for (const row of this.db.prepare("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").all()) {
      counts[row.state] += row.n;
    }
    return counts;
  }
  /** One record's open operations, oldest first: its flagged create, or its outbox rows. */
  statesOf(entity, entityId) {
    if (this.createPending(entity, entityId)) {
      return [{ seq: 0, entity, entity_id: entityId, op: "create", state: OutboxState.pending, attempts: 0, payload: null, error: null, fields: null }];
    }
    return this.open.all(entity, entityId);
  }
  /** Every open operation: outbox rows by age, then flagged creates (people, then credentials). */
  states() {
    const flagged = (entity) => `SELECT 0 AS seq, '${entity}' AS entity, id AS entity_id, 'create' AS op, 'pending' AS state, 0 AS attempts, NULL AS payload, NULL AS error, NULL AS fields FROM ${TABLE[entity]} WHERE pending_create = 1`;
    const rows = this.db.prepare("SELECT seq, entity, entity_id, op, state, attempts, payload, error, fields FROM outbox ORDER BY seq").all();
    return [...rows, ...this.db.prepare(flagged("person")).all(), ...this.db.prepare(flagged("credential")).all()];
  }
};

// src/main/store/store.ts
function standardSite(name2) {
  return { site: emptySiteInfo(name2), credential_types: [...STANDARD_CREDENTIAL_TYPES], people: [], credentials: [], groups: [], doors: [], schedules: [] };
}
var Store = class _Store {
  constructor(db) {
    this.db = db;
    this.outbox = new Outbox(db);
  }
  db;
  outbox;
  closed = false;
  /** Opens a database file, migrating it, and seeds it in one transaction the first time. */
  static open(path, seed) {
    let db;
    try {
      db = openDatabase(path);
    } catch (error2) {
      throw new LintelError(StoreErrorCode.unreadable, `${path}: cannot open the database (${error2.message})`);
    }
    const store = new _Store(db);
    store.seedOnce(seed);
    return store;
  }
  seedOnce(seed) {
    this.db.transaction(() => {
      if (this.db.prepare("SELECT 1 FROM meta WHERE key = 'site'").get()) return;
      writeSite(this.db, seed.kind === "site" ? seed.site : standardSite(seed.name));
    }).immediate();
  }
  /** The whole site as a snapshot, consistent at one moment. */
  snapshot() {
    return readSite(this.db);
  }
  /**
   * The id DoorFlow keeps for a person as `system_id`: this database's random uid and the person's
   * local id, stable for the life of the record and unique across Lintel databases.
   */
  systemId(personIdKey) {
    this.uid ??= this.db.prepare("SELECT value FROM meta WHERE key = 'site_uid'").pluck().get() ?? "local";
    return `lintel-${this.uid}-${personIdKey}`;
  }
  uid;
  /** Credential types, group names and the time zone: what imported rows are checked against. */
  catalog() {
    return readCatalog(this.db);
  }
  /** Runs `work` in one immediate (write-locking) transaction. */
  write(work) {
    return this.db.transaction(work).immediate();
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
};

// src/main/sync/tokens.ts
import { chmodSync, existsSync as existsSync7, mkdirSync as mkdirSync5, readFileSync as readFileSync3, renameSync as renameSync4, writeFileSync as writeFileSync4 } from "node:fs";
import { dirname as dirname5, join as join9 } from "node:path";
import { z as z12 } from "zod";
var TokensSchema = z12.object({
  access_token: z12.string().min(1),
  refresh_token: z12.string().min(1).optional(),
  /** Where refreshes go; by default `<api>/oauth/token`. */
  token_url: z12.string().url().optional(),
  client_id: z12.string().optional(),
  client_secret: z12.string().optional()
});
var TOKEN_FILE = "doorflow-token.json";
function fileTokenStore(dir, log) {
  const path = join9(dir, TOKEN_FILE);
  let warned = false;
  return {
    encrypted: false,
    read() {
      if (!existsSync7(path)) return void 0;
      let saved;
      try {
        saved = JSON.parse(readFileSync3(path, "utf8"));
      } catch {
        log.warn(`${path} cannot be read as JSON; ignoring the saved DoorFlow token`);
        return void 0;
      }
      const parsed2 = TokensSchema.safeParse(saved);
      return parsed2.success ? parsed2.data : void 0;
    },
    write(tokens) {
      if (!warned) log.warn(`the DoorFlow token is stored unencrypted in ${path} (mode 0600); the desktop app encrypts it with the OS keychain`);
      warned = true;
      writeSecretFile(path, JSON.stringify(TokensSchema.parse(tokens)));
    }
  };
}
function writeSecretFile(path, text) {
  mkdirSync5(dirname5(path), { recursive: true, mode: 448 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync4(temp, text, { mode: 384 });
  chmodSync(temp, 384);
  renameSync4(temp, path);
}

// src/main/sync/http.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
var HttpClient = class {
  http = new HttpAgent({ keepAlive: true, maxSockets: 32 });
  https = new HttpsAgent({ keepAlive: true, maxSockets: 32 });
  /** Resolves with the answer; rejects on a network error or timeout (the outcome of a write is then unknown). */
  send(url, init) {
    const secure = url.startsWith("https:");
    const body = init.body === void 0 ? void 0 : Buffer.from(init.body);
    const headers = body ? { ...init.headers, "content-length": String(body.length) } : init.headers;
    return new Promise((resolve4, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(url, { method: init.method, headers, agent: secure ? this.https : this.http, timeout: init.timeoutMs }, (response) => {
        const parts = [];
        response.on("data", (part) => parts.push(part));
        response.on("end", () => resolve4({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(parts).toString("utf8") }));
        response.on("error", reject);
      });
      request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      request.on("error", reject);
      request.end(body);
    });
  }
  close() {
    this.http.destroy();
    this.https.destroy();
  }
};

// src/main/sync/doorflowApi.ts
var SyncErrorCode = {
  unauthorized: "sync_unauthorized",
  noToken: "sync_no_token",
  busy: "sync_busy",
  badApi: "sync_bad_api"
};
var DoorFlowApi = class {
  constructor(options) {
    this.options = options;
    this.tokens = options.tokens;
    let url;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new LintelError(SyncErrorCode.badApi, `--api ${options.baseUrl}: expected a base URL such as https://api.doorflow.com`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new LintelError(SyncErrorCode.badApi, `--api ${options.baseUrl}: expected http(s)`);
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, "").replace(/\/api\/3$/, "")}/api/3`;
  }
  options;
  tokens;
  pausedUntil = 0;
  /** The last access token the server answered with anything but 401. */
  accepted = "";
  refreshing;
  base;
  http = new HttpClient();
  /**
   * One request; 401 refreshes and retries once, 429 waits `retry_in` seconds (or Retry-After) and
   * retries. A refreshed token refused again stops the run, unless the server had accepted it in
   * between (it expired again while this request waited): then it is refreshed again (at most 5 times).
   */
  async request(method, path, body) {
    for (let refreshes = 0, stale = 0, limited = 0; ; ) {
      await this.waitForPause();
      const token = this.tokens.access_token;
      const response = await this.send(method, path, body);
      if ("kind" in response) return response;
      if (response.status === 401) {
        if (this.tokens.access_token !== token && stale++ < 10) continue;
        const refusedAfterRefresh = refreshes > 0 && this.accepted !== token;
        if (refusedAfterRefresh || refreshes >= 5 || !await this.refresh(token)) {
          throw new LintelError(SyncErrorCode.unauthorized, "DoorFlow refused the token (401); sign in again or pass a new --token.");
        }
        refreshes++;
        continue;
      }
      this.accepted = token;
      if (response.status === 429 && limited++ < 100) {
        this.pause(retryDelayMs(response));
        continue;
      }
      return answerOf(response);
    }
  }
  /** Resolves once no token refresh is in flight (a rotated token must be saved before the run ends). */
  async settled() {
    await this.refreshing?.catch(() => void 0);
  }
  /** Closes the kept-alive connections. */
  close() {
    this.http.close();
  }
  async send(method, path, body) {
    const headers = { authorization: `Bearer ${this.tokens.access_token}`, accept: "application/json" };
    if (body !== void 0) headers["content-type"] = "application/json";
    try {
      return await this.http.send(`${this.base}${path}`, { method, headers, body: body === void 0 ? void 0 : JSON.stringify(body), timeoutMs: this.options.timeoutMs ?? 15e3 });
    } catch (error2) {
      return { kind: "unknown", reason: networkReason(error2) };
    }
  }
  pause(ms) {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.options.onRateLimited?.(ms);
  }
  async waitForPause() {
    while (Date.now() < this.pausedUntil) await sleep(this.pausedUntil - Date.now());
  }
  /** Refreshes once for all workers that saw the same expired token; false when no refresh is configured. */
  async refresh(expired2) {
    if (this.tokens.access_token !== expired2) return true;
    if (!this.tokens.refresh_token) return false;
    this.refreshing ??= this.rotate().finally(() => this.refreshing = void 0);
    await this.refreshing;
    return this.tokens.access_token !== expired2;
  }
  async rotate() {
    const url = this.tokens.token_url ?? `${this.base.replace(/\/api\/3$/, "")}/oauth/token`;
    const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: this.tokens.refresh_token ?? "" });
    if (this.tokens.client_id) form.set("client_id", this.tokens.client_id);
    if (this.tokens.client_secret) form.set("client_secret", this.tokens.client_secret);
    const headers = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
    const response = await this.http.send(url, { method: "POST", headers, body: form.toString(), timeoutMs: this.options.timeoutMs ?? 15e3 }).catch(() => void 0);
    if (!response || response.status !== 200) return;
    const body = parseJson(response.text);
    if (!body?.access_token) return;
    this.tokens = { ...this.tokens, access_token: body.access_token, refresh_token: body.refresh_token ?? this.tokens.refresh_token };
    this.options.tokenStore?.write(this.tokens);
  }
};
function answerOf(response) {
  const body = parseJson(response.text);
  if (response.status >= 500) return { kind: "unknown", reason: `HTTP ${response.status}` };
  if (response.status === 404) return { kind: "not_found" };
  if (response.status >= 400) return { kind: "rejected", status: response.status, ...fieldErrors(body, response.status) };
  return { kind: "ok", status: response.status, body };
}
function fieldErrors(body, status) {
  const errors = body?.errors;
  const fields = {};
  if (errors && typeof errors === "object") {
    for (const [field, value] of Object.entries(errors)) {
      const text = (Array.isArray(value) ? value.filter((v) => typeof v === "string") : [String(value)]).join("; ");
      if (text) fields[field] = `${field.replace(/_/g, " ")} ${text}`;
    }
  }
  const first = Object.values(fields)[0];
  return { message: first ? `DoorFlow refused it: ${first}` : `DoorFlow refused it (HTTP ${status})`, fields };
}
function retryDelayMs(response, now = Date.now()) {
  const body = parseJson(response.text);
  const given = body?.retry_in ?? (typeof body?.error === "object" && body.error !== null ? body.error.retry_in : void 0);
  const retryIn = given === void 0 || given === null || given === "" ? NaN : Number(given);
  if (Number.isFinite(retryIn) && retryIn >= 0) return retryIn * 1e3;
  const header = response.headers["retry-after"];
  if (typeof header === "string" && header.trim() !== "") {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  return 1e3;
}
function parseJson(text) {
  try {
    return text ? JSON.parse(text) : void 0;
  } catch {
    return void 0;
  }
}
function networkReason(error2) {
  return error2.code ?? error2.message;
}
var sleep = (ms) => new Promise((resolve4) => setTimeout(resolve4, ms));

// src/main/sync/backoff.ts
var DEFAULT_BACKOFF = { baseMs: 200, maxMs: 1e4, attempts: 8 };
function backoffDelay(backoff, attempt, random = Math.random) {
  return random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
}
async function withRetries(backoff, send2, onRetry) {
  let answer = await send2();
  for (let attempt = 0; answer.kind === "unknown" && attempt < backoff.attempts; attempt++) {
    onRetry?.();
    await sleep(backoffDelay(backoff, attempt));
    answer = await send2();
  }
  return answer;
}

// src/main/sync/lists.ts
function listItems(body, key) {
  const keys = typeof key === "string" ? [key] : key;
  const items = Array.isArray(body) ? body : wrapped(body, keys);
  if (!Array.isArray(items)) throw new LintelError("sync_bad_answer", `DoorFlow answered a list of ${keys[0] ?? "items"} in an unknown shape`);
  return items.filter((item) => typeof item === "object" && item !== null);
}
function wrapped(body, keys) {
  if (typeof body !== "object" || body === null) return void 0;
  const record = body;
  for (const key of [...keys, "data"]) if (Array.isArray(record[key])) return record[key];
  const arrays = Object.values(record).filter(Array.isArray);
  return arrays.length === 1 ? arrays[0] : void 0;
}
async function read(api, path, backoff) {
  const answer = await withRetries(backoff, () => api.request("GET", path));
  if (answer.kind === "ok") return answer.body;
  if (answer.kind === "not_found") return null;
  if (answer.kind === "rejected") throw new LintelError("sync_rejected", `GET ${path}: ${answer.message}`);
  throw new LintelError("sync_unreachable", `GET ${path}: no answer (${answer.reason})`);
}
async function readAll(api, path, key, backoff, options = {}) {
  const all2 = [];
  await eachPage(api, path, key, backoff, options, (items) => void all2.push(...items));
  return all2;
}
async function findInList(api, path, key, backoff, match) {
  let found;
  await eachPage(api, path, key, backoff, {}, (items) => {
    found = items.find(match);
    return found !== void 0;
  });
  return found;
}
async function eachPage(api, path, key, backoff, options, take) {
  const perPage = options.perPage ?? 100;
  const seen = /* @__PURE__ */ new Set();
  let pageSize = perPage;
  for (let page = 1; page < 1e4; page++) {
    const query = new URLSearchParams({ page: String(page), per_page: String(perPage) });
    if (options.since) query.set("since", options.since);
    const sep2 = path.includes("?") ? "&" : "?";
    const body = await read(api, `${path}${sep2}${query.toString()}`, backoff);
    if (body === null && page === 1) return;
    const items = listItems(body, key);
    const fresh2 = items.filter((item) => {
      if (item.id === void 0 || item.id === null) return true;
      const id = String(item.id);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (take(fresh2) === true) return;
    if (items.length === 0 || fresh2.length === 0) break;
    if (page === 1 && items.length < perPage) pageSize = items.length;
    else if (items.length < pageSize) break;
  }
}

// src/main/sync/pull.ts
var slugOf = (name2) => name2.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
var TECHNOLOGY = { card: "nfc", pin: "keypad", mobile: "ble", other: "nfc" };
var formatOf = (value) => value === "card" || value === "pin" || value === "mobile" ? value : "other";
async function pullSite(store, api, backoff) {
  const types = await readAll(api, "/credential_types", "credential_types", backoff);
  const groups = await readAll(api, "/groups", "groups", backoff);
  const since = store.db.prepare("SELECT value FROM meta WHERE key = 'people_since'").pluck().get();
  const startedAt = Date.now();
  const people = await readAll(api, "/people", "people", backoff, since ? { since } : {});
  store.write(() => {
    for (const t of types) upsertType(store, t);
    for (const g of groups) store.db.prepare("INSERT INTO groups (id, name, access, remote_id) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, remote_id = excluded.remote_id").run(idKey(localId(g.id)), String(g.name ?? ""), "[]", String(g.id));
    for (const p of people) linkPerson(store, p);
    const latest = nextSince(people, since, startedAt);
    if (latest) store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('people_since', ?)").run(latest);
  });
  return { credential_types: types.length, groups: groups.length, people: people.length };
}
function nextSince(people, since, startedAt) {
  const stamps = people.map((p) => p.updated_at).filter((t) => typeof t === "string" && t !== "");
  if (stamps.length > 0) return stamps.reduce((a, b) => b > a ? b : a, since ?? "");
  if (people.length > 0) return new Date(startedAt - 5 * 6e4).toISOString();
  return since;
}
function localId(id) {
  return typeof id === "number" ? id : String(id);
}
function upsertType(store, item) {
  const name2 = String(item.name ?? item.label ?? `Type ${String(item.id)}`);
  const format = formatOf(item.format);
  store.db.prepare("INSERT INTO credential_types (id, label, slug, format, technology) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET label = excluded.label").run(idKey(localId(item.id)), name2, slugOf(name2), format, TECHNOLOGY[format]);
}
function linkPerson(store, item) {
  const remoteId = String(item.id);
  const systemId = typeof item.system_id === "string" ? item.system_id : "";
  const prefix = store.systemId("");
  const byLocalId = systemId.startsWith(prefix) ? systemId.slice(prefix.length) : void 0;
  const email = String(item.email ?? "");
  const find = (sql, value) => value === void 0 ? void 0 : store.db.prepare(`SELECT id FROM people WHERE ${sql} = ?`).pluck().get(value);
  const local = find("remote_id", remoteId) ?? find("id", byLocalId) ?? (email ? find("email_key", email.toLowerCase()) : void 0);
  if (local !== void 0) {
    store.db.prepare("UPDATE people SET remote_id = ? WHERE id = ? AND remote_id IS NULL").run(remoteId, local);
    return;
  }
  if (!email) return;
  store.db.prepare("INSERT INTO people (id, first_name, last_name, email, email_key, enabled, group_ids, remote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(String(nextNumericId(store, "people")), String(item.first_name ?? ""), String(item.last_name ?? ""), email, email.toLowerCase(), item.enabled === false ? 0 : 1, JSON.stringify(Array.isArray(item.group_ids) ? item.group_ids : []), remoteId);
}

// src/main/sync/push.ts
var remoteIdOf = (body) => {
  const record = body ?? {};
  const inner = record.person ?? record.person_credential ?? record.credential ?? record.data ?? record;
  return inner.id === void 0 || inner.id === null ? void 0 : String(inner.id);
};
async function pushCreate(ctx, op, spec) {
  const adopt = (found) => {
    ctx.ledger.confirm(op, found);
    ctx.ledger.log("info", `${op.entity} ${op.entity_id} was already on the server (reconciled as ${found})`, op);
    ctx.stats.reconciled++;
  };
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    const uncertain = op.state === "unknown";
    if (uncertain) {
      const found = await spec.findExisting();
      if (found !== null) return adopt(found);
    }
    ctx.ledger.markSending(op);
    const answer = await ctx.api.request("POST", spec.path, spec.body);
    if (uncertain && answer.kind === "rejected" && spec.adoptRefused) {
      const found = await spec.adoptRefused(answer);
      if (found !== null) return adopt(found);
    }
    const remoteId = answer.kind === "ok" ? remoteIdOf(answer.body) ?? await spec.findExisting() ?? void 0 : void 0;
    if (settled(ctx, op, answer, () => ctx.ledger.confirm(op, remoteId))) return;
    ctx.ledger.markUnknown(op, answer.kind === "unknown" ? answer.reason : "unknown");
    ctx.stats.retries++;
    await sleep(backoffDelay(ctx.backoff, attempt));
  }
  giveUp(ctx, op);
}
async function pushIdempotent(ctx, op, method, path, body) {
  for (let attempt = 0; attempt <= ctx.backoff.attempts; attempt++) {
    ctx.ledger.markSending(op);
    const answer = await ctx.api.request(method, path, body);
    if (method === "DELETE" && answer.kind === "not_found") {
      ctx.ledger.confirm(op);
      return;
    }
    if (settled(ctx, op, answer, () => ctx.ledger.confirm(op))) return;
    ctx.ledger.markUnknown(op, answer.kind === "unknown" ? answer.reason : "unknown");
    ctx.stats.retries++;
    await sleep(backoffDelay(ctx.backoff, attempt));
  }
  giveUp(ctx, op);
}
function settled(ctx, op, answer, confirm) {
  if (answer.kind === "ok") {
    confirm();
    ctx.stats.pushed++;
    return true;
  }
  if (answer.kind === "rejected" || answer.kind === "not_found") {
    const { message, fields } = answer.kind === "rejected" ? answer : { message: "DoorFlow has no such record (404)", fields: {} };
    ctx.ledger.markFailed(op, message, fields);
    ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: "rejected", message, fields });
    return true;
  }
  return false;
}
function giveUp(ctx, op) {
  const message = `no confirmed answer after ${ctx.backoff.attempts + 1} tries; it stays queued for the next sync`;
  ctx.ledger.log("warn", `${op.entity} ${op.entity_id}: ${message}`, op);
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: "gave_up", message });
}
function waiting(ctx, op, message) {
  ctx.failures.push({ entity: op.entity, id: op.entity_id, op: op.op, code: "waiting_for_person", message });
}
var personBody = (store, row) => ({
  person: {
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    enabled: row.enabled === 1,
    system_id: store.systemId(row.id),
    group_ids: JSON.parse(row.group_ids),
    valid_from: row.valid_from ?? null,
    valid_to: row.valid_to ?? null
  }
});
var credentialBody = (row) => ({
  person_credential: { credential_type_id: idFromKey(row.credential_type_id), value: row.value, enabled: row.enabled === 1, label: row.label ?? row.device ?? null }
});
async function findPerson2(ctx, systemId) {
  const match = await findInList(ctx.api, `/people?system_id=${encodeURIComponent(systemId)}`, "people", ctx.backoff, (p) => p.system_id === systemId);
  return match ? String(match.id) : null;
}
var typeIdOf = (c) => String(c.credential_type_id ?? c.credential_type?.id);
async function findCredential(ctx, personRemoteId, typeKey, value) {
  const typeId = String(idFromKey(typeKey));
  const match = await findInList(ctx.api, `/people/${personRemoteId}/credentials`, CREDENTIAL_LIST_KEYS, ctx.backoff, (c) => typeIdOf(c) === typeId && String(c.value) === value);
  return match ? String(match.id) : null;
}
var CREDENTIAL_LIST_KEYS = ["person_credentials", "credentials"];
var hidden = (value) => value === void 0 || value === null || String(value) === "" || /[*•]/.test(String(value));
async function adoptInUse(ctx, answer, personRemoteId, typeKey, value) {
  if (answer.fields.value === void 0) return null;
  const typeId = String(idFromKey(typeKey));
  const ofType = (await readAll(ctx.api, `/people/${personRemoteId}/credentials`, CREDENTIAL_LIST_KEYS, ctx.backoff)).filter((c) => typeIdOf(c) === typeId);
  const exact = ofType.find((c) => String(c.value) === value);
  if (exact) return String(exact.id);
  const known = ctx.store.db.prepare("SELECT 1 FROM credentials WHERE remote_id = ?").pluck();
  const candidates = ofType.filter((c) => hidden(c.value) && known.get(String(c.id)) === void 0);
  return candidates.length === 1 ? String(candidates[0]?.id) : null;
}
async function pushPerson(ctx, op) {
  const row = ctx.store.db.prepare("SELECT * FROM people WHERE id = ?").get(op.entity_id);
  if (op.op === "delete") return deletePerson2(ctx, op, JSON.parse(op.payload ?? "{}"));
  if (!row) return ctx.ledger.confirm(op);
  if (op.op === "create" && row.remote_id === null) {
    const systemId = ctx.store.systemId(op.entity_id);
    return pushCreate(ctx, op, { path: "/people", body: personBody(ctx.store, row), findExisting: () => findPerson2(ctx, systemId) });
  }
  if (row.remote_id === null) return waiting(ctx, op, "the person has not reached the server yet");
  return pushIdempotent(ctx, op, "PUT", `/people/${String(row.remote_id)}`, personBody(ctx.store, row));
}
async function deletePerson2(ctx, op, payload) {
  const remoteId = payload.remote_id ?? (payload.system_id ? await findPerson2(ctx, payload.system_id) : null);
  if (remoteId === null) return ctx.ledger.confirm(op);
  return pushIdempotent(ctx, op, "DELETE", `/people/${remoteId}`);
}
async function pushCredential(ctx, op) {
  if (op.op === "delete") return deleteCredential2(ctx, op, JSON.parse(op.payload ?? "{}"));
  const row = ctx.store.db.prepare("SELECT c.*, p.remote_id AS person_remote_id FROM credentials c JOIN people p ON p.id = c.person_id WHERE c.id = ?").get(op.entity_id);
  if (!row) return ctx.ledger.confirm(op);
  const personRemoteId = row.person_remote_id;
  if (personRemoteId === null) return waiting(ctx, op, "its person has not reached the server yet");
  const path = `/people/${personRemoteId}/credentials`;
  if (op.op === "create" && row.remote_id === null) {
    const [typeKey, value] = [row.credential_type_id, row.value];
    return pushCreate(ctx, op, {
      path,
      body: credentialBody(row),
      findExisting: () => findCredential(ctx, personRemoteId, typeKey, value),
      adoptRefused: (answer) => adoptInUse(ctx, answer, personRemoteId, typeKey, value)
    });
  }
  if (row.remote_id === null) return waiting(ctx, op, "the credential has not reached the server yet");
  return pushIdempotent(ctx, op, "PUT", `${path}/${String(row.remote_id)}`, credentialBody(row));
}
async function deleteCredential2(ctx, op, payload) {
  const person = payload.person_remote_id;
  if (!person) return ctx.ledger.confirm(op);
  const remoteId = payload.remote_id ?? (payload.credential_type_id && payload.value ? await findCredential(ctx, person, payload.credential_type_id, payload.value) : null);
  if (remoteId === null) return ctx.ledger.confirm(op);
  return pushIdempotent(ctx, op, "DELETE", `/people/${person}/credentials/${remoteId}`);
}

// src/main/sync/syncOutbox.ts
var PHASES = [
  { entity: "person", ops: ["create", "update"] },
  { entity: "credential", ops: ["create", "update", "delete"] },
  { entity: "person", ops: ["delete"] }
];
async function syncOutbox(store, options) {
  const ledger = new Ledger(store);
  const api = new DoorFlowApi({
    baseUrl: options.baseUrl,
    tokens: options.tokens,
    ...options.tokenStore ? { tokenStore: options.tokenStore } : {},
    onRateLimited: (ms) => ledger.log("warn", `DoorFlow asked to slow down; pausing ${Math.round(ms)} ms`)
  });
  const release = acquireLock(store);
  try {
    store.write(() => store.outbox.materializeCreates());
    const recovered = store.outbox.recoverInterrupted();
    if (recovered) ledger.log("warn", `${recovered} operations were on the wire when the last sync stopped; they will be reconciled`);
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    const pulled = options.pull === false ? null : await pullSite(store, api, backoff);
    const ctx = { api, store, ledger, backoff, stats: { pushed: 0, reconciled: 0, retries: 0 }, failures: [] };
    const waiting2 = store.outbox.waiting();
    await pushAll(ctx, waiting2, options);
    const report2 = { ...ctx.stats, failed: [...ctx.failures, ...stillRefused(store, waiting2)], pulled };
    ledger.log(report2.failed.length ? "warn" : "info", `sync: ${report2.pushed} pushed, ${report2.reconciled} reconciled, ${report2.retries} retries, ${report2.failed.length} open`);
    ledger.trimLog();
    return report2;
  } finally {
    await api.settled();
    api.close();
    release();
  }
}
function stillRefused(store, sent) {
  const seqs = new Set(sent.map((op) => op.seq));
  const rows = store.db.prepare("SELECT * FROM outbox WHERE state = 'failed' ORDER BY seq").all();
  return rows.filter((op) => !seqs.has(op.seq)).map((op) => {
    const fields = op.fields ? JSON.parse(op.fields) : {};
    return { entity: op.entity, id: op.entity_id, op: op.op, code: "rejected", message: op.error ?? "DoorFlow refused it", fields };
  });
}
async function pushAll(ctx, waiting2, options) {
  const total = waiting2.length;
  let done = 0;
  const step = () => options.onProgress?.({ done: ++done, total });
  for (const phase of PHASES) {
    const ops = waiting2.filter((op) => op.entity === phase.entity && phase.ops.includes(op.op));
    const push = phase.entity === "person" ? pushPerson : pushCredential;
    await inParallel(ops, options.concurrency ?? 4, async (op) => {
      await push(ctx, op);
      step();
    });
  }
  options.onProgress?.({ done: total, total });
}
async function inParallel(items, limit, work) {
  const chains = /* @__PURE__ */ new Map();
  for (const item of items) {
    const key = `${item.entity}:${item.entity_id}`;
    chains.set(key, [...chains.get(key) ?? [], item]);
  }
  const queue = [...chains.values()];
  let next = 0;
  const stop = { stopped: false };
  const worker = async () => {
    while (!stop.stopped && next < queue.length) {
      const chain = queue[next++] ?? [];
      for (const item of chain) {
        if (stop.stopped) return;
        try {
          await work(item);
        } catch (error2) {
          if (!stop.stopped) Object.assign(stop, { error: error2, stopped: true });
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker));
  if (stop.stopped) throw stop.error;
}
function acquireLock(store) {
  store.write(() => {
    const held = store.db.prepare("SELECT value FROM meta WHERE key = 'sync_lock'").pluck().get();
    const pid = held ? Number(JSON.parse(held).pid) : void 0;
    if (pid !== void 0 && pid !== process.pid && alive(pid)) throw new LintelError(SyncErrorCode.busy, `another sync (process ${pid}) is running on this database`);
    store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_lock', ?)").run(JSON.stringify({ pid: process.pid, at: (/* @__PURE__ */ new Date()).toISOString() }));
  });
  return () => store.write(() => store.db.prepare("DELETE FROM meta WHERE key = 'sync_lock'").run());
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// src/main/services/syncService.ts
var SyncService = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  running = false;
  db() {
    if (!this.deps.store) throw new LintelError("unavailable", "This session opened a snapshot file; sync needs the app's database.");
    return this.deps.store;
  }
  saveConnection(input) {
    this.deps.tokens.write({ access_token: input.token, ...input.refreshToken ? { refresh_token: input.refreshToken } : {} });
    this.setMeta("sync_api", input.api);
    return this.status();
  }
  async run(input) {
    const store = this.db();
    const api = this.meta("sync_api");
    const tokens = this.deps.tokens.read();
    if (!api || !tokens) throw new LintelError("sync_no_token", "Connect to DoorFlow first: enter its base URL and a token.");
    if (this.running || this.deps.provisioning.syncing) throw new LintelError("sync_busy", "A sync is already running.");
    if (this.deps.provisioning.importRunning) throw new LintelError("sync_busy", "An import is running; sync when it ends.");
    this.running = this.deps.provisioning.syncing = true;
    let last = 0;
    try {
      const report2 = await syncOutbox(store, {
        baseUrl: api,
        tokens,
        tokenStore: this.deps.tokens,
        concurrency: input.concurrency ?? 4,
        log: this.deps.log,
        onProgress: (p) => {
          if (Date.now() - last < 100 && p.done < p.total) return;
          last = Date.now();
          this.deps.progress(p);
        }
      });
      const view = { pushed: report2.pushed, reconciled: report2.reconciled, retries: report2.retries, failed: report2.failed };
      this.setMeta("sync_last_run", JSON.stringify({ at: (/* @__PURE__ */ new Date()).toISOString(), report: { ...view, failed: view.failed.slice(0, PROVISIONING_LIMITS.listedErrors) } }));
      return view;
    } finally {
      this.running = this.deps.provisioning.syncing = false;
      this.deps.siteChanged();
    }
  }
  status() {
    const lastRun = this.meta("sync_last_run");
    return {
      running: this.running,
      api: this.meta("sync_api"),
      hasToken: this.deps.tokens.read() !== void 0,
      tokenEncrypted: this.deps.tokens.encrypted,
      outbox: this.deps.store ? this.deps.store.outbox.counts() : { pending: 0, sending: 0, unknown: 0, failed: 0 },
      lastRun: lastRun ? JSON.parse(lastRun) : null
    };
  }
  log(limit = 100) {
    const rows = this.db().db.prepare("SELECT at, level, message, entity, entity_id AS id FROM sync_log ORDER BY seq DESC LIMIT ?").all(limit);
    return rows;
  }
  meta(key) {
    if (!this.deps.store) return null;
    return this.deps.store.db.prepare("SELECT value FROM meta WHERE key = ?").pluck().get(key) ?? null;
  }
  setMeta(key, value) {
    this.db().write(() => this.db().db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value));
  }
};

// src/main/services/provisioningWiring.ts
async function openAppStore(userDataDir, log) {
  try {
    return Store.open(databasePath(userDataDir), { kind: "site", site: await loadSiteFile(demoSitePath()) });
  } catch (error2) {
    log.error("the local database could not be opened; provisioning is off and the demo site is shown", error2);
    return void 0;
  }
}
function provisioningParts(deps) {
  const { store, site, hub } = deps;
  const siteChanged = () => {
    if (store) hub.emit("site", "changed", site.replace(store.snapshot()));
  };
  const provisioning = new ProvisioningService(store, { siteChanged, importProgress: (p) => hub.emit("provisioning", "importProgress", p) });
  const sync = new SyncService({
    store,
    tokens: deps.tokens ?? fileTokenStore(deps.userDataDir, deps.log),
    provisioning,
    log: deps.log,
    progress: (p) => hub.emit("sync", "progress", p),
    siteChanged
  });
  return { provisioning, sync };
}
function provisioningHandlers(p) {
  return {
    savePerson: (input) => p.savePerson(input),
    deletePerson: ({ id }) => p.deletePerson(id),
    saveCredential: (input) => p.saveCredential(input),
    deleteCredential: ({ id }) => p.deleteCredential(id),
    saveGroup: (input) => p.saveGroup(input),
    deleteGroup: ({ id }) => p.deleteGroup(id),
    saveDoor: (input) => p.saveDoor(input),
    deleteDoor: ({ id }) => p.deleteDoor(id),
    importPreview: (request) => p.preview(request),
    importCommit: (request) => p.commit(request),
    rejectedRows: () => p.rejectedRows(),
    exportCsv: ({ kind }) => p.exportCsv(kind),
    recordStates: () => p.recordStates()
  };
}
function syncHandlers(s) {
  return {
    saveConnection: (input) => s.saveConnection(input),
    run: (input) => s.run(input),
    status: () => s.status(),
    log: ({ limit }) => s.log(limit)
  };
}

// src/main/services/index.ts
async function createServices(options) {
  const { log, settings: store } = options;
  const hub = new EventHub(contract, log);
  const appStore = options.store ?? (options.sitePath ? void 0 : await openAppStore(options.userDataDir, log));
  const site = appStore ? SiteService.fromSnapshot(appStore.snapshot(), "database") : await SiteService.open(options.sitePath ?? demoSitePath(), options.sitePath ? "file" : "demo");
  const { provisioning, sync } = provisioningParts({ store: appStore, site, hub, log, userDataDir: options.userDataDir, tokens: options.tokens });
  const probe = options.probe ?? systemProbe;
  const readers = openNfcReaders({ real: probe.pcscd() && pcscLibraryInstalled(), log, ...options.nfc });
  const nfc = new NfcService({ readers, site, settings: () => store.read(), hub, log, pcscd: () => probe.pcscd() });
  const ble = new BleService({
    readers: () => virtualReaders(site.snapshot()),
    settings: () => store.read(),
    adapterPresent: () => probe.bleAdapter(),
    hub,
    log,
    ...options.radios ? { radios: options.radios } : {}
  });
  const survey = new SurveyService({ userDataDir: options.userDataDir, ble, hub, log, pdf: options.pdf ?? chromiumPdfPrinter() });
  const hardware = new HardwareService(site, probe, nfc, ble);
  const diagnose2 = new DiagnoseService({ site, provisioning, sync, nfc, ble, settings: () => store.read(), database: appStore !== void 0, userDataDir: options.userDataDir, log });
  const version = packageVersion();
  const services = {
    hub,
    site,
    hardware,
    nfc,
    ble,
    survey,
    provisioning,
    sync,
    diagnose: diagnose2,
    settings: () => store.read(),
    updateSettings(patch) {
      const next = { ...store.read(), ...patch };
      store.write(next);
      const saved = store.read();
      hub.emit("app", "settingsChanged", saved);
      return saved;
    },
    info: () => ({
      name: "Lintel",
      version,
      runtime: options.runtime,
      platform: `${process.platform}-${process.arch}`,
      userDataDir: options.userDataDir,
      simulated: hardware.simulated()
    }),
    async close() {
      await nfc.close();
      if (ble.scanState().scanning) await ble.stopScan();
      appStore?.close();
    }
  };
  return { ...services, dispatcher: createDispatcher(contract, handlersFor(services), log) };
}
function handlersFor(s) {
  return {
    app: {
      info: () => s.info(),
      getSettings: () => s.settings(),
      updateSettings: (patch) => s.updateSettings(patch)
    },
    site: {
      summary: () => s.site.summary(),
      snapshot: () => s.site.snapshot()
    },
    decision: {
      decide: (request) => decide(s.site.compiledSite(), request)
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
    provisioning: provisioningHandlers(s.provisioning),
    sync: syncHandlers(s.sync),
    diagnose: {
      run: (request) => s.diagnose.run(request),
      fix: (action) => s.diagnose.fix(action),
      exportReport: ({ diagnosis, format }) => s.diagnose.exportReport(diagnosis, format)
    }
  };
}
function packageVersion() {
  try {
    return JSON.parse(readFileSync4(join10(appRoot(), "package.json"), "utf8")).version;
  } catch {
    return "0.0.0";
  }
}

// src/main/cli/context.ts
async function openNodeServices(options = {}) {
  const log = stderrLogger();
  const userDataDir = nodeUserDataDir();
  return createServices({
    runtime: options.runtime ?? "cli",
    userDataDir,
    settings: await nodeSettingsStore(userDataDir, log),
    log,
    ...options.sitePath ? { sitePath: options.sitePath } : {},
    ...options.store ? { store: options.store } : {}
  });
}

// src/main/cli/database.ts
import { resolve as resolve2 } from "node:path";
var DB_OPTION_HELP = "--db <path>       the database (default: the app's, seeded with the demo site on first start; a new one elsewhere starts with the standard credential types only)";
async function openStoreOption(values) {
  const appDb = databasePath(nodeUserDataDir());
  const path = resolve2(stringOption(values, "db") ?? appDb);
  if (path === resolve2(appDb)) return Store.open(path, { kind: "site", site: await loadSiteFile(demoSitePath()) });
  return Store.open(path, { kind: "standard", name: "Lintel" });
}

// src/main/cli/commands/diagnose.ts
var diagnoseCommand = {
  name: "diagnose",
  summary: "Why does this phone not open the door? Every check, findings ordered by likelihood, each with its fix",
  usage: "[--site <file> | --db <path>] --person <id|email> --door <id> [--at <ISO>] [--platform ios|android] [--credential <id>] [--tap S] [--scan S] [--report <file.html|file.json>]",
  options: {
    site: { type: "string" },
    db: { type: "string" },
    person: { type: "string" },
    door: { type: "string" },
    at: { type: "string" },
    platform: { type: "string" },
    credential: { type: "string" },
    tap: { type: "string" },
    scan: { type: "string" },
    report: { type: "string" }
  },
  details: [
    "--site <file>     a site snapshot (docs/site-format.md): no sync evidence",
    `${DB_OPTION_HELP}; its outbox counts as evidence (the default)`,
    "--person          an id, or an email compared case-insensitively",
    "--at <ISO>        an instant with Z or an offset; default now",
    "--platform        the phone: ios or android (reader compatibility); default: both are considered",
    "--credential <id> only this credential of the person; default: their phone credentials",
    "--tap S           live test: wait S seconds for the phone on the NFC reader (simulated in the demo)",
    "--scan S          live test: scan S seconds for the door reader's BLE advertisements",
    "--report <file>   also write the report there (.html, or .json)",
    'Output with --json: { "findings": [{ code, severity, evidence, fix, ... }], ... }. Exit 0 whatever the findings.'
  ],
  async run(values, _positionals, io) {
    const sitePath = stringOption(values, "site");
    if (sitePath && stringOption(values, "db")) throw new UsageError("--site and --db are alternatives: give one");
    const services = sitePath ? await openNodeServices({ sitePath }) : await openNodeServices({ store: await openStoreOption(values) });
    try {
      const diagnosis = await services.diagnose.run(requestFrom(values, services.site.snapshot()));
      const report2 = stringOption(values, "report");
      if (report2) await writeFile2(report2, report2.toLowerCase().endsWith(".json") ? `${JSON.stringify(diagnosis, null, 2)}
` : diagnosisHtml(diagnosis), "utf8");
      io.out(io.json ? JSON.stringify(diagnosis) : describeDiagnosis(diagnosis));
    } finally {
      await services.close();
    }
  }
};
function requestFrom(values, site) {
  const personRaw = requireOption(values, "person");
  const personRef = personRaw.includes("@") ? personRaw : resolveId(personRaw, site.people.map((p) => p.id), "person");
  if (!findPerson(site, personRef)) throw new UsageError(`--person ${personRaw}: the site has no such person`);
  const doorRaw = requireOption(values, "door");
  const door = resolveId(doorRaw, site.doors.map((d) => d.id), "door");
  if (!site.doors.some((d) => d.id === door)) throw new UsageError(`--door ${doorRaw}: the site has no such door`);
  const platformRaw = stringOption(values, "platform");
  const platform = platformRaw === void 0 ? void 0 : PlatformSchema.safeParse(platformRaw.toLowerCase());
  if (platform && !platform.success) throw new UsageError(`--platform ${platformRaw}: expected ios or android`);
  const credentialRaw = stringOption(values, "credential");
  const credential = credentialRaw === void 0 ? void 0 : resolveId(credentialRaw, site.credentials.map((c) => c.id), "credential");
  if (credential !== void 0 && !site.credentials.some((c) => c.id === credential)) throw new UsageError(`--credential ${credentialRaw}: the site has no such credential`);
  const tapSeconds = values.tap === void 0 ? void 0 : countOption(values, "tap", 20, 120);
  const scanSeconds = values.scan === void 0 ? void 0 : countOption(values, "scan", 5, 60);
  return {
    person: personRef,
    door_id: door,
    at: instantOption(values),
    ...platform?.success ? { platform: platform.data } : {},
    ...credential !== void 0 ? { credential_id: credential } : {},
    ...tapSeconds || scanSeconds ? { live: { ...tapSeconds ? { tapSeconds } : {}, ...scanSeconds ? { scanSeconds } : {} } } : {}
  };
}
var MARK = { error: "ERROR  ", warning: "WARNING", info: "info   " };
function describeDiagnosis(d) {
  const lines = [d.summary, `${d.person.name} at ${d.door.name}, ${d.local_time}${d.platform ? `, ${d.platform}` : ""}`, ""];
  d.findings.forEach((f, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${MARK[f.severity]} ${f.title} [${f.code}]`, `      ${f.evidence}`, `      Fix: ${f.fix}`);
  });
  if (d.credentials.length) {
    lines.push("", "Credentials:");
    for (const c of d.credentials) lines.push(`  ${c.decision.granted ? "GRANTED" : "DENIED "} ${c.type}${c.device ? ` \xB7 ${c.device}` : ""} ${c.shown_value} (${c.decision.code})`);
  }
  return lines.join("\n");
}

// src/main/cli/commands/export.ts
import { writeFileSync as writeFileSync5 } from "node:fs";
var KINDS = ["snapshot", "people", "credentials"];
var exportCommand = {
  name: "export",
  summary: "Export the database as a site snapshot (JSON) or people / credentials (CSV, PINs masked)",
  usage: "(--snapshot | --people | --credentials) [--db <path>] [--out <file>]",
  options: {
    db: { type: "string" },
    snapshot: { type: "boolean" },
    people: { type: "boolean" },
    credentials: { type: "boolean" },
    out: { type: "string" }
  },
  details: [
    DB_OPTION_HELP,
    "--snapshot        the whole site in the snapshot format (docs/site-format.md); it carries real PIN values",
    "--people          people as CSV with group names and sync state",
    "--credentials     credentials as CSV, PIN values masked; cells starting with = + - @ are neutralised",
    "--out <file>      write there instead of stdout (with --json, stdout gets { file, bytes })"
  ],
  async run(values, _positionals, io) {
    const chosen = KINDS.filter((kind) => values[kind] === true);
    if (chosen.length !== 1) throw new UsageError("choose exactly one of --snapshot, --people or --credentials");
    const store = await openStoreOption(values);
    let text;
    try {
      const site = store.snapshot();
      text = chosen[0] === "snapshot" ? `${JSON.stringify(site, null, 2)}
` : chosen[0] === "people" ? peopleCsv(site, syncStates(store)) : credentialsCsv(site, syncStates(store));
    } finally {
      store.close();
    }
    const out = stringOption(values, "out");
    if (!out) return void io.out(text);
    writeFileSync5(out, text);
    io.out(io.json ? JSON.stringify({ file: out, bytes: Buffer.byteLength(text) }) : `wrote ${out}`);
  }
};

// src/main/cli/commands/import.ts
import { createReadStream as createReadStream2, statSync, writeFileSync as writeFileSync6 } from "node:fs";
var importCommand = {
  name: "import",
  summary: "Import people and credentials from a CSV file (bad rows are reported, never abort the good ones)",
  usage: "<file.csv> [--db <path>] [--dry-run] [--allow-weak-pins] [--map column=Header ...] [--rejected <out.csv>]",
  positionals: true,
  options: {
    db: { type: "string" },
    "dry-run": { type: "boolean" },
    "allow-weak-pins": { type: "boolean" },
    map: { type: "string", multiple: true },
    rejected: { type: "string" }
  },
  details: [
    DB_OPTION_HELP,
    "--dry-run         check every row and report, writing nothing",
    "--allow-weak-pins accept PINs such as 1234, 0000 or 121212",
    '--map c=Header    read column c (first_name, email, pin, \u2026) from the header "Header"; default: guessed from the headers',
    "--rejected <f>    write the rejected rows to f as CSV, with an error column (PINs masked)",
    `Columns: ${IMPORT_COLUMNS.join(", ")} (first three required). A row is reported by its file line (the header is line 1).`,
    "Output: { rows, imported, updated, rejected: [{ row, column, message }] }. An unreadable file exits 2."
  ],
  async run(values, positionals, io) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError("expected one CSV file: lintel import <file.csv>");
    const size = fileSize(file);
    const store = await openStoreOption(values);
    try {
      const progress = createProgress("Importing", size, io.interactive);
      const report2 = await importPeople(store, readText(file), {
        dryRun: values["dry-run"] === true,
        allowWeakPins: values["allow-weak-pins"] === true,
        ...mappingOption(values),
        onProgress: (p) => progress.update(p.bytes)
      });
      progress.finish();
      const rejectedFile = stringOption(values, "rejected");
      if (rejectedFile) writeFileSync6(rejectedFile, rejectedRowsCsv(report2.headers, report2.rejectedRecords, pinCells(report2, store.catalog().types)));
      printReport(report2, io);
    } finally {
      store.close();
    }
  }
};
function fileSize(file) {
  try {
    const stat2 = statSync(file);
    if (!stat2.isFile()) throw new Error("not a file");
    return stat2.size;
  } catch (error2) {
    throw new LintelError(ImportErrorCode.unreadable, `${file}: cannot read (${error2.code ?? error2.message})`);
  }
}
async function* readText(file) {
  try {
    for await (const chunk of createReadStream2(file, { encoding: "utf8", highWaterMark: 1 << 20 })) yield chunk;
  } catch (error2) {
    throw new LintelError(ImportErrorCode.unreadable, `${file}: cannot read (${error2.code ?? String(error2)})`);
  }
}
function mappingOption(values) {
  const pairs = values.map;
  if (!Array.isArray(pairs) || pairs.length === 0) return {};
  const mapping = {};
  for (const pair of pairs) {
    const [column, ...header] = String(pair).split("=");
    if (!IMPORT_COLUMNS.includes(column) || header.length === 0) throw new UsageError(`--map ${String(pair)}: expected column=Header with a column among ${IMPORT_COLUMNS.join(", ")}`);
    mapping[column] = header.join("=");
  }
  return { mapping };
}
function printReport(report2, io) {
  const { rows, imported, updated, rejected } = report2;
  if (io.json) return io.out(JSON.stringify({ rows, imported, updated, rejected, ...report2.dryRun ? { dryRun: true } : {} }));
  const lines = [`${rows} rows: ${imported} imported, ${updated} updated, ${rows - imported - updated} rejected${report2.dryRun ? " (dry run: nothing written)" : ""}`];
  for (const e of rejected.slice(0, 50)) lines.push(`  line ${e.row}  ${e.column}: ${e.message}`);
  if (rejected.length > 50) lines.push(`  \u2026 and ${rejected.length - 50} more (use --json or --rejected <file>)`);
  io.out(lines.join("\n"));
}

// src/main/cli/commands/info.ts
var infoCommand = {
  name: "info",
  summary: "What Lintel is running on: version, data folder, and which radios are simulated",
  usage: "",
  options: {},
  async run(_values, _positionals, io) {
    const services = await openNodeServices();
    const info = services.info();
    const ble = services.hardware.bleStatus();
    const nfc = services.hardware.nfcStatus();
    if (io.json) return void io.out(JSON.stringify({ ...info, ble, nfc }));
    io.out(
      [
        `Lintel ${info.version} (${info.platform})`,
        `Data folder: ${info.userDataDir}`,
        `Site: ${services.site.summary().name}`,
        `BLE: ${ble.mode.toUpperCase()} \u2014 ${ble.advice}`,
        `NFC: ${nfc.mode.toUpperCase()} \u2014 ${nfc.advice}`
      ].join("\n")
    );
  }
};

// src/main/cli/commands/nfc.ts
async function settled2(services, ms = 5e3, quietMs = 300) {
  const deadline = Date.now() + ms;
  let readyAt;
  let listed = { names: "", since: 0 };
  for (; ; ) {
    const status = services.nfc.status();
    if (status.state === "pcscd_down" || status.state === "unavailable" || Date.now() > deadline) return status;
    if (status.state === "ready") {
      const now = Date.now();
      readyAt ??= now;
      const names = status.readers.map((r) => r.name).join("\n");
      if (names !== listed.names) listed = { names, since: now };
      if (status.mode === "simulated" || status.readers.length > 0 && now - listed.since >= quietMs || status.readers.length === 0 && now - readyAt > 1e3) return status;
    }
    await new Promise((resolve4) => setTimeout(resolve4, 50));
  }
}
function timeoutOption(values, fallbackSeconds) {
  const raw = stringOption(values, "timeout");
  if (raw === void 0) return fallbackSeconds;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError(`--timeout ${raw}: expected seconds from 0.1 to 3600`);
  return seconds;
}
function aidOptions(values) {
  const raw = values.aid;
  if (raw === void 0) return void 0;
  return (Array.isArray(raw) ? raw : [raw]).map((text) => {
    const aid = typeof text === "string" ? canonicalHex(text) : void 0;
    if (!aid || aid.length < 10 || aid.length > 32) throw new UsageError(`--aid ${String(text)}: expected 5 to 16 bytes of hex, e.g. A0000004400001010001`);
    return aid;
  });
}
function describeTap(tap) {
  const lines = [
    `${tap.error ? "FAILED" : "READ"}  ${tap.reader}  ${tap.latency_ms.toFixed(1)} ms`,
    `  ATR         ${tap.atr} (ISO/IEC ${tap.standard})`,
    `  UID         ${tap.uid ?? "\u2014"}`,
    `  AID         ${tap.aid ?? "\u2014"}`,
    `  credential  ${tap.credential ?? "\u2014"}`
  ];
  if (tap.error) lines.push(`  error       ${tap.error.code}: ${tap.error.message}`);
  return lines.join("\n");
}
var nfcReadersCommand = {
  name: "nfc readers",
  summary: "PC/SC readers (or the simulated one), whether a card is on each, and the reader state",
  usage: "",
  options: {},
  async run(_values, _positionals, io) {
    const services = await openNodeServices();
    try {
      services.nfc.startReading();
      const status = await settled2(services);
      if (io.json) return void io.out(JSON.stringify(status));
      io.out([`NFC: ${status.mode.toUpperCase()}, ${status.state} \u2014 ${status.advice}`, ...status.readers.map((r) => `  ${r.name}${r.cardPresent ? "  (card present)" : ""}`)].join("\n"));
    } finally {
      await services.nfc.close();
    }
  }
};
var nfcReadCommand = {
  name: "nfc read",
  summary: "Wait for one tap and print its record: reader, ATR, standard, UID, AID, credential, latency",
  usage: "[--reader NAME] [--aid HEX ...] [--timeout S]",
  options: { reader: { type: "string" }, aid: { type: "string", multiple: true }, timeout: { type: "string" } },
  details: [
    "--reader NAME   only taps on this reader (its full PC/SC name, see `lintel nfc readers`)",
    "--aid HEX       select these AIDs on phones instead of the built-in and settings list (repeatable)",
    "--timeout S     seconds to wait for the tap; default: the tap timeout in settings",
    "Exit 1 when no tap comes in time or the read fails (the reason is printed)."
  ],
  async run(values, _positionals, io) {
    const aids = aidOptions(values);
    const services = await openNodeServices();
    try {
      const seconds = timeoutOption(values, services.settings().nfcTimeoutSeconds);
      services.nfc.useAids(aids);
      const reader = stringOption(values, "reader");
      const event = await services.nfc.nextTap({ timeoutMs: seconds * 1e3, ...reader ? { reader } : {} });
      return printTap(event, io);
    } finally {
      await services.nfc.close();
    }
  }
};
function printTap(event, io) {
  const { tap } = event;
  if (io.json) io.out(JSON.stringify(tap.error ? { ok: false, error: tap.error, tap } : tap));
  else io.out(describeTap(tap));
  if (tap.error) {
    io.err(`lintel nfc read: ${tap.error.message}`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

// src/main/cli/commands/nfcVerify.ts
var nfcVerifyCommand = {
  name: "nfc verify",
  summary: "Tap N times at a door: each tap with its decision (JSONL with --json), then the tap-test summary",
  usage: "[--site <file>] --door <id> [--count N] [--timeout S] [--reader NAME]",
  options: { site: { type: "string" }, door: { type: "string" }, count: { type: "string" }, timeout: { type: "string" }, reader: { type: "string" } },
  details: [
    "--site <file>   a site snapshot (docs/site-format.md); default: the embedded demo site",
    "--count N       taps to collect (default 1); the summary has success rate, latency p50/p95 and failures by cause",
    "--timeout S     seconds to wait for each tap (default 60)",
    "Exit 0 whatever the verdicts; 1 when a tap did not come in time (the summary covers the taps read and, with --json,",
    'also carries "ok": false and the error).'
  ],
  async run(values, _positionals, io) {
    const sitePath = stringOption(values, "site");
    const services = await openNodeServices(sitePath ? { sitePath } : {});
    try {
      const doorId = doorOption(values, services.site.snapshot());
      const count = countOption(values, "count", 1, 1e5);
      const timeoutMs = timeoutOption(values, 60) * 1e3;
      const reader = stringOption(values, "reader");
      services.nfc.startReading(doorId);
      const events = await collect(count, io, () => services.nfc.nextTap({ timeoutMs, ...reader ? { reader } : {} }));
      const summary = verifySummary(events, count);
      const short = events.length < count ? `only ${events.length} of ${count} taps came before the timeout (${timeoutMs / 1e3} s each)` : void 0;
      const failure = short === void 0 ? {} : { ok: false, error: { code: NfcErrorCode.noTap, message: short } };
      io.out(io.json ? JSON.stringify({ summary, ...failure }) : describeSummary(summary));
      if (short !== void 0) io.err(`lintel nfc verify: ${short}`);
      return short === void 0 ? ExitCode.ok : ExitCode.failed;
    } finally {
      await services.nfc.close();
    }
  }
};
function doorOption(values, site) {
  const raw = requireOption(values, "door");
  const id = resolveId(raw, site.doors.map((d) => d.id), "door");
  if (!site.doors.some((d) => d.id === id)) throw new UsageError(`--door ${raw}: the site has no such door`);
  return id;
}
async function collect(count, io, next) {
  const events = [];
  const progress = createProgress("Taps", count, io.interactive);
  while (events.length < count) {
    let event;
    try {
      event = await next();
    } catch (error2) {
      if (error2 instanceof LintelError && error2.code === NfcErrorCode.noTap) break;
      throw error2;
    }
    events.push(event);
    io.out(io.json ? JSON.stringify(event) : describeVerified(event, events.length));
    progress.update(events.length);
  }
  progress.finish();
  return events;
}
function verifySummary(events, requested) {
  const deniedByCode = {};
  let granted = 0;
  for (const { decision } of events) {
    if (!decision) continue;
    if (decision.granted) granted++;
    else deniedByCode[decision.code] = (deniedByCode[decision.code] ?? 0) + 1;
  }
  const denied = Object.values(deniedByCode).reduce((a, b) => a + b, 0);
  return { requested, ...tapStatistics(events.map((e) => e.tap)), granted, denied, deniedByCode };
}
function describeVerified(event, n) {
  const { tap, decision, presented } = event;
  const what = tap.error ? `FAILED ${tap.error.code}` : presented ? `type ${String(presented.credential_type_id)} ${presented.value}` : event.unmatched ?? "no credential";
  const verdict2 = decision ? `${decision.granted ? "GRANTED" : "DENIED"} (${decision.code})` : "\u2014";
  return `${n}	${verdict2}	${what}	${tap.latency_ms.toFixed(1)} ms`;
}
function describeSummary(s) {
  const rate = s.successRate === null ? "\u2014" : `${(s.successRate * 100).toFixed(1)}%`;
  const latency = s.latencyMs ? `p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms` : "\u2014";
  const failures = Object.entries(s.failuresByCause).map(([code, n]) => `${code} ${n}`).join(", ") || "none";
  return `${s.taps}/${s.requested} taps: ${rate} read, latency ${latency}; failures: ${failures}; ${s.granted} granted, ${s.denied} denied`;
}

// src/main/cli/commands/serve.ts
import { existsSync as existsSync8 } from "node:fs";
import { join as join13 } from "node:path";

// src/main/host/run.ts
import { join as join12 } from "node:path";

// src/main/host/browserHost.ts
import { randomBytes as randomBytes2, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { resolve as resolve3 } from "node:path";
import { WebSocketServer } from "ws";

// src/main/host/protocol.ts
import { z as z13 } from "zod";
var ClientMessageSchema = z13.discriminatedUnion("type", [
  z13.object({ type: z13.literal("invoke"), id: z13.number().int(), channel: z13.string().max(200), input: z13.unknown() }),
  z13.object({ type: z13.literal("subscribe"), channel: z13.string().max(200) }),
  z13.object({ type: z13.literal("unsubscribe"), channel: z13.string().max(200) })
]);

// src/main/host/staticFiles.ts
import { createReadStream as createReadStream3 } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join as join11, normalize, sep } from "node:path";
var TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2"
};
var CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
var SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin"
};
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return void 0;
  }
  if (decoded.includes("\0")) return void 0;
  const path = normalize(join11(root, decoded === "/" ? "index.html" : decoded));
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : void 0;
}
async function serveStatic(root, urlPath, res) {
  const target = resolveInside(root, urlPath);
  if (!target) return void res.writeHead(400, SECURITY_HEADERS).end("bad path");
  const file = await isFile(target) ? target : join11(root, "index.html");
  if (!await isFile(file)) {
    res.writeHead(503, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
    return void res.end("The renderer is not built. Run: npm run build");
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": "no-store"
  });
  createReadStream3(file).pipe(res);
}
async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

// src/main/host/browserHost.ts
var LOOPBACK = "127.0.0.1";
var MAX_MESSAGE_BYTES = 1 << 20;
async function startBrowserHost(options) {
  const token = options.token ?? randomBytes2(24).toString("base64url");
  const staticDir = resolve3(options.staticDir);
  const server = createServer((req, res) => {
    if (!hostAllowed(req, port())) return void res.writeHead(421, SECURITY_HEADERS).end("misdirected request");
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, SECURITY_HEADERS).end();
    void serveStatic(staticDir, new URL(req.url ?? "/", "http://x").pathname, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on("upgrade", (req, socket, head) => {
    if (!upgradeAllowed(req, port(), token)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, options.services));
  });
  await listen(server, options.port ?? 0);
  const port = () => server.address().port;
  return {
    url: `http://${LOOPBACK}:${port()}/?token=${token}`,
    port: port(),
    token,
    close: () => close(server, wss)
  };
}
function listen(server, port) {
  return new Promise((done, reject) => {
    server.once("error", reject);
    server.listen(port, LOOPBACK, () => done());
  });
}
async function close(server, wss) {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise((done) => server.close(() => done()));
}
function hostAllowed(req, port) {
  return req.headers.host === `${LOOPBACK}:${port}` || req.headers.host === `localhost:${port}`;
}
function upgradeAllowed(req, port, token) {
  if (!hostAllowed(req, port)) return false;
  const origin = req.headers.origin;
  if (origin !== `http://${LOOPBACK}:${port}` && origin !== `http://localhost:${port}`) return false;
  const url = new URL(req.url ?? "/", "http://x");
  return url.pathname === "/ws" && sameSecret(url.searchParams.get("token") ?? "", token);
}
function sameSecret(given, expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
function serveClient(ws, services) {
  const subscriptions = /* @__PURE__ */ new Map();
  ws.on("message", (data, isBinary) => {
    if (isBinary) return;
    let parsed2;
    try {
      parsed2 = ClientMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      parsed2 = void 0;
    }
    if (!parsed2?.success) return send(ws, { type: "error", message: "malformed message" });
    const msg = parsed2.data;
    if (msg.type === "invoke") {
      void services.dispatcher.invoke(msg.channel, msg.input).then((result) => send(ws, { type: "result", id: msg.id, result }));
    } else if (msg.type === "subscribe" && !subscriptions.has(msg.channel)) {
      subscriptions.set(msg.channel, services.hub.subscribe(msg.channel, (payload) => send(ws, { type: "event", channel: msg.channel, payload })));
    } else if (msg.type === "unsubscribe") {
      subscriptions.get(msg.channel)?.();
      subscriptions.delete(msg.channel);
    }
  });
  ws.on("close", () => {
    for (const stop of subscriptions.values()) stop();
    subscriptions.clear();
  });
}
function send(ws, message) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

// src/main/host/run.ts
var rendererDir = () => join12(appRoot(), "out", "renderer");
async function runBrowserHost(options = {}) {
  const services = await openNodeServices({ runtime: "browser-host", ...options.sitePath ? { sitePath: options.sitePath } : {} });
  return startBrowserHost({ services, staticDir: rendererDir(), ...options.port !== void 0 ? { port: options.port } : {} });
}

// src/main/cli/commands/serve.ts
var serveCommand = {
  name: "serve",
  summary: "Serve the app to a browser on 127.0.0.1 (the browser host), until interrupted",
  usage: "[--port N] [--site <file>]",
  options: { port: { type: "string" }, site: { type: "string" } },
  details: ['Prints "Lintel: http://127.0.0.1:PORT/?token=\u2026"; only that URL (with its per-run token) can use the app.'],
  async run(values, _positionals, io) {
    if (!existsSync8(join13(rendererDir(), "index.html"))) {
      io.err("lintel serve: the renderer is not built; run npm run build (npm start does it for you)");
      return ExitCode.failed;
    }
    const sitePath = stringOption(values, "site");
    const port = values.port === void 0 ? 0 : countOption(values, "port", 0, 65535);
    const host = await runBrowserHost({ port, ...sitePath ? { sitePath } : {} });
    if (io.json) io.out(JSON.stringify({ url: host.url, port: host.port }));
    else io.out(`Lintel: ${host.url}`);
    await new Promise((done) => {
      const stop = () => void host.close().then(done);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return ExitCode.ok;
  }
};

// src/main/cli/commands/settings.ts
function parseAssignments(pairs) {
  const patch = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`${pair}: expected key=value, e.g. unlockThresholdDbm=-72`);
    const raw = pair.slice(eq + 1);
    let value = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    patch[pair.slice(0, eq)] = value;
  }
  const parsed2 = SettingsPatchSchema.safeParse(patch);
  if (!parsed2.success) throw new UsageError(describeZodError(parsed2.error, "settings"));
  return parsed2.data;
}
var settingsCommand = {
  name: "settings",
  summary: "Show the settings, or change them with key=value pairs",
  usage: "[key=value ...]",
  options: {},
  positionals: true,
  details: ["lintel settings unlockThresholdDbm=-72 theme=dark", `lintel settings 'bleAdapter={"kind":"uart","port":"/dev/ttyACM0"}'`],
  async run(_values, positionals, io) {
    const patch = positionals.length ? parseAssignments(positionals) : void 0;
    const services = await openNodeServices();
    const settings = patch ? services.updateSettings(patch) : services.settings();
    if (io.json) return void io.out(JSON.stringify(settings));
    for (const [key, value] of Object.entries(settings)) io.out(`${key} = ${JSON.stringify(value)}`);
  }
};

// src/main/cli/commands/site.ts
var siteCommand = {
  name: "site",
  summary: "Summarise the app's site (its database, first seeded with the demo site) or check a snapshot file",
  usage: "[--site <file>]",
  options: { site: { type: "string" } },
  async run(values, _positionals, io) {
    const sitePath = stringOption(values, "site");
    const services = await openNodeServices(sitePath ? { sitePath } : {});
    const summary = services.site.summary();
    if (io.json) return void io.out(JSON.stringify(summary));
    const c = summary.counts;
    io.out(`${summary.name} (${summary.timezone}): ${c.doors} doors, ${c.people} people, ${c.credentials} credentials, ${c.groups} groups, ${c.schedules} schedules`);
  }
};

// src/main/cli/commands/surveyAnalyze.ts
import { createReadStream as createReadStream4 } from "node:fs";
import { createInterface as createInterface2 } from "node:readline";
var SamplesInputCode = { invalid: "samples_invalid", unreadable: "samples_unreadable" };
var surveyAnalyzeCommand = {
  name: "survey analyze",
  summary: "Analyse a range walk: per-mark RSSI, path-loss fit, reliable and leak range, interference",
  usage: "<samples.csv|samples.jsonl> [--threshold -70] [--distance-unit m|cm] [--adv-interval-ms N]",
  options: { threshold: { type: "string" }, "distance-unit": { type: "string" }, "adv-interval-ms": { type: "string" } },
  positionals: true,
  details: [
    'CSV: a header with at least time,rssi,distance (optional channel, side = in|out); time as ISO, "YYYY-MM-DD HH:MM:SS" or epoch ms.',
    "JSONL: one {t (ms), rssi, distance_m, channel?, side?} per line.",
    "--threshold N          unlock threshold in dBm (default -70)",
    "--distance-unit m|cm   unit of the CSV distance column (default m); the Herald files need cm",
    "--adv-interval-ms N    the reader's advertising interval; inferred from the timestamps when absent (the evidence says which)",
    "A malformed line exits 2 with file:line and the problem."
  ],
  async run(values, positionals, io) {
    const path = positionals[0];
    if (!path || positionals.length > 1) throw new UsageError("give exactly one samples file (.csv or .jsonl)");
    const threshold = numberOption(values, "threshold", -110, -20) ?? -70;
    const advIntervalMs = numberOption(values, "adv-interval-ms", 20, 10240);
    const unit = stringOption(values, "distance-unit") ?? "m";
    if (unit !== "m" && unit !== "cm") throw new UsageError(`--distance-unit ${unit}: expected m or cm`);
    const samples = await readSamples(path, unit);
    const analysis = analyzeSurvey(samples, { threshold, ...advIntervalMs !== void 0 ? { advIntervalMs } : {} });
    io.out(io.json ? JSON.stringify(analysis) : describeAnalysis(analysis));
  }
};
function numberOption(values, name2, min, max) {
  const raw = stringOption(values, name2);
  if (raw === void 0) return void 0;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name2} ${raw}: expected a number from ${min} to ${max}`);
  return n;
}
async function readSamples(path, distanceUnit) {
  const parser = createSampleParser({ distanceUnit });
  const samples = [];
  try {
    for await (const line of createInterface2({ input: createReadStream4(path), crlfDelay: Infinity })) {
      const result = parser.feed(line);
      if (result.kind === "sample") samples.push(result.sample);
      else if (result.kind === "error") throw new LintelError(SamplesInputCode.invalid, `${path}:${result.error.line}: ${result.error.message}`);
    }
  } catch (error2) {
    if (error2 instanceof LintelError) throw error2;
    throw new LintelError(SamplesInputCode.unreadable, `${path}: cannot read (${error2.code ?? String(error2)})`);
  }
  if (samples.length === 0) throw new LintelError(SamplesInputCode.invalid, `${path}:${Math.max(1, parser.lines)}: no samples: the input has no data lines`);
  return samples;
}
function describeAnalysis(a) {
  const m2 = a.model;
  const lines = [
    `${a.samples} samples at ${a.marks.length} marks, threshold ${a.threshold_dBm} dBm`,
    `reliable range ${rangeText(a.reliableRange_m, a.sides.in?.reliableBeyondWalk)}, leak range ${rangeText(a.leakRange_m, a.sides.in?.leakBeyondWalk)}, wrong side: ${a.leaksToWrongSide === null ? "not surveyed" : a.leaksToWrongSide ? "LEAKS" : "no leak"}`,
    m2.exponent === null ? "model: too few distances to fit" : `model: RSSI(d) = ${m2.rssiAt1m} \u2212 10\xB7${m2.exponent}\xB7log10(d), \u03C3 ${m2.sigma_dB} dB, R\xB2 ${m2.r2 ?? "\u2014"}`,
    `interference: ${a.interference.class} (confidence ${Math.round(a.interference.confidence * 100)}%)`,
    ...a.interference.evidence.map((e) => `  \xB7 ${e}`),
    "",
    "side  distance  count  median   p10   p90  fade  unlock  estimated",
    ...a.marks.map((k) => `${k.side.padEnd(4)}  ${String(k.distance_m).padStart(8)}  ${String(k.count).padStart(5)}  ${String(k.median).padStart(6)}  ${String(k.p10).padStart(4)}  ${String(k.p90).padStart(4)}  ${String(k.fadeDepth_dB).padStart(4)}  ${`${Math.round(k.pUnlock * 100)}%`.padStart(6)}  ${k.estimatedDistance_m ?? "\u2014"}`)
  ];
  if (a.recommendations.length) lines.push("", "recommendations:", ...a.recommendations.map((r) => `  - ${r}`));
  return lines.join("\n");
}

// src/main/cli/commands/sync.ts
var syncCommand = {
  name: "sync",
  summary: "Push the outbox to a DoorFlow-compatible API, exactly once, and pull credential types, groups and people",
  usage: "--api <baseUrl> [--token <token>] [--db <path>] [--concurrency N] [--refresh-token <t> [--token-url <url>]]",
  options: {
    db: { type: "string" },
    api: { type: "string" },
    token: { type: "string" },
    concurrency: { type: "string" },
    "refresh-token": { type: "string" },
    "token-url": { type: "string" }
  },
  details: [
    DB_OPTION_HELP,
    "--api <baseUrl>   e.g. https://api.doorflow.com; paths under /api/3/ are appended",
    "--token <token>   the OAuth bearer token, saved for the next run; default: the saved one",
    "--concurrency N   requests in flight at once (default 4)",
    "--refresh-token   saved so an expired token is refreshed and rotated",
    "Tokens are kept in doorflow-token.json in the user-data directory (0600, not encrypted: a warning says so).",
    "Output: { pushed, reconciled, failed: [...], retries }. Exit 1 if any operation is still failed or pending."
  ],
  async run(values, _positionals, io) {
    const baseUrl = requireOption(values, "api");
    const log = ioLogger(io);
    const tokenStore = fileTokenStore(nodeUserDataDir(), log);
    const tokens = tokensFrom(values, tokenStore.read());
    if (values.token !== void 0 || values["refresh-token"] !== void 0 || values["token-url"] !== void 0) tokenStore.write(tokens);
    const store = await openStoreOption(values);
    try {
      let progress;
      const report2 = await syncOutbox(store, {
        baseUrl,
        tokens,
        tokenStore,
        concurrency: countOption(values, "concurrency", 4, 64),
        log,
        onProgress: (p) => {
          progress ??= createProgress("Syncing", p.total, io.interactive);
          progress.update(p.done);
        }
      });
      progress?.finish();
      printReport2(report2, io);
      return report2.failed.length ? ExitCode.failed : ExitCode.ok;
    } finally {
      store.close();
    }
  }
};
function ioLogger(io) {
  return {
    info: (message) => io.err(`lintel: ${message}`),
    warn: (message) => io.err(`lintel: warning: ${message}`),
    error: (message, error2) => io.err(`lintel: error: ${message}${error2 instanceof Error ? ` (${error2.message})` : ""}`)
  };
}
function tokensFrom(values, saved) {
  const access = stringOption(values, "token") ?? saved?.access_token;
  if (!access) throw new LintelError(SyncErrorCode.noToken, "no DoorFlow token: pass --token <token>");
  const refresh = stringOption(values, "refresh-token") ?? (stringOption(values, "token") ? void 0 : saved?.refresh_token);
  const url = stringOption(values, "token-url") ?? saved?.token_url;
  return { access_token: access, ...refresh ? { refresh_token: refresh } : {}, ...url ? { token_url: url } : {} };
}
function printReport2(report2, io) {
  const { pushed, reconciled, failed, retries } = report2;
  if (io.json) return io.out(JSON.stringify({ pushed, reconciled, failed, retries }));
  const lines = [`${pushed} pushed, ${reconciled} reconciled (already on the server), ${retries} retries, ${failed.length} still open`];
  for (const f of failed.slice(0, 50)) lines.push(`  ${f.entity} ${f.id} (${f.op}): ${f.code}: ${f.message}`);
  io.out(lines.join("\n"));
}

// src/main/cli/commands/index.ts
var commands = [infoCommand, siteCommand, decideCommand, diagnoseCommand, nfcReadersCommand, nfcReadCommand, nfcVerifyCommand, importCommand, syncCommand, exportCommand, bleScanCommand, surveyAnalyzeCommand, settingsCommand, serveCommand];

// src/main/cli/index.ts
async function runCli(argv, makeIo = processIo) {
  const json2 = argv.includes("--json");
  const io = makeIo(json2);
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.out(generalHelp());
    return ExitCode.ok;
  }
  const found = findCommand(argv);
  if (!found) return report(io, new UsageError(`unknown command "${argv[0]}"; run lintel --help`), "lintel");
  const { command: command2, rest } = found;
  try {
    const parsed2 = parseArgs({
      args: negativeValues(rest, command2.options),
      options: { ...command2.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: command2.positionals ?? false,
      strict: true
    });
    if (parsed2.values.help) {
      io.out(commandHelp(command2));
      return ExitCode.ok;
    }
    return await command2.run(parsed2.values, parsed2.positionals, io) ?? ExitCode.ok;
  } catch (error2) {
    return report(io, asCliError(error2), `lintel ${command2.name}`);
  }
}
function negativeValues(args, options) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    const name2 = arg.startsWith("--") ? arg.slice(2) : void 0;
    if (name2 && options[name2]?.type === "string" && next !== void 0 && /^-\d+(\.\d+)?$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
function findCommand(argv) {
  const two = `${argv[0]} ${argv[1] ?? ""}`;
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : void 0;
}
function asCliError(error2) {
  if (error2 instanceof LintelError) return error2;
  const code = error2?.code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) return new UsageError(error2.message);
  return new LintelError("internal", error2 instanceof Error ? error2.message : String(error2));
}
function report(io, error2, prefix) {
  const exit = INPUT_ERROR_CODES.has(error2.code) ? ExitCode.usage : ExitCode.failed;
  io.err(`${prefix}: ${error2.message.split("\n")[0]}`);
  if (io.json) io.out(JSON.stringify({ ok: false, error: { code: error2.code, message: error2.message } }));
  return exit;
}
function generalHelp() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "lintel \u2014 commission and diagnose mobile access credentials (BLE and NFC)",
    "",
    "Usage: lintel <command> [options] [--json]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json (machine-readable output on stdout) and --help.",
    "Exit codes: 0 done (whatever the verdict), 1 the operation failed, 2 bad usage or bad input."
  ].join("\n");
}
function commandHelp(command2) {
  return [`Usage: lintel ${command2.name} ${command2.usage} [--json]`, "", command2.summary, ...(command2.details ?? []).map((d) => `  ${d}`)].join("\n");
}
export {
  runCli
};
