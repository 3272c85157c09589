//! Makes two of the corpus renderings for `cargo xtask renderings` (xtask/src/renderings.rs),
//! which needs the core for them and is otherwise standard library only:
//!
//! - `fixture_tool seed-page <seed.txt> <page.html>`: a seed report's text as an
//!   official-template web page (gouji_render::official, the printer tests/html.rs uses).
//! - `fixture_tool gbk <page.html> <gbk.html>`: a UTF-8 page re-encoded in GBK, its charset
//!   declaration (`<meta charset>` or `http-equiv` Content-Type) changed to `gbk` or, when it
//!   has none, one added at the start of `<head>`. Characters GBK lacks become numeric
//!   character references (`&#8226;`), as a browser's form encoder writes them.
//! - `fixture_tool place <fresh> <committed>`: puts a fresh rendering in place of the committed
//!   one, unless both read to the same text (`check_bytes(..).text`): Chromium's PDF layout and
//!   Writer's .docx (comment dates, document statistics) vary from run to run in bytes that no
//!   reader sees, and such a change would be a needless diff. Prints `kept` or `written`.
//!
//! Not part of the library: it reads and writes files.

use gouji_render::official;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [task, from, to] if task == "seed-page" => seed_page(from, to),
        [task, from, to] if task == "gbk" => gbk(from, to),
        [task, fresh, committed] if task == "place" => place(fresh, committed),
        _ => Err(
            "usage: fixture_tool seed-page <seed.txt> <page.html> | gbk <page.html> <gbk.html> \
                | place <fresh> <committed>"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fixture_tool: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_utf8(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{path} is not UTF-8: {e}"))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}

fn write(path: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{path}: {e}"))
}

fn seed_page(from: &str, to: &str) -> Result<(), String> {
    let text = read_utf8(from)?;
    let report = gouji_core::check(&text);
    write(to, official::official_page(&text, &report).as_bytes())
}

fn place(fresh: &str, committed: &str) -> Result<(), String> {
    let new = std::fs::read(fresh).map_err(|e| format!("{fresh}: {e}"))?;
    if let Ok(old) = std::fs::read(committed) {
        if old == new || gouji_core::check_bytes(&old).text == gouji_core::check_bytes(&new).text {
            println!("kept");
            return Ok(());
        }
    }
    write(committed, &new)?;
    println!("written");
    Ok(())
}

fn gbk(from: &str, to: &str) -> Result<(), String> {
    let page = with_charset(&read_utf8(from)?, "gbk");
    let (bytes, _, _) = encoding_rs::GBK.encode(&page);
    write(to, &bytes)
}

/// The page with every charset its `<meta>` tags declare replaced by `charset`, or a
/// `<meta charset>` added at the start of `<head>` (or of the page) when none is declared.
fn with_charset(page: &str, charset: &str) -> String {
    // ASCII lowercasing keeps every byte offset.
    let lower = page.to_ascii_lowercase();
    let mut out = String::with_capacity(page.len() + 32);
    let mut at = 0;
    let mut declared = false;
    let mut search = 0;
    while let Some(i) = lower[search..].find("<meta") {
        let tag_start = search + i;
        let Some(len) = lower[tag_start..].find('>') else {
            break;
        };
        let tag_end = tag_start + len;
        search = tag_end;
        let tag = &lower[tag_start..tag_end];
        let Some(c) = tag.find("charset") else {
            continue;
        };
        let mut v = tag_start + c + "charset".len();
        let bytes = lower.as_bytes();
        while v < tag_end && bytes[v] == b' ' {
            v += 1;
        }
        if v >= tag_end || bytes[v] != b'=' {
            continue;
        }
        v += 1;
        while v < tag_end && matches!(bytes[v], b' ' | b'"' | b'\'') {
            v += 1;
        }
        let mut e = v;
        while e < tag_end && (bytes[e].is_ascii_alphanumeric() || matches!(bytes[e], b'-' | b'_')) {
            e += 1;
        }
        if e == v {
            continue;
        }
        out.push_str(&page[at..v]);
        out.push_str(charset);
        at = e;
        declared = true;
    }
    out.push_str(&page[at..]);
    if declared {
        return out;
    }
    let meta = format!("<meta charset=\"{charset}\">");
    let insert = lower
        .find("<head")
        .and_then(|h| lower[h..].find('>').map(|e| h + e + 1))
        .unwrap_or(0);
    format!("{}{meta}{}", &page[..insert], &page[insert..])
}
