// Runs the browser tests: serves dist/ locally, drives Debian's Chromium through playwright-core
// (no browser download), runs every test in every `*.test.mjs` file here, each in a fresh
// page with the page's storage cleared, and fails a test on any page error, console error,
// request to anywhere but the local server (or, for a test that names them in `allow`, those
// exact URLs, such as a file:// page), or a visible #fatal notice.
//
//   node tests/browser/run.mjs [--dist DIR] [--screenshots DIR] [--filter TEXT]
//
// Environment: GOUJI_CHROMIUM (default /usr/bin/chromium).
// Last line: `browser: N passed, M failed`; exit status 1 when any test failed.

import { mkdtemp, mkdir, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./helpers.mjs";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const dist = resolve(option("--dist", join(repo, "dist")));
const screenshots = option("--screenshots", null);
const filter = option("--filter", "");
const executablePath = process.env.GOUJI_CHROMIUM || "/usr/bin/chromium";

async function main() {
  if (!(await stat(join(dist, "index.html")).catch(() => null))) {
    console.error(`browser: ${dist}/index.html not found; build the app first (cargo xtask dist)`);
    return 1;
  }

  const tests = [];
  for (const file of (await readdir(here)).filter((f) => f.endsWith(".test.mjs")).sort()) {
    const module = await import(join(here, file));
    for (const test of module.tests ?? []) tests.push({ file, ...test });
  }
  const selected = tests.filter((t) => t.name.includes(filter));
  if (selected.length === 0) {
    console.error("browser: no tests found");
    return 1;
  }

  const server = await serve(dist, "/some/folder/gouji/");
  const profile = await mkdtemp(join(tmpdir(), "gouji-chromium-"));
  if (screenshots) await mkdir(screenshots, { recursive: true });

  // A persistent context is the only way to give Chromium a user-data-dir of our choosing; the
  // tests then each get a fresh page, with cookies and storage cleared in between.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
  });

  // Nothing may leave the machine: requests elsewhere are recorded (and fail the test) below,
  // and stopped here. `allowed` also lets through the exact URLs the running test allows.
  let allow = [];
  const allowed = (href) => href.startsWith(server.origin + "/") || allow.includes(href);
  await browser.route((url) => !allowed(url.href), (route) => route.abort("blockedbyclient"));

  // The tests paste through the clipboard, as users do.
  await browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });

  let passed = 0;
  let failed = 0;
  try {
    for (const test of selected) {
      const problems = [];
      allow = test.allow ?? [];
      const context = browser;
      await context.clearCookies();
      const page = await context.newPage();
      // Each test starts without the input an earlier one left in the page's storage.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Storage.clearDataForOrigin", { origin: server.origin, storageTypes: "local_storage" });
      await cdp.detach();
      const onRequest = (request) => {
        const url = request.url();
        if (!allowed(url)) problems.push(`request outside the local server: ${url.slice(0, 200)}`);
      };
      context.on("request", onRequest);
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      page.on("crash", () => problems.push("the page crashed"));

      const started = Date.now();
      try {
        await test.run({ page, url: server.url, repo, screenshots });
        const fatal = await page.locator("#fatal").isVisible().catch(() => false);
        if (fatal) problems.push(`#fatal is shown: ${await page.locator("#fatal").textContent()}`);
      } catch (error) {
        problems.unshift(error?.stack || String(error));
      } finally {
        context.off("request", onRequest);
        await page.close().catch(() => {});
      }

      const ms = Date.now() - started;
      if (problems.length === 0) {
        passed += 1;
        console.log(`ok      ${test.file} › ${test.name} (${ms} ms)`);
      } else {
        failed += 1;
        console.log(`FAILED  ${test.file} › ${test.name} (${ms} ms)`);
        for (const p of problems) console.log(indent(clip(String(p))));
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }

  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// Playwright's messages quote the whole text a test typed; keep them readable.
function clip(text) {
  const lines = text.split("\n").map((l) => (l.length > 200 ? l.slice(0, 200) + " …" : l));
  return lines.length > 30 ? [...lines.slice(0, 30), `… (${lines.length - 30} more lines)`].join("\n") : lines.join("\n");
}

function indent(text) {
  return "        " + text.split("\n").join("\n        ");
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack || String(error));
    console.log("browser: 0 passed, 1 failed");
    process.exit(1);
  },
);
