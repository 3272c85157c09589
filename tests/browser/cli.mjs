// The `gouji` command's JSON for some files, to compare the pages with: `cargo run` of the CLI
// (GOUJI_BIN, when set, names a built `gouji` to run instead). Not a test file itself.

import { spawn } from "node:child_process";

/** `gouji check --format json PATH...` run in `repo`: the parsed document. */
export function gouji(repo, paths) {
  const bin = process.env.GOUJI_BIN;
  const [program, args] = bin
    ? [bin, []]
    : [process.env.CARGO || "cargo", ["run", "--quiet", "-p", "gouji-cli", "--bin", "gouji", "--"]];
  args.push("check", "--format", "json", ...paths);
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (status) => {
      // 0: no error finding; 1: some report has one. Both print the document.
      if (status !== 0 && status !== 1) {
        reject(new Error(`${program} ${args.join(" ")} exited with ${status}:\n${Buffer.concat(err)}`));
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(out).toString("utf8")));
      } catch (error) {
        reject(new Error(`gouji printed no JSON document: ${error.message}\n${Buffer.concat(err)}`));
      }
    });
  });
}
