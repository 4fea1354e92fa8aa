import { describe, expect, it } from 'vitest'
// @ts-expect-error — a plain .mjs build script (Node built-ins only), imported for its pure helpers
import { nativeAction, rebuildEnv, targetFor } from '../../scripts/native.mjs'

const versions = { modules: '115', electron: '45.4.1' }

describe('native modules follow the runtime that loads them', () => {
  it('names the target by runtime and ABI', () => {
    expect(targetFor('node', versions)).toBe('node-115')
    expect(targetFor('electron', versions)).toBe('electron-45.4.1')
  })

  it.each([
    [undefined, 'node-115', 'stamp'], // npm ci has just built for Node
    ['node-115', 'node-115', 'none'],
    ['electron-45.4.1', 'node-115', 'rebuild'], // npm start ran first, now npm test
    ['node-115', 'electron-45.4.1', 'rebuild'], // npm test ran first, now npm start
    [undefined, 'electron-45.4.1', 'rebuild'],
    ['node-108', 'node-115', 'rebuild'] // Node was upgraded
  ])('stamp %s, target %s → %s', (stamp, target, action) => {
    expect(nativeAction(stamp, target)).toBe(action)
  })

  it("builds against Electron's headers only for Electron", () => {
    expect(rebuildEnv('electron', versions, {})).toMatchObject({ npm_config_runtime: 'electron', npm_config_target: '45.4.1' })
    expect(rebuildEnv('node', versions, { A: '1' })).toEqual({ A: '1' })
  })
})
