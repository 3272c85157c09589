// A tiny static file server for dist/, on 127.0.0.1 and a free port, under a sub-path so the
// tests also prove that the page works from any folder of a static host. Node's own modules only.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` at `http://127.0.0.1:<port><prefix>`, with `headers` added to every file sent;
 * resolves to { url, close, requests }.
 */
export async function serve(root, prefix = "/", headers = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      if (!url.pathname.startsWith(prefix)) return send(res, 404, "not found");
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = normalize(join(base, rel));
      if (file !== base && !file.startsWith(base + sep)) return send(res, 403, "forbidden");
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) return send(res, 404, "not found");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": body.length,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
        ...headers,
      });
      res.end(body);
    } catch (error) {
      send(res, 500, String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
