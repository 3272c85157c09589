// Speed in the browser (Debian's Chromium through playwright-core, as the browser tests):
//
// - wasm:   the core alone as WebAssembly (crates/wasm-bench), `check` timed with
//           performance.now() over many runs per report; and the JavaScript API's `check`
//           (dist/js/, which also converts the report into JavaScript objects) when present.
// - redraw: the web app (dist/) with each seed loaded; a digit typed into a table number of
//           #report-input and deleted again, many times: from the input event to the DOM
//           holding the new result (the app's work), and to the end of the next frame (what
//           the user sees).
// - first:  the web app opened afresh: from the arrival of its last asset (JavaScript,
//           WebAssembly, CSS; Resource Timing) to its first paint (Paint Timing), with an
//           empty box and with a seed restored from the last visit.
// - batch:  the web app opened afresh and 50 published-size PDFs dropped on it at once (the
//           corpus's Chromium and Writer PDFs and the published PDFs of tests/fixtures/reports):
//           from the drop to the frame that shows all 50 checked in the batch view; then, the
//           reader worker started, the same files dropped once more.
//
//   node tests/browser/bench.mjs [--wasm DIR] [--app DIST] [--runs N] [--keys N] [--loads N]
//                                [--batches N] [--only batch] [--out FILE]
//
// DIR holds wasm-bindgen's output for crates/wasm-bench (gouji_wasm_bench.js and its .wasm)
// and optionally js/ (a copy of dist/js/). Every figure is printed as `name value` on a line
// of its own (times in ms), and written to FILE too; `cargo xtask bench` runs this and reads
// the figures. Not a test: nothing here passes or fails on time.

import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { CHROMIUM_ARGS, open, paste, settle } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const wasmDir = option("--wasm", null);
const appDir = option("--app", null);
const RUNS = Number(option("--runs", "200"));
const KEYS = Number(option("--keys", "60"));
const LOADS = Number(option("--loads", "12"));
const BATCHES = Number(option("--batches", "5"));
// Only one of the app's parts (redraw, first, batch), for measuring it alone.
const ONLY = option("--only", null);
const outFile = option("--out", null);
const executablePath = process.env.GOUJI_CHROMIUM || "/usr/bin/chromium";

const figures = [];
function figure(name, value) {
  const v = typeof value === "number" ? Number(value.toFixed(3)) : value;
  figures.push(`${name} ${v}`);
  console.log(`${name} ${v}`);
}

