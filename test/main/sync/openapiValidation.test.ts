import { afterEach, describe, expect, it } from 'vitest'
import { DoorFlowApi } from '../../../src/main/sync/doorflowApi'
import { DoorFlowSpec, DEVIATIONS } from '../../fixtures/doorflow-api/openapiValidator'
import { startDoorFlowFixture, type DoorFlowFixture } from '../../fixtures/doorflow/server'

// The fixture checks every request and response against DoorFlow's openapi.yaml with openapi-backend:
// these tests prove the check fires, so "no violations" in the sync tests means something.
let fixture: DoorFlowFixture | undefined

afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

async function call(method: string, path: string, body?: unknown, type = 'application/json'): Promise<{ status: number; body: unknown }> {
  const server = fixture as DoorFlowFixture
  const response = await fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${server.tokens.access}`, ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('the DoorFlow fixture validates requests against openapi.yaml', () => {
  it('refuses a credential body the spec does not accept with 422, records it, and creates nothing', async () => {
    fixture = await startDoorFlowFixture()
    const person = fixture.state.addPerson({ first_name: 'Ada', last_name: 'Lovelace' })
    const typeId = fixture.state.credentialTypes[0]?.id
    const before = fixture.state.credentials.size
    const answer = await call('POST', `/api/3/people/${person.id}/credentials`, { person_credential: { credential_type_id: String(typeId), value: '1234', colour: 'red' } })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ error: 'Validation failed' })
    expect(fixture.state.credentials.size).toBe(before)
    expect(fixture.violations).toEqual([
      expect.stringMatching(/^POST \/api\/3\/people\/\d+\/credentials \/requestBody\/person_credential: .*colour is not in the published schema/),
      expect.stringMatching(/credential_type_id: must be integer/)
    ])
  })

  it('refuses a body field of the wrong type, a query parameter over its maximum and an unknown operation', async () => {
    fixture = await startDoorFlowFixture()
    expect((await call('POST', '/api/3/people', { first_name: 7, last_name: 'Seven' })).status).toBe(422)
    expect((await call('GET', '/api/3/people?per_page=5000')).status).toBe(400)
    expect((await call('GET', '/api/3/no_such_things')).status).toBe(404)
    expect(fixture.violations).toHaveLength(3)
    expect(fixture.violations.join('\n')).toMatch(/\/requestBody\/first_name: must be string/)
    expect(fixture.violations.join('\n')).toMatch(/\/query\/per_page: must be <= 100/)
    expect(fixture.violations.join('\n')).toMatch(/no such operation in openapi\.yaml/)
  })

  it('refuses an OAuth refresh form with a grant type the spec does not list (400)', async () => {
    fixture = await startDoorFlowFixture()
    const answer = await call('POST', '/oauth/token', 'grant_type=password&refresh_token=x', 'application/x-www-form-urlencoded')
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    expect(fixture.violations).toEqual([expect.stringMatching(/^POST \/oauth\/token \/requestBody\/grant_type: must be equal to one of the allowed values/)])
  })

  it("lets the guide's disable through as the one listed request deviation, recorded apart", async () => {
    fixture = await startDoorFlowFixture()
    const person = fixture.state.addPerson({ first_name: 'Ada', last_name: 'Lovelace' })
    const credential = fixture.state.addCredential(person.id, { credential_type_id: fixture.state.credentialTypes[0]?.id ?? 0, value: '777' })
    expect((await call('PUT', `/api/3/people/${person.id}/credentials/${credential.id}`, { person_credential: { enabled: false } })).status).toBe(201)
    expect(fixture.violations).toEqual([])
    expect(fixture.guideOnly).toHaveLength(1)
    // The same PUT with anything else in it is checked, and refused.
    expect((await call('PUT', `/api/3/people/${person.id}/credentials/${credential.id}`, { person_credential: { enabled: false, value: 1 } })).status).toBe(422)
    expect(fixture.violations).not.toEqual([])
  })

  it('answers the client with a rejection it reports, not a silent success', async () => {
    fixture = await startDoorFlowFixture()
    const api = new DoorFlowApi({ baseUrl: fixture.url, tokens: { access_token: fixture.tokens.access } })
    try {
      expect(await api.request('POST', '/people', { first_name: 7 })).toMatchObject({ kind: 'rejected', status: 422 })
    } finally {
      api.close()
    }
    expect(fixture.violations).toEqual([expect.stringMatching(/\/requestBody\/first_name: must be string/)])
  })

  it('does not check when started with validate: false (the benchmark)', async () => {
    fixture = await startDoorFlowFixture({ validate: false })
    expect((await call('GET', '/api/3/people?per_page=5000')).status).toBe(200)
    expect(fixture.violations).toEqual([])
  })
})

describe('the fixture answers within the spec', () => {
  it('checks against a valid OpenAPI 3 document (the published spec with its request bodies closed)', async () => {
    const spec = await DoorFlowSpec.load()
    expect(() => spec.validateDefinition()).not.toThrow()
  })

  it('finds a response body that drifted from the published schema', async () => {
    const spec = await DoorFlowSpec.load()
    const op = spec.operation('GET', '/api/3/people/1')
    expect(op).toBeDefined()
    const good = { id: 1, first_name: 'Ada', last_name: 'L', enabled: true, groups: [], roles: [] }
    expect(spec.checkResponse(op!, 200, good)).toEqual([])
    expect(spec.checkResponse(op!, 200, { ...good, enabled: 'yes' })).toEqual([expect.stringMatching(/\/enabled: must be boolean/)])
    expect(spec.checkResponse(op!, 418, {})).toEqual([expect.stringMatching(/418: status not documented/)])
  })

  it('lists the deliberate departures of the options it was started with', async () => {
    fixture = await startDoorFlowFixture({ listShape: 'wrapped', bareCreates: true })
    expect(fixture.deviations).toEqual([DEVIATIONS.wrappedLists, DEVIATIONS.bareCreates])
  })
})
