//! Print what the core reads from a file: `cargo run -p gouji-core --example dump -- FILE`.
//! With `--text` first, print the text the core read instead (for a PDF or Word file, the
//! text extracted from it).
//! A developer's aid for looking at extraction; the `gouji` command is the real interface.

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let text_only = args.first().is_some_and(|a| a == "--text");
    if text_only {
        args.remove(0);
    }
    for path in args {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let checked = gouji_core::check_bytes(&bytes);
        if text_only {
            print!("{}", checked.text);
            continue;
        }
        let r = &checked.report;
        println!("== {path}: {} {:?} {:?}", r.template.id(), r.year, r.agency);
        for t in r.tables.iter() {
            println!("-- {}", t.kind.key());
            for row in &t.rows {
                let vals: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| match &c.value {
                        gouji_core::Value::Number(n) => format!("{n}"),
                        gouji_core::Value::Blank => "_".into(),
                        gouji_core::Value::Unreadable => format!("?{}", c.raw),
                        gouji_core::Value::Missing => "∅".into(),
                    })
                    .collect();
                println!("   {:28} {}", row.def.key, vals.join(" "));
            }
            for e in &t.extra_rows {
                println!(
                    "   extra{} {:?} {:?}",
                    if e.subtotal { "(subtotal)" } else { "" },
                    e.label,
                    e.values
                );
            }
        }
        let n = &r.facts.narrative;
        for c in &n.claims {
            println!(
                "   claim {:?} = {} | {}",
                c.kind,
                c.num.value,
                n.quote(c.sentence, &c.num)
            );
        }
        for l in &n.percent_lists {
            let items: Vec<String> = l
                .items
                .iter()
                .map(|i| format!("{}:{}%", i.count.value, i.percent.value))
                .collect();
            println!(
                "   percents total={:?} {}",
                l.total.as_ref().map(|t| t.value),
                items.join(" ")
            );
        }
        for b in &n.breakdowns {
            let parts: Vec<String> = b.parts.iter().map(|p| p.value.to_string()).collect();
            println!("   breakdown {} = {}", b.total.value, parts.join(" + "));
        }
        for f in &r.findings {
            println!(
                "{}[{}] {} | {} | {:?}",
                f.severity.id(),
                f.code,
                f.subject,
                f.message,
                f.cells.len()
            );
        }
    }
}