/** Nearest-rank percentile of numbers. */
function pct(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function stats(prefix, values) {
  figure(`${prefix}.median_ms`, pct(values, 50));
  figure(`${prefix}.p95_ms`, pct(values, 95));
  figure(`${prefix}.min_ms`, Math.min(...values));
  figure(`${prefix}.max_ms`, Math.max(...values));
}

/** The reports timed: the seeds and the PDFs' text, as the native benches; short names. */
async function reports() {
  const out = [];
  for (const [dir, keep] of [
    ["tests/fixtures/seeds", (f) => f.endsWith(".txt")],
    ["tests/fixtures/reports", (f) => f.endsWith(".pdf.txt")],
  ]) {
    for (const f of (await readdir(join(repo, dir))).filter(keep).sort()) {
      const name = dir.endsWith("seeds") ? `seed${f.slice(0, 3)}` : f.replace(/\.pdf\.txt$/, "");
      out.push({ name, text: await readFile(join(repo, dir, f), "utf8") });
    }
  }
  return out;
}

/** The 1 MB report of the native bench (crates/core/benches/check.rs): the title, section 一 of
 * seed 000 repeated to 1 MB, then its tables and closing sections once. */
function bigReport(seed) {
  const tables = seed.indexOf("二、主动公开政府信息情况");
  const nl = seed.indexOf("\n");
  const title = seed.slice(0, nl + 1);
  const narrative = seed.slice(nl + 1, tables);
  const tail = seed.slice(tables);
  const bytes = (s) => Buffer.byteLength(s);
  let big = title;
  const tailBytes = bytes(tail);
  const step = bytes(narrative);
  let size = bytes(big);
  while (size + tailBytes < 1 << 20) {
    big += narrative;
    size += step;
  }
  return big + tail;
}

async function launch() {
  const profile = await mkdtemp(join(tmpdir(), "gouji-bench-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
  });
  return { browser, profile };
}

// ------------------------------------------------------------------ the core as WebAssembly

async function benchWasm(browser) {
  // Cross-origin isolation gives performance.now() its fine resolution (5 µs, not 100 µs).
  const server = await serve(resolve(wasmDir), "/", {
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
  });
  try {
    const page = await browser.newPage();
    await page.goto(server.url + "gouji_wasm_bench.js");
    const isolated = await page.evaluate(async () => {
      const m = await import("./gouji_wasm_bench.js");
      await m.default({ module_or_path: new URL("./gouji_wasm_bench_bg.wasm", location.href) });
      window.bench = m;
      return self.crossOriginIsolated;
    });
    figure("wasm.cross_origin_isolated", isolated ? 1 : 0);
    // The first check after the module starts: V8 compiles each function on its first call
    // (quickly, then better once it is hot), as on the app's first render.
    const first = await page.evaluate(async (text) => {
      const t = performance.now();
      window.bench.check(text);
      return performance.now() - t;
    }, await readFile(join(repo, "tests/fixtures/seeds/000_7dba22183337286f.txt"), "utf8"));
    figure("wasm.seed000.first_call_ms", first);
    const jsApi = await stat(join(wasmDir, "js", "gouji.js")).catch(() => null);
    if (jsApi) {
      await page.evaluate(async () => {
        window.api = await import("./js/gouji.js");
      });
    }
    const inputs = await reports();
    const seed000 = inputs.find((r) => r.name === "seed000");
    if (seed000) inputs.push({ name: "report-1MB", text: bigReport(seed000.text) });
    for (const { name, text } of inputs) {
      const runs = text.length > 100_000 ? Math.max(5, Math.round(RUNS / 20)) : RUNS;
      const times = await page.evaluate(
        ({ text, runs }) => {
          const out = [];
          // Warm up: V8 compiles WebAssembly quickly first and optimises hot code later.
          const warm = performance.now();
          for (let i = 0; i < 10 || performance.now() - warm < 500; i++) window.bench.check(text);
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            window.bench.check(text);
            out.push(performance.now() - t);
          }
          return out;
        },
        { text, runs },
      );
      figure(`wasm.${name}.bytes`, Buffer.byteLength(text));
      stats(`wasm.${name}`, times);
      if (jsApi) {
        const api = await page.evaluate(
          ({ text, runs }) => {
            const out = [];
            const warm = performance.now();
            for (let i = 0; i < 10 || performance.now() - warm < 500; i++) window.api.check(text);
            for (let i = 0; i < runs; i++) {
              const t = performance.now();
              window.api.check(text);
              out.push(performance.now() - t);
            }
            return out;
          },
          { text, runs: Math.max(5, Math.round(runs / 2)) },
        );
        stats(`jsapi.${name}`, api);
      }
    }
    await page.close();
  } finally {
    await server.close();
  }
}

// ------------------------------------------------------------------ the app: keystrokes

/** In the page: resolves with the times of the next input event, of the first change of the
 * app's DOM after it, of the next animation frame, and of the task after that frame (the
 * frame has been drawn by then). */
