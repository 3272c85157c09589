//! One file for offline use: dist/gouji.html, the web app with its WebAssembly, JavaScript and
//! CSS inside, so that it works opened from disk (`file://`) with no network.
//!
//! Made from a second release build of the app with the cargo feature `inline-readers` (a page
//! opened from disk cannot start the reader worker, so this one reads files in place), into
//! target/single-dist/; from its index.html:
//! - the stylesheet `<link>` becomes a `<style>` holding the CSS;
//! - the `<script src="boot.js" data-js data-wasm>` that starts the app becomes one inline
//!   module script: wasm-bindgen's glue, then a few lines that decode the WebAssembly (inlined
//!   as base64) and start it;
//! - the icon becomes a `data:` URL; the preload links go; HTML comments go (they describe
//!   the served page);
//! - the Content-Security-Policy becomes `default-src 'none'` plus exactly the inline script
//!   and style, by their SHA-256 hashes (computed here), and 'wasm-unsafe-eval' to compile the
//!   module. Since the WebAssembly is part of the hashed script, the hash pins it too.
//!
//! Anything else in the page that would load a file (another script, a `src` attribute, a
//! stylesheet with `url(…)`, a `<base>`) stops the build with a message rather than giving a
//! file that silently needs the network.

use std::path::Path;

use crate::run::{gzip_size, kib, say, step, Cmd, Failure};

/// Where the build with the readers inside goes before it is inlined.
const SINGLE_DIST: &str = "target/single-dist";

pub fn build(root: &Path) -> Result<(), Failure> {
    step(
        "one file for offline use: the app with its readers inside \
         (trunk build --release --features inline-readers), inlined into dist/gouji.html",
    );
    Cmd::new("trunk")
        .args([
            "build",
            "--release",
            "--features",
            "inline-readers",
            "--dist",
            SINGLE_DIST,
        ])
        .run()?;
    let dist = root.join(SINGLE_DIST);
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| Failure(format!("cannot read {}: {e}", index.display())))?;
    let page = inline(&html, |name| {
        let path = dist.join(local_name(name)?);
        std::fs::read(&path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
    })?;
    let out = root.join("dist/gouji.html");
    std::fs::write(&out, &page)
        .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))?;
    let zipped = gzip_size(&out)
        .map(|n| format!(", gzip {}", kib(n)))
        .unwrap_or_default();
    say(&format!(
        "dist/gouji.html: {}{zipped}; open it from disk, no server or network needed",
        kib(page.len() as u64)
    ));
    Ok(())
}

/// A file of dist/ named by the page: `./name` or `name`, with no folder and no way out.
fn local_name(href: &str) -> Result<&str, Failure> {
    let name = href.strip_prefix("./").unwrap_or(href);
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        Ok(name)
    } else {
        Err(Failure(format!(
            "dist/index.html names {href:?}; only files of dist/ itself can be inlined"
        )))
    }
}

