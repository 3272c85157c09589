//! Share links: the text survives the trip through the address; a link too long is refused
//! with a message; a damaged one is told from a good one and said to be damaged; the page opens
//! on a link's text rather than on the last visit's.

#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use gouji_web::review::{fingerprint, Decision, ReviewState, Reviews};
use gouji_web::share::{
    base64url, decode, encode, encode_with, is_share, reviews, unbase64url, Fragment, LIMIT_CHARS,
    LIMIT_TEXT_BYTES, PREFIX, PREFIX_REVIEWED,
};
use gouji_web::state::{Origin, State, Tone};

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const SEEDS: [&str; 5] = [
    "000_7dba22183337286f.txt",
    "001_a59a8232ffc24999.txt",
    "002_01eb1ecf6fdff090.txt",
    "003_89f707ba0384b85a.txt",
    "004_a362a86d6de7df23.txt",
];

/// Text that does not compress: pseudo-random CJK characters (a fixed xorshift sequence).
fn noise(chars: usize) -> String {
    let mut x: u32 = 0x9E37_79B9;
    (0..chars)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from_u32(0x4E00 + x % 0x5000).unwrap()
        })
        .collect()
}

#[test]
fn base64url_is_rfc_4648() {
    // RFC 4648 §10 test vectors, without padding, and the url alphabet's two characters.
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url(plain.as_bytes()), coded);
        assert_eq!(unbase64url(coded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base64url(&[0xFB, 0xFF]), "-_8");
    assert_eq!(unbase64url("-_8").unwrap(), [0xFB, 0xFF]);
    assert_eq!(
        unbase64url("Zm9vYg==").unwrap(),
        b"foob",
        "padding is accepted"
    );
    assert!(unbase64url("Zm9v+").is_none(), "not the url alphabet");
    assert!(unbase64url("Zm9vY").is_none(), "no encoder ends a text so");
    let all: Vec<u8> = (0..=255).collect();
    assert_eq!(unbase64url(&base64url(&all)).unwrap(), all);
}

#[test]
fn every_seed_survives_the_trip_and_the_link_is_short() {
    for name in SEEDS {
        let text = seed(name);
        let fragment = encode(&text).unwrap();
        assert!(fragment.starts_with(PREFIX));
        assert!(is_share(&fragment) && is_share(&format!("#{fragment}")));
        assert!(fragment.len() < text.len(), "{name}: compressed");
        assert!(fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(
            decode(&format!("#{fragment}")),
            Fragment::Text(text.clone()),
            "{name}"
        );
        assert_eq!(decode(&fragment), Fragment::Text(text), "without #");
    }
    assert_eq!(decode(&encode("").unwrap()), Fragment::Text(String::new()));
}

#[test]
fn a_text_too_long_for_a_link_is_refused_with_a_message() {
    let long = noise(20_000);
    let refused = encode(&long).unwrap_err();
    assert_eq!(refused.text_bytes, long.len());
    let chars = refused.chars.expect("the length it would have had");
    assert!(chars > LIMIT_CHARS);
    let message = refused.message();
    assert!(message.contains("超过了分享链接"), "{message}");
    assert!(
        message.contains(&format!("{} KB", LIMIT_CHARS / 1024)),
        "{message}"
    );
    // Just under the limit is fine; repetitive text compresses well past it.
    let fits = noise(9_000);
    assert!(encode(&fits).is_ok(), "{} bytes of noise", fits.len());
    let repetitive = seed(SEEDS[0]).repeat(20);
    assert!(repetitive.len() > LIMIT_CHARS);
    assert!(encode(&repetitive).is_ok(), "compresses below the limit");
    // Beyond what a link may unpack to: refused without compressing.
    let huge = "表".repeat(LIMIT_TEXT_BYTES / 3 + 1);
    let refused = encode(&huge).unwrap_err();
    assert_eq!(refused.chars, None);
    assert!(refused.message().contains("MB"), "{}", refused.message());
}

fn bad(fragment: &str) -> String {
    match decode(fragment) {
        Fragment::Bad(why) => why,
        other => panic!("{fragment:.40}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_damaged_link_is_refused_never_shown_in_part() {
    let fragment = encode(&seed(SEEDS[1])).unwrap();
    // Cut short anywhere.
    for keep in [
        PREFIX.len() + 1,
        PREFIX.len() + 10,
        fragment.len() / 2,
        fragment.len() - 1,
    ] {
        let why = bad(&fragment[..keep]);
        assert!(why.contains("分享链接无法打开"), "{why}");
    }
    // One character changed in the middle: the checksum catches it.
    let mut changed = fragment.clone().into_bytes();
    let mid = changed.len() / 2;
    changed[mid] = if changed[mid] == b'A' { b'B' } else { b'A' };
    bad(&String::from_utf8(changed).unwrap());
    // Characters that are no part of a link; nothing after the marker.
    bad(&format!("{PREFIX}abc$def"));
    assert!(bad(PREFIX).contains("没有内容"));
    // Bytes that are not UTF-8 text.
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&[0xFF, 0xFE, 0x00, 0xC3], 9);
    assert!(bad(&format!("{PREFIX}{}", base64url(&packed))).contains("不是文字"));
    // A small link unpacking to a huge text.
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b'a'; LIMIT_TEXT_BYTES + 1], 9);
    let bomb = format!("{PREFIX}{}", base64url(&bomb));
    assert!(bomb.len() < LIMIT_CHARS);
    bad(&bomb);
    // A link wrapped across lines in a mail still opens.
    let wrapped = format!("{}\n{}", &fragment[..40], &fragment[40..]);
    assert!(matches!(decode(&wrapped), Fragment::Text(_)));
}

