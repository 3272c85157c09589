// Hostile pages: a report page full of things a browser would run or fetch (scripts inline,
// by src, as modules, in SVG and in a table cell; onerror/onload/ontoggle/onfocus handlers;
// javascript: links; iframes by src and srcdoc; object and embed; styles that @import and
// load url()s; stylesheet and prefetch links; a meta refresh; a base URL; document.write),
// dropped as a file and pasted as text/html. Reading it must run none of it (a flag each
// payload would set stays unset, no dialog opens, the page stays where it is), fetch none of
// it (no request at all to the payloads' URLs, even same-origin ones), put none of its
// elements into the app's DOM, show its text as text, and still check its report as the
// `gouji` command does.

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { gouji } from "./cli.mjs";
import { assert, checked, equal, open, settle, summary } from "./helpers.mjs";

const FIXTURE = "tests/browser/fixtures/hostile.html";

/** What a payload's URL holds: its host, or the prefix of the same-origin names it uses. */
const PAYLOAD_URL = /evil\.example|hostile-/;

/** Text that is in the page as text and looks like markup: it must show as this text. */
const LITERAL = '附注：<img src=x onerror="window.__hostile=1"> 与 <script>alert(1)</script> 是文字，不是标签。';

/** Records every request of the browser context and every dialog of the page. */
function watch(page) {
  const seen = { requests: [], dialogs: [] };
  const onRequest = (request) => seen.requests.push(request.url());
  const onDialog = (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  };
  page.context().on("request", onRequest);
  page.on("dialog", onDialog);
  seen.stop = () => {
    page.context().off("request", onRequest);
    page.off("dialog", onDialog);
  };
  return seen;
}

/** How many elements of each kind a hostile page could bring, in the whole document. */
async function elements(page) {
  return page.evaluate(() => {
    const count = (selector) => document.querySelectorAll(selector).length;
    const kinds = [
      "script",
      "style",
      "link",
      "meta",
      "base",
      "iframe",
      "frame",
      "img",
      "object",
      "embed",
      "video",
      "audio",
      "form",
      "template",
      "noscript",
      "svg script",
      "svg image",
      ".hostile",
      "[id^='hostile']",
      ".report-table",
    ];
    const out = Object.fromEntries(kinds.map((k) => [k, count(k)]));
    out["elements with on… attributes"] = [...document.querySelectorAll("*")].filter((el) =>
      [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on")),
    ).length;
    out["javascript: links"] = count("a[href^='javascript:' i]");
    out["attributes naming the payloads"] = [...document.querySelectorAll("*")].filter((el) =>
      [...el.attributes].some((a) => /evil\.example|hostile|javascript:/i.test(a.value)),
    ).length;
    return out;
  });
}

/** The page's state a payload would change. */
async function untouched(page) {
  return page.evaluate(() => ({
    flag: typeof window.__hostile,
    href: location.href,
    base: document.baseURI,
    title: document.title,
  }));
}

/** Every value cell the tables show: data-cell → its text. */
async function cells(page) {
  return page.locator("[data-cell]").evaluateAll((els) => els.map((el) => [el.dataset.cell, el.textContent.trim()]));
}

/** The same checks after a hostile page was read, whichever way it came in. */
async function assertHarmless(page, seen, before, repo) {
  await checked(page);
  // Time for anything the page would have started: loads, timers, the meta refresh.
  await page.waitForTimeout(1000);
  await settle(page);
  seen.stop();

  equal(await untouched(page), before.state, "window.__hostile, location, base URL and title");
  equal(seen.dialogs, [], "dialogs opened");
  const fetched = seen.requests.filter((u) => PAYLOAD_URL.test(u));
  equal(fetched, [], "requests for the page's scripts, styles, images, frames");
  equal(await elements(page), before.elements, "elements in the app's document");

  // The page's text is in the box as text: the markup-like sentence verbatim, no script's text.
  const box = await page.locator("#report-input").inputValue();
  assert(box.includes(LITERAL), `the box holds the page's text as text: ${box.slice(-300)}`);
  for (const code of ["inline script", "svg script", "script in a cell", "module script", "document.write"]) {
    assert(!box.includes(code), `no script's text in the box (${code})`);
  }
  assert(box.includes("一、本年新收政府信息公开申请数量\t20\t3\t0\t0\t1\t0\t25"), "the requests row as a TAB row");

  // The report is checked as the command checks the same file.
  const cli = (await gouji(repo, [FIXTURE])).reports[0];
  const s = await summary(page);
  const count = (severity) => String(cli.findings.filter((f) => f.severity === severity).length);
  equal(
    [s.template, s.year, s.errors, s.warnings, s.infos],
    [cli.template, String(cli.year), count("error"), count("warning"), count("info")],
    "summary vs gouji check",
  );
  equal(s.errors, "2", "the page's two errors (A301, A303)");
  const shown = Object.fromEntries(await cells(page));
  for (const [table, rows] of Object.entries(cli.tables)) {
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cols)) {
        const path = `${table}/${row}/${col}`;
        const text = shown[path];
        assert(text !== undefined, `${path} is shown`);
        if (value !== null) equal(Number(text), value, path);
      }
    }
  }
  const errorCells = await page.locator('[data-cell][data-severity="error"]').evaluateAll((els) => els.map((e) => e.dataset.cell));
  assert(errorCells.includes("requests/new/total"), `requests/new/total is marked as an error: ${errorCells}`);

  // The source view shows the finding's line as text: marks and text, nothing else.
  await page.locator('li.finding[data-code="A301"]').first().click();
  await settle(page);
  const tags = await page.locator("#source-text *").evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
  assert(tags.every((t) => t === "MARK"), `only marks inside the source view: ${tags}`);
  const source = await page.locator("#source-text").textContent();
  assert(source.includes("一、本年新收政府信息公开申请数量"), "the source view shows the row");
}

