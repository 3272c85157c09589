// The workbook worker: loads the workbook's WebAssembly (crates/xlsx with its `wasm` feature,
// which Trunk builds into gouji-xlsx.js and gouji-xlsx_bg.wasm beside this file), says it is
// ready, then answers { json } (the document 导出 JSON writes) with { bytes } (the .xlsx file)
// or { error }. Started by the page (src/xlsx.js) only when 导出 Excel is clicked.
import init, { workbook } from "./gouji-xlsx.js";

try {
  await init();
  self.onmessage = ({ data }) => {
    try {
      const bytes = workbook(String(data.json));
      self.postMessage({ bytes }, [bytes.buffer]);
    } catch (error) {
      self.postMessage({ error: String(error) });
    }
  };
  self.postMessage({ ready: true });
} catch (error) {
  self.postMessage({ failed: String(error) });
}
