export * from './model'
export { credentialsOf, diagnose, doorRadios, findPerson, resolveSubject, PROPAGATION_MS, typeRadios, type DiagnoseInput } from './diagnose'
