// scratch, not committed
#[path = "../tests/support/truth.rs"]
#[allow(dead_code)]
mod truth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = args[0].as_str();
    let file = &args[1];
    let bytes = std::fs::read(file).unwrap();
    let checked = gouji_core::check_bytes(&bytes);
    if mode == "text" || mode == "all" {
        println!("{}", checked.text);
    }
    if mode == "diff" || mode == "all" {
        let dir = std::path::Path::new(file).parent().unwrap();
        let tpath = dir.join("truth.txt");
        let t = if tpath.is_file() {
            truth::parse(&std::fs::read_to_string(tpath).unwrap()).unwrap()
        } else {
            let name = dir.file_name().unwrap().to_str().unwrap();
            let n = name.strip_prefix("seed-").unwrap();
            let seeds = dir.join("../../seeds");
            let seed = std::fs::read_dir(&seeds)
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .find(|p| {
                    p.file_name()
                        .unwrap()
                        .to_str()
                        .unwrap()
                        .starts_with(&format!("{n}_"))
                })
                .unwrap();
            truth::of_report(&gouji_core::check_bytes(&std::fs::read(seed).unwrap()).report)
        };
        for d in truth::differences(&checked.report, &t) {
            println!("DIFF {d}");
        }
        for d in truth::unfounded_errors(&checked.report, &t) {
            println!("UNFOUNDED {d}");
        }
    }
}
