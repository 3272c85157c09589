//! gouji-js: the checker for other web pages, as a small JavaScript API over `gouji-core`.
//!
//! ```js
//! import { check } from "./gouji.js"; // dist/js/: gouji.js starts the WebAssembly module
//! const report = check(text, { source: "2023年报.txt" });
//! report.findings.filter((f) => f.severity === "error");
//! ```
//!
//! Every result has the shape of the `gouji check --format json` output (see the project's CLI
//! contract): what `serde_json` gives for a [`gouji_core::Report`], built here with
//! serde-wasm-bindgen's JSON-compatible serializer, so maps are plain objects, a missing value
//! is `null` and numbers stay numbers. Bad input is never an exception: the core turns any
//! text or bytes into a report, with findings that say what is wrong. Only a call with the
//! wrong kind of argument throws (a `TypeError` with a message in Chinese).
//!
//! The functions are plain Rust too (`check_input`, `check_many`, …), so they are tested
//! natively; the `#[wasm_bindgen]` wrappers only convert arguments and results.

use gouji_core::similarity::Similarity;
use gouji_core::{Finding, Report, Severity};
use js_sys::{Array, ArrayBuffer, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The version of the JSON shape, as in the CLI's `"format"` field.
pub use gouji_core::json::FORMAT;
/// The CLI's `reports[]` entry, `across[]` entry and document (see [`gouji_core::json`]).
pub use gouji_core::json::{AcrossEntry, Document, Entry};

/// One report to check, as the caller gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// Text, as pasted: checked as it is.
    Text(String),
    /// The bytes of a file: decoded as the CLI decodes files (UTF-8, UTF-16 with BOM,
    /// GB18030), so the result is the CLI's for the same file.
    Bytes(Vec<u8>),
}

/// One rule of the catalogue, for `rules()`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    /// One line, in Chinese.
    pub title: &'static str,
    /// A rule about two reports of consecutive years (only `checkAcross` runs it).
    pub across: bool,
}

/// Check one input.
pub fn check_input(input: &Input) -> Report {
    match input {
        Input::Text(text) => gouji_core::check(text),
        Input::Bytes(bytes) => gouji_core::check_bytes(bytes).report,
    }
}

/// Check several inputs, each on its own and then against each other (the cross-report rules).
/// The findings of the cross-report rules come with the index of the report they belong to;
/// then how much of each report's prose another has (`similarity`, as the CLI prints it).
pub fn check_many(inputs: &[Input]) -> (Vec<Report>, Vec<(usize, Finding)>, Vec<Similarity>) {
    let reports: Vec<Report> = inputs.iter().map(check_input).collect();
    let refs: Vec<&Report> = reports.iter().collect();
    let (across, similarity) = gouji_core::across::check_all(&refs);
    (reports, across, similarity)
}

/// Every rule: the catalogue's, then the cross-year ones.
pub fn rule_list() -> Vec<RuleInfo> {
    let single = gouji_core::rules::RULES.iter().map(|r| RuleInfo {
        code: r.code,
        severity: r.severity,
        title: r.title,
        across: false,
    });
    let across = gouji_core::across::ACROSS_RULES.iter().map(|r| RuleInfo {
        code: r.code,
        severity: r.severity,
        title: r.title,
        across: true,
    });
    single.chain(across).collect()
}

