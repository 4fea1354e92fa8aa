import { describe, expect, it } from 'vitest'
import { DoorFlowApi, retryDelayMs } from '../../../src/main/sync/doorflowApi'
import { startDoorFlowFixture } from '../../fixtures/doorflow/server'
import { listItems } from '../../../src/main/sync/lists'
import { nextSince } from '../../../src/main/sync/pull'
import { credentialFromRemote, eventFromRemote, eventKind, personFromRemote, typeFromRemote } from '../../../src/main/sync/shapes'

describe('retryDelayMs (429)', () => {
  const now = Date.parse('2026-11-23T09:00:00Z')
  it('takes retry_in seconds from the body, also inside error, before Retry-After', () => {
    expect(retryDelayMs({ text: '{"retry_in":2}', headers: { 'retry-after': '9' } }, now)).toBe(2000)
    expect(retryDelayMs({ text: '{"retry_in":"0.5"}', headers: {} }, now)).toBe(500)
    expect(retryDelayMs({ text: '{"error":{"code":"rate_limited","retry_in":3}}', headers: {} }, now)).toBe(3000)
  })

  it('reads Retry-After as seconds or as an HTTP date, else waits 1 s', () => {
    expect(retryDelayMs({ text: '', headers: { 'retry-after': '4' } }, now)).toBe(4000)
    expect(retryDelayMs({ text: 'Too Many Requests', headers: { 'retry-after': 'Mon, 23 Nov 2026 09:00:07 GMT' } }, now)).toBe(7000)
    expect(retryDelayMs({ text: '{"error":"rate_limited"}', headers: {} }, now)).toBe(1000)
  })
})

describe('listItems', () => {
  it('accepts plain arrays and lists wrapped under their name, another accepted name, data, or the only array', () => {
    const items = [{ id: 1 }]
    expect(listItems(items, 'people')).toEqual(items)
    expect(listItems({ people: items, meta: { page: 1 } }, 'people')).toEqual(items)
    expect(listItems({ credentials: items }, ['person_credentials', 'credentials'])).toEqual(items)
    expect(listItems({ data: items, total: 1 }, 'people')).toEqual(items)
    expect(listItems({ results: items, page: 1 }, 'people')).toEqual(items)
    expect(() => listItems({ a: [], b: [] }, 'people')).toThrow(/unknown shape/)
  })
})

describe('DoorFlowApi base URL', () => {
  it('appends /api/3 to the base, also when the base already ends with it or a slash', async () => {
    const fixture = await startDoorFlowFixture()
    try {
      for (const baseUrl of [fixture.url, `${fixture.url}/`, `${fixture.url}/api/3`, `${fixture.url}/api/3/`]) {
        const api = new DoorFlowApi({ baseUrl, tokens: { access_token: fixture.tokens.access } })
        expect(await api.request('GET', '/credential_types')).toMatchObject({ kind: 'ok', status: 200 })
        api.close()
      }
    } finally {
      await fixture.stop()
    }
  })
})

describe('nextSince (incremental pull of people)', () => {
  const start = Date.parse('2026-12-02T10:00:00Z')
  it('takes the newest updated_at the server gave, keeping the cursor when nothing changed', () => {
    expect(nextSince([{ updated_at: '2026-11-23T09:00:02Z' }, { updated_at: '2026-11-23T09:00:05Z' }], '2026-11-23T09:00:01Z', start)).toBe('2026-11-23T09:00:05Z')
    expect(nextSince([], '2026-11-23T09:00:01Z', start)).toBe('2026-11-23T09:00:01Z')
    expect(nextSince([], undefined, start)).toBeUndefined()
  })

  it('falls back to the pull start (5 minutes early) for a server whose people have no updated_at', () => {
    expect(nextSince([{ id: 1 }], undefined, start)).toBe('2026-12-02T09:55:00.000Z')
  })
})

describe('reading both sources\' shapes', () => {
  it('takes the guide\'s group_ids and name, and the OpenAPI\'s groups, label and code', () => {
    expect(personFromRemote({ id: 5, first_name: 'A', group_ids: [77] }).group_remote_ids).toEqual(['77'])
    expect(personFromRemote({ id: 5, first_name: 'A', groups: [77, { id: 78 }] }).group_remote_ids).toEqual(['77', '78'])
    expect(typeFromRemote({ id: 9, name: 'PassFlow', format: 'mobile' })).toEqual({ remote_id: '9', code: 9, label: 'PassFlow', slug: 'passflow' })
    expect(typeFromRemote({ id: 49, label: 'PassFlow', slug: 'passflow', code: 9 })).toEqual({ remote_id: '49', code: 9, label: 'PassFlow', slug: 'passflow' })
    expect(credentialFromRemote({ id: 'c1', person_id: 5, credential_type: { id: 49 }, status: 'invited', url: 'https://x', enabled: false })).toMatchObject({ type_remote_id: '49', value: null, status: 'invited', url: 'https://x', enabled: false })
  })

  it('classes events by code and masks PIN numbers', () => {
    expect([10, 18, 70, 20, 29, 71, 73, 30, 100].map(eventKind)).toEqual(['admit', 'admit', 'admit', 'reject', 'reject', 'reject', 'reject', 'other', 'other'])
    expect(eventFromRemote({ id: 1, event_code: 24, credentials_number: '4829' }, new Set()).credentials_number).toBe('****')
    expect(eventFromRemote({ id: 1, event_code: 10, credentials_number: '482913' }, new Set(['482913'])).credentials_number).toBe('******')
  })
})
