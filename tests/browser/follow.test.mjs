// Following a finding: selecting it highlights every cell of its equation, scrolls to them and
// marks the characters in the source view; selecting a cell lists its findings and marks where
// its number came from. By mouse and by keyboard. The screenshots are taken here.

import { join } from "node:path";
import { assert, equal, expected, marks, open, paste, sameSet, seed, selectedCells, settle } from "./helpers.mjs";

const S000 = "000_7dba22183337286f.txt";
const S001 = "001_a59a8232ffc24999.txt";

async function cellTexts(page, paths) {
  const texts = [];
  for (const p of paths) texts.push(await page.locator(`[data-cell="${p}"]`).textContent());
  return texts;
}

/** Waits until the (smooth) scrolling has brought the cell into the window. */
async function inView(page, path) {
  await page.waitForFunction(
    (p) => {
      const r = document.querySelector(`[data-cell="${p}"]`).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    },
    path,
    { timeout: 5000 },
  );
  // Let the scroll come to rest before anything is measured or photographed.
  await page.waitForTimeout(300);
}

export const tests = [
  {
    name: "clicking a finding highlights all its cells, scrolls to them and marks them in the source view",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, S000));
      if (screenshots) await page.screenshot({ path: join(screenshots, "seed-000.png"), fullPage: true });

      const r401 = page.locator('li.finding[data-code="R401"][data-subject="appeals/suit_after_review"]');
      await r401.click();
      await settle(page);
      equal(await r401.getAttribute("aria-pressed"), "true", "R401 aria-pressed");
      const cells = ["upheld", "corrected", "other", "pending", "total"].map((c) => `appeals/suit_after_review/${c}`);
      sameSet(await selectedCells(page), cells, "cells highlighted for R401");
      sameSet(
        await page.locator('[data-cell][data-selected="true"]').evaluateAll((cs) => cs.map((c) => c.dataset.cell)),
        cells,
        "cells with data-selected for R401",
      );
      // The marks in the source view are the cells' own characters.
      const m = await marks(page);
      equal(m.values.length, 5, "R401 marks");
      equal([...m.values].sort(), (await cellTexts(page, cells)).sort(), "R401 marks = the cells as written");
      // The cells were brought into view.
      await inView(page, "appeals/suit_after_review/pending");
      // ... and so was the first mark, inside the source view.
      const visible = await page.locator("#source-text").evaluate((view) => {
        const mark = view.querySelector("mark");
        const v = view.getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return r.top >= v.top && r.bottom <= v.bottom;
      });
      assert(visible, "the first mark is not scrolled into the source view");

      // A303 on the natural column: two written numbers and two blank cells (zero-length spans).
      const a303 = page.locator('li.finding[data-code="A303"][data-subject="requests/col/natural"]');
      await a303.click();
      await settle(page);
      equal(await r401.getAttribute("aria-pressed"), "false", "R401 no longer selected");
      const natural = ["new", "carried_in", "total", "carried_out"].map((r) => `requests/${r}/natural`);
      sameSet(await selectedCells(page), natural, "cells highlighted for A303");
      const m2 = await marks(page);
      equal(m2.values.filter((t) => t !== "").sort(), ["36", "39"], "A303 marks with text");
      equal(await page.locator("#source-text mark.mark--empty").count(), 2, "A303 marks of blank cells");
      const caption = await page.locator("#source .panel__meta").textContent();
      assert(caption.includes("A303"), `source caption: ${caption}`);
      await inView(page, "requests/new/natural");
      if (screenshots) await page.screenshot({ path: join(screenshots, "seed-000-finding.png") });

      // Clicking the selected finding again lets it go.
      await a303.click();
      await settle(page);
      equal(await selectedCells(page), [], "nothing highlighted after a second click");
      equal(await page.locator("#source-text").count(), 0, "no source marks without a selection");
    },
  },
  {
    name: "clicking a cell lists the findings that involve it and marks where its number came from",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, S001));
      if (screenshots) await page.screenshot({ path: join(screenshots, "seed-001.png"), fullPage: true });

      await page.locator('[data-cell="requests/new/total"]').click();
      await settle(page);
      const detail = page.locator("#cell-detail");
      await detail.waitFor({ timeout: 5000 });
      const text = await detail.textContent();
      assert(text.includes("申请情况表") && text.includes("总计"), `cell detail: ${text}`);
      // requests/new/total is in A301 (row new) and A303 (column total).
      const listed = await detail.locator(".detail__finding .finding__code").allTextContents();
      equal(listed.sort(), ["A301", "A303"], "findings listed for requests/new/total");
      sameSet(await selectedCells(page), ["requests/new/total"], "the clicked cell is highlighted");
      const m = await marks(page);
      equal(m.values, ["0"], "the cell's own mark");
      assert(m.labels.some((l) => l.includes("本年新收")), `the row label is marked: ${m.labels}`);
      const shown = await page.locator("#source-text").evaluate((view) => {
        const mark = view.querySelector("mark:not(.mark--label)");
        const v = view.getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return r.top >= v.top && r.bottom <= v.bottom;
      });
      assert(shown, "the cell's number is not scrolled into the source view");
      if (screenshots) await page.screenshot({ path: join(screenshots, "seed-001-cell.png") });

      // From the cell to one of its findings.
      await detail.locator(".detail__finding", { hasText: "A301" }).click();
      await settle(page);
      const item = page.locator('li.finding[data-code="A301"][data-subject="requests/row/new"]');
      equal(await item.getAttribute("aria-pressed"), "true", "A301 selected from the cell");
      equal((await selectedCells(page)).length, 7, "A301's seven cells");
      equal(await page.locator("#cell-detail").count(), 0, "the cell detail closes");

      // A cell no finding involves still shows where it came from.
      await page.locator('[data-cell="requests/granted/natural"]').click();
      await settle(page);
      assert((await page.locator("#cell-detail").textContent()).includes("没有问题涉及"), "a clean cell says so");
      equal((await marks(page)).values.length, 1, "a clean cell's mark");
      await page.locator('#cell-detail button[aria-label="关闭单元格详情"]').click();
      await settle(page);
      equal(await page.locator("#cell-detail").count(), 0, "the cell detail closes with its button");
    },
  },
  {
    name: "keyboard: findings and cells are reached with Tab and chosen with Enter or Space",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, S000));
      const e = expected("000");
      const first = page.locator("li.finding").first();
      equal(await first.getAttribute("tabindex"), "0", "a finding is focusable");
      // Tab from the last cell of the tables lands on the first finding.
      await page.locator("[data-cell]").last().focus();
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.dataset?.code ?? null);
      equal(focused, e.errors[0][0], "Tab after the tables reaches the first finding");
      await page.keyboard.press("Enter");
      await settle(page);
      equal(await first.getAttribute("aria-pressed"), "true", "Enter selects");
      assert((await selectedCells(page)).length > 0, "Enter highlights the finding's cells");
      const ring = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert(ring !== "none", `focus ring on the finding: ${ring}`);
      await page.keyboard.press(" ");
      await settle(page);
      equal(await first.getAttribute("aria-pressed"), "false", "Space lets go");

      const cell = page.locator('[data-cell="requests/new/legal_service"]');
      await cell.focus();
      await page.keyboard.press("Enter");
      await settle(page);
      await page.locator("#cell-detail").waitFor({ timeout: 5000 });
      sameSet(await selectedCells(page), ["requests/new/legal_service"], "Enter on a cell selects it");
      await page.locator('[data-cell="requests/total/legal_service"]').focus();
      await page.keyboard.press(" ");
      await settle(page);
      sameSet(await selectedCells(page), ["requests/total/legal_service"], "Space on a cell selects it");
    },
  },
];
