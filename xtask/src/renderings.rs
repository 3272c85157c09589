//! `cargo xtask renderings`: every rendering of each corpus report, written beside its page.
//!
//! One report reaches people in many forms, and every one must read to the same cells
//! (crates/core/tests/corpus.rs checks that). For each folder under tests/fixtures/corpus/
//! holding a `page.html` — the real reports copied there, and each seed report
//! (tests/fixtures/seeds/NNN_*.txt) rendered first as an official-layout page into
//! `seed-NNN/page.html` — this writes:
//!
//! - `chromium.pdf`: the page printed to PDF by headless Chromium (`--print-to-pdf`,
//!   `--no-pdf-header-footer`);
//! - `writer.docx`: the page opened in LibreOffice Writer (its HTML import) and saved as
//!   Word 2007 XML; `writer.pdf`: that .docx exported to PDF by Writer;
//! - `innertext.txt`: the page's `document.body.innerText` in Chromium, and `selection.txt`,
//!   the text of a select-all there (tests/browser/innertext.mjs, playwright-core);
//! - `gbk.html`: the page re-encoded in GBK with its charset declaration changed
//!   (crates/core/examples/fixture_tool.rs, which also renders the seed pages).
//!
//! (The Markdown renderings `markitdown.md` and `pymupdf4llm.md` are not made here: see
//! tests/fixtures/corpus/README.md.)
//!
//! The renderings are committed, so the tests never need Chromium or LibreOffice. Runs are
//! repeatable: the PDFs' creation dates and file IDs and the .docx's zip entry times are set
//! to fixed values, no network is used (pages are opened from disk, other requests refused),
//! and a committed rendering is replaced only when the fresh one reads to another text
//! (Chromium's PDF layout and Writer's comment dates and statistics vary in bytes no reader
//! sees).
//! Only this task installs LibreOffice Writer (`libreoffice-writer`, apt-get), when `soffice` is
//! missing; Chromium and playwright-core are installed as for `test`.

use std::path::{Path, PathBuf};

use crate::run::{say, step, Cmd, Failure};
use crate::tools;

const CORPUS: &str = "tests/fixtures/corpus";
const SEEDS: &str = "tests/fixtures/seeds";

/// Headless Chromium with no sandbox (root), no GPU, none of its background connections, and
/// no host resolved (a page's remote images, styles and scripts are not fetched).
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--no-pdf-header-footer",
];

