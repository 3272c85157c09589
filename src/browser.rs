//! The few things the app asks of the browser directly: keeping the input for the next visit,
//! fetching a sample report from the page's own folder, and scrolling. Every call that can
//! fail returns what went wrong instead of stopping the page.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::{fits_storage, Notice, Tone, STORE_LIMIT_BYTES};

/// The key of the stored input in `localStorage`.
const STORAGE_KEY: &str = "gouji.input";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The input stored by the last visit, if any (and if the browser lets the page read it).
pub fn load_input() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Keeps `text` for the next visit, or says why it is not kept. An empty text removes the
/// stored copy.
pub fn save_input(text: &str) -> Option<Notice> {
    let Some(storage) = storage() else {
        return Some(Notice::new(
            Tone::Info,
            "此浏览器不允许网页在本机保存内容（例如处于无痕模式），刷新页面后需要重新粘贴报告。",
        ));
    };
    if text.is_empty() {
        let _ = storage.remove_item(STORAGE_KEY);
        return None;
    }
    if !fits_storage(text) {
        // An older, shorter copy must not come back on the next visit in place of this text.
        let _ = storage.remove_item(STORAGE_KEY);
        return Some(Notice::new(
            Tone::Info,
            format!(
                "报告文本超过 {} MB，不会保存在本机浏览器中；刷新页面后需要重新粘贴或打开文件。",
                STORE_LIMIT_BYTES / (1024 * 1024)
            ),
        ));
    }
    match storage.set_item(STORAGE_KEY, text) {
        Ok(()) => None,
        Err(_) => {
            let _ = storage.remove_item(STORAGE_KEY);
            Some(Notice::new(
                Tone::Info,
                "浏览器的本机存储空间不足，报告文本未能保存；刷新页面后需要重新粘贴或打开文件。",
            ))
        }
    }
}

/// Removes the stored input.
pub fn forget_input() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

/// The text of a file next to the page (a sample report), fetched from the page's own origin.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "网络请求失败".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "不是有效的响应".to_string())?;
    if !response.ok() {
        return Err(format!("服务器返回 {}", response.status()));
    }
    let text = response.text().map_err(|_| "无法读取响应".to_string())?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| "无法读取响应".to_string())?;
    text.as_string().ok_or_else(|| "响应不是文本".to_string())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The table cell with this path, if it is on the page.
fn cell(path: &str) -> Option<web_sys::Element> {
    // Paths are keys of the format contract (letters, digits, '.', '_', '/'); anything else
    // is not looked up rather than risking a selector error.
    let plain = path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '-'));
    if !plain {
        return None;
    }
    document()?
        .query_selector(&format!("[data-cell=\"{path}\"]"))
        .ok()
        .flatten()
}

/// Scrolls the page so that the cell with this path is in view (nothing if it already is).
pub fn scroll_to_cell(path: &str) {
    if let Some(el) = cell(path) {
        scroll_to(&el, web_sys::ScrollLogicalPosition::Center);
    }
}

/// Scrolls the page so that the element with this id is in view (nothing if it already is).
pub fn scroll_to_id(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        scroll_to(&el, web_sys::ScrollLogicalPosition::Nearest);
    }
}

fn scroll_to(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    if in_view(el) {
        return;
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

fn in_view(el: &web_sys::Element) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = el.get_bounding_client_rect();
    rect.top() >= 0.0 && rect.bottom() <= height
}

/// Scrolls the source view (and only it) so that its first value mark (else its first mark:
/// a label, a sentence) is in the middle.
pub fn scroll_source_to_mark() {
    let Some(doc) = document() else { return };
    let view = doc
        .get_element_by_id("source-text")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let first = |selector: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let mark = first("#source-text mark:not(.mark--label):not(.mark--context)")
        .or_else(|| first("#source-text mark"));
    if let (Some(view), Some(mark)) = (view, mark) {
        // The view is the mark's offset parent (position: relative in the stylesheet).
        let top = mark.offset_top() - view.client_height() / 2;
        view.set_scroll_top(top.max(0));
    }
}

/// Moves the keyboard focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    if let Some(el) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
