//! `gouji`: check 政府信息公开工作年度报告 files and folders from the command line.
//!
//! ```text
//! gouji check [--format text|json] [--jobs N] [--roster FILE] [--xlsx FILE] <PATH>...
//! gouji explain <CODE>
//! ```
//!
//! The contract (output formats, exit status) is written down in the project's CLI spec; this
//! crate only owns the edges: arguments, files, folders and standard input in; text or JSON
//! out. Every rule lives in `gouji-core`.
//!
//! Exit status: 0 when no finding is an error, 1 when at least one is, 2 when the command
//! could not do its job (bad arguments, a path that cannot be read). Readable paths are still
//! checked and printed when another path fails. A unit of the roster without a report does
//! not change the status (it is no error of a report); a roster that cannot be read, or gives
//! no unit, is status 2 before anything is checked.

mod inputs;
mod json;
mod roster;
mod text;
mod workbook;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use gouji_core::similarity::Similarity;
use gouji_core::{Report, Severity};
use inputs::{Input, Origin};

#[derive(Debug, Parser)]
#[command(
    name = "gouji",
    version,
    about = "勾稽：检查政府信息公开工作年度报告的表格与数字",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 检查报告：文件、文件夹（递归查找 .txt/.htm/.html）或 -（标准输入）
    Check(CheckArgs),
    /// 规则说明：一条规则检查什么、依据、例子、怎么改（如 gouji explain A303）
    Explain(ExplainArgs),
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// 规则代码，如 A303
    #[arg(value_name = "CODE")]
    code: String,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// 输出格式：text（逐条诊断，默认）或 json（一个 JSON 文档）
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// 并行检查的报告数（默认：本机可用的处理器数）
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    jobs: Option<u32>,

    /// 单位名单（.txt/.csv，每行一个单位）：核对哪些单位没有报告（名单核对）
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// 另把结果写成 Excel 工作簿（.xlsx）：汇总、各类问题、整改清单
    #[arg(long, value_name = "FILE")]
    xlsx: Option<PathBuf>,

    /// 要检查的文件、文件夹，或 - 表示标准输入
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

const EXIT_CLEAN: u8 = 0;
const EXIT_ERRORS: u8 = 1;
const EXIT_FAILED: u8 = 2;

fn main() -> ExitCode {
    // Clap prints its own message and exits with status 2 on bad arguments.
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => ExitCode::from(check(&args)),
        Command::Explain(args) => ExitCode::from(explain(&args.code)),
    }
}

/// `gouji explain CODE`: the rule's explanation as text; exit 2 for a code the catalogue does
/// not have.
fn explain(code: &str) -> u8 {
    let wanted = code.trim().to_ascii_uppercase();
    match text::explanation(&wanted) {
        Some(text) => {
            let mut out = io::stdout().lock();
            // A closed pipe (`| head`) is not a failure of the command.
            let _ = out.write_all(text.as_bytes());
            EXIT_CLEAN
        }
        None => {
            let known: Vec<&str> = gouji_core::explain::codes().collect();
            eprintln!(
                "gouji: 没有规则代码“{code}”。已有的代码：{}",
                known.join(" ")
            );
            EXIT_FAILED
        }
    }
}

/// What one input came to.
enum Outcome {
    Checked(Box<Done>),
    Failed(String),
}

/// A checked report, already rendered, so that its text can be dropped before the next one.
struct Done {
    rendered: String,
    /// The report as JSON for the workbook when `rendered` is text (`--xlsx` with text output).
    json: Option<String>,
    summary: Summary,
    /// What the cross-year rules need of the report (see [`year_view`]).
    year_view: Option<Report>,
    /// The report's agency, for the roster.
    agency: Option<String>,
}

