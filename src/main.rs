//! Starts the web app. Trunk builds this binary for wasm32 (see index.html); a native build
//! exists only so that `cargo test --workspace` compiles the app's code.

fn main() {
    #[cfg(target_arch = "wasm32")]
    gouji_web::start();

    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "gouji-web 是网页应用，只能在浏览器中运行：请用 `cargo xtask serve` 启动，或用 `cargo xtask dist` 构建到 dist/。\n\
         gouji-web is the web app; run it with `cargo xtask serve`, or build it into dist/ with `cargo xtask dist`."
    );
}
