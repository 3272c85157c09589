//! The few things the app asks of the browser directly: keeping the input for the next visit,
//! fetching a sample report from the page's own folder, scrolling, the address's fragment
//! (share links), the clipboard, downloads, printing, and letting the browser draw between two
//! files of a batch. Every call that can fail returns what went wrong instead of stopping the
//! page.

use wasm_bindgen::{JsCast, JsValue};
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

/// The key of the review decisions in `localStorage` ([`crate::review`]).
const REVIEWS_KEY: &str = "gouji.reviews";

/// The review decisions kept by earlier visits (none if the browser keeps nothing).
pub fn load_reviews() -> crate::review::Reviews {
    storage()
        .and_then(|s| s.get_item(REVIEWS_KEY).ok().flatten())
        .map(|text| crate::review::Reviews::from_text(&text))
        .unwrap_or_default()
}

/// Keeps the review decisions for the next visit; false when the browser would not.
pub fn save_reviews(reviews: &crate::review::Reviews) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    if reviews.is_empty() {
        return storage.remove_item(REVIEWS_KEY).is_ok();
    }
    storage.set_item(REVIEWS_KEY, &reviews.to_text()).is_ok()
}

/// The key of the batch's roster in `localStorage` ([`crate::roster`]).
const ROSTER_KEY: &str = "gouji.roster";

/// The roster kept by an earlier visit, if any.
pub fn load_roster() -> Option<crate::roster::RosterList> {
    let text = storage()?.get_item(ROSTER_KEY).ok().flatten()?;
    crate::roster::RosterList::from_stored(&text)
}

/// Keeps the roster for the next batch (none: forgets it); false when the browser would not.
pub fn save_roster(list: Option<&crate::roster::RosterList>) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    match list {
        Some(list) => storage.set_item(ROSTER_KEY, &list.to_stored()).is_ok(),
        None => storage.remove_item(ROSTER_KEY).is_ok(),
    }
}

/// A text file's bytes as text, decoded by the browser: UTF-8 (a BOM dropped), UTF-16 with its
/// BOM, else GB18030 (which covers GBK and GB2312), as the core decodes a report; none for
/// bytes that are no text (NUL bytes: a spreadsheet, a PDF). The page's own WebAssembly
/// carries no decoding tables; the browser has them.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if head.contains(&0) && !utf16 {
        return None;
    }
    let decode = |label: &str, fatal: bool| -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(fatal);
        let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    };
    if bytes.starts_with(b"\xFF\xFE") {
        return decode("utf-16le", false);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return decode("utf-16be", false);
    }
    decode("utf-8", true).or_else(|| decode("gb18030", false))
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

/// Scrolls the page back to its top.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
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

/// The fragment of the page's address (with its `#`), if it has one.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    (!hash.is_empty()).then_some(hash)
}

/// Removes the fragment from the address without reloading or adding to the history: once the
/// text of a share link is edited or replaced, reloading must not bring the link's text back.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// The page's address with this fragment (without `#`) in place of its own.
pub fn address_with(fragment: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split_once('#').map_or(href.as_str(), |(b, _)| b);
    Some(format!("{base}#{fragment}"))
}

/// Puts `text` on the clipboard; `false` when the browser does not allow it (no clipboard
/// API outside secure pages, permission refused).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Undefined on pages not served over HTTPS (or from localhost).
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Saves `content` as a file named `name` (a download of a Blob, made here: nothing leaves
/// the machine); why not, when the browser refuses.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |_| "浏览器未能生成下载文件".to_string();
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let document = window.document().ok_or("没有页面")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "浏览器未能生成下载链接".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    } else {
        a.click();
    }
    // The download reads the Blob after this returns; the URL is let go a while later.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Lets the browser draw and handle input before the page goes on (a task boundary: the
/// rendering steps run between tasks when a frame is due, and a timer also fires in a
/// background tab, unlike an animation frame).
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolved = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !resolved {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
