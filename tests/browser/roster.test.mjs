// The batch's 名单核对: a roster loaded from a file or pasted gives each unit 有报告 / 推测 / 缺报 as
// `gouji check --roster` does, the 缺报单位 filter shows the missing units, a unit's report
// opens, the batch's JSON carries the CLI's `roster`, the roster stays for the next visit until
// 清除名单, and a GBK .csv is read.
// Each test gets { page, url, repo, screenshots } from run.mjs.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { goujiText } from "./cli.mjs";
import { assert, equal, open, SEEDS, settle, summary } from "./helpers.mjs";

const FILES = ["000_7dba22183337286f.txt", "003_89f707ba0384b85a.txt", "jtj-2023.html"];
// One unit named as its report names itself, one as 政府 where the report says 人民政府 (a
// guess), one without a report; seed 003's agency is on no line.
const UNITS = "\ufeff单位名称\n1、平潭综合实验区交通与建设局\n2、湘阴县政府\n3、平潭综合实验区财政金融局\n";
// "序号,单位名称\r\n1,湘阴县政府\r\n2,平潭综合实验区教育局\r\n" in GBK, as Excel saves a .csv.
const GBK_CSV = "d0f2bac52cb5a5cebbc3fbb3c60d0a312ccfe6d2f5cfd8d5feb8ae0d0a322cc6bdccb6d7dbbacfcab5d1e9c7f8bdccd3fdbed60d0a";

/** The roster table's rows: unit, match, the file names of its reports. */
async function units(page) {
  return page.locator("#roster-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      unit: tr.dataset.unit,
      match: tr.dataset.match,
      reports: [...tr.querySelectorAll(".roster-table__file")].map((b) => b.textContent.trim()),
    })),
  );
}

async function pickMany(page, files) {
  await page.locator("#file-input").setInputFiles(files);
  await page.locator("#batch-table").waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector("#batch-progress"), null, { timeout: 60000 });
  await settle(page);
}

