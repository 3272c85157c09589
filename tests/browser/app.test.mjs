// Browser tests of the page: it loads, every seed report shows the summary, the highlighted
// cells and the findings worked out by hand, typing checks at once, odd input never kills it.
// Each test gets { page, url, repo, screenshots } from run.mjs.

import { assert, cellsWith, checked, equal, EXPECTED, findings, open, paste, sameSet, seed, settle, summary } from "./helpers.mjs";

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
    name: "every seed, pasted: summary, exactly the error cells highlighted, exactly the expected findings",
    async run({ page, url, repo }) {
      await open(page, url);
      for (const e of EXPECTED) {
        await paste(page, await seed(repo, e.file));
        const s = await summary(page);
        equal(s.template, e.template, `${e.file} data-template`);
        equal(s.year, e.year, `${e.file} data-year`);
        equal(s.agency, e.agency, `${e.file} data-agency`);
        equal(s.errors, String(e.errors.length), `${e.file} data-errors`);
        equal(s.warnings, String(e.warnings.length), `${e.file} data-warnings`);
        equal(await findings(page, "error"), e.errors, `${e.file} error items`);
        equal(await findings(page, "warning"), e.warnings, `${e.file} warning items`);
        const infos = (await findings(page, "info")).map(([code]) => code);
        for (const code of e.infos) assert(infos.includes(code), `${e.file}: info ${code} not listed (${infos})`);
        equal(s.infos, String(infos.length), `${e.file} data-infos`);
        sameSet(await cellsWith(page, "error"), e.errorCells, `${e.file} cells with data-severity=error`);
        equal(await cellsWith(page, "warning"), [], `${e.file} cells with data-severity=warning`);
        // Each error cell wears its mark, not only a colour.
        const marked = await page
          .locator('[data-cell][data-severity="error"]')
          .evaluateAll((cells) => cells.every((c) => getComputedStyle(c, "::after").content.includes("✕")));
        assert(marked, `${e.file}: an error cell has no ✕ mark`);
        const verdict = await page.locator(".summary__text").textContent();
        if (e.errors.length > 0) equal(verdict, `发现 ${e.errors.length} 处错误`, `${e.file} verdict`);
      }
    },
  },
  {
    name: "seed 000: every cell shows its number as written, blanks stay blank, info cells are marked",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "000_7dba22183337286f.txt"));
      const text = async (path) => page.locator(`[data-cell="${path}"]`).textContent();
      equal(await text("requests/new/natural"), "39", "requests/new/natural");
      equal(await text("requests/new/total"), "44", "requests/new/total");
      equal(await text("requests/carried_in/natural"), "", "a blank cell");
      equal(await text("active/penalty/change"), "-681", "active/penalty/change");
      equal(await text("active/procurement/amount"), "3.6亿元", "an amount as written");
      // V201 (blank cells counted as 0) is information about every blank cell of the table.
      const infoCells = await cellsWith(page, "info");
      assert(infoCells.length > 100, `cells with data-severity=info: ${infoCells.length}`);
      assert(infoCells.includes("requests/partly_granted/natural"), "a blank cell is not marked info");
      // An error outranks information on the same cell.
      equal(await page.locator('[data-cell="requests/carried_in/natural"]').getAttribute("data-severity"), "error", "worst severity wins");
      equal(await page.locator('[data-cell="requests/new/total"]').getAttribute("data-severity"), null, "a cell no finding involves");
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
        // Following whatever the checker found, wherever its spans point, must hold too.
        const first = page.locator("li.finding").first();
        if (await first.count()) await first.click();
        const cell = page.locator("[data-cell]").first();
        if (await cell.count()) await cell.click();
        await settle(page);
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