#[test]
fn fragments_that_are_not_share_links_are_left_alone() {
    for other in [
        "",
        "#",
        "#summary",
        "#tables",
        "#v",
        "#vx.abc",
        "#version.1",
        "#v1",
    ] {
        assert_eq!(decode(other), Fragment::None, "{other:?}");
        assert!(!is_share(other), "{other:?}");
    }
    let later = bad("#v3.abcdef");
    assert!(later.contains("更新版本"), "{later}");
    assert!(is_share("#v10.x"));
}

#[test]
fn the_page_opens_on_a_links_text_rather_than_the_last_visits() {
    let shared = seed(SEEDS[3]);
    let stored = seed(SEEDS[0]);
    let fragment = format!("#{}", encode(&shared).unwrap());
    let state = State::start(Some(stored.clone()), Some(&fragment));
    assert_eq!(state.input.as_str(), shared);
    assert_eq!(state.origin, Origin::Shared);
    let report = state.report.as_ref().expect("checked at once");
    assert_eq!(
        **report,
        gouji_core::check(&shared),
        "the same result as the sender's"
    );
    assert!(state.notice.is_none());

    // A damaged link: the last visit's text, and a notice in Chinese saying why.
    let damaged = &fragment[..fragment.len() - 7];
    let state = State::start(Some(stored.clone()), Some(damaged));
    assert_eq!(state.input.as_str(), stored);
    assert_eq!(state.origin, Origin::Restored);
    let notice = state.notice.as_ref().expect("a notice");
    assert_eq!(notice.tone, Tone::Error);
    assert!(notice.text.contains("分享链接无法打开"), "{}", notice.text);
    // …and nothing at all stored: an empty page with the notice, not a dead one.
    let state = State::start(None, Some(damaged));
    assert!(state.report.is_none() && state.notice.is_some());

    // Another fragment, or none: the last visit as before.
    for fragment in [None, Some("#tables")] {
        let state = State::start(Some(stored.clone()), fragment);
        assert_eq!(state.input.as_str(), stored);
        assert_eq!(state.origin, Origin::Restored);
        assert!(state.notice.is_none());
    }
}

#[test]
fn a_link_carries_the_decisions_about_its_findings() {
    let text = seed(SEEDS[0]);
    let report = gouji_core::check(&text);
    // No decisions: the link is v1, which every page reads.
    let plain = encode_with(&text, &Reviews::default()).unwrap();
    assert!(plain.starts_with(PREFIX));
    assert_eq!(plain, encode(&text).unwrap());
    assert!(reviews(&plain).is_empty());

    let f = &report.findings[0];
    let decided = Reviews::default().with(
        &fingerprint(&report, f),
        Some(Decision::new(ReviewState::NotAProblem, "表中已注明", 7.0)),
    );
    let link = encode_with(&text, &decided).unwrap();
    assert!(link.starts_with(PREFIX_REVIEWED), "{}", &link[..8]);
    assert_eq!(decode(&link), Fragment::Text(text.clone()));
    let back = reviews(&format!("#{link}"));
    assert_eq!(back, decided);
    assert_eq!(back.of(&report, f).unwrap().reason, "表中已注明");

    // Damaged: refused like a v1 link, no decisions.
    let cut = &link[..link.len() - 9];
    assert!(matches!(decode(cut), Fragment::Bad(_)));
    assert!(reviews(cut).is_empty());
    // A v2 payload that is not the expected object is damaged, not a text.
    let odd = format!(
        "{PREFIX_REVIEWED}{}",
        base64url(&miniz_oxide::deflate::compress_to_vec_zlib(b"[1,2]", 6))
    );
    assert!(matches!(decode(&odd), Fragment::Bad(_)));
}
