export * from './model'
export { credentialsOf, diagnose, doorRadios, findPerson, PROPAGATION_MS, typeRadios, type DiagnoseInput } from './diagnose'