// ---- JavaScript ----

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of `check`. */
export interface CheckOptions {
  /** Where the report came from (a file name…): copied into the result as `source`. */
  source?: string;
}
/** One report to check in `checkAcross`. */
export type AcrossInput = string | Uint8Array | ArrayBuffer | { input: string | Uint8Array | ArrayBuffer; source?: string };
/** A finding, as `gouji check --format json` prints it. */
export interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  subject: string;
  message: string;
  cells: string[];
  expected?: number;
  actual?: number;
  quote?: string;
  /** UTF-8 byte offsets [start, end) into the (decoded) text. */
  spans: [number, number][];
}
/** numerator / denominator (null when either cannot be read or the denominator is 0). */
export interface Ratio {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}
/** A checked report, as `gouji check --format json` prints each of its `reports`. */
export interface Report {
  source?: string;
  template: "gb2021" | "gb2019" | "legacy" | "unknown";
  year: number | null;
  agency: string | null;
  /** When the report was published and where that was read; absent when no date can be read. */
  published?: {
    date: string;
    source: "page_meta" | "page_line" | "file_created" | "signature";
    quote: string;
  };
  /** By when it had to be (《政府信息公开条例》第四十九条); date null when the kind is unknown. */
  deadline: { kind: "department" | "government" | "unknown"; date: string | null };
  /** The evaluators' indicators; absent for a legacy or unknown template. */
  indicators?: {
    applications: number | null;
    substantive_rate: Ratio;
    withheld_rate: Ratio;
    unavailable_rate: Ratio;
    not_held_share: Ratio;
    review_corrected_rate: Ratio;
    suit_corrected_rate: Ratio;
    carried_out_rate: Ratio;
  };
  /** table → row → column → the number as written, or null for a blank cell. */
  tables: Record<string, Record<string, Record<string, number | null>>>;
  findings: Finding[];
}
/** Reports checked together: the `gouji check --format json` document. */
export interface AcrossResult {
  format: number;
  reports: Report[];
  /** Cross-year findings; `report` is the index (into `reports`) of the report it belongs to. */
  across: (Finding & { source?: string; report: number })[];
  /** With two inputs or more: how much of each report's prose another has (Y803, Y804). */
  similarity?: {
    report: number;
    other: number;
    kind: "previous_year" | "other_unit";
    share: number;
    chars: number;
    repeated_chars: number;
    sections: { section: number; title: string; share: number; chars: number; repeated_chars: number }[];
    method: string;
  }[];
}
/** A rule of the catalogue. */
export interface RuleInfo {
  code: string;
  severity: "error" | "warning" | "info";
  title: string;
  /** A cross-year rule: only `checkAcross` runs it. */
  across: boolean;
}
"#;

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("gouji：无法生成检查结果（{e}）")).into())
}

/// A string, a Uint8Array or an ArrayBuffer; anything else is a TypeError naming `what`.
fn input_of(value: &JsValue, what: &str) -> Result<Input, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(Input::Text(text));
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(Input::Bytes(bytes.to_vec()));
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Input::Bytes(Uint8Array::new(buffer).to_vec()));
    }
    Err(type_error(&format!(
        "gouji：{what}应为报告的文本（字符串）或文件内容（Uint8Array 或 ArrayBuffer），而不是{}",
        kind(value)
    )))
}

/// `source` of an options object or an input object: absent, null or a string.
fn source_of(object: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str("source"))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        type_error(&format!(
            "gouji：{what}的 source 应为字符串，而不是{}",
            kind(&value)
        ))
    })
}

/// What a JavaScript value is, in Chinese, for messages.
fn kind(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined（未传入）".into()
    } else if value.is_null() {
        "null".into()
    } else if value.as_bool().is_some() {
        "布尔值".into()
    } else if value.as_f64().is_some() {
        "数字".into()
    } else if Array::is_array(value) {
        "数组".into()
    } else if value.is_function() {
        "函数".into()
    } else if value.is_object() {
        "其他对象".into()
    } else {
        format!(
            "{} 类型的值",
            value.js_typeof().as_string().unwrap_or_default()
        )
    }
}

/// Checks one report: `input` is its text (a string) or the bytes of its file (a Uint8Array
/// or an ArrayBuffer: UTF-8, UTF-16 with BOM or GB18030, decoded as the CLI decodes files).
/// Returns the report in the shape of `gouji check --format json`; never throws for bad input
/// (the findings say what is wrong), only for an argument of the wrong type.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn js_check(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let input = input_of(&input, "check 的第一个参数")?;
    let source = if options.is_undefined() || options.is_null() {
        None
    } else if options.is_object() && !options.is_function() && !Array::is_array(&options) {
        source_of(&options, "check 的选项")?
    } else {
        return Err(type_error(&format!(
            "gouji：check 的第二个参数应为选项对象（如 {{ source: \"文件名\" }}）或省略，而不是{}",
            kind(&options)
        )));
    };
    let report = check_input(&input);
    to_js(&Entry {
        source: source.as_deref(),
        report: &report,
    })
}

