// Each finding explains itself: its rule page (规则说明) opens from the finding and comes back
// to it; one wrong total is drawn loudly in its one cell; the repair says whether it is 确定 or
// 可能 and can be tried on a copy of the text, with a way back to the original.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, equal, open, paste, seed, settle, summary } from "./helpers.mjs";

const S001 = "001_a59a8232ffc24999.txt";
const S004 = "004_a362a86d6de7df23.txt";

export const tests = [
  {
    name: "a finding's 规则说明 opens its rule page, and 返回检查结果 comes back to the same finding",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, S001));
      const finding = page.locator('li.finding[data-code="A303"]').first();
      const index = await finding.getAttribute("data-index");
      // The subject is named as the report names it; the path stays in the title.
      const subject = finding.locator(".finding__subject");
      const path = await finding.getAttribute("data-subject");
      equal(await subject.getAttribute("title"), path, "the path as hover text");
      assert((await subject.textContent()).includes("申请情况表"), `subject: ${await subject.textContent()}`);
      await finding.locator(".finding__explain").click();
      await settle(page);
      const rule = page.locator('#rule[data-rule="A303"]');
      await rule.waitFor({ timeout: 5000 });
      const text = await rule.textContent();
      for (const heading of ["检查什么", "依据", "触发的例子", "不触发的例子", "怎么改", "已知局限"]) {
        assert(text.includes(heading), `rule page lacks ${heading}: ${text}`);
      }
      assert(text.includes("第一项加第二项之和"), `the table's own header note: ${text}`);
      equal(await page.locator("li.finding").count(), 0, "the rule page is shown in place of the result");
      if (screenshots) await page.screenshot({ path: `${screenshots}/rule-A303.png`, fullPage: true });
      await page.locator("#rule-back").click();
      await settle(page);
      equal(await page.locator("#rule").count(), 0, "the rule page is closed");
      await page.waitForFunction((i) => document.activeElement?.id === `finding-${i}`, index, { timeout: 5000 });
      // Clicking 规则说明 neither selected nor unselected the finding.
      equal(await page.locator(`#finding-${index}`).getAttribute("aria-pressed"), "false", "the finding's selection");
    },
  },
  {
    name: "one wrong （七）总计 marks exactly one cell loudly, the rest of its row and column quietly",
    async run({ page, url, repo }) {
      await open(page, url);
      const text = await seed(repo, S004);
      const line = "(七)总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |";
      assert(text.includes(line), "seed 004's total row");
      await paste(page, text.replace(line, "(七)总计 | 2 | 0 | 0 | 0 | 0 | 0 | 9 |"));
      const loud = await page.locator('[data-cell][data-mark="loud"]').evaluateAll((els) => els.map((e) => e.dataset.cell));
      equal(loud, ["requests/total/total"], "the loud cells");
      const quiet = await page.locator('[data-cell][data-mark="quiet"]').count();
      assert(quiet >= 10, `quiet cells: ${quiet}`);
      const look = (path) =>
        page.locator(`[data-cell="${path}"]`).evaluate((c) => ({
          frame: getComputedStyle(c).boxShadow,
          glyph: getComputedStyle(c, "::after").content,
          outline: getComputedStyle(c).outlineStyle,
        }));
      const culprit = await look("requests/total/total");
      const involved = await look("requests/total/natural");
      assert(culprit.glyph.includes("✕") && involved.glyph.includes("✕"), "both keep the ✕ glyph");
      assert(culprit.frame !== "none", `the culprit is framed: ${culprit.frame}`);
      equal(involved.frame, "none", "an involved cell has no frame");
      equal(involved.outline, "dashed", "an involved cell is outlined");
      equal(await page.locator(".repair__verdict").textContent(), "确定", "a unique repair");
    },
  },
  {
    name: "按此修改后重新检查 checks a copy with the repair applied; 返回原报告 shows the original again",
    async run({ page, url, repo }) {
      await open(page, url);
      const text = await seed(repo, S001);
      await paste(page, text);
      const before = await summary(page);
      assert(Number(before.errors) > 0, "seed 001 has errors");
      const equations = () => page.locator('li.finding[data-code="A301"], li.finding[data-code="A302"], li.finding[data-code="A303"], li.finding[data-code="R401"]').count();
      assert((await equations()) > 0, "failed equations before");
      const cell = page.locator('[data-cell="requests/new/total"]');
      const was = await cell.textContent();
      await page.locator('.repair__try[data-try="0"]').click();
      await page.locator("#trial").waitFor({ timeout: 10000 });
      await settle(page);
      equal(await equations(), 0, "no equation fails in the re-checked copy");
      equal(await cell.textContent(), "1", "the repaired cell in the copy");
      equal(await page.locator("#report-input").inputValue(), text.replace(/\r\n?/g, "\n"), "the box keeps the original");
      await page.locator("#trial-back").click();
      await settle(page);
      equal(await page.locator("#trial").count(), 0, "the bar is gone");
      equal((await summary(page)).errors, before.errors, "the original's errors again");
      equal(await cell.textContent(), was, "the original cell again");
      assert(was !== "1", `the original cell: ${was}`);
    },
  },
  {
    name: "a cross-year finding's 规则说明, in the batch's list and above the later report, opens its rule page and comes back",
    async run({ page, url, repo }) {
      const base = await readFile(join(repo, "crates/core/tests/fixtures/base/gb2021-pipe.txt"), "utf8");
      const next = base
        .replaceAll("2022年", "2023年")
        .replace("二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |");
      assert(next !== base, "the base fixture changed: update this test");
      const dir = await mkdtemp(join(tmpdir(), "gouji-explain-"));
      try {
        await writeFile(join(dir, "2023.txt"), next);
        await writeFile(join(dir, "2022.txt"), base);
        await open(page, url);
        await page.locator("#file-input").setInputFiles([join(dir, "2023.txt"), join(dir, "2022.txt")]);
        await page.locator("#batch-table").waitFor({ timeout: 15000 });
        const button = page.locator('#batch-across li.across-finding[data-code="Y801"] .finding__explain').first();
        await button.waitFor({ timeout: 20000 });
        await button.click();
        await page.locator('#rule[data-rule="Y801"]').waitFor({ timeout: 5000 });
        await page.locator("#rule-back").click();
        await page.locator("#batch-table").waitFor({ timeout: 5000 });
        await page.locator('#batch-table tbody tr[data-name="2023.txt"]').click();
        await page.locator("#batch-bar").waitFor();
        await page.locator('#batch-bar li.across-finding[data-code="Y801"] .finding__explain').first().click();
        await page.locator('#rule[data-rule="Y801"]').waitFor({ timeout: 5000 });
        await page.locator("#rule-back").click();
        await page.locator("li.finding").first().waitFor({ timeout: 5000 });
        equal(await page.locator("#rule").count(), 0, "the rule page is closed");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
];
