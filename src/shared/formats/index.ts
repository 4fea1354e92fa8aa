export { bytesToHex, canonicalHex, hexToBytes } from './hex'
export { checkCredentialValue, valueFormatOf, ValueFormat, ValueProblem, type ValueCheck } from './validate'