pub fn run(root: &Path) -> Result<(), Failure> {
    let chromium = tools::ensure_browser_tools(root)?;
    let soffice = tools::ensure_writer()?;

    step("the corpus tool: cargo build -p gouji-core --example fixture_tool");
    Cmd::cargo()
        .args(["build", "-p", "gouji-core", "--example", "fixture_tool"])
        .run()?;
    let tool = root.join("target/debug/examples/fixture_tool");

    let corpus = root.join(CORPUS);
    step(&format!(
        "the seeds as official-layout pages: {CORPUS}/seed-NNN/page.html"
    ));
    for seed in files(&root.join(SEEDS), ".txt")? {
        let name = file_name(&seed);
        let number = name.split('_').next().unwrap_or(&name);
        let dir = corpus.join(format!("seed-{number}"));
        mkdir(&dir)?;
        Cmd::new(&tool)
            .args([
                "seed-page".as_ref(),
                seed.as_os_str(),
                dir.join("page.html").as_os_str(),
            ])
            .run()?;
    }

    let folders: Vec<PathBuf> = dirs(&corpus)?
        .into_iter()
        .filter(|d| d.join("page.html").is_file())
        .collect();
    let work = root.join("target/renderings");
    mkdir(&work)?;
    // Writer's own profile, so that a Writer the user has open is neither used nor disturbed.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        work.join("profile").display()
    );

    for dir in &folders {
        let page = dir.join("page.html");
        step(&format!("renderings of {}", rel(root, dir)));

        // Writer names its output after the input: page.docx, then page.pdf.
        let out = work.join(file_name(dir));
        mkdir(&out)?;
        let pdf = out.join("chromium.pdf");
        Cmd::new(&chromium)
            .args(CHROMIUM_FLAGS)
            .args([format!("--print-to-pdf={}", pdf.display())])
            .args([format!("file://{}", page.display())])
            .quiet()
            .run()
            .map_err(|Failure(m)| {
                Failure(format!("{m}: Chromium did not print {}", rel(root, &page)))
            })?;
        fixed_pdf(&pdf)?;
        place(&tool, &pdf, dir)?;

        Cmd::new(&soffice)
            .args([
                profile.as_str(),
                "--headless",
                "--infilter=HTML (StarWriter)",
            ])
            .args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
            .args([out.as_os_str(), page.as_os_str()])
            .quiet()
            .run()?;
        let docx = out.join("writer.docx");
        rename(&out.join("page.docx"), &docx)?;
        fixed_zip(&docx)?;
        Cmd::new(&soffice)
            .args([profile.as_str(), "--headless"])
            .args(["--convert-to", "pdf:writer_pdf_Export", "--outdir"])
            .args([out.as_os_str(), docx.as_os_str()])
            .quiet()
            .run()?;
        fixed_pdf(&out.join("writer.pdf"))?;
        place(&tool, &docx, dir)?;
        place(&tool, &out.join("writer.pdf"), dir)?;

        let gbk = dir.join("gbk.html");
        Cmd::new(&tool)
            .args(["gbk".as_ref(), page.as_os_str(), gbk.as_os_str()])
            .quiet()
            .run()?;
        say(&format!("gbk.html: {}", size(&gbk)));
    }

    step("innertext.txt and selection.txt of every page: node tests/browser/innertext.mjs (Chromium)");
    Cmd::new("node")
        .args(["tests/browser/innertext.mjs"])
        .args(folders.iter().map(|d| d.as_os_str()))
        .env("GOUJI_CHROMIUM", &chromium)
        .run()?;

    println!(
        "\n{} folders rendered in {CORPUS}/; check them with `cargo test -p gouji-core --test corpus`",
        folders.len()
    );
    Ok(())
}

