// Browser tests of the JavaScript API for other pages (crates/js → dist/js/), through its
// example page (examples/embed/index.html → dist/embed/index.html), which puts the API on
// globalThis.gouji. Its results must be the `gouji` command's, field for field.
// Each test gets { page, url, repo, screenshots } from run.mjs.

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gouji } from "./cli.mjs";

const SEEDS = "tests/fixtures/seeds";
const REPORTS = "tests/fixtures/reports";

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Equal as JSON text: the same fields, in the same order, with the same values. */
function same(actual, expected, what) {
  const [a, e] = [JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1)];
  if (a === e) return;
  const al = a.split("\n");
  const el = e.split("\n");
  const n = al.findIndex((line, k) => line !== el[k]);
  throw new Error(`${what}: differs from the CLI at line ${n + 1}: got ${al[n]}, the CLI has ${el[n]}`);
}

async function open(page, url) {
  await page.goto(url + "embed/", { waitUntil: "load" });
  await page.waitForFunction(() => globalThis.gouji !== undefined, null, { timeout: 15000 });
}

async function files(repo, folder) {
  return (await readdir(join(repo, folder))).filter((n) => n.endsWith(".txt")).sort().map((n) => join(folder, n));
}

/** Calls gouji.check in the page on the bytes of a file and on its text. */
async function checkInPage(page, repo, path) {
  const bytes = await readFile(join(repo, path));
  return page.evaluate(
    ({ bytes, text, source }) => {
      const { check } = globalThis.gouji;
      const array = new Uint8Array(bytes);
      return JSON.stringify({
        fromBytes: check(array, { source }),
        fromBuffer: check(array.buffer),
        fromText: check(text),
      });
    },
    { bytes: Array.from(bytes), text: bytes.toString("utf8"), source: path },
  ).then(JSON.parse);
}

const brief = (findings) => findings.map(({ code, subject, expected, actual }) => ({ code, subject, expected, actual }));

