//! `make bench`: the performance budgets, measured as ratios within one run on
//! a synthetic vault (`kluis demo`), written as Markdown (docs/PERFORMANCE.md).
//!
//! Run: `cargo run --release --example bench -- [--contacts N] [--out FILE]`.
//! Everything lives in a temporary folder that is removed at the end. The plain-SQLite
//! comparison copy holds synthetic demo data only.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use kluis::app::unlock::{open_without_purge, unlock_with};
use kluis::app::{import, restore};
use kluis::demo;
use kluis::domain::backup::{self, BackupSecret, Step};
use kluis::domain::contacts::{self, read, ContactInput, InteractionInput, InteractionKind};
use kluis::domain::export::sar;
use kluis::domain::import::run;
use kluis::domain::retention::purge::{self, Trigger};
use kluis::kernel::language::Language;
use kluis::vault::Secret;
use kluis::{Clock, Vault};
use sha2::{Digest, Sha256};

const PASS: &str = "bench-passphrase-lang-genoeg-42";
const PREFIXES: &[&str] =
    &["jans", "de vr", "bakk", "ma", "pie", "vis", "zw", "smit", "van d", "ko"];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn p95(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[(v.len() * 95).div_ceil(100).saturating_sub(1)]
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

struct Report {
    rows: String,
    failed: usize,
    /// Why a budget is over, as far as known (printed under the table).
    notes: Vec<&'static str>,
}

impl Report {
    fn row(&mut self, budget: &str, measured: String, limit: String, ok: bool) -> bool {
        if !ok {
            self.failed += 1;
        }
        let verdict = if ok { "within" } else { "**over**" };
        let _ = writeln!(self.rows, "| {budget} | {measured} | {limit} | {verdict} |");
        ok
    }

    fn explain(&mut self, ok: bool, why: &'static str) {
        if !ok {
            self.notes.push(why);
        }
    }
}

/// The same statements the contact list runs, without the core around them.
fn bare_search(conn: &rusqlite::Connection, q: &str) -> usize {
    let mut s = conn
        .prepare_cached(
            "SELECT c.id, c.name, c.emails, o.name, c.relationship, c.last_activity_at
             FROM contact_fts f JOIN contacts c ON c.id = f.rowid
             LEFT JOIN organisations o ON o.id = c.organisation_id
             WHERE contact_fts MATCH ?1 ORDER BY f.rank, c.id LIMIT 100",
        )
        .expect("prepare");
    s.query_map([q], |_| Ok(())).expect("query").count()
}

fn bare_page(conn: &rusqlite::Connection, offset: i64) -> usize {
    let mut s = conn
        .prepare_cached(
            "SELECT c.id, c.name, c.emails, o.name, c.relationship, c.last_activity_at
             FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
             ORDER BY c.name COLLATE NOCASE, c.id LIMIT 100 OFFSET ?1",
        )
        .expect("prepare");
    s.query_map([offset], |_| Ok(())).expect("query").count()
}

/// A fixed read workload: list pages, searches and the purge scan's count.
/// The rows of an import written with no checks at all: multi-row INSERTs of 500 rows into
/// the contacts table, in one transaction.
fn bare_insert(v: &mut Vault, people: &[[String; 4]]) -> kluis::kernel::error::Result<()> {
    v.write(|tx, _| {
        for chunk in people.chunks(500) {
            let values = vec!["(?, ?, ?, 'prospect', ?, ?, ?)"; chunk.len()].join(", ");
            let sql = format!(
                "INSERT INTO contacts (name, emails, phones, relationship, created_at, updated_at, \
                 last_activity_at) VALUES {values}"
            );
            let mut params: Vec<String> = Vec::with_capacity(chunk.len() * 6);
            for p in chunk {
                let now = "2026-03-01T09:30:00Z".to_owned();
                params.extend([
                    p[0].clone(),
                    serde_json::json!([p[1]]).to_string(),
                    serde_json::json!([p[2]]).to_string(),
                    now.clone(),
                    now.clone(),
                    now,
                ]);
            }
            tx.execute(&sql, rusqlite::params_from_iter(params))?;
        }
        Ok(())
    })
}

fn workload(conn: &rusqlite::Connection) -> Duration {
    let t = Instant::now();
    for i in 0..40 {
        bare_page(conn, i * 2_311 % 90_000);
        let q = kluis::domain::contacts::search::fts_query(PREFIXES[i as usize % PREFIXES.len()]);
        bare_search(conn, &q.unwrap_or_default());
    }
    let _: i64 = conn
        .query_row(
            "SELECT count(*) FROM contacts WHERE relationship = 'prospect' AND last_activity_at < '2025-01-01'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    t.elapsed()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut n, mut out) = (100_000u32, None::<String>);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--contacts" => n = args.next().ok_or("--contacts N")?.parse()?,
            "--out" => out = Some(args.next().ok_or("--out FILE")?),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("vault");
    let clock = Clock::fixed_from_rfc3339("2026-03-01T09:30:00Z")?;
    let mut r = Report { rows: String::new(), failed: 0, notes: Vec::new() };

    eprintln!("bench: generating {n} contacts");
    let created = Vault::create(&dir, PASS, clock, "bench")?;
    let recovery = created.recovery_key.to_string();
    let mut v = created.vault;
    let (gen_time, interactions) = time(|| demo::generate(&mut v, n, 1));
    let interactions = interactions?;
    // Apply what is due now, so the start-up purge measured below has nothing to do.
    v.write(|tx, c| purge::run(tx, c, Trigger::Manual, true))?;
    v.checkpoint()?;
    let contacts_left = read::list(v.conn(), None, Some(1), 0)?.total;
    v.lock();

    // 1. Start-up purge: unlock-and-open with and without it, nothing due.
    eprintln!("bench: opening");
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let (d, v) = time(|| open_without_purge(&dir, Secret::Passphrase(PASS), clock, "bench"));
        v?.lock();
        without.push(d);
        let (d, v) =
            time(|| unlock_with(&dir, Secret::Passphrase(PASS), clock, "bench").map(|u| u.vault));
        v?.lock();
        with.push(d);
    }
    let (with, without) = (median(with), median(without));
    let ratio = with.as_secs_f64() / without.as_secs_f64();
    let ok = r.row(
        "Start-up purge (nothing due) on unlock-and-open",
        format!("{} with, {} without: {ratio:.3}×", ms(with), ms(without)),
        "≤ 1.10×".into(),
        ratio <= 1.10,
    );
    r.explain(
        ok,
        "Start-up purge: \"nothing due\" still plans every rule, which walks each contact a rule \
         covers (here thousands of former clients waiting for review, and former clients whose \
         notes are already gone) with index lookups per contact. Contacts already waiting for \
         review no longer cost a statement each; a watermark per rule (nothing due before a \
         date) would remove the rest.",
    );

    // 2. Search and a list page through the core vs the same SQL bare.
    eprintln!("bench: search and list");
    let mut v = open_without_purge(&dir, Secret::Passphrase(PASS), clock, "bench")?;
    let (mut core_s, mut bare_s, mut core_p, mut bare_p) = (vec![], vec![], vec![], vec![]);
    for round in 0..10 {
        for (i, p) in PREFIXES.iter().enumerate() {
            let q = kluis::domain::contacts::search::fts_query(p).unwrap_or_default();
            core_s.push(time(|| read::list(v.conn(), Some(p), Some(100), 0)).0);
            bare_s.push(time(|| bare_search(v.conn(), &q)).0);
            let offset = ((round * 10 + i as i64) * 997) % i64::from(n.max(1));
            core_p.push(time(|| read::list(v.conn(), None, Some(100), offset)).0);
            bare_p.push(time(|| bare_page(v.conn(), offset)).0);
        }
    }
    for (what, core, bare) in
        [("Search (FTS5 prefix)", core_s, bare_s), ("100-row list page", core_p, bare_p)]
    {
        let (c, b) = (p95(core), p95(bare));
        let ratio = c.as_secs_f64() / b.as_secs_f64();
        r.row(
            &format!("{what}, p95 through the core vs bare SQL"),
            format!("{} vs {}: {ratio:.2}×", ms(c), ms(b)),
            "≤ 2×".into(),
            ratio <= 2.0,
        );
    }

    // 3. SQLCipher vs plain SQLite: the same read workload on an exported plain copy.
    eprintln!("bench: sqlcipher vs plain");
    let plain_path = tmp.path().join("plain.db");
    // The vault's connection may not create files: attach an empty one.
    std::fs::File::create(&plain_path)?;
    v.conn().execute_batch(&format!(
        "ATTACH DATABASE '{}' AS plaintext KEY ''; SELECT sqlcipher_export('plaintext'); DETACH DATABASE plaintext;",
        plain_path.display()
    ))?;
    let plain = rusqlite::Connection::open(&plain_path)?;
    plain.execute_batch("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")?;
    workload(v.conn());
    workload(&plain);
    let (mut enc, mut pl) = (vec![], vec![]);
    for _ in 0..5 {
        enc.push(workload(v.conn()));
        pl.push(workload(&plain));
    }
    let (e, p) = (median(enc), median(pl));
    let ratio = e.as_secs_f64() / p.as_secs_f64();
    r.row(
        "SQLCipher vs plain SQLite, same read workload (warm)",
        format!("{} vs {}: {ratio:.2}×", ms(e), ms(p)),
        "≤ 1.3×".into(),
        ratio <= 1.3,
    );
    drop(plain);
    std::fs::remove_file(&plain_path)?;

    // 4. Subject-access PDF for a person with 1,000 interactions.
    eprintln!("bench: subject-access pdf");
    let id = contacts::create(&mut v, &ContactInput::new("Bench Persoon Met Veel Contact"), false)?;
    for i in 0..1000 {
        let text = format!("Gesprek nummer {i} over de offerte en de planning");
        let input = InteractionInput { kind: InteractionKind::Note, text, at: None };
        contacts::add_interaction(&mut v, id, &input, false)?;
    }
    let mut pdf_times = Vec::new();
    let mut pdf_len = 0;
    for _ in 0..3 {
        let (d, pdf) = time(|| v.write(|tx, c| sar::pdf(tx, c, id, Language::Nl, None)));
        pdf_len = pdf?.len();
        pdf_times.push(d);
    }
    let pdf_time = median(pdf_times);
    r.row(
        "Subject-access PDF, 1,000 interactions",
        format!("{} ({} KB)", ms(pdf_time), pdf_len / 1024),
        "< 500 ms".into(),
        pdf_time < Duration::from_millis(500),
    );

    // 5. Backup and restore throughput vs a plain copy plus SHA-256 of the same bytes.
    eprintln!("bench: backup and restore");
    v.checkpoint()?;
    let db = dir.join(kluis::vault::DB_FILE);
    let copy = tmp.path().join("copy.db");
    let (copy_time, hash) = time(|| -> std::io::Result<String> {
        std::fs::copy(&db, &copy)?;
        Ok(hex::encode(Sha256::digest(std::fs::read(&copy)?)))
    });
    hash?;
    std::fs::remove_file(&copy)?;
    let bytes = std::fs::metadata(&db)?.len();
    let file = tmp.path().join("bench.kluisbackup");
    let (backup_time, made) = time(|| backup::create(&mut v, &file, &mut |_| {}));
    made?;
    v.lock();
    // The recovery key opens the backup without Argon2: a fixed cost, not throughput.
    let secret = BackupSecret::RecoveryKey(&recovery);
    let (verify_time, info) = time(|| backup::verify(&file, &secret, &mut |_| {}));
    info?;
    let target = tmp.path().join("restored");
    // Each step's time, from the progress reports.
    let mut steps: Vec<(Step, Instant)> = Vec::new();
    let start = Instant::now();
    // Into a fresh folder: there is no vault whose current secret is needed.
    let options = restore::Options::default();
    let report = restore::restore(&file, &target, &secret, &options, clock, "bench", &mut |p| {
        if steps.last().is_none_or(|(s, _)| *s != p.step) {
            steps.push((p.step, Instant::now()));
        }
    })?;
    let restore_time = start.elapsed();
    let step_time = |step: Step| {
        let i = steps.iter().position(|(s, _)| *s == step)?;
        let end = steps.get(i + 1).map_or_else(Instant::now, |(_, t)| *t);
        Some(end - steps[i].1)
    };
    // From the start (reading the file) until the checks begin.
    let data_path =
        steps.iter().find(|(s, _)| *s == Step::Check).map_or(restore_time, |(_, t)| *t - start);
    let checks = step_time(Step::Check).unwrap_or_default();
    let step_times: Vec<String> = steps
        .iter()
        .filter_map(|(step, _)| Some(format!("{step:?} {}", ms(step_time(*step)?))))
        .collect();
    let mb = bytes as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64();
    const RESTORE_NOTE: &str = "Restore: the restored database is written and fsynced before \
        anything else (the copy it is compared with is not fsynced), and its \
        `cipher_integrity_check` and `integrity_check`, required before it may replace the live \
        vault, read every page and every index: most of the time of a whole restore.";
    for (what, d, why) in [
        ("Backup (snapshot, encrypt, write)", backup_time, None),
        ("Verify a backup (read, decrypt, authenticate)", verify_time, None),
        (
            "Restore data path (read, verify, write and fsync the temporary vault)",
            data_path,
            Some(RESTORE_NOTE),
        ),
        (
            "Whole restore (data path, integrity checks, tombstones, purge, swap)",
            restore_time,
            Some(RESTORE_NOTE),
        ),
    ] {
        let share = copy_time.as_secs_f64() / d.as_secs_f64();
        let ok = r.row(
            &format!("{what}: throughput vs copy + SHA-256"),
            format!(
                "{} for {mb:.0} MB ({:.0} MB/s) vs {} ({:.0} MB/s): {:.0} %",
                ms(d),
                rate(d),
                ms(copy_time),
                rate(copy_time),
                share * 100.0
            ),
            "≥ 50 %".into(),
            share >= 0.5,
        );
        if let Some(why) = why {
            r.explain(ok, why);
        }
    }
    // 6. Import: a 100,000-row CSV and a 10,000-card vCard file into an empty vault, through
    // the core (reading, checks, duplicates, audit, search index) vs a bare multi-row INSERT
    // of the same rows into the contacts table of another empty vault.
    eprintln!("bench: import");
    let mut imports = String::new();
    for (format, rows) in [(run::Format::Csv, 100_000usize), (run::Format::Vcard, 10_000)] {
        let people: Vec<[String; 4]> = (0..rows)
            .map(|i| {
                [
                    format!("Klant{i} van Bench"),
                    format!("klant{i}@bench.example"),
                    format!("06 {:08}", 20_000_000 + i),
                    format!("Bedrijf {}", i % 1000),
                ]
            })
            .collect();
        let text: String = match format {
            run::Format::Csv => std::iter::once("Naam;E-mailadres;Telefoon;Bedrijf\n".to_owned())
                .chain(people.iter().map(|p| format!("{};{};{};{}\n", p[0], p[1], p[2], p[3])))
                .collect(),
            run::Format::Vcard => people
                .iter()
                .map(|p| {
                    format!(
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{}\r\nEMAIL:{}\r\nTEL:{}\r\n\
                         ORG:{}\r\nEND:VCARD\r\n",
                        p[0], p[1], p[2], p[3]
                    )
                })
                .collect(),
        };
        let file = tmp.path().join(format!("import.{}", format.as_str()));
        std::fs::write(&file, text)?;
        let into = tmp.path().join(format!("import-{}", format.as_str()));
        let mut iv = Vault::create(&into, PASS, clock, "bench")?.vault;
        let f = import::FileImport {
            path: &file,
            format,
            csv: kluis::domain::import::csv::Options::default(),
            on_duplicate: run::OnDuplicate::Skip,
            purpose: None,
            relationship: contacts::Relationship::Prospect,
            confirm_not_bsn: false,
            dry_run: false,
            per_row: Vec::new(),
            detail: false,
        };
        let (core, report) =
            time(|| import::import_file(&mut iv, &f, Language::Nl, &mut |_, _| {}));
        let added = report?.added;
        iv.lock();
        std::fs::remove_dir_all(&into)?;
        let bare_dir = tmp.path().join("bare-insert");
        let mut bv = Vault::create(&bare_dir, PASS, clock, "bench")?.vault;
        let (bare, done) = time(|| bare_insert(&mut bv, &people));
        done?;
        bv.lock();
        std::fs::remove_dir_all(&bare_dir)?;
        let rate = |d: Duration| rows as f64 / d.as_secs_f64();
        let _ = writeln!(
            imports,
            "| {} {} | {added} added in {:.1} s: {:.0} contacts/s | {:.2} s: {:.0} rows/s | {:.1} % |",
            rows,
            if format == run::Format::Csv { "CSV rows" } else { "vCard cards" },
            core.as_secs_f64(),
            rate(core),
            bare.as_secs_f64(),
            rate(bare),
            100.0 * bare.as_secs_f64() / core.as_secs_f64(),
        );
    }
    r.notes.dedup();

    let mut md = String::new();
    let _ = writeln!(md, "# Performance\n");
    let _ = writeln!(
        md,
        "Measured by `make bench` (`cargo run --release --example bench -- --contacts {n}`), the \
         performance budgets as ratios within one run. Synthetic vault: {n} contacts with \
         {interactions} interactions (`kluis demo`, generated in {:.1} s; {contacts_left} left \
         after the due purge), {mb:.0} MB encrypted. Release build, {} cores.\n",
        gen_time.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |p| p.get())
    );
    let _ = writeln!(md, "| Budget | Measured | Limit | Result |");
    let _ = writeln!(md, "|---|---|---|---|");
    md.push_str(&r.rows);
    let _ = writeln!(
        md,
        "\nRestore: {} contacts and {} interactions came back. Of the whole restore, the \
         `cipher_integrity_check` and `integrity_check` of the restored database (required before \
         it replaces the live vault) took {}. Each step: {}.",
        report.contacts,
        report.interactions,
        ms(checks),
        step_times.join(", ")
    );
    for note in &r.notes {
        let _ = writeln!(md, "\n{note}");
    }
    let _ = writeln!(
        md,
        "\n## Import\n\nThroughput of `kluis import` through the core (read the file, check \
         every row, look for duplicates, write the contact, its audit row and its search-index \
         row, one transaction) against a bare multi-row INSERT of the same rows into the \
         contacts table of an empty vault (500 rows per statement, one transaction). Reported, \
         no budget.\n"
    );
    let _ = writeln!(md, "| File | Through the core | Bare INSERT | Core as share of bare |");
    let _ = writeln!(md, "|---|---|---|---|");
    md.push_str(&imports);
    let _ = writeln!(
        md,
        "\nNot measured by `make bench`: the desktop app's memory (PSS of the app and its WebKit \
         processes), which needs the window under Xvfb."
    );
    match out {
        Some(path) => std::fs::write(Path::new(&path), &md)?,
        None => print!("{md}"),
    }
    eprintln!("bench: {} budget(s) over", r.failed);
    Ok(())
}
