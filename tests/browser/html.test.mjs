// Web pages: a saved page picked as a file goes to the core's HTML reading (the box shows the
// page's text as a browser copies it); a page selected and copied in Chromium is pasted from
// the clipboard's text/html and gives the same tables as the saved file.

import { cp, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";

import { assert, checked, equal, open, paste, settle, summary } from "./helpers.mjs";

const HTML = "crates/core/tests/fixtures/html";

/** Every value cell the tables show: data-cell → its text. */
async function cells(page) {
  return page.locator("[data-cell]").evaluateAll((els) => els.map((el) => [el.dataset.cell, el.textContent.trim()]));
}

/** Picks `file` with the 打开文件 button and waits until the page shows its report. */
async function pick(page, file) {
  await page.locator("#file-input").setInputFiles(file);
  await page.locator("#summary").waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector(".input__busy"), null, { timeout: 15000 });
  await checked(page);
}

export const tests = [
  {
    name: "a saved page (GBK, declared in its markup) picked as a file is read as HTML: its tables, no markup in the box",
    async run({ page, url, repo }) {
      await open(page, url);
      await pick(page, join(repo, HTML, "gb2021-gbk-declared.html"));
      const s = await summary(page);
      equal([s.template, s.errors], ["gb2021", "0"], "the page's template and errors");
      equal(
        (await page.locator('[data-cell="requests/new/total"]').textContent()).trim(),
        "24",
        "本年新收政府信息公开申请数量 (requests/new/total)",
      );
      const box = await page.locator("#report-input").inputValue();
      assert(!box.includes("<td") && !box.includes("<table"), "the box shows the page's text, not its markup");
      assert(box.includes("\t"), "table rows are TAB-separated in the box");
      const notice = (await page.locator(".notice__text").allTextContents()).join(" ");
      assert(!notice.includes("纯文本"), `no 'read as plain text' notice: ${notice}`);
      assert(notice.includes("网页"), `the notice says the box holds the page's text: ${notice}`);
    },
  },
  {
    name: "a page copied from Chromium (select all, copy) yields the same tables from its text/html as from the saved file",
    async run({ page, url, repo }) {
      const fixture = "gb2021-official.html";
      await open(page, url);
      await pick(page, join(repo, HTML, fixture));
      const fromFile = { summary: await summary(page), cells: await cells(page) };
      const fileText = await page.locator("#report-input").inputValue();
      assert(fromFile.cells.length > 20, `the saved page shows its tables (${fromFile.cells.length} cells)`);
      equal(fromFile.summary.template, "gb2021", "the saved page's template");

      // The page, served by the local server, in a second tab: select all, copy.
      const dir = join(repo, "dist", "html-test-pages");
      await mkdir(dir, { recursive: true });
      const other = await page.context().newPage();
      let plain = "";
      try {
        await cp(join(repo, HTML, fixture), join(dir, fixture));
        await other.goto(`${url}html-test-pages/${fixture}`, { waitUntil: "load" });
        await other.locator("table").first().waitFor();
        await other.bringToFront();
        await other.keyboard.press("ControlOrMeta+A");
        await other.keyboard.press("ControlOrMeta+C");
        const types = await other.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
        assert(types.includes("text/html"), `the copy put text/html on the clipboard: ${types}`);
        plain = await other.evaluate(() => navigator.clipboard.readText());
      } finally {
        await other.close();
        await rm(dir, { recursive: true, force: true });
      }

      // Into the app's emptied box.
      await page.bringToFront();
      await paste(page, "");
      const box = page.locator("#report-input");
      await box.focus();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("ControlOrMeta+V");
      await page.locator("#summary").waitFor({ timeout: 15000 });
      await checked(page);
      await settle(page);
      const pasted = await box.inputValue();
      assert(!pasted.includes("<td") && !pasted.includes("<table"), "the box shows the copied page's text, not its markup");
      assert(pasted.includes("\t"), "table rows are TAB-separated in the box");
      // The box holds the core's rendering of the clipboard's text/html (the same text as the
      // saved file's), not the clipboard's plain text, which Chromium lays out otherwise.
      assert(plain.trim() !== "", "the copy put plain text on the clipboard too");
      assert(pasted !== plain.replace(/\r\n?/g, "\n"), "the paste went through text/html, not the plain text");
      equal(pasted, fileText, "the pasted page's text vs the saved file's");
      const fromPaste = { summary: await summary(page), cells: await cells(page) };
      equal(fromPaste.summary, fromFile.summary, "summary of the paste vs the saved file");
      equal(fromPaste.cells, fromFile.cells, "every [data-cell] of the paste vs the saved file");
    },
  },
];
