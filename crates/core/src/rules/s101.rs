//! S101 — no standard table is recognised (template `unknown`).
//!
//! **What**: none of the three national tables (主动公开, 申请情况, 复议诉讼) and no legacy
//! statistics table was found.
//! **Why**: every report since 2019 must carry the three tables of the national format; a
//! text without them is either not a report, or a report whose tables were lost on copying.
//! **Fails**: a news article; an empty paste; a PDF's binary bytes.
//! **Passes**: any text with "一、本年新收政府信息公开申请数量" and its numbers.
//! **Fix**: paste the whole report, tables included; for a scanned PDF, use the text version.

use super::Rule;
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
    let mut why = Vec::new();
    if input.bytes == 0 {
        why.push("输入为空。".to_string());
    } else if input.binary {
        why.push("输入看起来是二进制文件（含空字节或大量控制字符），不是文本。".to_string());
    }
    if input.replaced > 0 {
        why.push(format!(
            "输入中有 {} 处字节无法按 UTF-8 或 GBK 编码识别，已用“�”代替。",
            input.replaced
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
