// Vite bundles CSS imported for its side effects; TypeScript only needs to know such imports exist.
declare module '*.css'
