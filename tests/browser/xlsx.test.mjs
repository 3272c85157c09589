// 导出 Excel: the workbook worker is loaded only when the button is clicked, and the download
// is an .xlsx (a zip) with the nine sheets in order and a row per report on 汇总. The sheets'
// contents are tested natively (crates/xlsx, crates/cli, tests/xlsx/check.py); this is the
// page's side. Each test gets { page, url, repo } from run.mjs.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";

import { assert, checked, equal, open, SEEDS, settle } from "./helpers.mjs";

const NAMES = [
  "000_7dba22183337286f.txt",
  "001_a59a8232ffc24999.txt",
  "002_01eb1ecf6fdff090.txt",
  "003_89f707ba0384b85a.txt",
  "004_a362a86d6de7df23.txt",
];
const SHEETS = ["汇总", "表格勾稽", "正文与表格", "格式与结构", "跨年度衔接", "发布时间", "内容雷同", "缺报单位", "整改清单"];

/** Clicks `selector` and returns the download's suggested name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The files of a zip by name (read through its central directory), inflated. */
function unzip(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert(end >= 0, "a zip's end of central directory");
  const files = new Map();
  let at = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n -= 1) {
    equal(bytes.readUInt32LE(at), 0x02014b50, "a central directory entry");
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + skip;
  }
  return files;
}

/** The sheet names of a workbook, in order, and the number of rows of its first sheet. */
function workbook(bytes) {
  equal([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], "the zip signature");
  const files = unzip(bytes);
  const book = files.get("xl/workbook.xml");
  assert(book, `xl/workbook.xml in ${[...files.keys()]}`);
  const names = [...book.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
  const first = files.get("xl/worksheets/sheet1.xml") || "";
  return { names, rows: (first.match(/<row /g) || []).length };
}

export const tests = [
  {
    name: "导出 Excel: a batch's workbook is made in a worker loaded only when asked, with the nine sheets",
    async run({ page, url, repo }) {
      const asked = [];
      page.on("request", (r) => {
        // The page's own glue (snippets/…/src/xlsx.js) only starts the worker; the worker's
        // script and the workbook's module are what must wait for the click.
        const u = r.url();
        if (!u.includes("/snippets/") && /gouji-xlsx|\/xlsx\.js$/.test(u)) asked.push(u);
      });
      await open(page, url);
      await page.locator("#file-input").setInputFiles(NAMES.map((n) => join(repo, SEEDS, n)));
      await page.locator("#batch-table").waitFor();
      await page.waitForFunction(() => !document.querySelector("#batch-progress"), null, { timeout: 30000 });
      await settle(page);
      equal(asked, [], "no workbook code before the click");
      const file = await download(page, "#batch-export-xlsx");
      equal(file.name, "勾稽批量检查-5份报告.xlsx", "the file's name");
      const book = workbook(file.bytes);
      equal(book.names, SHEETS, "the sheets");
      equal(book.rows, 1 + NAMES.length, "汇总: a header and a row per report");
      assert(asked.some((u) => u.endsWith(".wasm")), `the worker's wasm was loaded: ${asked}`);
      equal(await page.locator("#batch .notice--error").count(), 0, "no error shown");
    },
  },
  {
    name: "导出 Excel: a single report's workbook is named after its agency and year",
    async run({ page, url, repo }) {
      await open(page, url);
      await page.locator("#file-input").setInputFiles(join(repo, SEEDS, NAMES[0]));
      await page.locator("#summary").waitFor({ timeout: 15000 });
      await checked(page);
      const file = await download(page, "#export-xlsx");
      equal(file.name, "湘阴县人民政府2020年报告-勾稽检查结果.xlsx", "the file's name");
      const book = workbook(file.bytes);
      equal(book.names, SHEETS, "the sheets");
      equal(book.rows, 2, "汇总: a header and the report");
    },
  },
];
