// Browser tests of the page: load it, paste reports, read what it shows.
// Each test gets { page, url, repo, screenshots } from run.mjs.

import { readFile } from "node:fs/promises";
import { join } from "node:path";

const SEEDS = "tests/fixtures/seeds";

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  assert(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function open(page, url) {
  await page.goto(url, { waitUntil: "load" });
  await page.locator("#report-input").waitFor({ timeout: 15000 });
}

async function seed(repo, name) {
  return readFile(join(repo, SEEDS, name), "utf8");
}

/** Lets the page finish what the last event started (Yew renders in a microtask). */
async function settle(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/**
 * Pastes `text` into the input box through the clipboard, replacing what it held, as a user
 * does (Ctrl+A, Ctrl+V), and waits until the page shows the result.
 */
async function paste(page, text) {
  const box = page.locator("#report-input");
  await box.focus();
  await page.keyboard.press("ControlOrMeta+A");
  if (text === "") {
    await page.keyboard.press("Delete");
  } else {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press("ControlOrMeta+V");
  }
  // A textarea's value has LF line ends only.
  const expected = text.replace(/\r\n?/g, "\n");
  await page.waitForFunction((t) => document.getElementById("report-input").value === t, expected, { timeout: 15000 });
  await settle(page);
  const shown = await page.locator("#summary").count();
  equal(shown, text.trim() === "" ? 0 : 1, "#summary elements after pasting");
}

async function summary(page) {
  return page.locator("#summary").evaluate((el) => ({ ...el.dataset }));
}

// What the seed reports are, by hand (template, year, errors): see the seeds' expected results.
const EXPECTED = [
  ["000_7dba22183337286f.txt", "gb2019", "2020", 3],
  ["001_a59a8232ffc24999.txt", "gb2019", "2020", 4],
  ["002_01eb1ecf6fdff090.txt", "legacy", "2013", 0],
  ["003_89f707ba0384b85a.txt", "gb2021", "2023", 0],
  ["004_a362a86d6de7df23.txt", "gb2021", "2021", 0],
];

export const tests = [
  {
    name: "the page loads from a sub-folder, under its Content-Security-Policy, with no inline script",
    async run({ page, url }) {
      await open(page, url);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert(csp && csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `unexpected CSP: ${csp}`);
      const inline = await page.locator("script:not([src])").count();
      equal(inline, 0, "inline scripts");
      equal(await page.locator("#summary").count(), 0, "#summary before any input");
      assert(await page.locator(".result__empty").isVisible(), "the empty-state hint is not shown");
      const title = await page.title();
      assert(title.includes("勾稽"), `title: ${title}`);
    },
  },
  {
    name: "seed 001: the summary counts the errors and the list shows A301 on requests/row/new",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, "001_a59a8232ffc24999.txt"));
      const s = await summary(page);
      equal(s.template, "gb2019", "data-template");
      equal(s.year, "2020", "data-year");
      equal(s.agency, "湘西高新区", "data-agency");
      equal(s.errors, "4", "data-errors");
      equal(s.warnings, "0", "data-warnings");
      const a301 = page.locator('li[data-code="A301"]');
      equal(await a301.count(), 2, "A301 items");
      equal(await page.locator('li[data-code="A301"][data-subject="requests/row/new"]').count(), 1, "A301 on requests/row/new");
      const item = await a301.first().textContent();
      assert(item.includes("错误") && item.includes("A301"), `A301 item text: ${item}`);
      const verdict = await page.locator(".summary__verdict").textContent();
      equal(verdict, "发现 4 处错误", "verdict");
      if (screenshots) await page.screenshot({ path: join(screenshots, "seed-001.png"), fullPage: true });
    },
  },
  {
    name: "every seed: template, year and errors as worked out by hand; the list matches the counts",
    async run({ page, url, repo }) {
      await open(page, url);
      for (const [name, template, year, errors] of EXPECTED) {
        await paste(page, await seed(repo, name));
        await page.locator(`#summary[data-template="${template}"][data-year="${year}"]`).waitFor({ timeout: 10000 });
        const s = await summary(page);
        equal(s.errors, String(errors), `${name} data-errors`);
        for (const severity of ["error", "warning"]) {
          const items = await page.locator(`li[data-severity="${severity}"]`).count();
          equal(String(items), s[`${severity}s`], `${name} ${severity} items vs data-${severity}s`);
        }
      }
    },
  },
  {
    name: "typing updates the result on every input; clearing empties it",
    async run({ page, url, repo }) {
      await open(page, url);
      await page.locator("#report-input").pressSequentially("一、总体情况", { delay: 10 });
      await page.locator("#summary").waitFor({ timeout: 10000 });
      equal((await summary(page)).template, "unknown", "data-template of a text without tables");
      assert((await page.locator('li[data-code="S101"]').count()) === 1, "S101 is not listed");
      // Editing in the middle keeps the caret where it is.
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      await page.locator("#report-input").evaluate((el) => el.setSelectionRange(10, 10));
      await page.keyboard.type("改");
      await settle(page);
      const caret = await page.locator("#report-input").evaluate((el) => [el.selectionStart, el.value.slice(10, 11)]);
      equal(JSON.stringify(caret), JSON.stringify([11, "改"]), "caret and typed character");
      await page.getByRole("button", { name: "清空" }).click();
      await page.locator("#summary").waitFor({ state: "detached", timeout: 10000 });
      equal(await page.locator("#report-input").inputValue(), "", "input after 清空");
    },
  },
  {
    name: "odd input never kills the page",
    async run({ page, url, repo }) {
      await open(page, url);
      const report = await seed(repo, "000_7dba22183337286f.txt");
      const chars = Array.from(report);
      const inputs = [
        "\uFFFF\uD83D\uDE00😀 | | |\t\t\r\n\r\n",
        "- 1 -\n— 2 —\n%%%%\n" + "9".repeat(400),
        chars.slice(0, Math.floor(chars.length / 3)).join(""),
        chars.slice(Math.floor(chars.length / 2)).join(""),
        report.replace(/\d/g, "若干"),
        report.replace(/\n/g, " | "),
        "<table><tr><td rowspan=99999 colspan=-1>總計</td></tr></table>".repeat(50),
        report.repeat(8),
      ];
      for (const text of inputs) {
        await paste(page, text);
        assert(!(await page.locator("#fatal").isVisible()), "#fatal is shown");
      }
      // Characters a clipboard may drop (NUL, lone surrogates) go in as typed input.
      for (const text of ["\u0000", "\uD83D", "\uDE00表\u0000格", "\u202E\u200B总计\uFEFF"]) {
        await page.locator("#report-input").fill(text);
        await settle(page);
        equal(await page.locator("#summary").count(), 1, `#summary for ${JSON.stringify(text)}`);
      }
      await paste(page, "   ");
      equal(await page.locator("#summary").count(), 0, "#summary for blank input");
    },
  },
];
