// The page's side of the reader worker (see src/reading.rs): starts the worker the first time
// something is to be read, waits until its WebAssembly is ready, numbers the requests and
// settles each one's promise with the worker's answer (the JSON of a gouji_core::Read).
// A worker that fails to start or fails while reading is dropped; the next read starts a new
// one. Nothing here goes to the network but the worker's own files from the page's folder.

let worker = null;
let ready = null;
let next = 1;
const waiting = new Map();

function stop(error) {
  if (worker) worker.terminate();
  worker = null;
  ready = null;
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
}

function start() {
  const w = new Worker(new URL("reader.js", document.baseURI), { type: "module" });
  worker = w;
  ready = new Promise((resolve, reject) => {
    w.onmessage = ({ data }) => {
      if (data && data.ready) {
        resolve();
        return;
      }
      if (data && data.failed !== undefined) {
        const error = new Error(`读取器未能启动：${data.failed}`);
        reject(error);
        stop(error);
        return;
      }
      const asked = data && waiting.get(data.id);
      if (!asked) return;
      waiting.delete(data.id);
      if (data.error !== undefined) {
        const error = new Error(String(data.error));
        asked.reject(error);
        stop(error);
      } else {
        asked.resolve(data.json);
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`读取器未能加载${event.message ? `：${event.message}` : ""}`);
      reject(error);
      stop(error);
    };
  });
  return ready;
}

async function ask(message, transfer) {
  await (worker ? ready : start());
  return new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, ...message }, transfer);
  });
}

/** Reads a file's bytes (a Uint8Array the page gives up); kind "html" or "auto". */
export function readBytes(bytes, kind) {
  return ask({ bytes: bytes.buffer, kind }, [bytes.buffer]);
}

/** Reads the clipboard's text/html. */
export function readHtml(html) {
  return ask({ html }, []);
}

/** 对照查看: the JSON of {report, other} (two reports' prose) → the JSON of the marked passages. */
export function compareProse(request) {
  return ask({ compare: request }, []);
}
