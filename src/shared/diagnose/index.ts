export * from './model'
export { diagnose, type DiagnoseInput } from './diagnose'
export { PROPAGATION_MS } from './context'
export { credentialsOf, doorRadios, findPerson, resolveSubject, typeRadios } from './subject'
