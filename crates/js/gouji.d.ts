// Types of gouji.js: the functions and result types of wasm-bindgen's gouji_js.js, ready to
// call (gouji.js starts the WebAssembly module when it is imported).
export { check, checkAcross, rules, version } from "./gouji_js.js";
export type { AcrossInput, AcrossResult, CheckOptions, Finding, Ratio, Report, RuleInfo } from "./gouji_js.js";