export const tests = [
  {
    name: "embed: check() gives the CLI's report for every seed and real report (bytes, buffer and text)",
    async run({ page, url, repo }) {
      const paths = [...(await files(repo, SEEDS)), ...(await files(repo, REPORTS))];
      assert(paths.length >= 8, `fixtures: ${paths}`);
      const cli = await gouji(repo, paths);
      equal(cli.reports.length, paths.length, "reports from the CLI");
      await open(page, url);
      let findings = 0;
      for (const [n, path] of paths.entries()) {
        const expected = cli.reports[n];
        equal(expected.source, path, "the CLI's report order");
        const { fromBytes, fromBuffer, fromText } = await checkInPage(page, repo, path);
        // The whole report: template, year, agency, tables, findings with messages and spans.
        same(fromBytes, expected, `${path} (Uint8Array)`);
        same(fromBuffer, { ...expected, source: undefined }, `${path} (ArrayBuffer, no source)`);
        same(brief(fromText.findings), brief(expected.findings), `${path} (text): findings`);
        same(fromText.tables, expected.tables, `${path} (text): tables`);
        findings += expected.findings.length;
      }
      assert(findings > 0, "no fixture has a finding: the comparison proves little");
    },
  },
  {
    name: "embed: checkAcross() gives the CLI's document, with Y801 when one year does not continue the last",
    async run({ page, url, repo }) {
      // Two years of one agency whose carried-over requests do not match (as crates/cli/tests/across.rs).
      const base = await readFile(join(repo, "crates/core/tests/fixtures/base/gb2021-pipe.txt"), "utf8");
      const next = base
        .replaceAll("2022年", "2023年")
        .replace("规章 | 1 | 0 | 5 |", "规章 | 1 | 0 | 6 |")
        .replace("行政规范性文件 | 4 | 2 | 30 |", "行政规范性文件 | 4 | 2 | 32 |")
        .replace("二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |");
      assert(next !== base && next.includes("| 3 |"), "the base fixture changed: update this test");
      const dir = await mkdtemp(join(tmpdir(), "gouji-across-"));
      try {
        const pair = [join(dir, "2022.txt"), join(dir, "2023.txt")];
        await writeFile(pair[0], base);
        await writeFile(pair[1], next);
        const paths = [...pair, ...(await files(repo, REPORTS))];
        const cli = await gouji(repo, paths);
        await open(page, url);
        const items = await Promise.all(paths.map(async (p) => ({ source: p, bytes: Array.from(await readFile(p.startsWith("/") ? p : join(repo, p))) })));
        const doc = JSON.parse(
          await page.evaluate(
            (items) => JSON.stringify(globalThis.gouji.checkAcross(items.map(({ source, bytes }) => ({ input: new Uint8Array(bytes), source })))),
            items,
          ),
        );
        equal(doc.format, cli.format, "format");
        same(doc.reports, cli.reports, "reports");
        for (const f of doc.across) equal(doc.reports[f.report]?.source, f.source, `the report of ${f.code}`);
        same(doc.across.map(({ report, ...rest }) => rest), cli.across, "across");
        same(doc.similarity, cli.similarity, "similarity");
        assert(cli.across.some((f) => f.code === "Y801" && f.source === pair[1]), `no Y801 from the CLI: ${JSON.stringify(cli.across)}`);
        // Plain texts work too, without sources.
        const plain = await page.evaluate(([a, b]) => globalThis.gouji.checkAcross([a, b]).across.map((f) => `${f.code} ${f.report} ${f.source}`), [base, next]);
        // The two texts share their prose (only numbers differ): Y803 as well.
        same(plain, ["Y801 1 undefined", "Y803 1 undefined"], "checkAcross of two texts");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "embed: a wrong argument throws a TypeError in Chinese; bad input only ever gives findings",
    async run({ page, url }) {
      await open(page, url);
      const thrown = await page.evaluate(() => {
        const { check, checkAcross } = globalThis.gouji;
        const calls = {
          "check()": () => check(),
          "check(42)": () => check(42),
          "check(null)": () => check(null),
          "check({})": () => check({}),
          "check([1])": () => check([1]),
          "check(Uint16Array)": () => check(new Uint16Array(2)),
          'check("x", "a.txt")': () => check("x", "a.txt"),
          'check("x", { source: 5 })': () => check("x", { source: 5 }),
          'checkAcross("x")': () => checkAcross("x"),
          "checkAcross([1])": () => checkAcross([1]),
          "checkAcross([{ input: 5 }])": () => checkAcross([{ input: 5 }]),
          'checkAcross([{ input: "x", source: [] }])': () => checkAcross([{ input: "x", source: [] }]),
        };
        return Object.entries(calls).map(([call, f]) => {
          try {
            f();
            return [call, "no exception"];
          } catch (error) {
            return [call, `${error instanceof TypeError ? "TypeError" : String(error?.constructor?.name)}: ${error.message}`];
          }
        });
      });
      for (const [call, outcome] of thrown) {
        assert(/^TypeError: gouji：.*[\u4e00-\u9fff]/.test(outcome), `${call}: ${outcome}`);
      }
      const reports = await page.evaluate(() => {
        const { check } = globalThis.gouji;
        const inputs = [
          "",
          "   ",
          "\uD800\uDFFF\uDC00 | | \u0000",
          new Uint8Array([0, 255, 0, 1, 2, 0xfe, 0xff]),
          new Uint8Array([0xff, 0xfe, 0x41]),
          new Uint8Array(0),
          new ArrayBuffer(7),
          "<table><tr><td rowspan=99999>總計</td></tr></table>".repeat(20),
        ];
        return inputs.map((input) => {
          const r = check(input, null);
          return { template: r.template, codes: r.findings.map((f) => f.code), keys: Object.keys(r) };
        });
      });
      for (const [n, r] of reports.entries()) {
        same(r.keys, ["template", "year", "agency", "deadline", "tables", "findings"], `report ${n} fields`);
        equal(r.template, "unknown", `report ${n} template`);
        assert(r.codes.includes("S101"), `report ${n}: no S101 in ${r.codes}`);
      }
      const named = await page.evaluate(() =>
        [{ source: "甲.txt" }, {}, { source: null, other: 1 }, undefined].map((options) => {
          const report = globalThis.gouji.check("x", options);
          return "source" in report ? report.source : "(none)";
        }),
      );
      same(named, ["甲.txt", "(none)", "(none)", "(none)"], "source");
    },
  },
  {
    name: "embed: rules() lists the catalogue and the cross-year rules; version() is the workspace's",
    async run({ page, url, repo }) {
      await open(page, url);
      const { rules, version } = await page.evaluate(() => ({ rules: globalThis.gouji.rules(), version: globalThis.gouji.version() }));
      // The codes registered in the core's sources, in order.
      const registered = async (file, list) => {
        const text = await readFile(join(repo, "crates/core/src", file), "utf8");
        const body = text.slice(text.indexOf(list));
        return [...body.slice(0, body.indexOf("];")).matchAll(/(\w+)::RULE\b/g)].map((m) => m[1].toUpperCase());
      };
      const catalogue = await registered("rules/mod.rs", "pub const RULES");
      const across = await registered("rules/mod.rs", "pub const ACROSS_RULES");
      assert(catalogue.length >= 15 && across.includes("Y801"), `registered rules: ${catalogue} / ${across}`);
      same(rules.map((r) => r.code), [...catalogue, ...across], "codes");
      same(rules.map((r) => r.across), [...catalogue.map(() => false), ...across.map(() => true)], "across");
      for (const r of rules) {
        assert(["error", "warning", "info"].includes(r.severity), `${r.code} severity ${r.severity}`);
        assert(/[\u4e00-\u9fff]/.test(r.title), `${r.code} title ${r.title}`);
      }
      const cargo = await readFile(join(repo, "Cargo.toml"), "utf8");
      const workspace = cargo.slice(cargo.indexOf("[workspace.package]"));
      equal(version, /version\s*=\s*"([^"]+)"/.exec(workspace)?.[1], "version()");
    },
  },
  {
    name: "embed: the example page checks pasted text and a chosen file, and lists the findings",
    async run({ page, url, repo, screenshots }) {
      const path = join(SEEDS, "001_a59a8232ffc24999.txt");
      const [expected] = (await gouji(repo, [path])).reports;
      const errors = expected.findings.filter((f) => f.severity === "error").length;
      assert(errors > 0, "seed 001 has no error");
      await open(page, url);
      await page.locator("#text").fill(await readFile(join(repo, path), "utf8"));
      await page.locator("#run").click();
      await page.locator(`#verdict[data-errors="${errors}"]`).waitFor({ timeout: 10000 });
      equal(await page.locator("#findings li").count(), expected.findings.length, "listed findings");
      same(await page.locator("#findings li").evaluateAll((all) => all.map((li) => li.dataset.code)), expected.findings.map((f) => f.code), "listed codes");
      if (screenshots) await page.screenshot({ path: join(screenshots, "embed-example.png"), fullPage: true });
      // A file goes in as bytes.
      await page.locator("#file").setInputFiles(join(repo, SEEDS, "004_a362a86d6de7df23.txt"));
      await page.locator("#run").click();
      await page.locator('#verdict[data-errors="0"]').waitFor({ timeout: 10000 });
    },
  },
];
