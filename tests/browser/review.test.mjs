// Review states: each finding can be marked 已核实 / 不是问题 (with a reason) / 已整改; the
// panel counts what is still 待处理; the decisions survive a reload (kept in this browser only,
// under a fingerprint of the finding), go with 导出 JSON and CSV, and travel in a share link.
// Each test gets { page, url, repo, screenshots } from run.mjs.

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { assert, checked, equal, open, paste, seed, settle } from "./helpers.mjs";

const S000 = "000_7dba22183337286f.txt";

async function pending(page) {
  return Number(await page.locator("#findings-pending").getAttribute("data-pending"));
}

/** The decision shown on each finding, in order (null: none). */
async function decisions(page) {
  return page.locator("li.finding").evaluateAll((lis) => lis.map((li) => li.dataset.review ?? null));
}

export const tests = [
  {
    name: "review: marking findings counts them down, keeps them through a reload, and leaves the selection alone",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, S000));
      await checked(page);
      const codes = await page.locator("li.finding").evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.dataset.severity]));
      const counted = codes.filter(([, s]) => s !== "info").length;
      assert(counted >= 2, `seed 000 has errors and warnings: ${JSON.stringify(codes)}`);
      equal(await pending(page), counted, "nothing decided yet: every error and warning pending");

      // 已核实 on the first error: one fewer pending; the finding is not selected by it.
      const first = page.locator("li.finding").first();
      await first.locator("select.review__state").selectOption("verified");
      await settle(page);
      equal(await pending(page), counted - 1, "one decided");
      equal(await first.getAttribute("aria-pressed"), "false", "choosing a decision does not select the finding");
      equal(await first.getAttribute("data-review"), "verified", "the finding shows its decision");

      // 不是问题 asks for the reason; typing a space in it does not toggle the finding.
      const second = page.locator("li.finding").nth(1);
      await second.locator("select.review__state").selectOption("not_a_problem");
      await settle(page);
      const reason = second.locator("input.review__reason");
      await reason.waitFor();
      assert(await second.locator(".review__hint").isVisible(), "asks for a reason");
      await reason.fill("表下注明 统计口径不同");
      await reason.press("Enter");
      await reason.blur();
      await settle(page);
      equal(await second.getAttribute("aria-pressed"), "false", "typing the reason does not select the finding");
      equal(await second.locator(".review__hint").count(), 0, "the reason is there");
      equal(await pending(page), counted - 2, "two decided");
      const before = await decisions(page);
      if (screenshots) await page.screenshot({ path: join(screenshots, "review.png") });

      // Kept in this browser: after a reload the same findings carry the same decisions.
      await page.waitForFunction(() => (localStorage.getItem("gouji.reviews") || "").includes("not_a_problem"), null, { timeout: 5000 });
      await page.reload({ waitUntil: "load" });
      await page.locator("li.finding").first().waitFor({ timeout: 15000 });
      await checked(page);
      equal(await decisions(page), before, "the decisions after a reload");
      equal(await page.locator("li.finding").nth(1).locator("input.review__reason").inputValue(), "表下注明 统计口径不同", "the reason after a reload");
      equal(await pending(page), counted - 2, "pending after a reload");

      // 待处理 again takes the decision back.
      await page.locator("li.finding").nth(0).locator("select.review__state").selectOption("");
      await settle(page);
      equal(await pending(page), counted - 1, "taking a decision back");
    },
  },
  {
    name: "review: 导出 JSON and CSV carry the decisions, and a share link brings them to another page",
    async run({ page, url, repo }) {
      await open(page, url);
      const text = await seed(repo, S000);
      await paste(page, text);
      await checked(page);
      const first = page.locator("li.finding").first();
      const code = await first.getAttribute("data-code");
      const subject = await first.getAttribute("data-subject");
      await first.locator("select.review__state").selectOption("fixed");
      await settle(page);

      const [json] = await Promise.all([page.waitForEvent("download"), page.locator("#export-json").click()]);
      const doc = JSON.parse(await readFile(await json.path(), "utf8"));
      const findings = doc.reports[0].findings;
      const decided = findings.filter((f) => f.review);
      equal(decided.length, 1, "only the decided one carries a review");
      equal([decided[0].code, decided[0].subject, decided[0].review], [code, subject, { state: "fixed", state_zh: "已整改" }], "the decided finding's review");

      const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
      const lines = (await readFile(await csv.path(), "utf8")).split("\r\n");
      const head = lines.findIndex((l) => l.startsWith("级别,"));
      assert(lines[head].endsWith(",审核,理由"), `the CSV's findings heading: ${lines[head]}`);
      const marked = lines.slice(head + 1).filter((l) => l.includes(",已整改,"));
      equal(marked.length, 1, "one finding marked in the CSV");
      assert(marked[0].includes(`,${code},`), `the marked one is ${code}: ${marked[0]}`);

      // The link is v2 (it carries decisions); a fresh page shows them and counts them.
      await page.locator("#share-button").click();
      const link = await page.locator("#share-link").inputValue();
      assert(new URL(link).hash.startsWith("#v2."), `a link with decisions: ${new URL(link).hash.slice(0, 8)}`);
      // Forget what this browser kept, so that only the link can bring the decision.
      await page.evaluate(() => localStorage.removeItem("gouji.reviews"));
      const other = await page.context().newPage();
      try {
        await other.goto(link, { waitUntil: "load" });
        await other.locator("li.finding").first().waitFor({ timeout: 15000 });
        await checked(other);
        equal(await other.locator("li.finding").first().getAttribute("data-review"), "fixed", "the decision from the link");
        equal(await other.locator("#findings-pending").getAttribute("data-pending"), await page.locator("#findings-pending").getAttribute("data-pending"), "the same count");
      } finally {
        await other.close();
      }
    },
  },
];
