//! Backups: make one (by hand or on the schedule), its settings, check one, restore one.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use kluis::domain::backup;
use kluis::{app, vault, Error};

use super::common::{
    backup_secret, confirm_destroy, current_secret, open, print_json, purge_notice, secret_from,
    Ctx, Failure, Out, ACTOR,
};

#[derive(Subcommand)]
pub enum Cmd {
    /// Write an encrypted backup of the vault to --out, or with --auto run the schedule
    /// (a backup into the backup folder when one is due, keeping the newest N; for cron).
    #[command(display_order = 21)]
    Backup {
        #[arg(long, value_name = "FILE", required_unless_present = "auto")]
        out: Option<PathBuf>,
        #[arg(long, conflicts_with = "out")]
        auto: bool,
        /// With --auto: make one now even when none is due.
        #[arg(long, requires = "auto")]
        force: bool,
    },
    /// The automatic-backup folder, how many to keep and how often (shows them without flags).
    #[command(display_order = 22)]
    BackupSettings {
        #[arg(long, value_name = "DIR")]
        dir: Option<String>,
        #[arg(long)]
        keep: Option<u32>,
        #[arg(long)]
        every_hours: Option<u32>,
        /// Turn automatic backups off.
        #[arg(long, conflicts_with = "dir")]
        off: bool,
    },
    /// Restore the newest automatic backup into a temporary folder and check it (the live
    /// vault is not touched).
    #[command(display_order = 23)]
    TestRestore,
    /// Check a backup completely (passphrase from KLUIS_PASSPHRASE or the recovery key from
    /// KLUIS_RECOVERY_KEY); never opens the live vault.
    #[command(display_order = 24)]
    VerifyBackup { file: PathBuf },
    /// Restore a backup into the vault folder. Replacing a vault there needs its current
    /// passphrase (KLUIS_PASSPHRASE, the remembered key, or a prompt) and --yes; the backup
    /// opens with KLUIS_BACKUP_PASSPHRASE (default: KLUIS_PASSPHRASE) or KLUIS_RECOVERY_KEY.
    /// Newer backups of the vault beside the file made after a key rotation open with
    /// KLUIS_NEWER_PASSPHRASE.
    #[command(display_order = 25)]
    Restore {
        file: PathBuf,
        #[arg(long)]
        yes: bool,
        /// The file is a backup of another vault: replace the vault in the folder with it.
        #[arg(long)]
        other_vault: bool,
        /// Restore although a newer backup of this vault beside the file cannot be read
        /// (erasures only it knows would be missing).
        #[arg(long)]
        accept_unreadable_newer: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: Cmd) -> Out {
    match cmd {
        Cmd::Backup { out, auto, force } => {
            let mut v = open(ctx)?;
            if auto {
                let when = if force { backup::auto::When::Now } else { backup::auto::When::Due };
                let made = backup::auto::run(&mut v, when, &mut meter(ctx))?;
                if ctx.json {
                    return print_json(&serde_json::json!({ "out": made }));
                }
                match made {
                    Some(p) => println!("Backup written to {}.", p.display()),
                    None => println!("No backup due yet."),
                }
                return Ok(());
            }
            let out =
                out.ok_or_else(|| Failure::Usage("backup needs --out FILE or --auto".into()))?;
            let h = backup::create(&mut v, &out, &mut meter(ctx))?;
            if ctx.json {
                return print_json(&serde_json::json!({ "out": out, "bytes": h.body_len }));
            }
            println!("Backup written to {} ({} bytes of database).", out.display(), h.body_len);
            Ok(())
        }
        Cmd::BackupSettings { dir, keep, every_hours, off } => {
            let mut v = open(ctx)?;
            let mut s = backup::auto::settings(v.conn())?;
            let changed = dir.is_some() || keep.is_some() || every_hours.is_some() || off;
            if off {
                s.dir = None;
            }
            if let Some(d) = dir {
                s.dir = Some(d);
            }
            s.keep = keep.unwrap_or(s.keep);
            s.every_hours = every_hours.unwrap_or(s.every_hours);
            if changed {
                v.write(|tx, c| backup::auto::set_settings(tx, c, &s))?;
            }
            let st = backup::auto::status(v.conn(), v.now())?;
            if ctx.json {
                return print_json(&st);
            }
            println!(
                "folder      {}",
                st.settings.dir.as_deref().unwrap_or("(automatic backups off)")
            );
            println!("keep        {}", st.settings.keep);
            println!("every       {} hours", st.settings.every_hours);
            println!(
                "last backup {}{}",
                st.last_backup_at.as_deref().unwrap_or("never"),
                if st.overdue { " (overdue)" } else { "" }
            );
            Ok(())
        }
        Cmd::TestRestore => {
            let v = open(ctx)?;
            let s = backup::auto::settings(v.conn())?;
            let dir = s.dir.ok_or_else(|| Error::invalid("dir", "no backup folder is set"))?;
            drop(v);
            let secret = backup_secret()?;
            let r = app::restore::test_restore(
                Path::new(&dir),
                &secret.as_secret(),
                ctx.clock,
                &mut meter(ctx),
            )?;
            if ctx.json {
                return print_json(&r);
            }
            println!(
                "Test restore OK: the backup of {} opens and holds {} contacts and {} interactions.",
                r.backup_created_at, r.contacts, r.interactions
            );
            Ok(())
        }
        Cmd::VerifyBackup { file } => {
            let secret = backup_secret()?;
            let info = backup::verify(&file, &secret.as_secret(), &mut meter(ctx))?;
            if ctx.json {
                return print_json(&info);
            }
            println!(
                "Backup OK: made {} by Kluis {}, {} bytes.",
                info.created_at, info.app_version, info.bytes
            );
            Ok(())
        }
        Cmd::Restore { file, yes, other_vault, accept_unreadable_newer } => {
            let over = vault::exists(&ctx.dir);
            let current = if over { Some(current_secret(ctx)?) } else { None };
            let secret = backup_secret()?;
            if over && !yes {
                // Check the file before asking anything (restore checks it again itself).
                backup::verify(&file, &secret.as_secret(), &mut meter(ctx))?;
                confirm_destroy(yes, &format!("replace the vault in {}", ctx.dir.display()))?;
            }
            let newer = secret_from("KLUIS_NEWER_PASSPHRASE");
            let options = app::restore::Options {
                current: current.as_ref().map(|c| c.as_current()),
                other_vault,
                accept_unreadable_newer,
                newer: newer.iter().map(|p| backup::BackupSecret::Passphrase(p)).collect(),
            };
            let r = app::restore::restore(
                &file,
                &ctx.dir,
                &secret.as_secret(),
                &options,
                ctx.clock,
                ACTOR,
                &mut meter(ctx),
            )
            .map_err(|e| match e {
                Error::InvalidInput { field: "newer_backup", message } => {
                    Failure::Core(Error::InvalidInput {
                        field: "newer_backup",
                        message: format!(
                            "{message} (KLUIS_NEWER_PASSPHRASE, or --accept-unreadable-newer)"
                        ),
                    })
                }
                Error::InvalidInput { field: "other_vault", message } => {
                    Failure::Usage(format!("{message}: add --other-vault"))
                }
                e => Failure::Core(e),
            })?;
            for f in &r.ignored_files {
                eprintln!("note: not a backup of this vault, not read for erasures: {f}");
            }
            for f in &r.unreadable_newer {
                eprintln!("warning: newer backup not read (accepted): {f}");
            }
            purge_notice(&r.purge);
            if ctx.json {
                return print_json(&r);
            }
            println!(
                "Restored the backup of {}: {} contacts, {} interactions; {} erasures and {} interaction deletions re-applied; {} items removed under the retention policy.",
                r.backup_created_at,
                r.contacts,
                r.interactions,
                r.erasures_reapplied,
                r.interaction_deletions_reapplied,
                r.purge.removed()
            );
            Ok(())
        }
    }
}

/// Progress of a backup or restore on stderr (with `--progress` or on a terminal): a line when
/// a step starts and at every tenth of the long ones.
fn meter(ctx: &Ctx) -> impl FnMut(backup::Progress) {
    use backup::Step;
    let show = ctx.progress;
    let mut last = None;
    move |p: backup::Progress| {
        let tenth = p.done.saturating_mul(10).checked_div(p.total).unwrap_or(10);
        let long = matches!(p.step, Step::Encrypt | Step::Verify);
        let key = (p.step, if long { tenth } else { 0 });
        if !show || last == Some(key) {
            return;
        }
        last = Some(key);
        let label = match p.step {
            Step::Snapshot => "Reading the database",
            Step::Encrypt => "Encrypting the backup",
            Step::Verify => "Verifying the backup",
            Step::Write => "Writing the restored vault",
            Step::Check => "Checking the restored database",
            Step::Erasures => "Re-applying erasures",
            Step::Purge => "Applying the retention policy",
            Step::Swap => "Putting the restored vault in place",
        };
        if long {
            eprintln!("{label}: {}%", tenth * 10);
        } else {
            eprintln!("{label}...");
        }
    }
}
