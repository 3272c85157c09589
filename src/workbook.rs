//! 导出 Excel: the workbook of a report or a batch (`gouji_xlsx`, the same as `gouji check
//! --xlsx`), made from the document 导出 JSON writes. The workbook's code is not in the page's
//! WebAssembly: `src/xlsx.js` starts a worker (`static/xlsx.js`, crates/xlsx built with its
//! `wasm` feature) when the button is clicked, and downloads the bytes it answers.
//! The one-file page (`inline-readers`), which cannot start a worker from disk, has no button.

/// Whether this build offers 导出 Excel.
pub const AVAILABLE: bool = cfg!(not(feature = "inline-readers"));

/// Builds the workbook of a JSON document in the worker and downloads it as `name`; why not,
/// in Chinese.
pub async fn save(json: String, name: String) -> Result<(), String> {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
    {
        worker::save(&json, &name).await
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "inline-readers"))))]
    {
        let _ = (json, name);
        Err("这个版本的页面不能生成 Excel 工作簿".to_string())
    }
}

#[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
mod worker {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/xlsx.js")]
    extern "C" {
        #[wasm_bindgen(js_name = saveWorkbook)]
        fn save_workbook(json: &str, name: &str) -> js_sys::Promise;
    }

    pub async fn save(json: &str, name: &str) -> Result<(), String> {
        wasm_bindgen_futures::JsFuture::from(save_workbook(json, name))
            .await
            .map(|_| ())
            .map_err(|why| {
                why.as_string()
                    .unwrap_or_else(|| "工作簿生成器出错".to_string())
            })
    }
}
