// The page's side of the batch module (see src/handover.rs): loads gouji-batch.js and its
// WebAssembly from the page's own folder, once (again after a failure), and starts it with the
// files. Trunk builds crates/batch into those two files beside the page (see index.html).

let loading = null;

export function loadBatch() {
  if (!loading) {
    loading = (async () => {
      const js = new URL("gouji-batch.js", document.baseURI);
      const wasm = new URL("gouji-batch_bg.wasm", document.baseURI);
      const module = await import(js.href);
      await module.default({ module_or_path: wasm });
      return module;
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export function openBatch(module, files) {
  module.open(files);
}
