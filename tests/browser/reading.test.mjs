// Each finding says whether it is about the report's content or about how the file was read,
// and how certain the reading under a content finding is: a small label with a hover text
// that says why, and nothing for a content finding read with certainty (the common case).

import { assert, equal, open, paste, seed } from "./helpers.mjs";

const S001 = "001_a59a8232ffc24999.txt"; // the requests table's values one a line
const S003 = "003_89f707ba0384b85a.txt"; // a statistics period with characters lost
const S000 = "000_7dba22183337286f.txt"; // pipe tables

/// Every finding of the page: its data attributes and its label, if any.
async function labelled(page) {
  return page.locator("li.finding").evaluateAll((items) =>
    items.map((li) => {
      const label = li.querySelector(".reading-label");
      return {
        code: li.dataset.code,
        concerns: li.dataset.concerns,
        reading: li.dataset.reading ?? null,
        label: label?.textContent ?? null,
        title: label?.getAttribute("title") ?? null,
        border: label ? getComputedStyle(label).borderTopStyle : null,
      };
    }),
  );
}

export const tests = [
  {
    name: "values read one a line: the equations' findings say 读取把握：不确定, with the reason as hover text",
    async run({ page, url, repo, screenshots }) {
      await open(page, url);
      await paste(page, await seed(repo, S001));
      const all = await labelled(page);
      const equations = all.filter((f) => ["A301", "A302", "A303"].includes(f.code));
      assert(equations.length > 0, `seed 001's equation findings: ${JSON.stringify(all)}`);
      for (const f of equations) {
        equal(f.concerns, "content", `${f.code} concerns`);
        equal(f.reading, "uncertain", `${f.code} reading`);
        equal(f.label, "读取把握：不确定", `${f.code} label`);
        assert(f.title && f.title.includes("先后顺序"), `${f.code} hover text: ${f.title}`);
        equal(f.border, "dashed", `${f.code} label's border`);
      }
      if (screenshots) await page.screenshot({ path: `${screenshots}/reading-uncertain.png`, fullPage: true });
    },
  },
  {
    name: "pipe tables read with certainty: no label; lost characters: 关于文件读取",
    async run({ page, url, repo }) {
      await open(page, url);
      await paste(page, await seed(repo, S000));
      const certain = await labelled(page);
      assert(certain.length > 0, "seed 000 has findings");
      for (const f of certain) {
        equal(f.concerns, "content", `${f.code} concerns`);
        equal(f.label, null, `${f.code}: a certain content finding has no label`);
        assert(f.reading === null || f.reading === "certain", `${f.code} reading: ${f.reading}`);
      }
      await paste(page, await seed(repo, S003));
      const m702 = (await labelled(page)).find((f) => f.code === "M702");
      assert(m702, "seed 003's M702");
      equal(m702.concerns, "reading", "M702 on a period with lost characters");
      equal(m702.reading, null, "a finding about the reading has no reading certainty");
      equal(m702.label, "关于文件读取", "its label");
      assert(m702.title.includes("不是报告本身的错误"), `hover text: ${m702.title}`);
    },
  },
];