/// A fresh rendering into `dir`, unless the one there reads to the same text (see
/// fixture_tool's `place`).
fn place(tool: &Path, fresh: &Path, dir: &Path) -> Result<(), Failure> {
    let name = file_name(fresh);
    let dest = dir.join(&name);
    let what = Cmd::new(tool)
        .args(["place".as_ref(), fresh.as_os_str(), dest.as_os_str()])
        .output()
        .ok_or_else(|| Failure(format!("fixture_tool place {name} failed")))?;
    let what = if what.trim() == "kept" {
        "unchanged (reads to the same text)"
    } else {
        "written"
    };
    say(&format!("{name}: {}, {what}", size(&dest)));
    Ok(())
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn size(p: &Path) -> String {
    crate::run::kib(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
}

fn mkdir(p: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(p).map_err(|e| Failure(format!("cannot make {}: {e}", p.display())))
}

fn rename(from: &Path, to: &Path) -> Result<(), Failure> {
    std::fs::rename(from, to).map_err(|e| {
        Failure(format!(
            "LibreOffice wrote no {} ({e}); run the command above by hand to see why",
            from.display()
        ))
    })
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let list = std::fs::read_dir(dir)
        .map_err(|e| Failure(format!("cannot read {}: {e}", dir.display())))?;
    let mut v: Vec<PathBuf> = list.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    Ok(v)
}

fn files(dir: &Path, ending: &str) -> Result<Vec<PathBuf>, Failure> {
    Ok(entries(dir)?
        .into_iter()
        .filter(|p| p.is_file() && file_name(p).ends_with(ending))
        .collect())
}

fn dirs(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    Ok(entries(dir)?.into_iter().filter(|p| p.is_dir()).collect())
}

fn edit(path: &Path, f: impl FnOnce(&mut Vec<u8>)) -> Result<(), Failure> {
    let mut bytes =
        std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
    f(&mut bytes);
    std::fs::write(path, &bytes)
        .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}

/// A PDF's `/CreationDate (D:…)` and `/ModDate (D:…)` set to 2000-01-01 00:00:00 and its
/// `/ID [<…> <…>]` and Writer's `/DocChecksum` to zeros, in place (the same lengths, so every offset stays right).
fn fixed_pdf(path: &Path) -> Result<(), Failure> {
    edit(path, |pdf| {
        for key in [&b"/CreationDate"[..], b"/ModDate"] {
            let mut from = 0;
            while let Some(at) = find(pdf, key, from) {
                from = at + key.len();
                let Some(d) = find(pdf, b"D:", from).filter(|&d| d < from + 4) else {
                    continue;
                };
                let digits = b"20000101000000";
                let mut i = d + 2;
                let mut n = 0;
                while i < pdf.len() && pdf[i].is_ascii_digit() && n < digits.len() {
                    pdf[i] = digits[n];
                    i += 1;
                    n += 1;
                }
            }
        }
        // Writer's trailer: /DocChecksum /<32 hex digits>, which changes with the date.
        let key = b"/DocChecksum /";
        let mut from = 0;
        while let Some(at) = find(pdf, key, from) {
            from = at + key.len();
            let mut i = from;
            while i < pdf.len() && pdf[i].is_ascii_hexdigit() {
                pdf[i] = b'0';
                i += 1;
            }
        }
        let mut from = 0;
        while let Some(at) = find(pdf, b"/ID", from) {
            from = at + 3;
            let mut i = from;
            while i < pdf.len() && matches!(pdf[i], b' ' | b'\r' | b'\n') {
                i += 1;
            }
            if pdf.get(i) != Some(&b'[') {
                continue;
            }
            while i < pdf.len() && pdf[i] != b']' {
                if pdf[i].is_ascii_hexdigit() {
                    pdf[i] = b'0';
                }
                i += 1;
            }
        }
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// Every entry time of a zip file (local headers and the central directory) set to
/// 1980-01-01 00:00, in place; the entries' data and CRCs are untouched.
fn fixed_zip(path: &Path) -> Result<(), Failure> {
    let mut ok = true;
    edit(path, |zip| {
        let u16_at = |z: &[u8], i: usize| {
            z.get(i..i + 2)
                .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize)
        };
        let u32_at = |z: &[u8], i: usize| {
            z.get(i..i + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        // The end of central directory record: its signature, searched from the end.
        let Some(end) = (0..zip.len().saturating_sub(21))
            .rev()
            .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        else {
            ok = false;
            return;
        };
        let (Some(count), Some(mut at)) = (u16_at(zip, end + 10), u32_at(zip, end + 16)) else {
            ok = false;
            return;
        };
        // Time 00:00:00, date 1980-01-01 (day 1, month 1, year 0 from 1980).
        let stamp = [0u8, 0, 0x21, 0];
        for _ in 0..count {
            if !zip.get(at..).is_some_and(|z| z.starts_with(b"PK\x01\x02")) {
                ok = false;
                return;
            }
            zip[at + 12..at + 16].copy_from_slice(&stamp);
            if let Some(local) = u32_at(zip, at + 42) {
                if zip
                    .get(local..)
                    .is_some_and(|z| z.starts_with(b"PK\x03\x04"))
                {
                    zip[local + 10..local + 14].copy_from_slice(&stamp);
                }
            }
            let (Some(n), Some(x), Some(c)) = (
                u16_at(zip, at + 28),
                u16_at(zip, at + 30),
                u16_at(zip, at + 32),
            ) else {
                ok = false;
                return;
            };
            at += 46 + n + x + c;
        }
    })?;
    if ok {
        Ok(())
    } else {
        Err(Failure(format!(
            "{} is not a zip file as expected",
            path.display()
        )))
    }
}
