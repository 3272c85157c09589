//! S101 — no standard table is recognised (template `unknown`).
//!
//! **What**: none of the three national tables (主动公开, 申请情况, 复议诉讼) and no legacy
//! statistics table was found.
//! **Why**: every report since 2019 must carry the three tables of the national format; a
//! text without them is either not a report, or a report whose tables were lost on copying.
//! **Fails**: a news article; an empty paste; a scanned PDF (no text layer); a PDF with an
//! open password; an old binary .doc; a damaged file; a saved web page whose text is loaded
//! by scripts; an input beyond [`crate::ingest::read::MAX_INPUT_BYTES`]. For a file the message first says
//! why it could not be read ([`FileProblem`]).
//! **Passes**: any text with "一、本年新收政府信息公开申请数量" and its numbers; a PDF, .docx or
//! HTML page of such a report.
//! **Fix**: paste the whole report, tables included; for a scanned PDF, use the text version;
//! save an old .doc as .docx or PDF.

use super::Rule;
use crate::ingest::{FileProblem, Format, InputKind};
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
    if let Some(problem) = input.problem {
        let msg = format!(
            "{}因此未能检查年度报告的表格。",
            file_problem(input.format, problem)
        );
        out.push(Finding::new(RULE.code, RULE.severity, "report", msg));
        return;
    }
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
        if input.format == Format::Pdf {
            why.push(format!(
                "PDF 中有 {} 个字符的字体没有给出对应的文字（缺少 ToUnicode 映射），已用“�”代替。",
                input.replaced
            ));
        } else {
            let encodings = match input.declared.as_deref() {
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
    }
    if input.truncated {
        why.push("网页过大，只读取了前面的部分。".to_string());
    }
    if input.cut {
        why.push(format!(
            "文字超过 {} 万行或 {} 万个单元格，只读取了前面的部分。",
            crate::ingest::text::MAX_LINES / 10_000,
            crate::ingest::text::MAX_CELLS / 10_000
        ));
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

/// Why a file could not be read, and what to do, in one or two sentences.
fn file_problem(format: Format, problem: FileProblem) -> String {
    match problem {
        FileProblem::NotInThisBuild => format!(
            "这个版本的检查器不能读取 {} 文件。请打开文件，全选复制其中的文字，粘贴到这里。",
            format.name()
        ),
        FileProblem::OldOffice => "这是旧版 Word（.doc）或其他 Office 97–2003 格式的文件，无法直接读取。\
             请用 Word 或 WPS 打开后另存为 .docx 或 PDF 再检查，或复制全文粘贴到这里。"
            .to_string(),
        FileProblem::NotWord => "这是一个 zip 压缩包（或 .xlsx、.odt 等文件），里面没有 Word 文档正文\
             （word/document.xml）。请提供年度报告的 .docx、PDF 或文字。"
            .to_string(),
        FileProblem::Encrypted => "这个 PDF 文件已加密，需要密码才能打开，无法读取其中的文字。\
             请用 PDF 阅读器输入密码打开后复制全文粘贴到这里，或向发布机关索取未加密的文件。"
            .to_string(),
        FileProblem::Damaged => format!(
            "这个 {} 文件已损坏或不完整，无法读取。请重新下载原文件，或复制全文粘贴到这里。",
            format.name()
        ),
        FileProblem::NoText { pages } => format!(
            "这个 PDF 文件共 {pages} 页，但没有可以提取的文字，可能是扫描图片制成的 PDF。\
             本工具不做文字识别（OCR）；请查找该报告的网页版或文字版，或复制全文粘贴到这里。"
        ),
        FileProblem::TooLarge { limit_mib } => format!(
            "这个 {} 文件解压后的数据超过 {limit_mib} MiB 的上限（可能是损坏或恶意构造的文件），已停止读取。",
            format.name()
        ),
        FileProblem::OverLimit { bytes } => format!(
            "输入有 {}，超过了 {} MB 的上限，没有读取（年度报告的文字通常不超过 1 MB，PDF 文件通常不超过几十 MB，请确认选对了文件）。",
            size_mb(bytes),
            crate::ingest::read::MAX_INPUT_BYTES >> 20
        ),
        FileProblem::TooManyEntries { limit } => format!(
            "这个 {} 文件包含的条目超过 {limit} 个，不像一份 Word 文档（可能是损坏或恶意构造的文件），已停止读取。",
            format.name()
        ),
    }
}

/// A size in MB (MiB, as file managers show it), one decimal.
fn size_mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}
