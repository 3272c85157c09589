//! The web app's workbook worker (`static/xlsx.js`): the JSON document the page's 导出 JSON
//! writes in, the .xlsx bytes out.

use wasm_bindgen::prelude::*;

/// The workbook of a JSON document; a Chinese message as the error when there is none.
#[wasm_bindgen]
pub fn workbook(json: &str) -> Result<Vec<u8>, String> {
    crate::workbook_from_json(json)
}
