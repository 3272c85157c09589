// 最可能出错的单元格: the cells of the core's chosen repair wear their own mark (data-repair,
// the 改 badge, the value to write in the title), and the findings panel lists the changes,
// says how many minimum repairs there are, and selects a cell when its line is clicked.

import { assert, equal, open, paste, sameSet, seed, selectedCells, settle } from "./helpers.mjs";

/** [path, data-repair] of every table cell the repair changes. */
async function repairCells(page) {
  return page
    .locator("[data-cell][data-repair]")
    .evaluateAll((cells) => cells.map((c) => [c.dataset.cell, c.dataset.repair]));
}

export const tests = [
  {
    name: "seed 001: exactly the two blank 总计 cells carry data-repair=1, the 改 badge and the suggestion",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "001_a59a8232ffc24999.txt"));
      const cells = await repairCells(page);
      sameSet(cells.map(([p]) => p), ["requests/new/total", "requests/other/total"], "cells with data-repair");
      for (const [path, to] of cells) equal(to, "1", `${path} data-repair`);
      const cell = page.locator('[data-cell="requests/new/total"]');
      const title = await cell.getAttribute("title");
      assert(title.includes("建议改为 1（原为"), `title: ${title}`);
      // Not colour alone: a badge, and an outline that cells merely in a broken equation lack.
      const look = await cell.evaluate((c) => ({
        badge: getComputedStyle(c, "::before").content,
        outline: getComputedStyle(c).outlineStyle,
      }));
      assert(look.badge.includes("改"), `badge: ${look.badge}`);
      equal(look.outline, "double", "outline of a repair cell");
      const other = page.locator('[data-cell="requests/new/natural"]');
      equal(await other.getAttribute("data-repair"), null, "a cell the repair leaves alone");
      assert((await other.evaluate((c) => getComputedStyle(c).outlineStyle)) !== "double", "a cell outside the repair has the repair outline");

      const panel = page.locator(".findings__repair");
      const said = await panel.textContent();
      assert(said.includes("最可能出错的单元格"), `panel: ${said}`);
      assert(said.includes("改动 2 处即可使全部等式成立"), `panel: ${said}`);
      assert(said.includes("这是唯一的最少改法"), `panel: ${said}`);
      equal(await panel.locator(".repair__item").count(), 2, "one line per change");
      const line = panel.locator('.repair__item[data-repair-cell="requests/other/total"]');
      assert((await line.textContent()).includes("→ 1"), `line: ${await line.textContent()}`);

      // A line selects its cell, as a finding does, and brings it into view.
      await line.click();
      await settle(page);
      equal(await selectedCells(page), ["requests/other/total"], "the cell selected from the repair panel");
      await page.waitForFunction(
        () => {
          const r = document.querySelector('[data-cell="requests/other/total"]').getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        },
        null,
        { timeout: 5000 },
      );
      equal(await line.getAttribute("aria-pressed"), "true", "the selected line");
    },
  },
  {
    name: "seed 000: three cells carry data-repair, and the panel says there are 4 minimum repairs",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "000_7dba22183337286f.txt"));
      const cells = await repairCells(page);
      equal(cells.length, 3, `cells with data-repair (${JSON.stringify(cells)})`);
      const panel = page.locator(".findings__repair");
      equal(await panel.locator(".repair").getAttribute("data-count"), "4", "data-count");
      const said = await panel.textContent();
      assert(said.includes("改动 3 处即可使全部等式成立"), `panel: ${said}`);
      assert(said.includes("有 4 种"), `panel: ${said}`);
      assert(!said.includes("唯一"), `panel: ${said}`);
      // The alternatives are listed: the chosen one plus three others.
      equal(await panel.locator(".repair__alt").count(), 3, "alternatives listed");
      sameSet(
        await panel.locator(".repair__item").evaluateAll((items) => items.map((i) => i.dataset.repairCell)),
        cells.map(([p]) => p),
        "the panel's lines and the marked cells",
      );
    },
  },
  {
    name: "seed 004: no equation fails, so no cell carries data-repair and there is no repair section",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      equal(await page.locator("[data-repair]").count(), 0, "cells with data-repair");
      equal(await page.locator(".findings__repair").count(), 0, "the repair section");
    },
  },
];