export const tests = [
  {
    name: "roster: a roster file against a batch gives the CLI's units (有报告, 推测, 缺报), 缺报单位 shows the missing unit, a unit's report opens, 导出 JSON carries the CLI's roster",
    async run({ page, url, repo, screenshots }) {
      const dir = await mkdtemp(join(tmpdir(), "gouji-roster-"));
      try {
        for (const n of FILES.slice(0, 2)) await writeFile(join(dir, n), await readFile(join(repo, SEEDS, n)));
        await writeFile(join(dir, FILES[2]), await readFile(join(repo, "tests/fixtures/corpus/jtj-2023/page.html")));
        await writeFile(join(dir, "units.txt"), UNITS);
        const cli = JSON.parse(await goujiText(repo, ["--roster", "units.txt", ...FILES], dir));
        equal(cli.roster.missing, 1, "the CLI finds one missing unit");

        await open(page, url);
        await pickMany(page, FILES.map((f) => join(dir, f)));
        await page.locator("#roster-file-input").setInputFiles(join(dir, "units.txt"));
        await page.locator("#roster-table").waitFor({ timeout: 10000 });
        const shown = await units(page);
        equal(
          shown.map((u) => [u.unit, u.match, u.reports]),
          cli.roster.units.map((u) => [u.unit, u.match, u.reports.map((i) => cli.reports[i].source)]),
          "each unit as the CLI matches it",
        );
        equal(shown.map((u) => u.match), ["exact", "guess", "missing"], "one of each");
        const head = await page.locator("#roster-summary").textContent();
        equal(head, "名单（units.txt）：共 3 个单位，有报告 2 个（其中 1 个为推测匹配），缺报 1 个", "the summary line");
        assert((await page.locator("#batch-roster").textContent()).includes("按名称推测：“湘阴县政府”与“湘阴县人民政府”仅差“人民”二字"), "the guess says why");
        equal(await page.locator("#roster-unlisted .roster-table__file").allTextContents(), [FILES[1]], "seed 003 is outside the roster");
        if (screenshots) await page.screenshot({ path: join(screenshots, "roster.png"), fullPage: true });

        // 缺报单位: only the missing unit, and no report rows.
        await page.locator("#batch-show").selectOption("missing");
        await settle(page);
        equal((await units(page)).map((u) => [u.unit, u.match]), [["平潭综合实验区财政金融局", "missing"]], "缺报单位");
        equal(await page.locator("#batch-table").count(), 0, "the reports' table gives way to the missing units");
        await page.locator("#batch-show").selectOption("all");
        await settle(page);

        // The JSON export: the CLI's roster, for the same files in the same order.
        const [file] = await Promise.all([page.waitForEvent("download", { timeout: 10000 }), page.locator("#batch-export-json").click()]);
        const saved = JSON.parse(await readFile(await file.path(), "utf8"));
        equal(saved.roster, cli.roster, "导出 JSON: roster as the CLI prints it");

        // The guessed unit's report opens in the single view.
        await page.locator('#roster-table tr[data-match="guess"] .roster-table__file').click();
        await settle(page);
        equal((await summary(page)).agency, "湘阴县人民政府", "the unit's report opened");
        await page.locator("#batch-back").click();
        await page.locator("#roster-table").waitFor();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "roster: kept for the next visit's batch until 清除名单; names pasted; a GBK .csv read",
    async run({ page, url, repo }) {
      const dir = await mkdtemp(join(tmpdir(), "gouji-roster-"));
      try {
        const files = FILES.slice(0, 2).map((n) => join(repo, SEEDS, n));
        await open(page, url);
        await pickMany(page, files);
        await page.locator("#batch-roster summary").click();
        await page.locator("#roster-paste").fill("湘阴县人民政府\n\n某某局，\n");
        await page.locator("#roster-paste-apply").click();
        await page.locator("#roster-table").waitFor({ timeout: 10000 });
        equal((await units(page)).map((u) => [u.unit, u.match]), [["湘阴县人民政府", "exact"], ["某某局", "missing"]], "pasted names");
        equal(await page.evaluate(() => localStorage.getItem("gouji.roster")), "粘贴的名单\n湘阴县人民政府\n某某局", "kept in localStorage");

        // The next visit's batch matches the kept roster without being asked.
        await open(page, url);
        await pickMany(page, files);
        await page.locator("#roster-table").waitFor({ timeout: 10000 });
        equal(await page.locator("#batch-roster").getAttribute("data-source"), "粘贴的名单", "the kept roster");
        equal((await units(page)).map((u) => u.match), ["exact", "missing"], "matched again");

        // A GBK .csv replaces it.
        await writeFile(join(dir, "units.csv"), Buffer.from(GBK_CSV, "hex"));
        await page.locator("#roster-file-input").setInputFiles(join(dir, "units.csv"));
        await page.waitForFunction(() => document.querySelector("#batch-roster")?.dataset.source === "units.csv", null, { timeout: 10000 });
        equal((await units(page)).map((u) => [u.unit, u.match]), [["湘阴县政府", "guess"], ["平潭综合实验区教育局", "missing"]], "GBK .csv");

        // A file that is no text is refused with a message; the roster stays.
        await writeFile(join(dir, "units.xlsx"), Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]));
        await page.locator("#roster-file-input").setInputFiles(join(dir, "units.xlsx"));
        await page.locator("#roster-error").waitFor({ timeout: 10000 });
        assert((await page.locator("#roster-error").textContent()).includes("不是文本文件"), "the message says why");
        equal(await page.locator("#batch-roster").getAttribute("data-source"), "units.csv", "the roster is kept");

        // 清除名单: gone from the page, from storage, and from the next batch.
        await page.locator("#roster-clear").click();
        await settle(page);
        equal(await page.locator("#roster-table").count(), 0, "no roster table");
        equal(await page.evaluate(() => localStorage.getItem("gouji.roster")), null, "forgotten");
        equal(await page.locator('#batch-show option[value="missing"]').count(), 0, "no 缺报单位 without a roster");
        await open(page, url);
        await pickMany(page, files);
        equal(await page.locator("#roster-table").count(), 0, "the next batch has none");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
];
