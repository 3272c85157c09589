// The `gouji` command's JSON for some files, to compare the pages with: `cargo run` of the CLI
// (GOUJI_BIN, when set, names a built `gouji` to run instead). Not a test file itself.

import { spawn } from "node:child_process";
import { join, resolve } from "node:path";

/** `gouji check --format json PATH...` run in `repo`: the parsed document. */
export async function gouji(repo, paths) {
  return JSON.parse(await goujiText(repo, paths));
}

/**
 * `gouji check --format json PATH...` run in `cwd` (default `repo`): the document exactly as
 * printed.
 */
export function goujiText(repo, paths, cwd = repo) {
  const bin = process.env.GOUJI_BIN;
  // A relative GOUJI_BIN is relative to the repository, wherever the command runs.
  const [program, args] = bin
    ? [bin.includes("/") ? resolve(repo, bin) : bin, []]
    : [process.env.CARGO || "cargo", ["run", "--quiet", "--manifest-path", join(repo, "Cargo.toml"), "-p", "gouji-cli", "--bin", "gouji", "--"]];
  args.push("check", "--format", "json", ...paths);
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
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
      const text = Buffer.concat(out).toString("utf8");
      try {
        JSON.parse(text);
        resolve(text);
      } catch (error) {
        reject(new Error(`gouji printed no JSON document: ${error.message}\n${Buffer.concat(err)}`));
      }
    });
  });
}
