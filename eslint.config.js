import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** src/shared is pure: the domain runs unchanged in main, the renderer and the CLI. */
export const sharedPurityRule = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'src/shared must stay pure: no electron.' },
        { name: 'react', message: 'src/shared must stay pure: no React.' },
        { name: 'react-dom', message: 'src/shared must stay pure: no React.' },
        { name: 'ws', message: 'src/shared must stay pure: no Node packages.' }
      ],
      patterns: [
        { group: ['node:*'], message: 'src/shared must stay pure: no node:* modules.' },
        {
          regex: '^(fs|path|os|child_process|crypto|http|https|net|tls|dgram|url|util|stream|events|worker_threads|zlib|buffer|process|readline|module|perf_hooks|timers|assert|v8|vm)(/.*)?$',
          message: 'src/shared must stay pure: no Node built-ins.'
        },
        { regex: '^react(-dom)?(/.*)?$', message: 'src/shared must stay pure: no React.' },
        {
          regex: '^(@stoprocent/noble|nfc-pcsc|better-sqlite3|conf|electron-store|electron-.*|@electron/.*)(/.*)?$',
          message: 'src/shared must stay pure: no native or platform modules.'
        },
        { regex: '^\\.\\./(main|preload|renderer)(/.*)?$|/(main|preload|renderer)/', message: 'src/shared must not import from main, preload or renderer.' }
      ]
    }
  ],
  'no-restricted-globals': [
    'error',
    { name: 'window', message: 'src/shared must stay pure: no DOM.' },
    { name: 'document', message: 'src/shared must stay pure: no DOM.' },
    { name: 'navigator', message: 'src/shared must stay pure: no DOM.' },
    { name: 'localStorage', message: 'src/shared must stay pure: no DOM.' },
    { name: 'process', message: 'src/shared must stay pure: no Node globals.' },
    { name: 'Buffer', message: 'src/shared must stay pure: no Node globals.' },
    { name: 'require', message: 'src/shared must stay pure: no Node globals.' },
    { name: '__dirname', message: 'src/shared must stay pure: no Node globals.' }
  ]
}

const electronImports = {
  paths: [{ name: 'electron', message: 'Only the shell files beside src/main/index.ts import electron; services run under plain Node.' }],
  patterns: [{ regex: '^electron-store$', message: 'electron-store imports electron: only src/main/electronSettings.ts may use it.' }]
}

/** Only the Electron shell (src/main/*.ts beside index.ts) and the preload may import electron. */
const electronOnlyInShell = { 'no-restricted-imports': ['error', electronImports] }

const SQLITE_ONLY_IN_STORE = 'The store is the only door to SQLite: only src/main/store may use better-sqlite3; call a Store method instead.'
const sqliteImports = { paths: [], patterns: [{ regex: '^better-sqlite3(/.*)?$', message: SQLITE_ONLY_IN_STORE }] }

/**
 * better-sqlite3 stays inside src/main/store (ARCHITECTURE rule 8): value and type imports,
 * re-exports, `import x = require()`, `import()` types and expressions, and `require()`.
 */
export const storeBoundaryRule = {
  'no-restricted-imports': ['error', sqliteImports],
  'no-restricted-syntax': [
    'error',
    { selector: 'TSImportEqualsDeclaration[moduleReference.expression.value=/^better-sqlite3/]', message: SQLITE_ONLY_IN_STORE },
    { selector: 'TSImportType[source.value=/^better-sqlite3/]', message: SQLITE_ONLY_IN_STORE },
    { selector: 'ImportExpression[source.value=/^better-sqlite3/]', message: SQLITE_ONLY_IN_STORE },
    { selector: "CallExpression[callee.name='require'][arguments.0.value=/^better-sqlite3/]", message: SQLITE_ONLY_IN_STORE }
  ]
}

/** Both boundaries where both apply: ESLint keeps only the last no-restricted-imports set for a file. */
const electronAndSqlite = {
  ...storeBoundaryRule,
  'no-restricted-imports': ['error', { paths: [...electronImports.paths], patterns: [...electronImports.patterns, ...sqliteImports.patterns] }]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }]
    }
  },
  { files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'scripts/**', 'test/**', 'bin/**', '*.config.*', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  { files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/**/*.{ts,tsx}', 'scripts/**', 'test/**', 'bin/**'], ignores: ['src/main/store/**', 'test/main/store/**'], rules: storeBoundaryRule },
  { files: ['src/main/**/*.ts'], ignores: ['src/main/*.ts', 'src/main/store/**'], rules: electronAndSqlite },
  { files: ['src/main/store/**/*.ts'], rules: electronOnlyInShell },
  { files: ['src/renderer/**/*.{ts,tsx}'], rules: electronAndSqlite },
  { files: ['src/shared/**/*.ts'], rules: { ...sharedPurityRule, 'no-restricted-syntax': storeBoundaryRule['no-restricted-syntax'] } }
)
