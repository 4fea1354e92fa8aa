export { compileSite, type CompiledSite } from './compile'
export { siteTimeLabel } from './when'
export { decide, groupAccessAt } from './decide'
export { decisionValueOf } from './credentials'
export {
  DECISION_CODES,
  DecisionCheckSchema,
  DecisionCode,
  DecisionCodeSchema,
  DecisionRequestSchema,
  DecisionSchema,
  type Decision,
  type DecisionCheck,
  type DecisionRequest
} from './model'
