// Before any test: the CLI's build, whose PC/SC worker the NFC tests fork (main never runs the
// worker through a TypeScript loader). ensureBuilt rebuilds it when the sources changed.
import { ensureBuilt } from '../scripts/cli-build.mjs'

export default async function setup() {
  const { worker } = await ensureBuilt()
  process.env.LINTEL_NFC_WORKER = worker
}
