// Share links: 分享链接 puts the report's text, compressed, in the address's fragment; opening
// the link in another page shows the same result (over what that page kept from its last
// visit); a text too long for a link is refused with a message; a damaged link gives a notice,
// never a dead page. Each test gets { page, url, repo, screenshots } from run.mjs.

import { join } from "node:path";

import { assert, checked, equal, findings, open, paste, seed, settle, summary } from "./helpers.mjs";

/** Everything the result shows: the summary and every finding of each severity. */
async function result(page) {
  return {
    summary: await summary(page),
    errors: await findings(page, "error"),
    warnings: await findings(page, "warning"),
    infos: await findings(page, "info"),
    cells: await page.locator("[data-cell]").evaluateAll((els) => els.map((el) => `${el.dataset.cell}=${el.textContent.trim()}`)),
  };
}

/** Clicks 分享链接 and returns the link shown in the read-only field. */
async function share(page) {
  await page.locator("#share-button").click();
  const field = page.locator("#share-link");
  await field.waitFor();
  equal(await field.evaluate((el) => el.readOnly), true, "the link's field is read-only");
  await page.waitForFunction(() => document.getElementById("share-status")?.dataset.copied !== undefined, null, { timeout: 5000 });
  return field.inputValue();
}

/** Opens `link` in a new page of the same browser and waits for its result. */
async function openLink(page, link) {
  const other = await page.context().newPage();
  await other.goto(link, { waitUntil: "load" });
  await other.locator("#report-input").waitFor({ timeout: 15000 });
  await checked(other);
  return other;
}

export const tests = [
  {
    name: "share: the link carries the text in its fragment and opens on the same result in a new page, over the last visit's text",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, "000_7dba22183337286f.txt"));
      const before = await result(page);
      const link = await share(page);
      assert(link.startsWith(url), `the link is this page's address: ${link.slice(0, 80)}`);
      const fragment = new URL(link).hash;
      assert(fragment.startsWith("#v1."), `a versioned fragment: ${fragment.slice(0, 20)}`);
      assert(/^#v1\.[A-Za-z0-9_-]+$/.test(fragment), "base64url only");
      const text = await seed(repo, "000_7dba22183337286f.txt");
      assert(fragment.length < Buffer.byteLength(text), "compressed");
      // The clipboard holds it when the browser allows, and the page says which.
      const status = page.locator("#share-status");
      if ((await status.getAttribute("data-copied")) === "true") {
        equal(await page.evaluate(() => navigator.clipboard.readText()), link, "the clipboard");
      } else {
        assert((await status.textContent()).includes("手动复制") || (await status.textContent()).includes("Ctrl+C"), "says how to copy by hand");
      }
      if (screenshots) await page.screenshot({ path: join(screenshots, "share.png") });

      // This page now keeps another text for the next visit; the link still wins.
      await paste(page, await seed(repo, "003_89f707ba0384b85a.txt"));
      await page.waitForFunction(() => (localStorage.getItem("gouji.input") || "").includes("秀山"), null, { timeout: 5000 });
      const other = await openLink(page, link);
      try {
        const after = await result(other);
        equal(after, before, "summary, findings and cells from the link");
        equal(await other.locator("#report-input").inputValue(), text.replace(/\r\n?/g, "\n"), "the box holds the shared text");
        assert((await other.locator(".input__origin").textContent()).includes("分享链接"), "says where the text came from");
        // Once edited, the link leaves the address: a reload shows what the box holds.
        await other.locator("#report-input").focus();
        await other.keyboard.press("End");
        await other.keyboard.type("。");
        await checked(other);
        await other.waitForFunction(() => location.hash === "", null, { timeout: 5000 });
      } finally {
        await other.close();
      }
    },
  },
  {
    name: "share: a link pasted into the address of the open page loads its text",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "001_a59a8232ffc24999.txt"));
      const before = await result(page);
      const link = await share(page);
      await paste(page, await seed(repo, "004_a362a86d6de7df23.txt"));
      assert(JSON.stringify(await result(page)) !== JSON.stringify(before), "another report now");
      await page.evaluate((hash) => {
        location.hash = hash;
      }, new URL(link).hash);
      await page.waitForFunction((agency) => document.querySelector("#summary")?.dataset.agency === agency, before.summary.agency, { timeout: 10000 });
      await checked(page);
      equal(await result(page), before, "the link's result");
    },
  },
  {
    name: "share: a text too long for a link gets a message in Chinese and no link",
    async run({ page, url }) {
      await open(page, url);
      // Characters that do not compress: a fixed pseudo-random sequence of CJK characters.
      let x = 0x9e3779b9;
      let noise = "";
      for (let i = 0; i < 24000; i += 1) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        noise += String.fromCodePoint(0x4e00 + (x % 0x5000));
      }
      await paste(page, `一、总体情况\n${noise}`);
      await page.locator("#share-button").click();
      const panel = page.locator("#share-panel");
      await panel.waitFor();
      const message = await panel.textContent();
      assert(message.includes("超过了分享链接") && message.includes("KB"), `the message: ${message}`);
      equal(await page.locator("#share-link").count(), 0, "no link");
      equal(await panel.getAttribute("role"), "alert", "announced");
    },
  },
  {
    name: "share: a damaged or cut-short link gives a notice, the page keeps working",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, "002_01eb1ecf6fdff090.txt"));
      const link = await share(page);
      const cut = link.slice(0, link.length - 25);
      for (const bad of [cut, `${url}#v1.AAAA`, `${url}#v1.@@@`, `${url}#v9.abc`]) {
        const other = await page.context().newPage();
        try {
          await other.goto(bad, { waitUntil: "load" });
          await other.locator("#report-input").waitFor({ timeout: 15000 });
          await settle(other);
          const notice = await other.locator(".notice--error .notice__text").textContent();
          assert(notice.includes("分享链接"), `${bad.slice(-30)}: ${notice}`);
          // Still a working page: it checks what is pasted.
          await paste(other, await seed(repo, "004_a362a86d6de7df23.txt"));
          equal((await summary(other)).template, "gb2021", "the page still checks");
        } finally {
          await other.close();
        }
      }
    },
  },
];
