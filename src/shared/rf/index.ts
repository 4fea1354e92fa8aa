export { analyzeSurvey, fitSurveyModel, DEFAULT_THRESHOLD_DBM, type SurveyOptions } from './analyze'
export { applyOffset, deviceOffset, type DeviceOffset, type PairedMark } from './calibration'
export { groupByMark, type MarkSlice, type SurveyColumns } from './columns'
export { channelSpread_dB, fadeDepth, ricianK_dB, CHANNEL_MIN_SAMPLES, DEEP_FADE_DB, K_CAP_DB, K_MIN_SAMPLES } from './fading'
export { estimateDistance, fitLogDistance, predictRssi, type FitPoint, type PathLossModel } from './fit'
export { classifyInterference, INTERFERENCE_RULES, type InterferenceVerdict } from './interference'
export { describeMarks, pUnlockAt, LOCAL_MEDIAN_WINDOW, type MarkStats } from './marks'
export {
  createRadioModel,
  simulateWalk,
  MATERIALS,
  type Material,
  type MaterialProperties,
  type Point,
  type RadioEnvironment,
  type RadioModel,
  type VirtualReader,
  type VirtualScanner,
  type VirtualSite,
  type VirtualWall,
  type WalkMark,
  type WalkOptions
} from './propagation'
export { countAtLeast, selectKth, selectQuantile, slidingMedian, sortedQuantile } from './quantiles'
export { createRandom, type Random } from './random'
export { leaksToWrongSide, sideRanges, LEAK_P, RELIABLE_P, type RangeMark } from './ranges'
export {
  copiesPerEvent,
  hasWholeSecondTimes,
  inferAdvInterval,
  markReception,
  EVENT_GROUPING_MS,
  MEAN_ADV_DELAY_MS,
  type AdvInterval,
  type MarkReception
} from './reception'
export { recommend, type RecommendationInput } from './recommendations'
export { fitPlatforms, type PlatformTarget } from './platformFit'
export { parseSampleTime } from './sampleTime'
export {
  createSampleParser,
  parseSamplesText,
  splitCsv,
  RSSI_MAX_DBM,
  RSSI_MIN_DBM,
  SampleErrorCode,
  type SampleError,
  type SampleLine,
  type SampleLineParser,
  type SampleParseOptions,
  type SampleParseResult
} from './samples'
export {
  rangeWalk,
  scenarioSamples,
  surveyScenario,
  OPEN_ROOM,
  PHONE_SCANNER,
  READER_X,
  SCENARIO_MARKS_M,
  SCENARIO_OUT_MARKS_M,
  type Scenario,
  type ScenarioName,
  type ScenarioOptions
} from './scenarios'
export * from './schema'
export { measureSite, RECEPTION_MIN_MEDIAN_DBM, type SiteEvidence } from './siteEvidence'