function arm(bare) {
  window.__keystroke = new Promise((done) => {
    const app = document.getElementById("app");
    const t = {};
    const drawn = () => {
      t.dom = performance.now();
      requestAnimationFrame(() => {
        t.frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          t.painted = performance.now();
          done(t);
        };
        channel.port2.postMessage(0);
      });
    };
    window.addEventListener(
      "keydown",
      (e) => {
        t.keydown = e.timeStamp;
      },
      { capture: true, once: true },
    );
    window.addEventListener(
      "input",
      (e) => {
        t.event = e.timeStamp;
        t.handler = performance.now();
        // A page of a bare text box: nothing but the box changes.
        if (bare) drawn();
      },
      { capture: true, once: true },
    );
    if (!bare) {
      const observer = new MutationObserver(() => {
        if (t.event === undefined) return;
        observer.disconnect();
        drawn();
      });
      observer.observe(app, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    setTimeout(() => done(null), 5000);
  });
}

/** In the page: the UTF-16 index of a table number in the box (a cell that is only digits,
 * between separators or alone on its line): the first after 本年新收 (the requests received,
 * which the totals and the prose restate, so a digit typed there makes new findings), else
 * the first in the text. */
function tableNumber() {
  const text = document.getElementById("report-input").value;
  const cell = /(^|[|\t])[ \t]*(\d+)[ \t]*(?=[|\t]|$)/gm;
  cell.lastIndex = Math.max(0, text.indexOf("本年新收"));
  const m = cell.exec(text) ?? /(^|[|\t])[ \t]*(\d+)[ \t]*(?=[|\t]|$)/m.exec(text);
  if (!m) return -1;
  return m.index + m[0].indexOf(m[2]);
}

async function keystroke(page, key, bare = false) {
  await page.evaluate(arm, bare);
  await page.keyboard.press(key);
  const t = await page.evaluate(() => window.__keystroke);
  if (!t) throw new Error(`no change of the page after pressing ${key}`);
  return t;
}

/** Types a digit at `at` and deletes it again, `KEYS / 2` times after 5 untimed rounds, at
 * about typing speed; the times of each keystroke. */
async function typeAndDelete(page, at, bare) {
  const times = [];
  for (let i = -5; i < KEYS / 2; i++) {
    await page.evaluate((at) => {
      const box = document.getElementById("report-input");
      box.focus();
      box.setSelectionRange(at, at);
    }, at);
    for (const key of ["1", "Backspace"]) {
      const t = await keystroke(page, key, bare);
      if (i >= 0) times.push(t);
      // A key every 60 ms or so, after the page has drawn the last one.
      await page.waitForTimeout(40);
    }
  }
  return times;
}

/** A page with nothing but a text box like the app's, holding the same text: what typing
 * costs the browser alone (the floor keystroke-to-redraw is compared with). */
async function bareBox(browser, text, style) {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.evaluate(
    ({ text, style }) => {
      const box = document.createElement("textarea");
      box.id = "report-input";
      Object.assign(box.style, style);
      box.value = text;
      document.body.append(box);
    },
    { text, style },
  );
  return page;
}

async function benchRedraw(browser, server) {
  const seeds = (await readdir(join(repo, "tests/fixtures/seeds"))).filter((f) => f.endsWith(".txt")).sort();
  const all = { work: [], frame: [], floor: [], key: [], floorKey: [] };
  for (const file of seeds) {
    const name = `seed${file.slice(0, 3)}`;
    const text = await readFile(join(repo, "tests/fixtures/seeds", file), "utf8");
    const page = await browser.newPage();
    await open(page, server.url);
    await paste(page, text);
    const at = await page.evaluate(tableNumber);
    if (at < 0) throw new Error(`${file}: no table number to type into`);
    const before = await page.locator("#report-input").inputValue();
    const times = await typeAndDelete(page, at, false);
    const after = await page.locator("#report-input").inputValue();
    if (after !== before) throw new Error(`${file}: the text changed while typing and deleting`);
    const style = await page.evaluate(() => {
      const cs = getComputedStyle(document.getElementById("report-input"));
      const keep = ["width", "height", "fontFamily", "fontSize", "lineHeight", "padding", "border", "boxSizing", "whiteSpace"];
      return Object.fromEntries(keep.map((k) => [k, cs[k]]));
    });
    await page.close();

    const bare = await bareBox(browser, before, style);
    const bareTimes = await typeAndDelete(bare, at, true);
    const floor = bareTimes.map((t) => t.painted - t.event);
    const floorKey = bareTimes.map((t) => t.painted - t.keydown);
    await bare.close();

    const work = times.map((t) => t.dom - t.event);
    const frame = times.map((t) => t.painted - t.event);
    // From the key itself: the browser's editing of the box comes before the input event.
    const key = times.map((t) => t.painted - t.keydown);
    figure(`redraw.${name}.keys`, times.length);
    stats(`redraw.${name}.work`, work);
    stats(`redraw.${name}.frame`, frame);
    stats(`redraw.${name}.vsync_wait`, times.map((t) => t.frame - t.dom));
    stats(`redraw.${name}.style_layout_paint`, times.map((t) => t.painted - t.frame));
    stats(`redraw.${name}.floor`, floor);
    stats(`redraw.${name}.from_keydown`, key);
    stats(`redraw.${name}.floor_from_keydown`, floorKey);
    all.work.push(...work);
    all.frame.push(...frame);
    all.floor.push(...floor);
    all.key.push(...key);
    all.floorKey.push(...floorKey);
  }
  stats("redraw.all.work", all.work);
  stats("redraw.all.frame", all.frame);
  stats("redraw.all.floor", all.floor);
  stats("redraw.all.from_keydown", all.key);
  stats("redraw.all.floor_from_keydown", all.floorKey);
  figure("redraw.all.frame_over_floor", pct(all.frame, 50) / pct(all.floor, 50));
}

// ------------------------------------------------------------------ the app: first render

/** Before the page's own scripts: resolves with the time the app first drew into #app, the
 * next animation frame, and the task after it. */
function watchFirstRender() {
  window.__first = new Promise((done) => {
    const observer = new MutationObserver(() => {
      const app = document.getElementById("app");
      if (!app || !app.firstElementChild) return;
      observer.disconnect();
      const t = { dom: performance.now() };
      requestAnimationFrame(() => {
        t.frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          t.painted = performance.now();
          done(t);
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, { subtree: true, childList: true });
  });
}

async function firstRender(browser, server, stored) {
  const page = await browser.newPage();
  await page.addInitScript(watchFirstRender);
  // The box's text for the next visit, as the app keeps it.
  await page.goto(server.url + "favicon-none");
  await page.evaluate((text) => {
    if (text === null) localStorage.removeItem("gouji.input");
    else localStorage.setItem("gouji.input", text);
  }, stored);
  await page.goto(server.url, { waitUntil: "load" });
  await page.locator("#report-input").waitFor({ timeout: 15000 });
  const t = await page.evaluate(async () => {
    const first = await window.__first;
    const assets = performance
      .getEntriesByType("resource")
      .filter((e) => /\.(js|wasm|css)(\?|$)/.test(e.name))
      .map((e) => ({ name: e.name.split("/").pop(), end: e.responseEnd, size: e.encodedBodySize }));
    // The paint entries are reported a little after the frame.
    const fcp = await new Promise((done) => {
      new PerformanceObserver((list) => {
        const e = list.getEntriesByName("first-contentful-paint")[0];
        if (e) done(e.startTime);
      }).observe({ type: "paint", buffered: true });
      setTimeout(() => done(NaN), 3000);
    });
    return { ...first, fcp, assets, assetsEnd: Math.max(...assets.map((a) => a.end)) };
  });
  await page.close();
  return t;
}

async function benchFirst(browser, server) {
  const seed = await readFile(join(repo, "tests/fixtures/seeds/000_7dba22183337286f.txt"), "utf8");
  for (const [label, stored] of [
    ["empty", null],
    ["restored", seed],
  ]) {
    const painted = [];
    const fcp = [];
    const arrival = [];
    let assets = [];
    for (let i = -1; i < LOADS; i++) {
      const t = await firstRender(browser, server, stored);
      if (i < 0) continue; // the first load warms the server and Chromium up
      painted.push(t.painted - t.assetsEnd);
      fcp.push(t.fcp - t.assetsEnd);
      arrival.push(t.assetsEnd);
      assets = t.assets;
    }
    stats(`first.${label}.painted`, painted);
    stats(`first.${label}.fcp`, fcp);
    stats(`first.${label}.assets_arrived`, arrival);
    if (label === "empty") {
      for (const a of assets) figure(`first.asset.${a.name}.bytes`, a.size);
    }
  }
}

// ------------------------------------------------------------------ the app: a batch of PDFs

/** Files in a batch: the published size of a report. */
const BATCH_SIZE = 50;

/** The batch's files: the published PDFs, then the corpus's Chromium and Writer PDFs (page by
 * page, in name order) until there are 50; each named after its folder, so every name differs. */
async function batchFiles() {
  const files = [];
  const reports = join(repo, "tests/fixtures/reports");
  for (const f of (await readdir(reports)).filter((f) => f.endsWith(".pdf")).sort()) {
    files.push({ name: f, path: join(reports, f) });
  }
  const corpus = join(repo, "tests/fixtures/corpus");
  for (const dir of (await readdir(corpus)).sort()) {
    for (const f of ["chromium.pdf", "writer.pdf"]) {
      const path = join(corpus, dir, f);
      if (await stat(path).catch(() => null)) files.push({ name: `${dir}-${f}`, path });
    }
  }
  if (files.length < BATCH_SIZE) throw new Error(`only ${files.length} PDFs for a batch of ${BATCH_SIZE}`);
  files.length = BATCH_SIZE;
  return Promise.all(files.map(async (f) => ({ name: f.name, b64: (await readFile(f.path)).toString("base64") })));
}

/** In the page: the files as File objects, made once before anything is timed. */
function makeFiles(files) {
  window.__files = files.map(({ name, b64 }) => {
    const raw = atob(b64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new File([bytes], name, { type: "application/pdf" });
  });
  return window.__files.reduce((n, f) => n + f.size, 0);
}

/** In the page: drops the files on the masthead as a user does and resolves, once a frame
 * shows every row read and checked (no progress, no row waiting), with the time from the drop
 * to the task after that frame, and the rows' statuses. */
function dropAndWait(expected) {
  return new Promise((done, fail) => {
    const dt = new DataTransfer();
    for (const f of window.__files) dt.items.add(f);
    const target = document.querySelector("header.masthead");
    const event = (type) => new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt });
    const start = performance.now();
    target.dispatchEvent(event("dragenter"));
    target.dispatchEvent(event("dragover"));
    target.dispatchEvent(event("drop"));
    const giveUp = setTimeout(() => fail(new Error("the batch was not read within 120 s")), 120000);
    const look = () => {
      const rows = [...document.querySelectorAll("#batch-table tbody tr")];
      const finished =
        rows.length === expected &&
        !document.querySelector("#batch-progress") &&
        rows.every((r) => r.dataset.status !== "waiting");
      if (!finished) {
        requestAnimationFrame(look);
        return;
      }
      // This frame shows the finished batch; the task after it runs once it is drawn.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        clearTimeout(giveUp);
        const statuses = {};
        for (const r of rows) statuses[r.dataset.status] = (statuses[r.dataset.status] ?? 0) + 1;
        done({ ms: performance.now() - start, statuses });
      };
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(look);
  });
}

async function benchBatch(browser, server) {
  const files = await batchFiles();
  const cold = [];
  const warm = [];
  let statuses = null;
  for (let i = 0; i < BATCHES; i++) {
    const page = await browser.newPage();
    await open(page, server.url);
    const bytes = await page.evaluate(makeFiles, files);
    if (i === 0) {
      figure("batch.files", files.length);
      figure("batch.bytes", bytes);
    }
    // A fresh page: the reader worker starts with the first file, as on a user's first drop.
    const first = await page.evaluate(dropAndWait, files.length);
    cold.push(first.ms);
    statuses = first.statuses;
    // The same files again, the worker running: the batch closed, then dropped once more.
    await page.locator("#batch-close").click();
    await page.locator("#batch-table").waitFor({ state: "detached", timeout: 15000 });
    await settle(page);
    const again = await page.evaluate(dropAndWait, files.length);
    warm.push(again.ms);
    await page.close();
  }
  for (const [status, n] of Object.entries(statuses ?? {})) figure(`batch.rows.${status}`, n);
  stats("batch.first_drop", cold);
  figure("batch.first_drop.per_file_ms", pct(cold, 50) / files.length);
  stats("batch.again", warm);
  figure("batch.again.per_file_ms", pct(warm, 50) / files.length);
}

// ------------------------------------------------------------------

async function main() {
  if (!wasmDir && !appDir) {
    console.error("bench: nothing to do; give --wasm DIR and/or --app DIST");
    return 1;
  }
  const { browser, profile } = await launch();
  try {
    figure("chromium.version", browser.browser()?.version() ?? "unknown");
    if (wasmDir) await benchWasm(browser);
    if (appDir) {
      if (!(await stat(join(appDir, "index.html")).catch(() => null))) {
        throw new Error(`${appDir}/index.html not found; build the app first (cargo xtask dist)`);
      }
      const server = await serve(resolve(appDir), "/bench/");
      await browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
      try {
        if (!ONLY || ONLY === "redraw") await benchRedraw(browser, server);
        if (!ONLY || ONLY === "first") await benchFirst(browser, server);
        if (!ONLY || ONLY === "batch") await benchBatch(browser, server);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
  if (outFile) await writeFile(outFile, figures.join("\n") + "\n");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack || String(error));
    process.exit(1);
  },
);
