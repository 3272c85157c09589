//! The texts of the rule pages (规则说明), loaded when a page is first opened: the page's own
//! WebAssembly does not carry them. They are `rules.json` beside the page (`static/rules.json`,
//! written from [`gouji_core::explain`] and held equal to it by the core's test
//! `tests/rule_pages.rs`), fetched once from the page's own folder and kept. The one-file
//! `gouji.html` (feature `inline-readers`), which cannot fetch from disk, and native builds
//! take them from the core in place.

/// A rule page's sections, each a heading and its text, in reading order; empty for a code
/// without a page. `Err` says in Chinese why the texts could not be had.
pub async fn sections(code: &str) -> Result<Vec<(String, String)>, String> {
    #[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
    {
        fetched::sections(code).await
    }
    #[cfg(not(all(target_arch = "wasm32", not(feature = "inline-readers"))))]
    {
        Ok(gouji_core::explain::explain(code)
            .map(|e| {
                e.sections()
                    .into_iter()
                    .map(|(h, t)| (h.to_string(), t.to_string()))
                    .collect()
            })
            .unwrap_or_default())
    }
}

#[cfg(all(target_arch = "wasm32", not(feature = "inline-readers")))]
mod fetched {
    use std::cell::RefCell;

    use wasm_bindgen::{JsCast, JsValue};

    /// Where the texts are, relative to the page.
    const FILE: &str = "rules.json";

    thread_local! {
        /// `rules.json` parsed: `{ "A303": [["检查什么", "…"], …], … }`.
        static LOADED: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    pub async fn sections(code: &str) -> Result<Vec<(String, String)>, String> {
        let loaded = LOADED.with(|l| l.borrow().clone());
        let all = match loaded {
            Some(all) => all,
            None => {
                let text = crate::browser::fetch_text(FILE)
                    .await
                    .map_err(|why| format!("规则说明未能载入（{why}），请检查网络后重试"))?;
                let all = js_sys::JSON::parse(&text)
                    .ok()
                    .filter(|v| v.is_object())
                    .ok_or_else(|| "规则说明的文件无法识别，请刷新页面后重试".to_string())?;
                LOADED.with(|l| *l.borrow_mut() = Some(all.clone()));
                all
            }
        };
        let page = js_sys::Reflect::get(&all, &JsValue::from_str(code)).unwrap_or_default();
        let Some(page) = page.dyn_ref::<js_sys::Array>() else {
            return Ok(Vec::new());
        };
        Ok(page
            .iter()
            .filter_map(|s| {
                let s = s.dyn_into::<js_sys::Array>().ok()?;
                Some((s.get(0).as_string()?, s.get(1).as_string()?))
            })
            .collect())
    }
}
