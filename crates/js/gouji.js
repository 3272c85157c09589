// gouji 勾稽 for other web pages: import this file and call check(). It starts the WebAssembly
// module (gouji_js_bg.wasm, next to this file) once, when it is first imported, so the
// functions below are ready to call as soon as the import resolves.
//
//   import { check } from "./gouji.js";
//   const report = check(text, { source: "年报.txt" });
//
// See docs/EMBED.md. Copied by `cargo xtask dist` into dist/js/ next to wasm-bindgen's glue.

import init, { check, checkAcross, rules, version } from "./gouji_js.js";

await init({ module_or_path: new URL("./gouji_js_bg.wasm", import.meta.url) });

export { check, checkAcross, rules, version };
