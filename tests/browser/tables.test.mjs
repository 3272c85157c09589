// The tables drawn as the official templates print them: the row groups of 三、本年度办理结果
// with their rowspans, the appeals row under its two-level header, the active table's blocks
// in their gb2019 or gb2021 form, rows and tables the report lacks, rows it adds.

import { assert, equal, open, paste, seed } from "./helpers.mjs";

/** rowspan and colspan of the header or label cell whose text is exactly `text`. */
async function spans(page, scope, text) {
  const cells = page.locator(`${scope} th`).filter({ hasText: new RegExp(`^${text.replace(/[()（）.]/g, "\\$&")}$`) });
  equal(await cells.count(), 1, `cells reading ${text} in ${scope}`);
  return cells.evaluate((th) => [th.rowSpan, th.colSpan]);
}

async function dataCells(page, table) {
  return page.locator(`[data-cell^="${table}/"]`).count();
}

export const tests = [
  {
    name: "gb2021 (seed 004): 25 request rows in their groups, 10 active cells, 15 appeals cells under a two-level header",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      const requests = 'section[data-table="requests"]';
      equal(await page.locator(`${requests} tbody tr`).count(), 25, "requests rows");
      equal(await dataCells(page, "requests"), 175, "requests cells");
      equal(await spans(page, requests, "三、本年度办理结果"), [22, 1], "三、本年度办理结果");
      equal(await spans(page, requests, "（三）不予公开"), [8, 1], "（三）不予公开");
      equal(await spans(page, requests, "（四）无法提供"), [3, 1], "（四）无法提供");
      equal(await spans(page, requests, "（五）不予处理"), [5, 1], "（五）不予处理");
      equal(await spans(page, requests, "（六）其他处理"), [3, 1], "（六）其他处理 (gb2021: three rows)");
      equal(await spans(page, requests, "一、本年新收政府信息公开申请数量"), [1, 3], "第一项");
      equal(await spans(page, requests, "（七）总计"), [1, 2], "（七）总计");
      equal(await spans(page, requests, "法人或其他组织"), [1, 5], "法人或其他组织");
      equal(await spans(page, requests, "自然人"), [2, 1], "自然人");
      const corner = await page.locator(`${requests} .sheet__corner`).textContent();
      assert(corner.includes("第一项加第二项之和，等于第三项加第四项之和"), `corner: ${corner}`);

      const appeals = 'section[data-table="appeals"]';
      equal(await dataCells(page, "appeals"), 15, "appeals cells");
      equal(await page.locator(`${appeals} tbody tr`).count(), 1, "the appeals table is one row");
      equal(await spans(page, appeals, "行政复议"), [2, 5], "行政复议");
      equal(await spans(page, appeals, "行政诉讼"), [1, 10], "行政诉讼");
      equal(await spans(page, appeals, "未经复议直接起诉"), [1, 5], "未经复议直接起诉");
      equal(await spans(page, appeals, "复议后起诉"), [1, 5], "复议后起诉");
      const order = await page.locator(`${appeals} [data-cell]`).evaluateAll((cells) => cells.map((c) => c.dataset.cell));
      equal(order.slice(0, 6), [
        "appeals/review/upheld",
        "appeals/review/corrected",
        "appeals/review/other",
        "appeals/review/pending",
        "appeals/review/total",
        "appeals/suit_direct/upheld",
      ], "appeals cells in the printed order");

      const active = 'section[data-table="active"]';
      equal(await dataCells(page, "active"), 10, "active cells (gb2021)");
      const heads = await page.locator(`${active} .sheet__sub`).allTextContents();
      for (const label of ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）"]) {
        assert(heads.includes(label), `active header ${label} missing: ${heads}`);
      }
      const bands = await page.locator(`${active} .sheet__band`).allTextContents();
      equal(bands, ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], "active blocks (gb2021)");
      // 本年处理决定数量 spans the three value columns of its block.
      equal(await page.locator('[data-cell="active/licensing/decisions"]').evaluate((td) => td.colSpan), 3, "licensing colspan");
      equal(await page.locator(".sheet__row--absent").count(), 0, "rows not found in a complete report");
    },
  },
  {
    name: "gb2019 (seed 000): 23 request rows with a single （六）其他处理, 22 active cells in the gb2019 columns",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "000_7dba22183337286f.txt"));
      const requests = 'section[data-table="requests"]';
      equal(await page.locator(`${requests} tbody tr`).count(), 23, "requests rows");
      equal(await dataCells(page, "requests"), 161, "requests cells");
      equal(await spans(page, requests, "三、本年度办理结果"), [20, 1], "三、本年度办理结果");
      equal(await spans(page, requests, "（六）其他处理"), [1, 2], "（六）其他处理 (gb2019: one row)");
      equal(await dataCells(page, "active"), 22, "active cells (gb2019)");
      const heads = await page.locator('section[data-table="active"] .sheet__sub').allTextContents();
      for (const label of ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额"]) {
        assert(heads.includes(label), `active header ${label} missing: ${heads}`);
      }
      const form = await page.locator('section[data-table="requests"] .sheet-card__name').textContent();
      assert(form.includes("2019年版"), `form: ${form}`);
    },
  },
  {
    name: "rows and tables the report lacks are shown greyed as 未找到; rows it adds are listed apart",
    async run({ page, url, repo }) {
      await open(page, url);
      const report = await seed(repo, "004_a362a86d6de7df23.txt");
      // Without the line of （五）1.信访举报投诉类申请 and without the appeals section.
      const lines = report.split("\n");
      const petition = lines.findIndex((l) => l.includes("信访举报投诉类申请"));
      assert(petition >= 0, "seed 004 has a 信访举报投诉类申请 row");
      const appealsAt = lines.findIndex((l) => /^四、.*行政复议/.test(l));
      assert(appealsAt > petition, "seed 004 has an appeals section after the requests table");
      const cut = [...lines.slice(0, petition), ...lines.slice(petition + 1, appealsAt)].join("\n");
      await paste(page, cut);
      const row = page.locator('section[data-table="requests"] tr[data-row="not_processed.petition"]');
      equal(await row.count(), 1, "the missing row is drawn");
      assert(await row.evaluate((tr) => tr.classList.contains("sheet__row--absent")), "the missing row is not greyed");
      equal((await row.locator("td").allTextContents()).join(""), "未找到", "the missing row's cells");
      equal(await row.locator("[data-cell]").count(), 0, "a missing row holds no value cells");
      equal(await page.locator('[data-cell^="requests/not_processed.repeated/"]').count(), 7, "the row after it is still read");
      const appeals = page.locator('section[data-table="appeals"]');
      assert(await appeals.evaluate((s) => s.classList.contains("sheet-card--absent")), "the absent appeals table is not marked");
      assert((await appeals.textContent()).includes("没有找到"), "the absent table says so");

      // A subtotal row some reports add under （三）: kept apart, outside every sum.
      const withheld = lines.findIndex((l) => l.includes("属于国家秘密"));
      const subtotal = "| （三）不予公开小计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
      await paste(page, [...lines.slice(0, withheld), subtotal, ...lines.slice(withheld)].join("\n"));
      const extra = page.locator('section[data-table="requests"] .extra');
      equal(await extra.count(), 1, "the list of extra rows");
      const listed = await extra.textContent();
      assert(listed.includes("不予公开小计") && listed.includes("分组小计") && listed.includes("未计入任何合计"), `extra rows: ${listed}`);
      equal(await extra.locator("tr").count(), 1, "extra rows listed");
      equal(await extra.locator("[data-cell]").count(), 0, "extra rows hold no value cells");
      equal(await page.locator('[data-cell^="requests/"]').count(), 175, "the template's cells are all still there");
    },
  },
];
