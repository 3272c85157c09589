// The page's side of the workbook worker (see src/workbook.rs): 导出 Excel starts a worker
// (static/xlsx.js), gives it the JSON document, saves the bytes it answers as a download and
// ends the worker. A page that never exports never loads the workbook's code. Nothing goes to
// the network but the worker's own files from the page's folder.

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function save(bytes, name) {
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download reads the Blob after this returns; the URL is let go a while later.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Builds the workbook of a JSON document and downloads it as `name`; rejects with why not. */
export function saveWorkbook(json, name) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("xlsx.js", document.baseURI), { type: "module" });
    const fail = (why) => {
      worker.terminate();
      reject(String(why));
    };
    worker.onmessage = ({ data }) => {
      if (data && data.ready) {
        worker.postMessage({ json });
      } else if (data && data.bytes) {
        worker.terminate();
        save(data.bytes, name);
        resolve();
      } else if (data && data.failed !== undefined) {
        fail(`工作簿生成器未能启动：${data.failed}`);
      } else {
        fail(data && data.error !== undefined ? data.error : "工作簿生成器没有回答");
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(`工作簿生成器未能加载${event.message ? `：${event.message}` : ""}`);
    };
  });
}
