// Export and print: 导出 CSV saves every cell and finding as Excel and WPS read them (BOM,
// CRLF, quoting); 导出 JSON saves exactly what `gouji check --format json` prints for the same
// file (and, for a batch, for the same files); the print stylesheet leaves out the input and
// the buttons and keeps the marks. Each test gets { page, url, repo, screenshots } from run.mjs.

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { goujiText } from "./cli.mjs";
import { assert, checked, equal, open, SEEDS, settle } from "./helpers.mjs";

const S000 = "000_7dba22183337286f.txt";
const NAMES = [
  S000,
  "001_a59a8232ffc24999.txt",
  "002_01eb1ecf6fdff090.txt",
  "003_89f707ba0384b85a.txt",
  "004_a362a86d6de7df23.txt",
];

/** Picks one file and waits for its report. */
async function pick(page, path) {
  await page.locator("#file-input").setInputFiles(path);
  await page.locator("#summary").waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector(".input__busy"), null, { timeout: 15000 });
  await checked(page);
}

/** Clicks `selector` and returns the download's suggested name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), page.locator(selector).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** RFC 4180 records of a CSV text (after its BOM); fails on a bare LF outside quotes. */
function parse(text) {
  const records = [];
  let record = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r") {
      assert(text[i + 1] === "\n", "CR only before LF");
      i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else if (c === "\n") throw new Error(`a bare LF at ${i}`);
    else field += c;
  }
  assert(field === "" && record.length === 0, "the last record ends with CRLF");
  return records;
}