/// The one-file page made from Trunk's index.html; `read` gives the bytes of a file it names.
fn inline(html: &str, read: impl Fn(&str) -> Result<Vec<u8>, Failure>) -> Result<String, Failure> {
    const CSP_HERE: &str = "\u{0}csp\u{0}";
    let text = |name: &str| -> Result<String, Failure> {
        String::from_utf8(read(name)?).map_err(|_| Failure(format!("{name} is not UTF-8")))
    };
    let mut out = String::with_capacity(html.len());
    let mut scripts = Vec::new();
    let mut styles = Vec::new();
    let mut csp = false;
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment
                .find("-->")
                .ok_or_else(|| Failure("dist/index.html: a comment is not closed".into()))?;
            rest = &comment[end + 3..];
            // A comment on a line of its own takes the line with it.
            let line = out.rfind('\n').map_or(0, |n| n + 1);
            if out[line..].trim().is_empty() && rest.starts_with('\n') {
                out.truncate(line);
                rest = &rest[1..];
            }
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            // `</div>`, `<!doctype html>`, or a lone `<` in text: as it is, up to its `>`.
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        };
        let raw = &rest[..tag.len];
        rest = &rest[tag.len..];
        match tag.name.as_str() {
            "meta"
                if tag
                    .attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")) =>
            {
                out.push_str(CSP_HERE);
                csp = true;
            }
            "link" => match tag.attr("rel").unwrap_or_default() {
                "stylesheet" => {
                    let css = text(tag.need("href")?)?.replace("\r\n", "\n");
                    let lower = css.to_ascii_lowercase();
                    if lower.contains("url(") || lower.contains("@import") || lower.contains("</style") {
                        return Err(Failure(format!(
                            "{}: the stylesheet loads other files (url(…) or @import), which one file cannot do; inline them as data: URLs",
                            tag.need("href")?
                        )));
                    }
                    out.push_str("<style>");
                    out.push_str(&css);
                    out.push_str("</style>");
                    styles.push(css);
                }
                "icon" => {
                    let href = tag.need("href")?;
                    let mime = match href.rsplit('.').next() {
                        Some("svg") => "image/svg+xml",
                        Some("png") => "image/png",
                        Some("ico") => "image/x-icon",
                        _ => return Err(Failure(format!("{href}: an icon of unknown type"))),
                    };
                    out.push_str(&format!(
                        "<link rel=\"icon\" href=\"data:{mime};base64,{}\" />",
                        base64(&read(href)?)
                    ));
                }
                // What the script below loads: inlined there.
                "modulepreload" | "preload" => {}
                other => {
                    return Err(Failure(format!(
                        "dist/index.html has a <link rel=\"{other}\">; the one-file build does not know how to inline it"
                    )))
                }
            },
            "script" => {
                let (Some(js), Some(wasm)) = (tag.attr("data-js"), tag.attr("data-wasm")) else {
                    return Err(Failure(format!(
                        "dist/index.html has a script other than the app's start ({raw}); the one-file build cannot inline it"
                    )));
                };
                let close = rest.find("</script>").ok_or_else(|| {
                    Failure("dist/index.html: a <script> is not closed".into())
                })?;
                rest = &rest[close + "</script>".len()..];
                let script = start_script(&text(js)?, &read(wasm)?)?;
                out.push_str("<script type=\"module\">");
                out.push_str(&script);
                out.push_str("</script>");
                scripts.push(script);
            }
            "style" | "base" | "iframe" | "object" | "embed" => {
                return Err(Failure(format!(
                    "dist/index.html has a <{}>; the one-file build does not allow it",
                    tag.name
                )))
            }
            _ if tag.attr("src").is_some() => {
                return Err(Failure(format!(
                    "dist/index.html loads a file ({raw}); the one-file build cannot inline it"
                )))
            }
            _ => out.push_str(raw),
        }
    }
    out.push_str(rest);
    if !csp {
        return Err(Failure(
            "dist/index.html has no Content-Security-Policy <meta>; the one-file page replaces it"
                .into(),
        ));
    }
    if scripts.is_empty() {
        return Err(Failure(
            "dist/index.html has no script that starts the app".into(),
        ));
    }
    Ok(out.replacen(CSP_HERE, &csp_meta(&scripts, &styles), 1))
}

/// The page's policy: nothing but the inline script and style, by hash.
fn csp_meta(scripts: &[String], styles: &[String]) -> String {
    let hashes = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("'sha256-{}'", base64(&sha256(s.as_bytes()))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let style = if styles.is_empty() {
        "'none'".to_string()
    } else {
        hashes(styles)
    };
    format!(
        "<!-- One file: nothing is loaded from anywhere. Only the inline script and style below run,\n\
         \x20        by their SHA-256 hashes; 'wasm-unsafe-eval' lets the script compile its WebAssembly;\n\
         \x20        the icon is a data: URL. -->\n    \
         <meta\n      http-equiv=\"Content-Security-Policy\"\n      \
         content=\"default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {style}; img-src data:; base-uri 'none'; form-action 'none'\"\n    />",
        hashes(scripts)
    )
}

/// wasm-bindgen's glue, then what starts the app from the WebAssembly given as base64.
fn start_script(glue: &str, wasm: &[u8]) -> Result<String, Failure> {
    let init = default_export(glue).ok_or_else(|| {
        Failure("the app's JavaScript glue has no `export { …, <init> as default }`; has wasm-bindgen changed?".into())
    })?;
    let lower = glue.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err(Failure(
            "the app's JavaScript glue contains </script or <!--, which cannot go inline".into(),
        ));
    }
    let mut script = glue.replace("\r\n", "\n");
    script.push_str(&format!(
        r#"
// gouji.html: the app's WebAssembly is inlined below (base64); nothing is fetched.
{{
  const wasm = "{}";
  try {{
    const text = atob(wasm);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    await {init}({{ module_or_path: bytes }});
  }} catch (error) {{
    console.error(error);
    const notice = document.getElementById("fatal");
    if (notice) {{
      notice.textContent = "页面未能加载（需要支持 WebAssembly 的浏览器）。请换用新版浏览器打开本文件。";
      notice.hidden = false;
    }}
  }}
}}
"#,
        base64(wasm)
    ));
    Ok(script)
}

