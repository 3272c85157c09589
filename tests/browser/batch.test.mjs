// Many reports at once: several files picked together make a batch whose summary table has one
// row per file with the CLI's counts, sorts by its headings, filters by name, agency and status,
// shows its progress while reading, opens each report in the single view and comes back, and
// checks consecutive years of one agency against each other as the CLI does.
// Each test gets { page, url, repo, screenshots } from run.mjs.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { goujiText } from "./cli.mjs";
import { assert, checked, equal, findings, open, SEEDS, settle, summary } from "./helpers.mjs";

const NAMES = [
  "000_7dba22183337286f.txt",
  "001_a59a8232ffc24999.txt",
  "002_01eb1ecf6fdff090.txt",
  "003_89f707ba0384b85a.txt",
  "004_a362a86d6de7df23.txt",
];
const REPORTS = "tests/fixtures/reports";

/** Picks several files with 打开文件… and waits until every one is read. */
async function pickMany(page, files) {
  await page.locator("#file-input").setInputFiles(files);
  await page.locator("#batch-table").waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector("#batch-progress"), null, { timeout: 60000 });
  await settle(page);
}

/** The summary table's rows, as shown (top to bottom). */
async function rows(page) {
  return page.locator("#batch-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.dataset.name,
      index: tr.dataset.index,
      status: tr.dataset.status,
      errors: tr.dataset.errors === undefined ? null : Number(tr.dataset.errors),
      warnings: tr.dataset.warnings === undefined ? null : Number(tr.dataset.warnings),
      agency: tr.querySelector(".batch-table__agency").textContent.trim(),
      year: tr.cells[2].textContent.trim(),
      shownErrors: tr.querySelector('[data-count="errors"]').textContent.trim(),
    })),
  );
}

/** What the CLI counts for each report: its own findings and the cross-year ones it owns. */
function counts(cli) {
  const out = {};
  for (const r of cli.reports) {
    const own = (s) => r.findings.filter((f) => f.severity === s).length;
    const across = (s) => cli.across.filter((f) => f.source === r.source && f.severity === s).length;
    out[r.source] = { errors: own("error") + across("error"), warnings: own("warning") + across("warning"), report: r };
  }
  return out;
}

const seedPaths = (repo) => NAMES.map((n) => join(repo, SEEDS, n));

