//! gouji-batch: the web app's second module. The page (the `gouji-web` binary) checks one
//! report; when several files are opened at once it loads this module (src/handover.js) and
//! hands the files to [`open`], which mounts the whole app, batch included, in the page's
//! place. See `gouji_web::handover`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app in `#app` and reads `files` (an array of `File`) as a batch.
#[wasm_bindgen]
pub fn open(files: js_sys::Array) {
    let files: Vec<web_sys::File> = files
        .iter()
        .filter_map(|f| f.dyn_into::<web_sys::File>().ok())
        .collect();
    #[cfg(target_arch = "wasm32")]
    gouji_web::handover::start_with(files);
    #[cfg(not(target_arch = "wasm32"))]
    drop(files);
}