export const tests = [
  {
    name: "export: 导出 CSV has the BOM, CRLF, the tables' Chinese labels and every cell as the page shows it, and the findings",
    async run({ page, url, repo }) {
      await open(page, url);
      await pick(page, join(repo, SEEDS, S000));
      const { name, bytes } = await download(page, "#export-csv");
      equal(name, "湘阴县人民政府2020年报告-勾稽检查结果.csv", "the file's name");
      equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
      const text = bytes.toString("utf8").slice(1);
      assert(text.includes("\r\n") && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, "")), "CRLF line ends");
      const records = parse(text);
      equal(records[0], ["报告", S000], "what the report is");
      equal(records[1], ["机关", "湘阴县人民政府"], "agency");
      equal(records[2], ["年度", "2020"], "year");
      const head = records.findIndex((r) => r[0] === "表格");
      equal(records[head], ["表格", "行", "列", "数值", "原文", "单元格"], "the cells' heading");
      const byPath = new Map(records.filter((r) => r.length === 6 && r[5].includes("/")).map((r) => [r[5], r]));
      // Every cell the page shows, with its text as written; blanks blank.
      const shown = await page.locator("[data-cell]").evaluateAll((els) => els.map((el) => [el.dataset.cell, el.textContent.trim()]));
      assert(shown.length > 100, `cells shown: ${shown.length}`);
      for (const [path, cellText] of shown) {
        const r = byPath.get(path);
        assert(r, `no record for ${path}`);
        equal(r[4], cellText, `${path}: as written`);
      }
      equal(byPath.size, shown.length, "one record per cell");
      const newNatural = byPath.get("requests/new/natural");
      equal(newNatural.slice(0, 4), ["申请情况表", "一、本年新收政府信息公开申请数量", "自然人", "39"], "a cell's labels and number");
      equal(byPath.get("requests/carried_in/natural").slice(3, 5), ["", ""], "a blank cell stays blank");
      // The findings: as many as the page lists, with their codes and messages.
      const f = records.findIndex((r) => r[0] === "级别");
      equal(records[f], ["级别", "代码", "说明", "涉及单元格", "单元格路径", "审核", "理由"], "the findings' heading");
      const listed = await page.locator("li.finding").evaluateAll((lis) => lis.map((li) => li.dataset.code));
      const exported = records.slice(f + 1);
      equal(exported.map((r) => r[1]).sort(), listed.sort(), "the findings' codes");
      assert(exported.some((r) => r[0] === "错误" && r[1] === "A303" && r[4].includes("requests/new/natural")), "an A303 error with its cells");
    },
  },
  {
    name: "export: 导出 JSON is byte for byte what gouji check --format json prints for the same file",
    async run({ page, url, repo }) {
      for (const name of [S000, "003_89f707ba0384b85a.txt"]) {
        await open(page, url);
        await pick(page, join(repo, SEEDS, name));
        const { name: saved, bytes } = await download(page, "#export-json");
        assert(saved.endsWith("-勾稽检查结果.json"), `the file's name: ${saved}`);
        const cli = await goujiText(repo, [name], join(repo, SEEDS));
        equal(bytes.toString("utf8"), cli, `${name}: the CLI's document`);
        assert(JSON.parse(cli).reports[0].findings.length > 0, "a document with findings proves more");
      }
    },
  },
  {
    name: "export: a batch exports its summary table as CSV and the CLI's document for its files as JSON",
    async run({ page, url, repo }) {
      await open(page, url);
      await page.locator("#file-input").setInputFiles(NAMES.map((n) => join(repo, SEEDS, n)));
      await page.locator("#batch-table").waitFor();
      await page.waitForFunction(() => !document.querySelector("#batch-progress"), null, { timeout: 30000 });
      await settle(page);
      const json = await download(page, "#batch-export-json");
      equal(json.name, "勾稽批量检查-5份报告.json", "the JSON file's name");
      equal(json.bytes.toString("utf8"), await goujiText(repo, NAMES, join(repo, SEEDS)), "the CLI's document for the five files");
      const csv = await download(page, "#batch-export-csv");
      equal([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "BOM");
      const records = parse(csv.bytes.toString("utf8").slice(1));
      equal(records[0], ["文件名", "机关", "年度", "模板", "错误", "警告", "提示", "待处理", "状态", "说明"], "heading");
      const rows = await page.locator("#batch-table tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.dataset.name, tr.dataset.errors, tr.dataset.warnings]));
      equal(records.slice(1).map((r) => [r[0], r[4], r[5]]), rows, "every row with its counts");
    },
  },
  {
    name: "print: the print stylesheet hides the input and the buttons, keeps the tables, findings and their marks in colour",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await pick(page, join(repo, SEEDS, S000));
      await page.emulateMedia({ media: "print" });
      try {
        for (const hidden of ["#report-input", "#share-button", "#export-csv", "#print-button", ".input", "#source"]) {
          const n = await page.locator(hidden).count();
          if (n > 0) assert(!(await page.locator(hidden).first().isVisible()), `${hidden} is printed`);
        }
        for (const shown of ["#summary", "#tables", ".findings"]) assert(await page.locator(shown).first().isVisible(), `${shown} is not printed`);
        const cell = page.locator('[data-cell][data-severity="error"]').first();
        const style = await cell.evaluate((el) => {
          const s = getComputedStyle(el);
          return { adjust: s.printColorAdjust || s.webkitPrintColorAdjust, mark: getComputedStyle(el, "::after").content, background: s.backgroundColor };
        });
        equal(style.adjust, "exact", "colours are printed");
        assert(style.mark.includes("✕"), `the error mark is printed: ${style.mark}`);
        assert(style.background !== "rgba(0, 0, 0, 0)", "the error cell keeps its colour");
        const rows = await page.locator(".sheet tr").first().evaluate((el) => getComputedStyle(el).breakInside);
        equal(rows, "avoid", "table rows are not split across pages");
        if (screenshots) await page.screenshot({ path: join(screenshots, "print.png"), fullPage: true });
        // A PDF of the page, as the print dialog would make it, on A4.
        const pdf = await page.pdf({ preferCSSPageSize: true });
        assert(pdf.subarray(0, 5).toString() === "%PDF-", "a PDF was printed");
      } finally {
        await page.emulateMedia({ media: "screen" });
      }
      assert(await page.locator("#report-input").isVisible(), "the screen is as before");
    },
  },
];
