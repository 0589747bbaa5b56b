// Backups in the fake backend of `npm run dev:mock`: nothing is written anywhere.
import { emit } from "@tauri-apps/api/event";

import type { ApiError } from "../bindings/ApiError";
import type { AutoBackup } from "../bindings/AutoBackup";
import type { BackupSettings } from "../bindings/BackupSettings";
import type { Progress } from "../bindings/Progress";
import type { RestoreReport } from "../bindings/RestoreReport";
import type { Step } from "../bindings/Step";
import { AUTO_BACKUP_EVENT, BACKUP_PROGRESS_EVENT } from "../lib/ipc";

type Args = Record<string, unknown>;
type Fail = (code: ApiError["code"], message: string, field?: string | null) => never;

type Context = {
  now: () => string;
  fail: Fail;
  requireUnlocked: () => void;
  /** The demo passphrase; a restored vault opens with it too. */
  passphrase: () => string;
  contactCount: () => number;
  /** A vault exists and is locked (restoring over it needs its current passphrase). */
  lockedVault: () => boolean;
  /** Locks a running vault (a restore does so once the file has been checked). */
  lock: () => void;
  /** Called after a restore: the vault exists and is locked. */
  restored: () => void;
};

const BACKUP_BYTES = 1_250_000;
/** The pause after each progress event, so the progress bar can be seen. */
const STEP_MS = 80;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `backup-progress` for `steps` as the backend does: bytes for two, 0 then 1 of 1 for the rest. */
async function progress(...steps: Step[]): Promise<void> {
  for (const step of steps) {
    const total = step === "encrypt" || step === "verify" ? BACKUP_BYTES : 1;
    const parts = total === 1 ? 1 : 10;
    for (let i = 0; i <= parts; i++) {
      await emit(BACKUP_PROGRESS_EVENT, { step, done: Math.round((total * i) / parts), total } satisfies Progress);
      await pause(STEP_MS);
    }
  }
}

/**
 * `?backup=overdue` makes the last backup older than planned (so unlocking makes an automatic
 * one; try it with `?state=locked`); `?autobackup=fail` makes that automatic backup fail.
 */
export function backupHandlers(ctx: Context, params: URLSearchParams) {
  let settings: BackupSettings = { dir: "/media/usb/kluis-back-ups", keep: 10, every_hours: 24 };
  const daysAgo = params.get("backup") === "overdue" ? 3 : 0;
  let last: string | null = new Date(Date.now() - daysAgo * 86_400_000 - 3_600_000).toISOString();

  const checkSecret = (args: Args) => {
    if (typeof args.recoveryKey === "string") {
      if (args.recoveryKey.length < 8) ctx.fail("wrong_recovery_key", "wrong recovery key");
    } else if (args.passphrase !== ctx.passphrase()) ctx.fail("wrong_passphrase", "wrong passphrase");
  };
  const checkFile = (path: unknown) => {
    const p = String(path);
    if (!p.endsWith(".kluisbackup")) ctx.fail("not_found", "no such backup file");
    if (p.includes("damaged")) ctx.fail("integrity", "authentication tag mismatch");
    if (p.includes("newer")) ctx.fail("newer_schema", "schema 99");
  };
  const report = (): RestoreReport => ({
    backup_created_at: last ?? ctx.now(),
    contacts: ctx.contactCount(),
    interactions: 12,
    erasures_reapplied: 1,
    unreadable_newer: [],
    ignored_files: [],
    purge: {
      ran: false,
      stopped: null,
      contacts_deleted: 0,
      interactions_deleted: 0,
      documents_deleted: 0,
      records_deleted: 0,
      audit_rows_pruned: 0,
      queued_for_review: 0,
      contacts_due: 0,
      contacts_total: 0,
    },
  });

  const overdue = () =>
    settings.dir !== null &&
    (last === null || Date.now() - new Date(last).getTime() > settings.every_hours * 3_600_000);
  /** A backup into the folder; the file's name. */
  const backUp = async (dir: string): Promise<string> => {
    await progress("snapshot", "encrypt");
    last = new Date().toISOString();
    return `${dir}/kluis-${last.slice(0, 10)}.kluisbackup`;
  };

  /** As the app does after unlocking: an automatic backup when one is due, its outcome as an event. */
  const afterUnlock = () => {
    const dir = settings.dir;
    if (dir === null || !overdue()) return;
    void (async () => {
      const outcome: AutoBackup =
        params.get("autobackup") === "fail"
          ? {
              file: null,
              error: { code: "internal", message: `I/O error: ${dir}: No such file or directory (os error 2)`, field: null },
            }
          : { file: await backUp(dir), error: null };
      await emit(AUTO_BACKUP_EVENT, outcome);
    })();
  };

  const handlers: Record<string, (args: Args) => unknown> = {
    backup_status: () => {
      ctx.requireUnlocked();
      return { settings, last_backup_at: last, overdue: overdue() };
    },
    set_backup_settings: (args) => {
      ctx.requireUnlocked();
      const next = args.settings as BackupSettings;
      if (next.keep < 1 || next.keep > 365) ctx.fail("invalid_input", "keep: 1 to 365", "keep");
      if (next.dir !== null && !next.dir.startsWith("/")) ctx.fail("invalid_input", "dir: no such folder", "dir");
      settings = next;
      return null;
    },
    run_backup: async () => {
      ctx.requireUnlocked();
      return settings.dir === null ? null : backUp(settings.dir);
    },
    backup_to: async () => {
      ctx.requireUnlocked();
      await backUp("/tmp");
      return null;
    },
    test_restore: async (args) => {
      ctx.requireUnlocked();
      checkSecret(args);
      await progress("verify", "write", "check", "erasures", "purge", "swap");
      return report();
    },
    verify_backup: async (args) => {
      checkFile(args.path);
      checkSecret(args);
      await progress("verify");
      return { created_at: last ?? ctx.now(), app_version: "0.1.0", schema_version: 1, bytes: BACKUP_BYTES, vault_id: "demo" };
    },
    restore_backup: async (args) => {
      checkFile(args.path);
      // As the backend: over a locked vault its current passphrase is needed (an unlocked
      // session counts as the current secret).
      if (ctx.lockedVault() && args.currentPassphrase !== ctx.passphrase()) {
        ctx.fail("wrong_passphrase", "wrong passphrase");
      }
      checkSecret(args);
      // As the backend: the file is checked in full before the vault is locked and replaced.
      await progress("verify");
      ctx.lock();
      await progress("verify", "write", "check", "erasures", "purge", "swap");
      ctx.restored();
      return report();
    },
  };
  return { handlers, afterUnlock };
}
