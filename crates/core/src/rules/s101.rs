//! S101 — no standard table is recognised (template `unknown`).
//!
//! **What**: none of the three national tables (主动公开, 申请情况, 复议诉讼) and no legacy
//! statistics table was found.
//! **Why**: every report since 2019 must carry the three tables of the national format; a
//! text without them is either not a report, or a report whose tables were lost on copying.
//! **Fails**: a news article; an empty paste; a PDF's binary bytes; a saved web page whose
//! text is loaded by scripts (the message says so).
//! **Passes**: any text with "一、本年新收政府信息公开申请数量" and its numbers.
//! **Fix**: paste the whole report, tables included; for a scanned PDF, use the text version.

use super::Rule;
use crate::ingest::InputKind;
use crate::report::{Finding, Report, Severity};
use crate::schema::Template;

pub const RULE: Rule = Rule {
    code: "S101",
    severity: Severity::Info,
    title: "未识别出标准表格",
    check,
};

fn check(r: &Report, out: &mut Vec<Finding>) {
    if r.template != Template::Unknown {
        return;
    }
    let input = &r.facts.input;
    let html = input.kind == InputKind::Html;
    let mut why = Vec::new();
    if input.bytes == 0 {
        why.push("输入为空。".to_string());
    } else if input.binary {
        why.push("输入看起来是二进制文件（含空字节或大量控制字符），不是文本。".to_string());
    } else if html && input.text_bytes == 0 {
        why.push(
            "输入按 HTML 网页读取，但网页中没有可读的正文文字：正文可能由脚本在浏览器中加载，\
             保存下来的网页里没有它。请在浏览器中打开网页，选中正文复制后粘贴。"
                .to_string(),
        );
    }
    if input.replaced > 0 {
        let encodings = match input.declared {
            Some(d) if html => format!("网页声明的 {d} 或 UTF-8、GBK"),
            _ => "UTF-8 或 GBK".to_string(),
        };
        let kind = if html {
            "输入按 HTML 网页读取，其中"
        } else {
            "输入中"
        };
        why.push(format!(
            "{kind}有 {} 处字节无法按 {encodings} 编码识别，已用“�”代替。",
            input.replaced
        ));
    }
    if input.truncated {
        why.push("网页过大，只读取了前面的部分。".to_string());
    }
    if input.too_deep {
        why.push(format!(
            "网页的元素嵌套超过 {} 层，更深的部分只按文字读取。",
            crate::ingest::html::MAX_DEPTH
        ));
    }
    let msg = format!(
        "未识别出年度报告的标准表格：没有找到“二、主动公开政府信息情况”（第二十条第（一）项等）、\
         “三、收到和处理政府信息公开申请情况”（一、本年新收政府信息公开申请数量 等行）、\
         “四、政府信息公开行政复议、行政诉讼情况”，也没有 2019 年以前的统计表（指标名称 / 历年累计）。{}",
        why.join("")
    );
    out.push(Finding::new(RULE.code, RULE.severity, "report", msg));
}
