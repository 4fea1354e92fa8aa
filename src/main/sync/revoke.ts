import { LintelError } from '../../shared/contract/result'
import type { Store } from '../store/store'
import { DEFAULT_BACKOFF } from './backoff'
import { DoorFlowApi } from './doorflowApi'
import type { TokenStore, Tokens } from './tokens'

/** What a revoke did: DoorFlow revoked it (200), or accepted and is revoking it (202, mobile credentials). */
export interface RevokeResult {
  credential: string
  status: 'revoked' | 'revoking'
}

/**
 * Revokes a credential on DoorFlow (DELETE), the remedy offered where a disable was not confirmed.
 * The local record stays, marked revoked and disabled; a 202 leaves DoorFlow's status `revoking`
 * until a pull sees it gone.
 */
export async function revokeCredential(store: Store, options: { baseUrl: string; tokens: Tokens; tokenStore?: TokenStore }, localId: string): Promise<RevokeResult> {
  const row = store.replica.credentialRow(localId)
  if (!row) throw new LintelError('not_found', `no credential ${localId} here`)
  if (row.remote_id === null || row.person_remote_id === null) throw new LintelError('sync_not_on_server', `credential ${localId} has not reached DoorFlow; delete it here instead`)
  const api = new DoorFlowApi({ baseUrl: options.baseUrl, tokens: options.tokens, ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}) })
  try {
    const remoteId = String(row.remote_id)
    let answer = await api.request('DELETE', `/people/${String(row.person_remote_id)}/credentials/${remoteId}`)
    for (let tries = 0; answer.kind === 'unknown' && tries < DEFAULT_BACKOFF.attempts; tries++) answer = await api.request('DELETE', `/people/${String(row.person_remote_id)}/credentials/${remoteId}`)
    if (answer.kind === 'forbidden' || answer.kind === 'rejected' || answer.kind === 'bad_answer') throw new LintelError('sync_rejected', `revoke credential ${localId}: ${answer.message}`)
    if (answer.kind === 'unknown') throw new LintelError('sync_unreachable', `revoke credential ${localId}: no answer (${answer.reason}); try again`)
    const status = answer.kind === 'ok' && answer.status === 202 ? 'revoking' : 'revoked'
    store.transaction(() => {
      store.replica.markRevoked(localId)
      store.replicaSite.setRemoteStatus(remoteId, status)
      store.syncState.clearFlag('credential', localId, 'disable_not_confirmed')
      store.syncState.log('info', `credential ${localId}: ${status === 'revoking' ? 'DoorFlow accepted the revoke and is revoking it (202)' : 'revoked on DoorFlow'}`, 'credential', localId)
    })
    return { credential: localId, status }
  } finally {
    await api.settled()
    api.close()
  }
}
