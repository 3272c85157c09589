//! The JavaScript API for other pages (crates/js, `gouji-js`) into dist/js/, and its example
//! page into dist/embed/.
//!
//! dist/js/ holds wasm-bindgen's `gouji_js.js` glue and `gouji_js_bg.wasm` (after `wasm-opt
//! -Oz`), their TypeScript declarations, and `gouji.js`, which starts the module when it is
//! imported (crates/js/gouji.js). examples/embed/index.html imports `../../dist/js/gouji.js`, so
//! it works from the repository after a build; its copy in dist/embed/ imports `../js/gouji.js`.

use std::path::Path;

use crate::run::{report_folder, say, step, Cmd, Failure};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The import path in examples/embed/index.html, and what it becomes in dist/embed/.
const EXAMPLE_IMPORT: (&str, &str) = ("\"../../dist/js/", "\"../js/");

pub fn build(root: &Path) -> Result<(), Failure> {
    step(
        "the JavaScript API: gouji-js for WebAssembly, wasm-bindgen, wasm-opt -Oz (into dist/js/)",
    );
    Cmd::cargo()
        .args([
            "build",
            "-p",
            "gouji-js",
            "--target",
            WASM_TARGET,
            "--profile",
            "wasm-release",
        ])
        .run()?;
    let out = root.join("dist/js");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| Failure(format!("cannot empty {}: {e}", out.display())))?;
    }
    let built = root.join(format!("target/{WASM_TARGET}/wasm-release/gouji_js.wasm"));
    Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--out-dir"])
        .args([&out, &built])
        .run()?;
    let wasm = out.join("gouji_js_bg.wasm");
    Cmd::new("wasm-opt")
        .args(["-Oz"])
        .args([wasm.as_os_str(), "-o".as_ref(), wasm.as_os_str()])
        .run()?;
    for file in ["gouji.js", "gouji.d.ts"] {
        copy(&root.join("crates/js").join(file), &out.join(file))?;
    }

    let example = root.join("examples/embed/index.html");
    let page = read(&example)?;
    let (from, to) = EXAMPLE_IMPORT;
    if !page.contains(from) {
        return Err(Failure(format!(
            "{} no longer imports from {from}…; update EXAMPLE_IMPORT in xtask/src/embed.rs",
            example.display()
        )));
    }
    let copied = root.join("dist/embed/index.html");
    write(&copied, &page.replace(from, to))?;
    say("examples/embed/index.html → dist/embed/index.html (importing ../js/gouji.js)");
    report_folder(&out, "dist/js/");
    Ok(())
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(path, text).map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}

fn copy(from: &Path, to: &Path) -> Result<(), Failure> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| {
        Failure(format!(
            "cannot copy {} to {}: {e}",
            from.display(),
            to.display()
        ))
    })
}