async function baseline(page) {
  return { state: await untouched(page), elements: await elements(page) };
}

export const tests = [
  {
    name: "the page carries the Content-Security-Policy SECURITY.md describes: own scripts only, no inline script, no eval, no plugin, connections to itself",
    async run({ page, url }) {
      await open(page, url);
      const metas = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((e) => e.content));
      equal(metas.length, 1, "Content-Security-Policy <meta> elements");
      const policy = Object.fromEntries(
        metas[0]
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name, values.sort()]),
      );
      equal(policy["default-src"], ["'self'"], "default-src");
      equal(policy["script-src"], ["'self'", "'wasm-unsafe-eval'"], "script-src (no 'unsafe-inline', no 'unsafe-eval')");
      equal(policy["style-src"], ["'self'"], "style-src");
      equal(policy["img-src"], ["'self'"], "img-src");
      equal(policy["connect-src"], ["'self'"], "connect-src");
      equal(policy["object-src"], ["'none'"], "object-src");
      equal(policy["base-uri"], ["'self'"], "base-uri");
      equal(policy["form-action"], ["'none'"], "form-action");
      // No inline script in the page: everything it runs is a file of its own.
      const inline = await page.locator("script:not([src])").evaluateAll((els) => els.filter((e) => e.textContent.trim() !== "").length);
      equal(inline, 0, "inline scripts");
    },
  },
  {
    name: "a hostile page dropped as a file runs nothing, fetches nothing, adds no element, and is checked",
    async run({ page, url, repo }) {
      await open(page, url);
      const before = await baseline(page);
      const seen = watch(page);
      const bytes = await readFile(join(repo, FIXTURE));
      const handle = await page.evaluateHandle(
        ({ data }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(data)], "年度报告.html", { type: "text/html" }));
          return dt;
        },
        { data: [...bytes] },
      );
      const target = page.locator("header.masthead");
      await target.dispatchEvent("dragenter", { dataTransfer: handle });
      await target.dispatchEvent("dragover", { dataTransfer: handle });
      await target.dispatchEvent("drop", { dataTransfer: handle });
      await handle.dispose();
      await page.locator("#summary").waitFor({ timeout: 15000 });
      await page.waitForFunction(() => !document.querySelector(".input__busy"), null, { timeout: 15000 });
      await assertHarmless(page, seen, before, repo);
    },
  },
  {
    name: "a hostile page pasted as text/html runs nothing, fetches nothing, adds no element, and is checked",
    async run({ page, url, repo }) {
      await open(page, url);
      const before = await baseline(page);
      const seen = watch(page);
      const html = await readFile(join(repo, FIXTURE), "utf8");
      // The paste event another program's clipboard gives: the page's markup as it is (a copy
      // made in Chromium would be cleaned by Chromium first).
      await page.locator("#report-input").focus();
      const prevented = await page.evaluate((markup) => {
        const data = new DataTransfer();
        data.setData("text/html", markup);
        data.setData("text/plain", "示范区人民政府2022年政府信息公开工作年度报告");
        const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
        return !document.getElementById("report-input").dispatchEvent(event);
      }, html);
      assert(prevented, "the app took the paste's text/html (and stopped the plain-text paste)");
      await page.locator("#summary").waitFor({ timeout: 15000 });
      await assertHarmless(page, seen, before, repo);
    },
  },
];