/// The local name exported as default by the glue's last `export { … }` (wasm-bindgen writes
/// `export { initSync, __wbg_init as default };`).
fn default_export(glue: &str) -> Option<&str> {
    let list = &glue[glue.rfind("export {")? + "export {".len()..];
    let list = &list[..list.find('}')?];
    list.split(',').find_map(|item| {
        let name = item.trim().strip_suffix(" as default")?.trim();
        let ident = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        ident.then_some(name)
    })
}

/// An opening tag: its name (lower case), attributes, and length in the text.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    len: usize,
}

impl Tag {
    /// The tag at the start of `s` (which starts with `<`); None when `s` does not start an
    /// opening tag.
    fn parse(s: &str) -> Option<Tag> {
        let body = s.strip_prefix('<')?;
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(body.len());
        if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name = body[..name_len].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut i = 1 + name_len;
        let bytes = s.as_bytes();
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => {
                    return Some(Tag {
                        name,
                        attrs,
                        len: i + 1,
                    })
                }
                b'/' if bytes.get(i + 1) == Some(&b'>') => {
                    return Some(Tag {
                        name,
                        attrs,
                        len: i + 2,
                    })
                }
                _ => {}
            }
            let start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
            {
                i += 1;
            }
            if i == start {
                // A stray `/`: skip it.
                i += 1;
                continue;
            }
            let key = s[start..i].to_ascii_lowercase();
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let mut value = String::new();
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                match bytes.get(i)? {
                    q @ (b'"' | b'\'') => {
                        let end = i + 1 + s[i + 1..].find(*q as char)?;
                        value = s[i + 1..end].to_string();
                        i = end + 1;
                    }
                    _ => {
                        let v = i;
                        while bytes
                            .get(i)
                            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                        {
                            i += 1;
                        }
                        value = s[v..i].to_string();
                    }
                }
            }
            attrs.push((key, value));
        }
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn need(&self, key: &str) -> Result<&str, Failure> {
        self.attr(key)
            .ok_or_else(|| Failure(format!("dist/index.html: a <{}> without {key}", self.name)))
    }
}

/// Standard base64 (RFC 4648), with padding.
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * k)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// SHA-256 (FIPS 180-4).
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (t, word) in block.chunks_exact(4).enumerate() {
            w[t] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for t in 16..64 {
            let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
            let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha256_gives_the_standard_digests() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha256(&[b'a'; 1_000_000])),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    #[test]
    fn base64_gives_the_standard_encodings() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain:?}");
        }
        assert_eq!(base64(&[0xFB, 0xFF, 0xBF]), "+/+/");
    }

    const TRUNK_PAGE: &str = r#"<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <!-- Only this page's own files. -->
    <meta
      http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"
    />
    <link rel="stylesheet" href="./app-1.css" integrity="sha384-x"/>
    <link rel="icon" href="./icon-1.svg" integrity="sha384-y"/>
    <!-- Trunk replaces the rust link below with a <script> for boot.js -->
    <script type="module" src="./boot.js" data-js="./app-1.js" data-wasm="./app-1_bg.wasm"></script>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"><link rel="preload" href="./app-1_bg.wasm" as="fetch" type="application/wasm"></head>
  <body>
    <div id="app"></div>
    <div id="fatal" class="notice" role="alert" hidden></div>
  </body>
