// The reader worker: loads the readers' WebAssembly (crates/reader, which Trunk builds into
// gouji-reader.js and gouji-reader_bg.wasm beside this file), says it is ready, then answers
// each request { id, bytes, kind } or { id, html } with { id, json } (a gouji_core::Read as
// JSON), and { id, compare } (对照查看: two reports' prose) with { id, json } (the marked
// passages), or { id, error }. Started by the page (src/reader.js) only when it has something to
// read, so a page that only checks pasted text never loads any of this.
import init, { compareProse, readBytes, readHtml } from "./gouji-reader.js";

try {
  await init();
  self.onmessage = ({ data }) => {
    try {
      const json =
        typeof data.compare === "string"
          ? compareProse(data.compare)
          : typeof data.html === "string"
            ? readHtml(data.html)
            : readBytes(new Uint8Array(data.bytes), String(data.kind));
      self.postMessage({ id: data.id, json });
    } catch (error) {
      // A WebAssembly module that trapped is not used again: the page starts a new worker.
      self.postMessage({ id: data.id, error: String(error) });
      self.close();
    }
  };
  self.postMessage({ ready: true });
} catch (error) {
  self.postMessage({ failed: String(error) });
}
