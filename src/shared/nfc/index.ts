export { GET_UID, getResponse, selectAid, splitResponse, withLe, type ApduResponse } from './apdu'
export { aidList, AidEntrySchema, BUILT_IN_AIDS, type AidEntry } from './aids'
export { standardOfAtr, storageCardName, type CardStandard } from './atr'
export { MAX_RESPONSE, TapReadError, transceive, type Transmit } from './exchange'
export { enrolledIn, identifyTap, typeForAid, type Identified, type TapContext } from './identify'
export { credentialText, isRandomUid, readCard, type TapReading } from './readCard'
export { describeStatusWord, isNotFound, StatusWord, Sw1 } from './statusWords'
export {
  describeTapError,
  PresentedSchema,
  TapError,
  TapErrorSchema,
  TapEventSchema,
  TapRecordSchema,
  type Presented,
  type TapEvent,
  type TapRecord
} from './tapRecord'
export { tapStatistics, TapStatisticsSchema, type TapStatistics } from './tapStatistics'
export { canEnrolByTap, enrolValue, EnrolTapRequestSchema, EnrolTapResultSchema, type EnrolTapRequest, type EnrolTapResult } from './enrol'
export { SimulatedCardSchema, type SimulatedCard } from './simulated'
