// For `cargo xtask renderings` (not a test): writes, for each folder named on the command line,
// beside its `page.html`: `innertext.txt`, the page's `document.body.innerText` as the system's
// Chromium gives it, and `selection.txt`, the text of a select-all (the whole body selected,
// `getSelection().toString()`: what a select-all copy of the page puts on the clipboard as
// plain text, which differs from innerText in its line breaks), driven by playwright-core.
//
//   node tests/browser/innertext.mjs <folder>...
//
// The page is opened from disk; every request that is not for the page itself is refused, so
// the text is the same on any machine, with or without a network (scripts of the page's own
// still run, as they do for a reader). Environment: GOUJI_CHROMIUM (default /usr/bin/chromium).

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./helpers.mjs";

const executablePath = process.env.GOUJI_CHROMIUM || "/usr/bin/chromium";

async function main() {
  const folders = process.argv.slice(2).map((f) => resolve(f));
  const profile = await mkdtemp(join(tmpdir(), "gouji-innertext-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    for (const folder of folders) {
      const url = pathToFileURL(join(folder, "page.html")).href;
      const page = await browser.newPage();
      await page.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
      await page.goto(url, { waitUntil: "load" });
      const text = await page.evaluate(() => document.body.innerText);
      await writeFile(join(folder, "innertext.txt"), text, "utf8");
      console.log(`    ${folder}/innertext.txt: ${text.length} characters`);
      const selected = await page.evaluate(() => {
        const selection = window.getSelection();
        selection.selectAllChildren(document.body);
        return selection.toString();
      });
      await writeFile(join(folder, "selection.txt"), selected, "utf8");
      console.log(`    ${folder}/selection.txt: ${selected.length} characters`);
      await page.close();
    }
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
