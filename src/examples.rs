//! The sample reports behind the 示例 menu: the five seed reports, copied into the site as
//! static files (see index.html) and fetched from the page's own folder when chosen, so they
//! cost the page nothing until then.

/// One sample report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The file, relative to the page.
    pub path: &'static str,
    /// Who published it, and the year.
    pub label: &'static str,
    /// What it shows, in a few words.
    pub note: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        path: "examples/000_7dba22183337286f.txt",
        label: "湘阴县人民政府 2020年",
        note: "2019年版格式；列合计与复议诉讼合计有误",
    },
    Example {
        path: "examples/001_a59a8232ffc24999.txt",
        label: "湘西高新区 2020年",
        note: "2019年版格式；总计列有误",
    },
    Example {
        path: "examples/002_01eb1ecf6fdff090.txt",
        label: "清流县人民政府 2013年",
        note: "2019年以前的统计表",
    },
    Example {
        path: "examples/003_89f707ba0384b85a.txt",
        label: "秀山县人民政府办公室 2023年",
        note: "2021年版格式；网页丢字",
    },
    Example {
        path: "examples/004_a362a86d6de7df23.txt",
        label: "沿海工业城发展服务中心 2021年",
        note: "2021年版格式；表格为竖线分隔",
    },
];