/// The part of a report the cross-year rules read: agency, year, template, the carried rows of
/// `requests`, the document rows of `active` and the prose. Kept for every report of a run, so it is small.
fn year_view(report: &Report) -> Option<Report> {
    report.year?;
    report.agency.as_ref()?;
    let mut v = report.clone();
    v.findings.clear();
    v.facts = Default::default();
    // The prose, for 内容雷同 (Y803, Y804): a few KB.
    v.facts.prose = report.facts.prose.clone();
    v.tables.appeals = None;
    if let Some(t) = v.tables.requests.as_mut() {
        t.rows
            .retain(|r| matches!(r.def.key, "carried_in" | "carried_out"));
        t.extra_rows.clear();
    }
    if let Some(t) = v.tables.active.as_mut() {
        t.rows
            .retain(|r| matches!(r.def.key, "rules" | "normative_docs"));
        t.extra_rows.clear();
    }
    Some(v)
}

/// One line of the closing summary table.
pub(crate) struct Summary {
    pub source: String,
    pub year: Option<i32>,
    pub template: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    fn of(source: &str, report: &Report) -> Summary {
        Summary {
            source: source.to_string(),
            year: report.year,
            template: report.template.id(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        }
    }
}

fn check(args: &CheckArgs) -> u8 {
    let units = match args.roster.as_deref().map(roster::load).transpose() {
        Ok(units) => units,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_FAILED;
        }
    };
    let collected = inputs::collect(&args.paths);
    let mut failures = collected.failures.len();
    for message in &collected.failures {
        eprintln!("{message}");
    }

    let jobs = match args.jobs {
        Some(n) => n as usize,
        None => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("gouji: 无法启动 {jobs} 个检查线程：{e}");
            return EXIT_FAILED;
        }
    };

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut summaries: Vec<Summary> = Vec::new();
    let mut views: Vec<(String, Option<Report>)> = Vec::new();
    // `--xlsx`: the JSON document, written as stdout's is, that the workbook is built from.
    let mut document: Option<Vec<u8>> = args.xlsx.as_ref().map(|_| Vec::new());
    let json_too = document.is_some();
    let mut agencies: Vec<Option<String>> = Vec::new();

    let written = (|| -> io::Result<()> {
        if args.format == Format::Json {
            json::write_head(&mut out)?;
        }
        if let Some(doc) = document.as_mut() {
            json::write_head(doc)?;
        }
        // Reports are checked in parallel a chunk at a time and printed in input order, so
        // that a folder of thousands of files never holds more than a chunk of results.
        let chunk = (jobs * 8).max(16);
        for batch in collected.inputs.chunks(chunk) {
            let outcomes: Vec<Outcome> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|input| process(input, collected.stdin.as_deref(), args.format, json_too))
                    .collect()
            });
            for outcome in outcomes {
                match outcome {
                    Outcome::Checked(done) => {
                        if let Some(doc) = document.as_mut() {
                            let entry = done.json.as_deref().unwrap_or(&done.rendered);
                            json::write_entry(doc, entry, summaries.is_empty())?;
                        }
                        if args.format == Format::Json {
                            json::write_entry(&mut out, &done.rendered, summaries.is_empty())?;
                        } else {
                            if !summaries.is_empty() {
                                writeln!(out)?;
                            }
                            out.write_all(done.rendered.as_bytes())?;
                        }
                        views.push((done.summary.source.clone(), done.year_view));
                        agencies.push(done.agency);
                        summaries.push(done.summary);
                    }
                    Outcome::Failed(message) => {
                        out.flush()?;
                        eprintln!("{message}");
                        failures += 1;
                    }
                }
            }
        }
        // Reports of one agency for consecutive years are checked against each other.
        let (across, similarity) = across(&views);
        for (i, f) in &across {
            match f.severity {
                Severity::Error => summaries[*i].errors += 1,
                Severity::Warning => summaries[*i].warnings += 1,
                Severity::Info => summaries[*i].infos += 1,
            }
        }
        let roster = units.as_ref().map(|(source, list)| {
            let agencies: Vec<Option<&str>> = agencies.iter().map(Option::as_deref).collect();
            gouji_core::roster::check_roster(source, &list.units, &agencies)
        });
        match args.format {
            Format::Json => {
                json::write_tail(&mut out, &across, &similarity, roster.as_ref(), &views)?
            }
            Format::Text => {
                if !across.is_empty() {
                    writeln!(out)?;
                    text::write_across(&mut out, &across, &views)?;
                }
                if !similarity.is_empty() {
                    writeln!(out)?;
                    text::write_similarity(&mut out, &similarity, &views)?;
                }
                if let Some(roster) = &roster {
                    writeln!(out)?;
                    let sources: Vec<String> = summaries.iter().map(|s| s.source.clone()).collect();
                    roster::write_text(&mut out, roster, &sources)?;
                }
                if summaries.len() > 1 {
                    writeln!(out)?;
                    text::write_summary(&mut out, &summaries, failures)?;
                }
            }
        }
        if let Some(doc) = document.as_mut() {
            json::write_tail(doc, &across, &similarity, roster.as_ref(), &views)?;
        }
        out.flush()
    })();

    // The workbook is written whatever became of standard output (a closed pipe included).
    let book_failed = match (&args.xlsx, &document) {
        (Some(path), Some(doc)) => match workbook::write(path, doc) {
            Ok(()) => false,
            Err(message) => {
                eprintln!("{message}");
                true
            }
        },
        _ => false,
    };

    if let Err(e) = written {
        // A closed pipe (`gouji check … | head`) is the reader's choice, not a failure to report.
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("gouji: 无法写出结果：{e}");
        }
        return EXIT_FAILED;
    }

    if failures > 0 || book_failed {
        EXIT_FAILED
    } else if summaries.iter().any(|s| s.errors > 0) {
        EXIT_ERRORS
    } else {
        EXIT_CLEAN
    }
}

