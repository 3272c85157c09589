// The batch module: the page's own WebAssembly checks one report; several files opened at once
// load a second module (crates/batch, gouji-batch.js and its WebAssembly) that takes the page
// over, the box's text kept. Text and single files never load it; it is loaded once; a module
// that cannot be loaded gives a notice and the page goes on as it was.

import { join } from "node:path";

import { assert, checked, equal, open, paste, seed, SEEDS, settle, summary } from "./helpers.mjs";

const BATCH = /\/gouji\/(gouji-batch\.js|gouji-batch_bg\.wasm)$/;
const TWO = ["000_7dba22183337286f.txt", "004_a362a86d6de7df23.txt"];

/** The batch module's files the page has asked for so far. */
function batchRequests(page) {
  const seen = [];
  page.context().on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (BATCH.test(path)) seen.push(path.slice(path.lastIndexOf("/") + 1));
  });
  return seen;
}

async function pickTwo(page, repo) {
  await page.locator("#file-input").setInputFiles(TWO.map((n) => join(repo, SEEDS, n)));
  await page.locator("#batch-table").waitFor({ timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector("#batch-progress"), null, { timeout: 60000 });
  await settle(page);
}

export const tests = [
  {
    name: "handover: text and one file load no batch module; two files load it once, the batch is checked, 关闭 keeps the box",
    async run({ page, url, repo }) {
      const seen = batchRequests(page);
      await open(page, url);
      const text = await seed(repo, "002_01eb1ecf6fdff090.txt");
      await paste(page, text);
      await page.locator("#file-input").setInputFiles(join(repo, SEEDS, TWO[0]));
      await checked(page);
      equal(seen, [], "no batch module for text or one file");
      await paste(page, text);
      const before = await summary(page);
      const box = await page.locator("#report-input").inputValue();

      await pickTwo(page, repo);
      equal([...seen].sort(), ["gouji-batch.js", "gouji-batch_bg.wasm"], "the module's two files, once each");
      const names = await page.locator("#batch-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.name));
      equal(names, TWO, "one row per file");
      const statuses = await page.locator("#batch-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.status));
      assert(statuses.every((s) => s && s !== "waiting" && s !== "failed"), `every file checked: ${statuses}`);
      equal(await page.locator("#app header.masthead").count(), 1, "one app in the page, not two");
      equal(await page.locator("#app main.page").count(), 1, "one page body");

      await page.locator("#batch-close").click();
      await page.locator("#report-input").waitFor();
      await checked(page);
      const after = await page.locator("#report-input").inputValue();
      equal(after.length, box.length, "the box keeps its text (length)");
      equal(after, box, "the box keeps its text");
      equal(await summary(page), before, "and its report");

      // A second batch: the module is already there.
      await pickTwo(page, repo);
      equal(seen.length, 2, `nothing fetched again: ${seen}`);
    },
  },
  {
    name: "handover: a batch module that cannot be loaded gives a notice; the report stays and text is still checked",
    async run({ page, url, repo }) {
      // The module's script, replaced by one that fails as it is evaluated (as one whose
      // download broke off would).
      await page.route(/\/gouji\/gouji-batch\.js$/, (route) =>
        route.fulfill({ contentType: "text/javascript", body: 'throw new Error("测试中的失败");' }),
      );
      await open(page, url);
      await paste(page, await seed(repo, "000_7dba22183337286f.txt"));
      const before = await summary(page);
      await page.locator("#file-input").setInputFiles(TWO.map((n) => join(repo, SEEDS, n)));
      const notice = page.locator(".notice", { hasText: "批量检查未能载入" });
      await notice.waitFor({ timeout: 20000 });
      const said = await notice.textContent();
      assert(said.includes("测试中的失败") && said.includes("一次只打开一个文件"), `the notice says why and what to do: ${said}`);
      equal(await summary(page), before, "the report stays as it was");
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      equal((await summary(page)).template, "gb2021", "pasted text after the failure");
    },
  },
];
