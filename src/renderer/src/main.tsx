import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectLintel, NoTransportError } from './api/connect'
import { App } from './App'
import { NoTransport } from './components/NoTransport'
import { createConnectionStore } from './connectionStore'
import './styles/tokens.css'
import './styles/shell.css'
import './styles/content.css'
import './styles/forms.css'
import './styles/provision.css'
import './styles/troubleshoot.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
const root = createRoot(container)
const connection = createConnectionStore()

try {
  const { api, kind } = connectLintel(window, connection.set)
  if (kind === 'electron') connection.set('open')
  root.render(
    <StrictMode>
      <App session={{ api, transport: kind, connection }} />
    </StrictMode>
  )
} catch (error) {
  if (!(error instanceof NoTransportError)) throw error
  root.render(<NoTransport message={error.message} />)
}