</html>
"#;

    fn files(name: &str) -> Result<Vec<u8>, Failure> {
        Ok(match name {
            "./app-1.css" => b"body { color: #222; }\r\n".to_vec(),
            "./icon-1.svg" => b"<svg/>".to_vec(),
            "./app-1.js" => {
                b"async function __wbg_init(x) {}\nexport { initSync, __wbg_init as default };\n"
                    .to_vec()
            }
            "./app-1_bg.wasm" => b"\0asm\x01\0\0\0".to_vec(),
            other => return Err(Failure(format!("read {other}"))),
        })
    }

    #[test]
    fn the_page_holds_everything_and_allows_only_its_own_inline_code() {
        let page = inline(TRUNK_PAGE, files).map_err(|f| f.0).unwrap();
        for gone in [
            "src=",
            "href=\"./",
            "<!-- Only",
            "<!-- Trunk",
            "preload",
            "integrity",
            "'self'",
        ] {
            assert!(!page.contains(gone), "{gone:?} is still in\n{page}");
        }
        assert!(
            page.contains("<style>body { color: #222; }\n</style>"),
            "{page}"
        );
        assert!(
            page.contains("href=\"data:image/svg+xml;base64,PHN2Zy8+\""),
            "{page}"
        );
        assert!(page.contains(&format!("\"{}\"", base64(b"\0asm\x01\0\0\0"))));
        assert!(page.contains("await __wbg_init({ module_or_path: bytes });"));
        assert!(page.contains("<div id=\"fatal\""));

        let start =
            page.find("<script type=\"module\">").unwrap() + "<script type=\"module\">".len();
        let script = &page[start..start + page[start..].find("</script>").unwrap()];
        let style = "body { color: #222; }\n";
        let policy = format!(
            "content=\"default-src 'none'; script-src 'sha256-{}' 'wasm-unsafe-eval'; style-src 'sha256-{}'; img-src data:; base-uri 'none'; form-action 'none'\"",
            base64(&sha256(script.as_bytes())),
            base64(&sha256(style.as_bytes()))
        );
        assert!(page.contains(&policy), "{policy}\nnot in\n{page}");
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn anything_that_would_need_the_network_stops_the_build() {
        let with = |from: &str, to: &str| {
            assert!(TRUNK_PAGE.contains(from));
            inline(&TRUNK_PAGE.replace(from, to), files)
                .err()
                .map(|f| f.0)
        };
        assert!(with("<div id=\"app\"></div>", "<img src=\"x.png\">").is_some());
        assert!(with("<div id=\"app\"></div>", "<script src=\"x.js\"></script>").is_some());
        assert!(with(
            "<div id=\"app\"></div>",
            "<link rel=\"manifest\" href=\"m.json\">"
        )
        .is_some());
        assert!(with(
            "<div id=\"app\"></div>",
            "<base href=\"https://example.org/\">"
        )
        .is_some());
        assert!(with("http-equiv=\"Content-Security-Policy\"", "name=\"x\"").is_some());
        let css = |text: &'static [u8]| {
            move |name: &str| {
                if name == "./app-1.css" {
                    Ok(text.to_vec())
                } else {
                    files(name)
                }
            }
        };
        assert!(inline(TRUNK_PAGE, css(b"body { background: url(x.png) }")).is_err());
        assert!(inline(TRUNK_PAGE, css(b"@import 'x.css';")).is_err());
        assert!(local_name("../secret").is_err());
        assert!(local_name("js/x.js").is_err());
        assert_eq!(local_name("./app-1.js").ok(), Some("app-1.js"));
    }

    #[test]
    fn the_default_export_of_the_glue_is_found() {
        assert_eq!(
            default_export("x\nexport { initSync, __wbg_init as default };\n"),
            Some("__wbg_init")
        );
        assert_eq!(default_export("export { a as default }"), Some("a"));
        assert_eq!(default_export("export default function () {}"), None);
    }
}
