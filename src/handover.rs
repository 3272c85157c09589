//! The page's second module: the batch. The page's own WebAssembly checks one report (pasted,
//! typed or one file); everything only a batch needs — its table and filters, the roster,
//! 内容雷同 and the prose reading behind it, the cross-year checks, the side-by-side view — is
//! in `gouji-batch` (crates/batch: this crate built with the `batch` feature), which the page
//! loads only when several files are opened at once.
//!
//! The hand-over: the page says it is loading ([`LOADING`]), fetches the module
//! (`src/handover.js`), keeps the input for the next visit, takes its own app down and lets the
//! module mount the full app in the same place with the files ([`start_with`]); the new app
//! starts from the kept input as any visit does, and reads the files as a batch. From then on
//! the module does everything, single reports included. When the module cannot be loaded the
//! page stays as it was and says so ([`failed`]).
//!
//! Builds with the `batch` feature ([`crate::BATCH`]: the module, the one-file page, native
//! tests) never hand over.

use std::cell::RefCell;

use yew::prelude::*;

use crate::tasks::Dispatch;

/// Said while the batch module loads.
pub const LOADING: &str = "正在载入批量检查（第一次使用时需下载约 0.4 MB）…";

/// Said when the batch module could not be loaded, with why.
pub fn failed(why: &str) -> String {
    format!("批量检查未能载入（{why}）。请检查网络后刷新页面重试，或一次只打开一个文件。")
}

thread_local! {
    /// The app mounted by [`crate::start`], to be taken down at the hand-over.
    #[cfg(target_arch = "wasm32")]
    static APP: RefCell<Option<yew::AppHandle<crate::App>>> = const { RefCell::new(None) };
    /// The files the batch module was started with, for its app to read once mounted.
    static PENDING: RefCell<Vec<web_sys::File>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the mounted app, so that a hand-over can take it down.
#[cfg(target_arch = "wasm32")]
pub(crate) fn keep(app: yew::AppHandle<crate::App>) {
    APP.with(|a| a.replace(Some(app)));
}

/// The files the module was started with (once; empty after).
pub fn take_pending() -> Vec<web_sys::File> {
    PENDING.with(|p| p.take())
}

/// The batch module's entry: mounts the app, which then reads `files` as a batch.
#[cfg(target_arch = "wasm32")]
pub fn start_with(files: Vec<web_sys::File>) {
    PENDING.with(|p| p.replace(files));
    crate::start();
}

/// Hands `files` over to the batch module, the box's `input` kept; see the module's
/// documentation. A no-op in builds that check batches themselves.
pub fn open_batch(files: Vec<web_sys::File>, dispatch: Dispatch, input: AttrValue) {
    #[cfg(all(target_arch = "wasm32", not(feature = "batch")))]
    {
        use crate::page::PageAction;
        use crate::state::{Action, Notice, Tone};
        let say = |dispatch: &Dispatch, tone, text: String| {
            dispatch.dispatch(PageAction::Single(Action::Inform(Notice::new(tone, text))));
        };
        say(&dispatch, Tone::Info, LOADING.to_string());
        yew::platform::spawn_local(async move {
            match js::load().await {
                Err(why) => say(&dispatch, Tone::Error, failed(&why)),
                Ok(module) => {
                    // The new app starts from what the box holds, as a visit does.
                    let _ = crate::browser::save_input(&input);
                    if let Some(app) = APP.with(|a| a.take()) {
                        app.destroy();
                    }
                    let files: js_sys::Array = files.into_iter().collect();
                    js::open(&module, &files);
                }
            }
        });
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "batch"))))]
    {
        let _ = (files, dispatch, input);
    }
}

#[cfg(all(target_arch = "wasm32", not(feature = "batch")))]
mod js {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen(module = "/src/handover.js")]
    extern "C" {
        #[wasm_bindgen(js_name = loadBatch)]
        fn load_batch() -> js_sys::Promise;
        #[wasm_bindgen(js_name = openBatch)]
        pub fn open(module: &JsValue, files: &js_sys::Array);
    }

    /// The module, loaded and initialised (once; again after a failure), or why not.
    pub async fn load() -> Result<JsValue, String> {
        wasm_bindgen_futures::JsFuture::from(load_batch())
            .await
            .map_err(|error| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or_else(|| error.as_string())
                    .unwrap_or_else(|| "未知原因".to_string())
            })
    }
}
