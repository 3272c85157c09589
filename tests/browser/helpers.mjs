// What the browser tests share: opening the page, pasting, waiting for the checker, reading
// what the page shows, and the seed reports' expected results (worked out by hand, see
// tests/fixtures and the seeds' expected results in the project's spec).

import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const SEEDS = "tests/fixtures/seeds";

/** Headless Chromium on a machine whose network is closed: no sandbox (root), no GPU, and none
 *  of the browser's own background connections (updates, sync, QUIC probing). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

/** The same members, in any order. */
export function sameSet(actual, expected, what) {
  equal([...new Set(actual)].sort(), [...new Set(expected)].sort(), what);
  equal(actual.length, new Set(actual).size, `${what}: no duplicates`);
}

export async function open(page, url) {
  await page.goto(url, { waitUntil: "load" });
  await page.locator("#report-input").waitFor({ timeout: 15000 });
}

export async function seed(repo, name) {
  return readFile(join(repo, SEEDS, name), "utf8");
}

export async function seedBytes(repo, name) {
  return readFile(join(repo, SEEDS, name));
}

/** Lets the page finish what the last event started (Yew renders in a microtask). */
export async function settle(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/** Waits until no check is due (long inputs are checked a moment after the last keystroke). */
export async function checked(page) {
  await page.waitForFunction(() => !document.querySelector(".result[data-stale]"), null, { timeout: 20000 });
  await settle(page);
}

/**
 * Pastes `text` into the input box through the clipboard, replacing what it held, as a user
 * does (Ctrl+A, Ctrl+V), and waits until the page shows the result.
 */
export async function paste(page, text) {
  const box = page.locator("#report-input");
  await box.focus();
  await page.keyboard.press("ControlOrMeta+A");
  if (text === "") {
    await page.keyboard.press("Delete");
  } else {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press("ControlOrMeta+V");
  }
  // A textarea's value has LF line ends only.
  const expected = text.replace(/\r\n?/g, "\n");
  await page.waitForFunction((t) => document.getElementById("report-input").value === t, expected, { timeout: 15000 });
  await checked(page);
  const shown = await page.locator("#summary").count();
  equal(shown, text.trim() === "" ? 0 : 1, "#summary elements after pasting");
}

export async function summary(page) {
  return page.locator("#summary").evaluate((el) => ({ ...el.dataset }));
}

/** [code, subject] of every listed finding of a severity, in the list's order. */
export async function findings(page, severity) {
  return page
    .locator(`li.finding[data-severity="${severity}"]`)
    .evaluateAll((items) => items.map((li) => [li.dataset.code, li.dataset.subject]));
}

/** The paths of the table cells with this data-severity. */
export async function cellsWith(page, severity) {
  return page.locator(`[data-cell][data-severity="${severity}"]`).evaluateAll((cells) => cells.map((c) => c.dataset.cell));
}

/** The paths of the table cells highlighted as part of the selection. */
export async function selectedCells(page) {
  return page.locator("[data-cell].is-selected").evaluateAll((cells) => cells.map((c) => c.dataset.cell));
}

/** The texts of the marks in the source view (value marks, then label marks). */
export async function marks(page) {
  return {
    values: await page.locator("#source-text mark:not(.mark--label)").allTextContents(),
    labels: await page.locator("#source-text mark.mark--label").allTextContents(),
  };
}

// ------------------------------------------------------------------ the seeds, by hand

const COLS = ["natural", "commercial", "research", "nonprofit", "legal_service", "other_org", "total"];
/** The four rows of A303's identity: 第一项 + 第二项 = 第三项（总计） + 第四项. */
const IDENTITY = ["new", "carried_in", "total", "carried_out"];
/** gb2019's outcome rows, whose total column sums to （七）总计 (A302). */
const OUTCOMES_2019 = [
  "granted",
  "partly_granted",
  "withheld.state_secret",
  "withheld.prohibited",
  "withheld.three_safeties",
  "withheld.third_party",
  "withheld.internal",
  "withheld.process",
  "withheld.enforcement",
  "withheld.query",
  "unavailable.not_held",
  "unavailable.needs_creation",
  "unavailable.unclear",
  "not_processed.petition",
  "not_processed.repeated",
  "not_processed.publication",
  "not_processed.excessive",
  "not_processed.confirmation",
  "other",
];
const APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"];

const unique = (list) => [...new Set(list)];

export const EXPECTED = [
  {
    file: "000_7dba22183337286f.txt",
    template: "gb2019",
    year: "2020",
    agency: "湘阴县人民政府",
    errors: [
      ["A303", "requests/col/natural"],
      ["A303", "requests/col/legal_service"],
      ["R401", "appeals/suit_after_review"],
    ],
    warnings: [],
    infos: ["V201"],
    errorCells: [
      ...IDENTITY.map((r) => `requests/${r}/natural`),
      ...IDENTITY.map((r) => `requests/${r}/legal_service`),
      ...APPEAL_COLS.map((c) => `appeals/suit_after_review/${c}`),
    ],
  },
  {
    file: "001_a59a8232ffc24999.txt",
    template: "gb2019",
    year: "2020",
    agency: "湘西高新区",
    errors: [
      ["A301", "requests/row/new"],
      ["A301", "requests/row/other"],
      ["A302", "requests/col/total"],
      ["A303", "requests/col/total"],
    ],
    warnings: [],
    infos: [],
    errorCells: unique([
      ...COLS.map((c) => `requests/new/${c}`),
      ...COLS.map((c) => `requests/other/${c}`),
      ...OUTCOMES_2019.map((r) => `requests/${r}/total`),
      ...IDENTITY.map((r) => `requests/${r}/total`),
    ]),
  },
  {
    file: "002_01eb1ecf6fdff090.txt",
    template: "legacy",
    year: "2013",
    agency: "清流县人民政府",
    errors: [],
    warnings: [["N608", "narrative"]],
    infos: [],
    errorCells: [],
  },
  {
    file: "003_89f707ba0384b85a.txt",
    template: "gb2021",
    year: "2023",
    agency: "秀山土家族苗族自治县人民政府办公室",
    errors: [],
    warnings: [],
    infos: ["M702"],
    errorCells: [],
  },
  {
    file: "004_a362a86d6de7df23.txt",
    template: "gb2021",
    year: "2021",
    agency: "沿海工业城发展服务中心",
    errors: [],
    warnings: [],
    infos: [],
    errorCells: [],
  },
];

export function expected(prefix) {
  const e = EXPECTED.find((x) => x.file.startsWith(prefix));
  if (!e) throw new Error(`no expected results for seed ${prefix}`);
  return e;
}
