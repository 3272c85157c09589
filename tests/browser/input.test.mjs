// Bringing a report in: a file dropped anywhere on the page (with the overlay), a file picked
// with the button, the 示例 menu; files that are not text; the input surviving a reload;
// 清空 forgetting it; an input too large to keep.

import { join } from "node:path";

import { assert, checked, equal, expected, open, paste, seed, seedBytes, settle, summary } from "./helpers.mjs";

const S000 = "000_7dba22183337286f.txt";
const S001 = "001_a59a8232ffc24999.txt";
const S003 = "003_89f707ba0384b85a.txt";
const S004 = "004_a362a86d6de7df23.txt";

/** UTF-16LE with a byte-order mark: only a page that decodes the bytes reads it. */
function utf16(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/**
 * Drags a file over the page and drops it on `target`, as the browser does: dragenter,
 * dragover, then drop, each with a DataTransfer holding the File.
 */
async function drop(page, target, name, bytes, type = "text/plain") {
  const handle = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type }));
      return dt;
    },
    { name, data: [...bytes], type },
  );
  const el = page.locator(target);
  await el.dispatchEvent("dragenter", { dataTransfer: handle });
  await el.dispatchEvent("dragover", { dataTransfer: handle });
  await settle(page);
  const overlay = await page.locator(".drop-overlay").isVisible();
  await el.dispatchEvent("drop", { dataTransfer: handle });
  await handle.dispose();
  return overlay;
}

async function storedInput(page) {
  return page.evaluate(() => localStorage.getItem("gouji.input"));
}

