export * from './site'
