import { LintelMark } from './LintelMark'

/** Shown instead of the app when the page was opened without a way to reach Lintel. */
export function NoTransport({ message }: { message: string }) {
  return (
    <main className="full-page-message" data-testid="no-transport">
      <div className="card">
        <h1>
          <LintelMark size={22} /> Lintel cannot connect
        </h1>
        <p>{message}</p>
        <p className="muted">
          Run <code>npm start</code> in the Lintel folder and open the address it prints, the line that starts with{' '}
          <code>Lintel: http://127.0.0.1:</code>.
        </p>
      </div>
    </main>
  )
}
