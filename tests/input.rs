//! Bad input never panics (issue 12): property tests for every parser of user text, and the
//! key-derivation ceiling against crafted key files and backup headers.

mod common;

use std::time::{Duration, Instant};

use common::*;
use kluis::app::unlock::unlock;
use kluis::domain::backup::{self, BackupSecret};
use kluis::domain::contacts::model::Relationship;
use kluis::domain::retention::documents::parse_amount;
use kluis::domain::retention::period::Period;
use kluis::kernel::bsn::{looks_like_bsn, passes_eleven_test};
use kluis::kernel::crypto::{format_recovery, parse_recovery, RECOVERY_LEN};
use kluis::kernel::date::{format_instant, parse_date, parse_instant, parse_instant_in};
use kluis::kernel::passphrase::{strength, user_inputs};
use kluis::{Clock, Error};
use proptest::prelude::*;
use serde_json::Value;

/// A backup file with its header JSON replaced by what `edit` makes of it.
fn with_header(good: &[u8], edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let len = u32::from_le_bytes(good[9..13].try_into().unwrap()) as usize;
    let mut header: Value = serde_json::from_slice(&good[13..13 + len]).unwrap();
    edit(&mut header);
    let json = serde_json::to_vec(&header).unwrap();
    let mut out = good[..9].to_vec();
    out.extend_from_slice(&u32::try_from(json.len()).unwrap().to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(&good[13 + len..]);
    out
}

fn a_backup() -> Vec<u8> {
    let (t, mut v) = new_vault();
    let file = t.tmp.path().join("a.kluisbackup");
    backup::create(&mut v, &file, &mut |_| {}).unwrap();
    std::fs::read(&file).unwrap()
}

fn refused_as_too_costly(e: &Error) -> bool {
    matches!(e, Error::Integrity(m) if m.contains("1 GiB") && m.contains("10 passes"))
}

#[test]
fn a_crafted_backup_header_asking_for_a_huge_kdf_is_refused_quickly() {
    let good = a_backup();
    for (memory_kib, iterations) in [(2 * 1024 * 1024, 3), (128 * 1024, 64), (1024 * 1024 + 1, 3)] {
        let crafted = with_header(&good, |h| {
            h["keyfile"]["kdf"]["memory_kib"] = memory_kib.into();
            h["keyfile"]["kdf"]["iterations"] = iterations.into();
        });
        let e = backup::read_header(&crafted).expect_err("a crafted header is refused");
        assert!(refused_as_too_costly(&e), "{memory_kib} KiB, {iterations} passes: {e:?}");
        let started = Instant::now();
        let e = backup::open(&crafted, &BackupSecret::Passphrase(PASS), &mut |_| {}).err().unwrap();
        assert!(refused_as_too_costly(&e), "{e:?}");
        assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    }
    // At the ceiling itself it is still accepted.
    let at_ceiling = with_header(&good, |h| {
        h["keyfile"]["kdf"]["memory_kib"] = (1024 * 1024).into();
        h["keyfile"]["kdf"]["iterations"] = 10.into();
    });
    assert!(backup::read_header(&at_ceiling).is_ok());
}

#[test]
fn a_crafted_vault_json_asking_for_a_huge_kdf_is_refused_quickly() {
    let (t, v) = new_vault();
    v.lock();
    let path = t.dir().join("vault.json");
    let mut kf: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    kf["kdf"]["iterations"] = 11.into();
    std::fs::write(&path, serde_json::to_vec(&kf).unwrap()).unwrap();
    let before = snapshot(&t.dir());
    let started = Instant::now();
    let Err(e) = unlock(&t.dir(), PASS, clock(), "test") else { panic!("accepted") };
    assert!(refused_as_too_costly(&e), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(1), "took {:?}", started.elapsed());
    assert_eq!(snapshot(&t.dir()), before);
}

#[test]
fn truncated_and_garbled_backup_files_are_errors() {
    let good = a_backup();
    let pass = BackupSecret::Passphrase(PASS);
    // Every prefix of the header is refused before any key derivation; a few cut in the body
    // (each of those costs one derivation).
    let (_, body_start) = backup::read_header(&good).unwrap();
    for n in 0..body_start {
        assert!(backup::read_header(&good[..n]).is_err(), "prefix {n}");
    }
    for n in [body_start, body_start + 1, body_start + 4, body_start + 40, good.len() - 1] {
        assert!(backup::open(&good[..n], &pass, &mut |_| {}).is_err(), "prefix {n}");
    }
    // A header length pointing past the end, or at everything.
    for len in [0u32, 1, u32::MAX, 64 * 1024, 64 * 1024 + 1] {
        let mut bad = good.clone();
        bad[9..13].copy_from_slice(&len.to_le_bytes());
        assert!(backup::read_header(&bad).is_err(), "{len}");
        assert!(backup::open(&bad, &pass, &mut |_| {}).is_err(), "{len}");
    }
    // Header fields with absurd values.
    for (field, value) in [
        ("chunks", Value::from(u64::MAX)),
        ("chunks", Value::from(0)),
        ("body_len", Value::from(u64::MAX)),
        ("nonce_prefix", Value::from("é")),
        ("body_salt", Value::from("%%%")),
        ("schema_version", Value::from(i64::MAX)),
        ("created_at", Value::from("+999999-01-01T00:00:00Z")),
    ] {
        let bad = with_header(&good, |h| h[field] = value.clone());
        assert!(backup::open(&bad, &pass, &mut |_| {}).is_err(), "{field} = {value}");
    }
}

fn opens(bytes: &[u8]) -> bool {
    backup::open(bytes, &BackupSecret::Passphrase(PASS), &mut |_| {}).is_ok()
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 .,€-]{0,16}[dwmyé€🦀]?",
        "[0-9]{1,5}[dwmy]",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2}))?.?",
        "[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,5}( [0-9]{1,3}:[0-9]{1,3})?.?",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn periods_never_panic_and_round_trip(s in any_text()) {
        if let Ok(p) = s.parse::<Period>() {
            prop_assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
            let _ = p.describe(kluis::kernel::language::Language::En);
        }
    }

    #[test]
    fn every_valid_period_round_trips(n in 1u32..=1200, unit in "[dwmy]") {
        let s = format!("{n}{unit}");
        prop_assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
    }

    #[test]
    fn dates_never_panic_and_round_trip(s in any_text()) {
        if let Ok(d) = parse_date(&s, "date") {
            prop_assert_eq!(parse_date(&d.format("%Y-%m-%d").to_string(), "date").unwrap(), d);
        }
        if let Ok(t) = parse_instant(&s, "at") {
            let shown = format_instant(t);
            prop_assert_eq!(parse_instant(&shown, "at").unwrap().timestamp(), t.timestamp());
        }
        // `--now` and KLUIS_NOW.
        let _ = Clock::fixed_from_rfc3339(&s);
    }

    // A typed day-month-year reads as the same date as its ISO form; a two- or three-digit
    // year is never read as some year.
    #[test]
    fn typed_dates_mean_the_iso_date(y in 1900i32..=9999, m in 1u32..=12, d in 1u32..=31, short in 0i32..1000) {
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
            prop_assert_eq!(parse_date(&format!("{d:02}-{m:02}-{y}"), "date").unwrap(), date);
            prop_assert_eq!(parse_date(&format!("{d}-{m}-{y}"), "date").unwrap(), date);
            let at = parse_instant_in(&format!("{d:02}-{m:02}-{y} 14:30"), "at", &chrono::Utc).unwrap();
            prop_assert_eq!(at, date.and_hms_opt(14, 30, 0).unwrap().and_utc());
        }
        let two = format!("{d:02}-{m:02}-{short}");
        let three = format!("{d:02}-{m:02}-{short:03}");
        prop_assert!(parse_date(&two, "date").is_err());
        prop_assert!(parse_date(&three, "date").is_err());
    }

    // From 1900-01-01 on: what lies before is refused (a typed `0026` is not 1926 or 26).
    #[test]
    fn instants_round_trip(secs in -2_208_988_800i64..250_000_000_000) {
        let t = chrono::DateTime::from_timestamp(secs, 0).unwrap();
        prop_assert_eq!(parse_instant(&format_instant(t), "at").unwrap(), t);
    }

    #[test]
    fn instants_before_1900_are_refused(secs in -62_000_000_000i64..-2_208_988_800) {
        let t = chrono::DateTime::from_timestamp(secs, 0).unwrap();
        prop_assert!(parse_instant(&format_instant(t), "at").is_err());
    }

    #[test]
    fn amounts_never_panic(s in any_text()) {
        let _ = parse_amount(&s);
    }

    #[test]
    fn amounts_round_trip(cents in -1_000_000_000_000i64..1_000_000_000_000) {
        let (sign, abs) = if cents < 0 { ("-", -cents) } else { ("", cents) };
        let dot = format!("{sign}{}.{:02}", abs / 100, abs % 100);
        let comma = format!("€ {sign}{},{:02}", abs / 100, abs % 100);
        prop_assert_eq!(parse_amount(&dot).unwrap(), cents);
        prop_assert_eq!(parse_amount(&comma).unwrap(), cents);
    }

    #[test]
    fn bsn_check_never_panics_and_finds_a_valid_number_anywhere(
        before in any::<String>(),
        after in any::<String>(),
        digits in proptest::array::uniform9(0u8..10),
    ) {
        let _ = looks_like_bsn(&before);
        if passes_eleven_test(&digits) {
            let number: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            // Not glued to other digits on either side.
            let text = format!("{before} {number} {after}");
            let glued = before.ends_with(|c: char| c.is_ascii_digit() || c == '.')
                || after.starts_with(|c: char| c.is_ascii_digit());
            prop_assume!(!glued);
            prop_assert!(looks_like_bsn(&text), "{}", text);
        }
    }

    #[test]
    fn passphrase_strength_never_panics(s in any::<String>()) {
        let st = strength(&s, &user_inputs(Some("kluis"), Some(&s)));
        prop_assert!(st.score <= 4);
        prop_assert!(!st.acceptable || s.chars().count() >= 10);
    }

    #[test]
    fn recovery_keys_never_panic_and_round_trip(s in any_text(), bytes in any::<[u8; RECOVERY_LEN]>()) {
        let _ = parse_recovery(&s);
        prop_assert_eq!(*parse_recovery(&format_recovery(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn text_enums_never_panic(s in any::<String>()) {
        if let Ok(r) = s.parse::<Relationship>() {
            prop_assert_eq!(r.as_str().parse::<Relationship>().unwrap(), r);
        }
    }

    #[test]
    fn arbitrary_bytes_are_not_a_backup(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        prop_assert!(backup::read_header(&bytes).is_err());
        prop_assert!(!opens(&bytes));
    }

    #[test]
    fn arbitrary_headers_after_the_magic_are_errors(
        len in any::<u32>(),
        body in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut bytes = backup::MAGIC.to_vec();
        bytes.push(backup::FORMAT);
        bytes.extend_from_slice(&len.to_le_bytes());
        bytes.extend_from_slice(&body);
        prop_assert!(!opens(&bytes));
    }
}