export const tests = [
  {
    name: "a file dropped anywhere on the page is read as bytes and checked; the overlay shows while dragging",
    async run({ page, url, repo }) {
      await open(page, url);
      const text = await seed(repo, S001);
      const overlay = await drop(page, "header.masthead", "湘西高新区.txt", utf16(text));
      assert(overlay, "no drop overlay while a file is dragged over the page");
      await page.waitForFunction((t) => document.getElementById("report-input").value === t, text.replace(/\r\n?/g, "\n"), { timeout: 15000 });
      await checked(page);
      equal(await page.locator(".drop-overlay").count(), 0, "the overlay goes after the drop");
      const s = await summary(page);
      const e = expected("001");
      equal([s.template, s.year, s.errors], [e.template, e.year, String(e.errors.length)], "the dropped report's summary");
      assert((await page.locator(".input__origin").textContent()).includes("湘西高新区.txt"), "the file's name is shown");

      // Dropped on the input box itself, a file replaces the text rather than being pasted in.
      const other = await seed(repo, S004);
      await drop(page, "#report-input", "004.txt", Buffer.from(other, "utf8"));
      await page.waitForFunction((t) => document.getElementById("report-input").value === t, other.replace(/\r\n?/g, "\n"), { timeout: 15000 });
      await checked(page);
      equal((await summary(page)).template, "gb2021", "the second file's template");

      // A drag that leaves the page takes the overlay with it.
      const handle = await page.evaluateHandle(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(["x"], "x.txt"));
        return dt;
      });
      await page.locator("main").dispatchEvent("dragenter", { dataTransfer: handle });
      await settle(page);
      assert(await page.locator(".drop-overlay").isVisible(), "overlay on dragenter");
      await page.locator("main").dispatchEvent("dragleave", { dataTransfer: handle });
      await settle(page);
      equal(await page.locator(".drop-overlay").count(), 0, "overlay after dragleave");
    },
  },
  {
    name: "a file picked with the button is checked; a PDF or Word file the core cannot read keeps the report and the page says why",
    async run({ page, url, repo }) {
      await open(page, url);
      const bytes = await seedBytes(repo, S000);
      await page.locator("#file-input").setInputFiles({
        name: "湘阴县.txt",
        mimeType: "text/plain",
        buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
      });
      const text = bytes.toString("utf8");
      await page.waitForFunction((t) => document.getElementById("report-input").value === t, text.replace(/\r\n?/g, "\n"), { timeout: 15000 });
      await checked(page);
      const e = expected("000");
      const s = await summary(page);
      equal([s.template, s.year, s.errors, s.warnings], [e.template, e.year, "3", "0"], "the picked report's summary");

      for (const [name, data, says] of [
        ["年报.pdf", Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "latin1"), "PDF"],
        ["年报.docx", Buffer.from("PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "latin1"), "Word"],
      ]) {
        await page.locator("#file-input").setInputFiles({ name, mimeType: "application/octet-stream", buffer: data });
        const notice = page.locator(".notice", { hasText: name });
        await notice.waitFor({ timeout: 10000 });
        const said = await notice.textContent();
        assert(said.includes(says) && said.includes("粘贴"), `notice for ${name}: ${said}`);
        equal(await page.locator("#report-input").inputValue(), text.replace(/\r\n?/g, "\n"), `${name}: the box keeps the report`);
        equal((await summary(page)).errors, "3", `${name}: the report stays`);
        await notice.getByRole("button", { name: "关闭提示" }).click();
        await notice.waitFor({ state: "detached", timeout: 5000 });
      }
    },
  },
  {
    name: "a published PDF picked with the button is read: its text in the box, the summary of the report; an old .doc says why not",
    async run({ page, url, repo }) {
      await open(page, url);
      // setInputFiles reads the file from disk.
      await page.locator("#file-input").setInputFiles(join(repo, "tests/fixtures/reports/hongze-2023-qzf.pdf"));
      await page.locator("#summary").waitFor({ timeout: 20000 });
      await checked(page);
      const s = await summary(page);
      equal([s.template, s.year, s.errors], ["gb2021", "2023", "2"], "the PDF's summary");
      const box = await page.locator("#report-input").inputValue();
      assert(box.includes("政府信息公开") && !box.startsWith("%PDF"), `the box: ${box.slice(0, 80)}`);
      const notice = await page.locator(".notice", { hasText: "hongze-2023-qzf.pdf" }).textContent();
      assert(notice.includes("提取") && !notice.includes("粘贴"), `notice: ${notice}`);
      // A finding's place is marked in the extracted text the source view shows.
      await page.locator('li.finding[data-severity="error"]').first().click();
      await settle(page);
      const marked = await page.locator("#source-text mark").allTextContents();
      assert(marked.length > 0 && marked.every((m) => box.includes(m)), `marks: ${JSON.stringify(marked)}`);

      const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
      await page.locator("#file-input").setInputFiles({ name: "旧年报.doc", mimeType: "application/msword", buffer: ole });
      const said = await page.locator(".notice", { hasText: "旧年报.doc" }).textContent();
      assert(said.includes(".doc") && said.includes(".docx"), `notice for the .doc: ${said}`);
      equal(await page.locator("#report-input").inputValue(), box, "the box keeps the PDF's text");
      equal((await summary(page)).errors, "2", "the report stays");
    },
  },
  {
    name: "the 示例 menu and the first-visit cards load the seed reports from the page's own folder",
    async run({ page, url, repo }) {
      await open(page, url);
      await page.locator(".example-card", { hasText: "秀山县" }).click();
      await page.locator('#summary[data-template="gb2021"][data-year="2023"]').waitFor({ timeout: 15000 });
      equal(await page.locator("#report-input").inputValue(), (await seed(repo, S003)).replace(/\r\n?/g, "\n"), "the example's text in the box");

      const button = page.locator("#examples-button");
      await button.click();
      equal(await button.getAttribute("aria-expanded"), "true", "menu open");
      equal(await page.locator("#examples-menu .menu__item").count(), 5, "five examples");
      await page.keyboard.press("Escape");
      await settle(page);
      equal(await page.locator("#examples-menu").count(), 0, "Escape closes the menu");
      await button.click();
      await page.locator("#examples-menu .menu__item", { hasText: "湘西高新区" }).click();
      await page.locator('#summary[data-errors="4"]').waitFor({ timeout: 15000 });
      equal(await page.locator("#examples-menu").count(), 0, "choosing closes the menu");
      assert((await page.locator(".input__origin").textContent()).includes("示例"), "the origin says 示例");
      equal(await page.locator("#report-input").inputValue(), (await seed(repo, S001)).replace(/\r\n?/g, "\n"), "the second example's text");
    },
  },
  {
    name: "the input survives a reload; 清空 empties it and forgets the stored copy",
    async run({ page, url, repo }) {
      await open(page, url);
      const text = (await seed(repo, S004)).replace(/\r\n?/g, "\n");
      await paste(page, text);
      await page.waitForFunction((t) => localStorage.getItem("gouji.input") === t, text, { timeout: 10000 });
      await page.reload({ waitUntil: "load" });
      await page.locator("#summary").waitFor({ timeout: 15000 });
      equal(await page.locator("#report-input").inputValue(), text, "the input after a reload");
      equal((await summary(page)).template, "gb2021", "checked again after the reload");
      assert((await page.locator(".input__origin").textContent()).includes("上次"), "the origin says it is from the last visit");

      // The last keystrokes are kept even when the page goes away at once.
      await page.locator("#report-input").focus();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type("末");
      await page.reload({ waitUntil: "load" });
      await page.locator("#summary").waitFor({ timeout: 15000 });
      equal(await page.locator("#report-input").inputValue(), text + "末", "the last keystroke after a reload");

      await page.getByRole("button", { name: "清空" }).click();
      await page.locator("#summary").waitFor({ state: "detached", timeout: 10000 });
      equal(await storedInput(page), null, "the stored copy after 清空");
      await page.reload({ waitUntil: "load" });
      await page.locator("#report-input").waitFor();
      await settle(page);
      equal(await page.locator("#report-input").inputValue(), "", "the input after 清空 and a reload");
      equal(await page.locator("#summary").count(), 0, "no report after 清空 and a reload");
    },
  },
  {
    name: "a 2 MB input is checked after typing pauses and is not kept, with a message saying so",
    async run({ page, url, repo }) {
      await open(page, url);
      const small = (await seed(repo, S004)).replace(/\r\n?/g, "\n");
      await paste(page, small);
      await page.waitForFunction((t) => localStorage.getItem("gouji.input") === t, small, { timeout: 10000 });
      const report = (await seed(repo, S000)).replace(/\r\n?/g, "\n");
      const big = report.repeat(Math.ceil((2.2 * 1024 * 1024) / Buffer.byteLength(report)));
      // As a paste delivers it: the whole text at once, one input event. (Typing it through
      // the editor, as fill() does, would take minutes in a textarea this long.)
      await page.locator("#report-input").evaluate((box, text) => {
        box.value = text;
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      }, big);
      await checked(page);
      await page.locator('#summary[data-template="gb2019"]').waitFor({ timeout: 20000 });
      const notice = page.locator("#storage-notice");
      await notice.waitFor({ timeout: 10000 });
      assert((await notice.textContent()).includes("2 MB"), `storage notice: ${await notice.textContent()}`);
      equal(await storedInput(page), null, "an older, shorter copy is not left to come back");
      // Typing goes on at once: the box takes the keystroke before any check is done.
      await page.locator("#report-input").focus();
      await page.keyboard.press("ControlOrMeta+Home");
      await page.keyboard.type("甲");
      equal((await page.locator("#report-input").inputValue()).slice(0, 1), "甲", "the typed character");
      await checked(page);
      equal((await summary(page)).template, "gb2019", "the long report checked");
    },
  },
];