/// The cross-report findings of a run, with the index of the report each belongs to, and
/// the shares of repeated prose (indices of the run's reports).
fn across(
    views: &[(String, Option<Report>)],
) -> (Vec<(usize, gouji_core::Finding)>, Vec<Similarity>) {
    let (index, reports): (Vec<usize>, Vec<&Report>) = views
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| v.as_ref().map(|v| (i, v)))
        .unzip();
    let (found, mut similarity) = gouji_core::across::check_all(&reports);
    for e in &mut similarity {
        e.report = index[e.report];
        e.other = index[e.other];
    }
    let found = found.into_iter().map(|(j, f)| (index[j], f)).collect();
    (found, similarity)
}

/// Read, check and render one input.
/// `json_too`: also render the report as JSON when the output is text (for `--xlsx`).
fn process(input: &Input, stdin: Option<&[u8]>, format: Format, json_too: bool) -> Outcome {
    let checked = match &input.origin {
        Origin::Stdin => gouji_core::check_bytes(stdin.unwrap_or_default()),
        Origin::File(path) => match inputs::read_file(path) {
            // What a file is (text, an HTML page, PDF, Word) is told by its bytes, not its
            // name: a page saved as .txt is still a page, a text named .html still text.
            Ok(bytes) => gouji_core::check_bytes(&bytes),
            Err(inputs::ReadError::Io(e)) => {
                return Outcome::Failed(inputs::unreadable(&input.source, &e))
            }
            Err(inputs::ReadError::OverLimit(size)) => {
                return Outcome::Failed(inputs::over_limit(&input.source, size))
            }
        },
    };
    let summary = Summary::of(&input.source, &checked.report);
    let as_json = || {
        json::render(&input.source, &checked.report).map_err(|e| {
            Outcome::Failed(format!(
                "gouji: 无法把 “{}” 的结果写成 JSON：{e}",
                input.source
            ))
        })
    };
    let (rendered, json) = match (format, json_too) {
        (Format::Text, false) => (text::render(&input.source, &checked), None),
        (Format::Text, true) => match as_json() {
            Ok(j) => (text::render(&input.source, &checked), Some(j)),
            Err(failed) => return failed,
        },
        (Format::Json, _) => match as_json() {
            Ok(j) => (j, None),
            Err(failed) => return failed,
        },
    };
    let year_view = year_view(&checked.report);
    Outcome::Checked(Box::new(Done {
        rendered,
        json,
        summary,
        year_view,
        agency: checked.report.agency,
    }))
}
