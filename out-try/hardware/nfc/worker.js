import {
  bytesToHex,
  epochMs,
  readCard
} from "../../chunk-PDCNCJ2S.js";

// src/main/hardware/nfc/worker.ts
import { createRequire } from "node:module";
var aids = [];
var skip = /* @__PURE__ */ new Set();
var readers = /* @__PURE__ */ new Set();
var nfc;
var send = (message) => void process.send?.(message);
function loadNfc() {
  try {
    return createRequire(import.meta.url)("nfc-pcsc").NFC;
  } catch (error) {
    send({ type: "unavailable", message: error instanceof Error ? error.message : String(error) });
    return void 0;
  }
}
function start() {
  const Nfc = loadNfc();
  if (!Nfc) return;
  nfc = new Nfc();
  nfc.on("error", (error) => send({ type: "fatal", message: error.message }));
  nfc.on("reader", attach);
  send({ type: "ready" });
}
function attach(reader) {
  readers.add(reader);
  reader.autoProcessing = false;
  reader.on("error", (error) => send({ type: "reader_error", name: reader.name, message: error.message }));
  reader.reader.once("status", (status) => {
    if (!(status.state & reader.reader.SCARD_STATE_PRESENT)) skip.delete(reader.name);
  });
  reader.on("card", (card) => void onCard(reader, card));
  reader.on("card.off", () => {
    skip.delete(reader.name);
    send({ type: "card_off", reader: reader.name });
  });
  reader.on("end", () => {
    readers.delete(reader);
    send({ type: "reader_end", name: reader.name });
  });
  send({ type: "reader", name: reader.name });
}
async function onCard(reader, card) {
  const cardEventMs = epochMs();
  const atr = card.atr ?? Buffer.alloc(0);
  const read = !skip.has(reader.name);
  send({ type: "card", reader: reader.name, atr: bytesToHex(atr), cardEventMs, read });
  if (!read) return;
  let transportMs = 0;
  const transmit = async (command, maxResponse) => {
    const started = epochMs();
    try {
      return new Uint8Array(await reader.transmit(Buffer.from(command), maxResponse));
    } finally {
      transportMs += epochMs() - started;
    }
  };
  const reading = await readCard(atr, transmit, aids);
  send({ type: "tap", reader: reader.name, atr: bytesToHex(atr), reading, cardEventMs, latencyMs: epochMs() - cardEventMs, transportMs });
}
function shutdown() {
  for (const reader of readers) reader.close();
  nfc?.close();
  process.exit(0);
}
process.on("message", (message) => {
  if (message.type === "close") return shutdown();
  aids = message.aids;
  for (const name of message.skip) skip.add(name);
  if (!nfc) start();
});
process.on("disconnect", shutdown);
process.on("uncaughtException", (error) => {
  send({ type: "fatal", message: error.message });
  process.exit(1);
});
