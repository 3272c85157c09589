// The reader worker: the page's own WebAssembly only checks text; files (and pasted pages) are
// read by a second WebAssembly module in a Web Worker, loaded the first time there is a file.
// Typing and pasting text never load it; the first file loads it once; a worker that fails to
// start gives a clear notice and the page goes on checking text. The one-file page reads files
// in place (a worker cannot be started from disk).

import { join } from "node:path";

import { assert, checked, equal, open, paste, seed, summary } from "./helpers.mjs";

const PDF = "tests/fixtures/reports/hongze-2023-qzf.pdf";
// The worker's files, beside index.html (the page's own snippets/…/src/reader.js, which starts
// the worker, is part of the page).
const READER = /\/gouji\/(reader\.js|gouji-reader\.js|gouji-reader_bg\.wasm)$/;

/** The reader's files the page has asked for so far (the worker's requests included). */
function readerRequests(page) {
  const seen = [];
  page.context().on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (READER.test(path)) seen.push(path.slice(path.lastIndexOf("/") + 1));
  });
  return seen;
}

async function pick(page, file) {
  await page.locator("#file-input").setInputFiles(file);
  await page.waitForFunction(() => !document.querySelector(".input__busy"), null, { timeout: 20000 });
  await checked(page);
}

export const tests = [
  {
    name: "reader: typed and pasted text load no reader; the first file loads it once, later files reuse it",
    async run({ page, url, repo }) {
      const seen = readerRequests(page);
      await open(page, url);
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      equal((await summary(page)).template, "gb2021", "the pasted seed is checked");
      await page.locator("#report-input").press("End");
      await page.keyboard.type("1");
      await checked(page);
      equal(seen, [], "no reader file before a file is read");

      await pick(page, join(repo, PDF));
      const s = await summary(page);
      equal([s.template, s.year, s.errors], ["gb2021", "2023", "2"], "the PDF, read in the worker");
      equal([...seen].sort(), ["gouji-reader.js", "gouji-reader_bg.wasm", "reader.js"], "the reader's three files, once each");

      // A second file, a saved GBK page: read by the same worker, nothing loaded again.
      await pick(page, join(repo, "crates/core/tests/fixtures/html/gb2021-gbk-declared.html"));
      equal((await summary(page)).errors, "0", "the second file");
      assert((await page.locator("#report-input").inputValue()).includes("\t"), "the page's text, TAB rows");
      equal(seen.length, 3, `no reader file fetched again: ${seen}`);
    },
  },
  {
    name: "reader: a worker that cannot start gives a notice naming the file; the page keeps the report and still checks text",
    async run({ page, url, repo }) {
      // The worker's script, replaced by one that says it failed (as a worker whose
      // WebAssembly cannot be compiled does).
      await page.route(/\/gouji\/reader\.js$/, (route) =>
        route.fulfill({ contentType: "text/javascript", body: 'self.postMessage({ failed: "测试中的失败" });' }),
      );
      await open(page, url);
      await paste(page, await seed(repo, "000_7dba22183337286f.txt"));
      const before = await summary(page);
      await page.locator("#file-input").setInputFiles(join(repo, PDF));
      const notice = page.locator(".notice", { hasText: "hongze-2023-qzf.pdf" });
      await notice.waitFor({ timeout: 20000 });
      const said = await notice.textContent();
      assert(said.includes("读取器") && said.includes("测试中的失败"), `the notice says why: ${said}`);
      equal(await summary(page), before, "the report stays as it was");
      // Text is still checked in the page itself.
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      equal((await summary(page)).template, "gb2021", "pasted text after the failure");
    },
  },
];