export const tests = [
  {
    name: "batch: the five seeds picked at once give five rows with the CLI's counts; a row opens the full view and 返回 comes back",
    async run({ page, url, repo, screenshots }) {
      // The CLI, run on the same files from their folder, so that its sources are the names.
      const cli = counts(JSON.parse(await goujiText(repo, NAMES, join(repo, SEEDS))));
      await open(page, url);
      await pickMany(page, seedPaths(repo));
      const shown = await rows(page);
      equal(shown.map((r) => r.name), NAMES, "one row per file, in the order picked");
      let errors = 0;
      for (const row of shown) {
        const expected = cli[row.name];
        assert(expected, `the CLI has no report for ${row.name}`);
        equal([row.errors, row.warnings], [expected.errors, expected.warnings], `${row.name}: errors, warnings`);
        equal(row.agency, expected.report.agency ?? "未识别", `${row.name}: agency`);
        equal(row.year, String(expected.report.year ?? "未识别"), `${row.name}: year`);
        errors += row.errors;
      }
      assert(errors > 0, "some seed has errors: the comparison proves something");
      const tally = await page.locator("#batch-tally").textContent();
      const withErrors = shown.filter((r) => r.errors > 0).length;
      assert(tally.includes(`有错误 ${withErrors} 份`), `tally: ${tally}`);
      equal(await page.locator("#report-input").count(), 0, "the list takes the single view's place");
      if (screenshots) await page.screenshot({ path: join(screenshots, "batch-list.png"), fullPage: true });

      // A click on the second row: the single view of that report, as the CLI has it.
      await page.locator('#batch-table tbody tr[data-index="1"]').click();
      await page.locator("#summary").waitFor();
      await checked(page);
      const second = cli[NAMES[1]];
      const s = await summary(page);
      equal([Number(s.errors), Number(s.warnings)], [second.errors, second.warnings], "the opened report's summary");
      equal(s.agency, second.report.agency, "the opened report's agency");
      const listed = [...(await findings(page, "error")), ...(await findings(page, "warning")), ...(await findings(page, "info"))].map(([c, subj]) => `${c} ${subj}`).sort();
      equal(listed, second.report.findings.map((f) => `${f.code} ${f.subject}`).sort(), "the opened report's findings");
      const box = await page.locator("#report-input").inputValue();
      equal(box, (await readFile(join(repo, SEEDS, NAMES[1]), "utf8")).replace(/\r\n?/g, "\n"), "the box holds the file's text");
      assert((await page.locator("#batch-bar").textContent()).includes(NAMES[1]), "the bar names the report");
      if (screenshots) await page.screenshot({ path: join(screenshots, "batch-report.png") });

      // 下一份 follows the list's order.
      await page.locator("#batch-next").click();
      await checked(page);
      equal((await summary(page)).agency, cli[NAMES[2]].report.agency, "下一份");

      // Back to the list: every row is there, and the focus is on the report just read.
      await page.locator("#batch-back").click();
      await page.locator("#batch-table").waitFor();
      await settle(page);
      equal((await rows(page)).length, 5, "rows after coming back");
      await page.waitForFunction(() => document.activeElement?.id === "batch-row-2", null, { timeout: 5000 });

      // Enter on a focused row opens it too.
      await page.locator("#batch-row-3").focus();
      await page.keyboard.press("Enter");
      await page.locator("#summary").waitFor();
      await checked(page);
      equal((await summary(page)).agency, cli[NAMES[3]].report.agency, "Enter on a row");
    },
  },
  {
    name: "batch: a heading sorts (aria-sort, again the other way), the text and status filters narrow the rows",
    async run({ page, url, repo }) {
      await open(page, url);
      await pickMany(page, seedPaths(repo));
      const before = await rows(page);
      const errorsHead = page.locator('th[data-column="errors"]');
      equal(await errorsHead.getAttribute("aria-sort"), "none", "unsorted");
      await errorsHead.locator("button").click();
      await settle(page);
      equal(await errorsHead.getAttribute("aria-sort"), "descending", "first click on 错误");
      let e = (await rows(page)).map((r) => r.errors);
      assert(e.every((n, i) => i === 0 || e[i - 1] >= n), `most errors first: ${e}`);
      assert(JSON.stringify((await rows(page)).map((r) => r.name)) !== JSON.stringify(before.map((r) => r.name)), "the order changed");
      await errorsHead.locator("button").click();
      await settle(page);
      equal(await errorsHead.getAttribute("aria-sort"), "ascending", "second click");
      e = (await rows(page)).map((r) => r.errors);
      assert(e.every((n, i) => i === 0 || e[i - 1] <= n), `fewest errors first: ${e}`);
      const yearHead = page.locator('th[data-column="year"]');
      await yearHead.locator("button").click();
      await settle(page);
      equal(await errorsHead.getAttribute("aria-sort"), "none", "one sorted column at a time");
      const years = (await rows(page)).map((r) => Number(r.year));
      equal(years, [...years].sort((a, b) => a - b), "by year");

      // The text filter: agency or file name.
      await page.locator("#batch-filter").fill("湘");
      await settle(page);
      const xiang = await rows(page);
      const expected = before.filter((r) => r.agency.includes("湘") || r.name.includes("湘"));
      assert(expected.length > 0 && expected.length < before.length, "the filter has something to do");
      equal(xiang.map((r) => r.name).sort(), expected.map((r) => r.name).sort(), "rows matching 湘");
      assert((await page.locator("#batch-shown").textContent()).includes(`${expected.length} / 5`), "显示 n / 5 份");
      await page.locator("#batch-filter").fill("003_89");
      await settle(page);
      equal((await rows(page)).map((r) => r.name), [NAMES[3]], "by file name");
      await page.locator("#batch-filter").fill("没有这个机关");
      await settle(page);
      equal((await rows(page)).length, 0, "nothing matches");
      assert(await page.locator(".batch__none").isVisible(), "the page says nothing matches");
      await page.locator("#batch-filter").fill("");

      // The status filter.
      await page.locator("#batch-show").selectOption("errors");
      await settle(page);
      const onlyErrors = await rows(page);
      equal(onlyErrors.map((r) => r.name).sort(), before.filter((r) => r.errors > 0).map((r) => r.name).sort(), "只看有错误的");
      assert(onlyErrors.every((r) => r.status === "errors"), "every row shown has errors");
      await page.locator("#batch-show").selectOption("clean");
      await settle(page);
      equal((await rows(page)).map((r) => r.name).sort(), before.filter((r) => r.errors === 0 && r.warnings === 0 && r.status === "clean").map((r) => r.name).sort(), "未发现问题的");
      await page.locator("#batch-show").selectOption("all");
      await settle(page);
      equal((await rows(page)).length, 5, "all again");
    },
  },
  {
    name: "batch: consecutive years of one agency show the CLI's Y801/Y802 findings, also above the later report",
    async run({ page, url, repo }) {
      // Two years whose carried-over numbers do not match (as the CLI's tests), and two real
      // reports of one agency under slightly different names.
      const base = await readFile(join(repo, "crates/core/tests/fixtures/base/gb2021-pipe.txt"), "utf8");
      const next = base
        .replaceAll("2022年", "2023年")
        .replace("规章 | 1 | 0 | 5 |", "规章 | 1 | 0 | 6 |")
        .replace("行政规范性文件 | 4 | 2 | 30 |", "行政规范性文件 | 4 | 2 | 32 |")
        .replace("二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 3 |");
      assert(next !== base && next.includes("| 3 |"), "the base fixture changed: update this test");
      const dir = await mkdtemp(join(tmpdir(), "gouji-batch-"));
      try {
        const files = ["2023.txt", "2022.txt", "hongze-2024-qzf.pdf", "hongze-2023-qzf.pdf"];
        await writeFile(join(dir, files[0]), next);
        await writeFile(join(dir, files[1]), base);
        await writeFile(join(dir, files[2]), await readFile(join(repo, REPORTS, files[2])));
        await writeFile(join(dir, files[3]), await readFile(join(repo, REPORTS, files[3])));
        const cli = JSON.parse(await goujiText(repo, files, dir));
        assert(cli.across.some((f) => f.code === "Y801" && f.source === "2023.txt"), `no Y801 from the CLI: ${JSON.stringify(cli.across)}`);
        await open(page, url);
        await pickMany(page, files.map((f) => join(dir, f)));
        const across = page.locator("#batch-across");
        await across.waitFor();
        const shown = await across.locator("li.across-finding").evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.querySelector(".across-finding__message").textContent]));
        // Per pair here (Y801 and Y803 of one pair together), all pairs' Y801 first in the CLI.
        const sorted = (list) => [...list].sort((a, b) => (a.join() < b.join() ? -1 : 1));
        equal(sorted(shown), sorted(cli.across.map((f) => [f.code, f.message])), "the cross-year findings, as the CLI words them");
        equal(await across.locator(".across__pair").count(), 2, "two pairs of consecutive years");
        assert((await across.textContent()).includes("按名称推测为同一机关"), "the guess about 洪泽区 is said");
        // The later year's row counts them, as the CLI's summary does.
        const c = counts(cli);
        for (const row of await rows(page)) equal([row.errors, row.warnings], [c[row.name].errors, c[row.name].warnings], `${row.name}: counts`);
        // Above the later report, opened: its cross-year findings.
        await page.locator('#batch-table tbody tr[data-name="2023.txt"]').click();
        await page.locator("#batch-bar").waitFor();
        const bar = await page.locator("#batch-bar li.across-finding").evaluateAll((lis) => lis.map((li) => li.dataset.code));
        equal(bar, cli.across.filter((f) => f.source === "2023.txt").map((f) => f.code), "cross-year findings above the report");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "batch: 内容雷同 of one agency's consecutive years (Y803 with its figure), 对照查看 side by side, 返回",
    async run({ page, url, repo }) {
      const dir = await mkdtemp(join(tmpdir(), "gouji-similar-"));
      try {
        const files = ["jjf-2019.html", "jjf-2020.html"];
        for (const f of files) {
          await writeFile(join(dir, f), await readFile(join(repo, "tests/fixtures/corpus", f.replace(".html", ""), "page.html")));
        }
        const cli = JSON.parse(await goujiText(repo, files, dir));
        const y803 = cli.across.find((f) => f.code === "Y803");
        assert(y803 && y803.severity === "warning" && y803.message.includes("76.8%"), `the CLI's Y803: ${JSON.stringify(cli.across)}`);
        await open(page, url);
        await pickMany(page, files.map((f) => join(dir, f)));
        const finding = page.locator('#batch-across li.across-finding[data-code="Y803"]');
        await finding.waitFor();
        equal(await finding.locator(".across-finding__message").textContent(), y803.message, "Y803 as the CLI words it, with its figure");
        equal(await finding.getAttribute("data-severity"), "warning", "a warning at 50 % or more");
        await finding.locator(".compare-open").click();
        const view = page.locator("#compare");
        await view.waitFor();
        await view.locator(".compare__section").first().waitFor({ timeout: 30000 });
        assert((await view.textContent()).includes("重复 76.8%"), "the view says the share");
        const overall = view.locator('.compare__section[data-section="1"]');
        for (const side of ["other", "report"]) {
          const marked = await overall.locator(`.compare__side--${side} mark.compare__repeated`).count();
          assert(marked > 0, `the ${side} side of 总体情况 has repeated passages marked`);
        }
        const text = await overall.locator(".compare__side--report").textContent();
        assert(text.includes("2020年，我局政府信息公开工作"), `the later report's own text: ${text.slice(0, 80)}`);
        await page.locator("#compare-back").click();
        await page.locator("#batch-across").waitFor();
        equal(await page.locator("#compare").count(), 0, "back to the batch's list");
        await page.locator("#batch-table").waitFor();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: "batch: while a dozen files are read the progress is drawn (正在读取 k/12…), frame by frame",
    async run({ page, url, repo }) {
      const files = [];
      for (let round = 0; files.length < 12; round += 1) {
        for (const name of NAMES) files.push({ name: `${round}-${name}`, mimeType: "text/plain", buffer: await readFile(join(repo, SEEDS, name)) });
        for (const name of ["hongze-2023-qzf.pdf", "huaian-2024-szf.pdf"]) files.push({ name: `${round}-${name}`, mimeType: "application/pdf", buffer: await readFile(join(repo, REPORTS, name)) });
      }
      files.length = 12;
      await open(page, url);
      // What the progress says in each frame the browser draws.
      await page.evaluate(() => {
        window.__frames = [];
        const look = () => {
          const p = document.querySelector("#batch-progress .batch__progress-text");
          if (p) window.__frames.push(p.textContent);
          if (!window.__stop) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await pickMany(page, files);
      const frames = await page.evaluate(() => {
        window.__stop = true;
        return [...new Set(window.__frames)];
      });
      const seen = frames.map((t) => /正在读取 (\d+)\/12…/.exec(t)).filter(Boolean).map((m) => Number(m[1]));
      assert(seen.length >= 4, `the progress was drawn while reading, not only at the end: ${JSON.stringify(frames)}`);
      assert(seen.every((k, i) => i === 0 || seen[i - 1] < k), `it only goes forward: ${seen}`);
      equal((await rows(page)).length, 12, "rows");
      assert((await rows(page)).every((r) => r.status !== "waiting"), "every file read");
    },
  },
  {
    name: "batch: several files dropped on the page at once make a batch too",
    async run({ page, url, repo }) {
      const cli = counts(JSON.parse(await goujiText(repo, NAMES.slice(0, 3), join(repo, SEEDS))));
      await open(page, url);
      const files = await Promise.all(NAMES.slice(0, 3).map(async (name) => ({ name, data: [...(await readFile(join(repo, SEEDS, name)))] })));
      const handle = await page.evaluateHandle((files) => {
        const dt = new DataTransfer();
        for (const { name, data } of files) dt.items.add(new File([new Uint8Array(data)], name, { type: "text/plain" }));
        return dt;
      }, files);
      const target = page.locator("header.masthead");
      await target.dispatchEvent("dragenter", { dataTransfer: handle });
      await target.dispatchEvent("dragover", { dataTransfer: handle });
      await target.dispatchEvent("drop", { dataTransfer: handle });
      await handle.dispose();
      await page.locator("#batch-table").waitFor({ timeout: 15000 });
      await page.waitForFunction(() => !document.querySelector("#batch-progress"), null, { timeout: 30000 });
      await settle(page);
      const shown = await rows(page);
      equal(shown.map((r) => r.name), NAMES.slice(0, 3), "one row per dropped file");
      for (const row of shown) equal([row.errors, row.warnings], [cli[row.name].errors, cli[row.name].warnings], `${row.name}: counts`);
    },
  },
  {
    name: "batch: a file that cannot be read gets a row saying why, and one file alone keeps the single view",
    async run({ page, url, repo }) {
      const doc = Buffer.alloc(4096);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
      await open(page, url);
      await pickMany(page, [
        { name: "旧版.doc", mimeType: "application/msword", buffer: doc },
        { name: NAMES[0], mimeType: "text/plain", buffer: await readFile(join(repo, SEEDS, NAMES[0])) },
      ]);
      const [old, seedRow] = await rows(page);
      equal(old.status, "unreadable", "the .doc's status");
      equal(old.errors, null, "no counts for a file not read");
      const why = await page.locator('#batch-table tr[data-index="0"] .batch-table__why').textContent();
      assert(why.includes(".doc") || why.includes("Word"), `why: ${why}`);
      await page.locator('#batch-table tr[data-index="0"]').click();
      await settle(page);
      equal(await page.locator("#batch-table").count(), 1, "an unreadable row does not open");
      equal(seedRow.status, "errors", "the seed's status");

      // One file picked from the list: the single view, as always; the batch waits.
      await page.locator("#batch-file-input").setInputFiles(join(repo, SEEDS, NAMES[3]));
      await page.locator("#summary").waitFor();
      await checked(page);
      equal((await summary(page)).agency, "秀山土家族苗族自治县人民政府办公室", "the single file's report");
      await page.locator("#batch-back").click();
      await page.locator("#batch-table").waitFor();
      equal((await rows(page)).length, 2, "the batch is still there");
      await page.locator("#batch-close").click();
      await settle(page);
      equal(await page.locator("#batch-table").count(), 0, "closed");
      await page.locator("#report-input").waitFor();
    },
  },
  {
    name: "batch: 发布 shows each report's date as the CLI reads it (日期不详, 逾期 when late), 实质公开率 is not ranked below 30 applications, 逾期发布 keeps only the late report",
    async run({ page, url, repo }) {
      // A real page made late, in a temporary folder: its agency a city's department, its
      // PubDate after 1月31日 of the year after its statistics year.
      const dir = await mkdtemp(join(tmpdir(), "gouji-published-"));
      try {
        const pageHtml = await readFile(join(repo, "tests/fixtures/corpus/jjf-2024/page.html"), "utf8");
        const late = pageHtml
          .replaceAll("平潭综合实验区经济发展局", "福州市经济发展局")
          .replace('<meta name="PubDate" content="2025-01-27 10:12"/>', '<meta name="PubDate" content="2025-02-10 10:12"/>');
        assert(late.includes("2025-02-10 10:12"), "the page's PubDate was replaced");
        await writeFile(join(dir, "late.html"), late);
        const files = [...NAMES, "late.html", "hongze-2024-qzf.pdf.txt"];
        for (const n of NAMES) await writeFile(join(dir, n), await readFile(join(repo, SEEDS, n)));
        await writeFile(join(dir, files[6]), await readFile(join(repo, REPORTS, files[6])));
        const cli = JSON.parse(await goujiText(repo, files, dir));
        const bySource = Object.fromEntries(cli.reports.map((r) => [r.source, r]));

        await open(page, url);
        await pickMany(page, files.map((f) => join(dir, f)));
        const shown = await page.locator("#batch-table tbody tr").evaluateAll((trs) =>
          trs.map((tr) => ({
            name: tr.dataset.name,
            published: tr.querySelector(".batch-table__published").textContent.trim(),
            late: tr.querySelector(".batch-table__published").dataset.late === "true",
            rate: tr.querySelector('[data-rate="substantive"]').textContent.trim(),
            small: tr.querySelector('[data-rate="substantive"]').dataset.small === "true",
          })),
        );
        equal(shown.map((r) => r.name), files, "one row per file");
        for (const row of shown) {
          const r = bySource[row.name];
          const lateInCli = r.findings.some((f) => f.code === "M703");
          equal(row.late, lateInCli, `${row.name}: marked late as the CLI finds M703`);
          const want = r.published ? r.published.date + (lateInCli ? "逾期" : "") : "日期不详";
          equal(row.published, want, `${row.name}: 发布`);
          const n = r.indicators?.applications;
          equal(row.small, n != null && n < 30 && r.indicators.substantive_rate.value != null, `${row.name}: too few to rank`);
        }
        assert(shown.find((r) => r.name === "late.html").late, "the late page is marked");
        equal(shown.find((r) => r.name === NAMES[3]).rate, "37.5%（8件）", "seed 003: 3 of 8, not ranked");
        equal(shown.find((r) => r.name === files[6]).rate, "62.1%", "hongze-2024: 59 of 95");

        // Sorted by 实质公开率: the ranked rates, most first, then the rest.
        await page.locator('th[data-column="substantive"] button').click();
        await settle(page);
        equal(await page.locator('th[data-column="substantive"]').getAttribute("aria-sort"), "descending", "first click");
        const order = await page.locator("#batch-table tbody tr").evaluateAll((trs) =>
          trs.map((tr) => tr.querySelector('[data-rate="substantive"]')).map((td) => (td.dataset.small === "true" ? null : td.textContent.trim())),
        );
        const ranked = order.filter((t) => /^[0-9.]+%$/.test(t)).map(parseFloat);
        assert(ranked.length >= 2, `ranked rates: ${order}`);
        equal(order.slice(0, ranked.length).map(parseFloat), ranked, `ranked rates come first: ${order}`);
        assert(ranked.every((v, i) => i === 0 || ranked[i - 1] >= v), `most first: ${ranked}`);

        // 逾期发布: only the late page.
        await page.locator("#batch-show").selectOption("late");
        await settle(page);
        equal(await page.locator("#batch-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.name)), ["late.html"], "逾期发布");
        await page.locator("#batch-show").selectOption("all");
        await settle(page);
        equal(await page.locator("#batch-table tbody tr").count(), files.length, "全部报告");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
];
