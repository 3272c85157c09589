// The one-file page, dist/gouji.html: opened from disk (file://, no server), it checks a pasted
// report like the served app, and loads nothing but itself.
// Each test gets { page, url, repo, screenshots } from run.mjs; `allow` lets this file's URL
// through run.mjs's guard against requests elsewhere than the local server.

import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gouji } from "./cli.mjs";

const SEEDS = "tests/fixtures/seeds";

// dist/ as run.mjs finds it (its --dist option, relative to the working folder).
const i = process.argv.indexOf("--dist");
const dist = resolve(i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist"));
const file = pathToFileURL(join(dist, "gouji.html")).href;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function sha256(text) {
  return "'sha256-" + createHash("sha256").update(text, "utf8").digest("base64") + "'";
}

/** Opens the file and records every request the page makes. */
async function open(page) {
  assert(await stat(join(dist, "gouji.html")).catch(() => null), `${file} not found; build it first (cargo xtask dist)`);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(file, { waitUntil: "load" });
  await page.locator("#report-input").waitFor({ timeout: 15000 });
  return requests;
}

/** Pastes `text` through the clipboard (Ctrl+A, Ctrl+V), as app.test.mjs does. */
async function paste(page, text) {
  const box = page.locator("#report-input");
  await box.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("ControlOrMeta+V");
  const expected = text.replace(/\r\n?/g, "\n");
  await page.waitForFunction((t) => document.getElementById("report-input").value === t, expected, { timeout: 15000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

export const tests = [
  {
    name: "gouji.html from disk: everything inline, allowed by hash only, nothing else allowed",
    allow: [file],
    async run({ page }) {
      const requests = await open(page);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      const policy = Object.fromEntries(
        csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
      );
      equal(policy["default-src"].join(" "), "'none'", "default-src");
      equal(policy["base-uri"].join(" "), "'none'", "base-uri");
      equal(policy["img-src"].join(" "), "data:", "img-src");
      for (const loose of ["'self'", "'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "blob:", "*"]) {
        assert(!csp.split(/[\s;]+/).includes(loose), `the policy allows ${loose}: ${csp}`);
      }
      // Exactly the inline script and style on the page, by hash.
      const scripts = await page.locator("script").evaluateAll((all) => all.map((s) => [s.src, s.type, s.textContent]));
      equal(scripts.length, 1, "scripts");
      equal(scripts[0][0], "", "the script's src");
      equal(scripts[0][1], "module", "the script's type");
      equal(policy["script-src"].join(" "), `${sha256(scripts[0][2])} 'wasm-unsafe-eval'`, "script-src");
      const styles = await page.locator("style").evaluateAll((all) => all.map((s) => s.textContent));
      equal(policy["style-src"].join(" "), styles.map(sha256).join(" "), "style-src");
      const links = await page.locator("link[href]").evaluateAll((all) => all.map((l) => l.getAttribute("href")));
      assert(links.every((href) => href.startsWith("data:")), `links to files: ${links}`);
      equal(await page.locator("[src]").count(), 0, "elements with src");
      assert((await page.title()).includes("勾稽"), "title");
      equal(JSON.stringify([...new Set(requests)]), JSON.stringify([file]), "requests");
    },
  },
  {
    name: "gouji.html from disk: pasted seeds give the CLI's template, year and counts; no request but the file",
    allow: [file],
    async run({ page, repo, screenshots }) {
      const names = (await readdir(join(repo, SEEDS))).filter((n) => n.endsWith(".txt")).sort();
      assert(names.length >= 5, `seeds: ${names}`);
      const cli = await gouji(repo, names.map((n) => join(SEEDS, n)));
      const requests = await open(page);
      for (const [n, name] of names.entries()) {
        const report = cli.reports[n];
        equal(report.source, join(SEEDS, name), "the CLI's report order");
        await paste(page, await readFile(join(repo, SEEDS, name), "utf8"));
        const s = await page.locator("#summary").evaluate((el) => ({ ...el.dataset }));
        const count = (severity) => String(report.findings.filter((f) => f.severity === severity).length);
        equal(s.template, report.template, `${name} data-template`);
        equal(s.year, String(report.year ?? ""), `${name} data-year`);
        equal(s.errors, count("error"), `${name} data-errors`);
        equal(s.warnings, count("warning"), `${name} data-warnings`);
        if (name.startsWith("001_")) {
          // Worked out by hand (see app.test.mjs): gb2019, 2020, four errors.
          equal(`${s.template} ${s.year} ${s.errors}`, "gb2019 2020 4", `${name} by hand`);
          if (screenshots) await page.screenshot({ path: join(screenshots, "single-file-seed-001.png"), fullPage: true });
        }
      }
      equal(JSON.stringify([...new Set(requests)]), JSON.stringify([file]), "requests");
    },
  },
  {
    name: "gouji.html from disk: a published PDF and a saved GBK page picked as files are read in the page itself",
    allow: [file],
    async run({ page, repo }) {
      const requests = await open(page);
      const pdf = "tests/fixtures/reports/hongze-2023-qzf.pdf";
      const [cli] = (await gouji(repo, [pdf])).reports;
      await page.locator("#file-input").setInputFiles(join(repo, pdf));
      await page.locator("#summary").waitFor({ timeout: 20000 });
      await page.waitForFunction(() => !document.querySelector(".input__busy"), null, { timeout: 20000 });
      const s = await page.locator("#summary").evaluate((el) => ({ ...el.dataset }));
      const errors = String(cli.findings.filter((f) => f.severity === "error").length);
      equal(`${s.template} ${s.year} ${s.errors}`, `${cli.template} ${cli.year} ${errors}`, "the PDF as the CLI reads it");
      equal(s.errors, "2", "洪泽区 2023: the two R401 errors");
      await page.locator("#file-input").setInputFiles(join(repo, "crates/core/tests/fixtures/html/gb2021-gbk-declared.html"));
      await page.waitForFunction(
        () => document.getElementById("report-input").value.includes("\t"),
        null,
        { timeout: 20000 },
      );
      const box = await page.locator("#report-input").inputValue();
      assert(!box.includes("<td") && box.includes("政府信息公开"), `the page's text: ${box.slice(0, 80)}`);
      equal(JSON.stringify([...new Set(requests)]), JSON.stringify([file]), "requests");
    },
  },
  {
    name: "gouji.html from disk: a finding's 规则说明 opens its rule page and comes back, as in the served app",
    allow: [file],
    async run({ page, repo }) {
      const requests = await open(page);
      await paste(page, await readFile(join(repo, SEEDS, "001_a59a8232ffc24999.txt"), "utf8"));
      await page.locator('li.finding[data-code="A303"] .finding__explain').first().click();
      await page.locator('#rule[data-rule="A303"]').waitFor({ timeout: 5000 });
      assert((await page.locator("#rule").textContent()).includes("怎么改"), "the rule page's sections");
      await page.locator("#rule-back").click();
      await page.locator('li.finding[data-code="A303"]').first().waitFor({ timeout: 5000 });
      equal(await page.locator("#rule").count(), 0, "the rule page is closed");
      equal(JSON.stringify([...new Set(requests)]), JSON.stringify([file]), "requests");
    },
  },
];
