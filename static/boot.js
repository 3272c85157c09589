// Starts the web app. Trunk writes the names of the app's JavaScript glue and WebAssembly
// files into this script tag's data-js and data-wasm attributes (pattern_script in Trunk.toml).
// A separate file rather than an inline script, so the page's Content-Security-Policy can stay
// at script-src 'self'.
const tag = document.querySelector("script[data-js][data-wasm]");

function fail(error) {
  console.error(error);
  const notice = document.getElementById("fatal");
  if (notice) {
    notice.textContent = "页面未能加载（需要支持 WebAssembly 的浏览器）。请刷新页面，或换用新版浏览器。";
    notice.hidden = false;
  }
}

try {
  if (!tag) throw new Error("boot.js: the script tag lacks data-js / data-wasm");
  const js = new URL(tag.dataset.js, document.baseURI);
  const wasm = new URL(tag.dataset.wasm, document.baseURI);
  const { default: init } = await import(js.href);
  await init({ module_or_path: wasm });
} catch (error) {
  fail(error);
}