/// Checks several reports, each on its own and then against each other: reports of the same
/// agency for consecutive years must continue each other (the cross-year rules, Y8xx). Each
/// item is what `check` takes, or `{ input, source }`. Returns the `gouji check --format json`
/// document: `{ format, reports, across, similarity }` (`similarity` with two inputs or more).
#[wasm_bindgen(js_name = checkAcross, unchecked_return_type = "AcrossResult")]
pub fn js_check_across(
    #[wasm_bindgen(unchecked_param_type = "AcrossInput[]")] items: JsValue,
) -> Result<JsValue, JsValue> {
    if !Array::is_array(&items) {
        return Err(type_error(&format!(
            "gouji：checkAcross 的参数应为数组（每项为报告文本、文件内容或 {{ input, source }}），而不是{}",
            kind(&items)
        )));
    }
    let items: Array = items.unchecked_into();
    let mut inputs = Vec::new();
    let mut sources = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let what = format!("checkAcross 数组第 {} 项", i + 1);
        let plain = item.as_string().is_some()
            || item.is_instance_of::<Uint8Array>()
            || item.is_instance_of::<ArrayBuffer>();
        if !plain && item.is_object() && !Array::is_array(&item) && !item.is_function() {
            let input = js_sys::Reflect::get(&item, &JsValue::from_str("input"))?;
            inputs.push(input_of(&input, &format!("{what}的 input "))?);
            sources.push(source_of(&item, &what)?);
        } else {
            inputs.push(input_of(&item, &what)?);
            sources.push(None);
        }
    }
    let (reports, across, similarity) = check_many(&inputs);
    let named: Vec<(Option<&str>, &Report)> = reports
        .iter()
        .enumerate()
        .map(|(i, report)| (sources.get(i).and_then(|s| s.as_deref()), report))
        .collect();
    // The CLI's document, with each cross-year finding's report index (`report`).
    to_js(&Document::new(&named, &across, true).with_similarity(&similarity))
}

/// Every rule: `{ code, severity, title, across }`, the catalogue's first, then the
/// cross-year rules (`across: true`).
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn js_rules() -> Result<JsValue, JsValue> {
    to_js(&rule_list())
}

/// The version of gouji (of the core and this API).
#[wasm_bindgen(js_name = version)]
pub fn js_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn text_and_utf8_bytes_give_the_same_report() {
        let text = "一、总体情况\n本机关今年没有表格。";
        let a = check_input(&Input::Text(text.into()));
        let b = check_input(&Input::Bytes(text.as_bytes().to_vec()));
        assert_eq!(a, b);
        assert!(a.findings.iter().any(|f| f.code == "S101"));
    }

    #[test]
    fn bytes_are_decoded_as_files_are() {
        // A GB18030 file reads as its text does, not as replacement characters.
        let text = "一、总体情况\n本机关今年没有表格。";
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        assert_ne!(gbk.as_ref(), text.as_bytes());
        let codes = |r: &Report| r.findings.iter().map(|f| f.code).collect::<Vec<_>>();
        let from_bytes = check_input(&Input::Bytes(gbk.into_owned()));
        let from_text = check_input(&Input::Text(text.into()));
        assert_eq!(codes(&from_bytes), codes(&from_text));
    }

    #[test]
    fn the_json_shape_is_the_clis() {
        let report = check_input(&Input::Text("一、总体情况".into()));
        let entry = Entry {
            source: Some("a.txt"),
            report: &report,
        };
        // The CLI's order: source, then the report's fields.
        let json = serde_json::to_string(&entry).unwrap();
        let at = |key: &str| json.find(&format!("\"{key}\":")).unwrap();
        let keys = [
            "source", "template", "year", "agency", "deadline", "tables", "findings",
        ];
        assert!(keys.windows(2).all(|k| at(k[0]) < at(k[1])), "{json}");
        let unnamed = serde_json::to_value(Entry {
            source: None,
            report: &report,
        })
        .unwrap();
        assert!(unnamed.get("source").is_none());
    }

    #[test]
    fn rules_list_every_rule_once_with_the_cross_year_ones_last() {
        let rules = rule_list();
        assert_eq!(
            rules.len(),
            gouji_core::rules::RULES.len() + gouji_core::across::ACROSS_RULES.len()
        );
        let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
        assert!(rules.iter().any(|r| r.code == "Y801" && r.across));
        assert!(rules.iter().any(|r| r.code == "A301" && !r.across));
        assert!(rules.iter().all(|r| !r.title.is_empty()));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), rules.len());
    }
}
