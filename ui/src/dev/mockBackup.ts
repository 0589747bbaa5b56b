// Backups in the fake backend of `npm run dev:mock`: nothing is written anywhere.
import type { ApiError } from "../bindings/ApiError";
import type { BackupSettings } from "../bindings/BackupSettings";
import type { RestoreReport } from "../bindings/RestoreReport";

type Args = Record<string, unknown>;
type Fail = (code: ApiError["code"], message: string, field?: string | null) => never;

type Context = {
  now: () => string;
  fail: Fail;
  requireUnlocked: () => void;
  /** The demo passphrase; a restored vault opens with it too. */
  passphrase: () => string;
  contactCount: () => number;
  /** Called after a restore: the vault exists and is locked. */
  restored: () => void;
};

/** `?backup=overdue` makes the last backup older than planned. */
export function backupHandlers(ctx: Context, params: URLSearchParams): Record<string, (args: Args) => unknown> {
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

  return {
    backup_status: () => {
      ctx.requireUnlocked();
      const overdue =
        settings.dir !== null &&
        (last === null || Date.now() - new Date(last).getTime() > settings.every_hours * 3_600_000);
      return { settings, last_backup_at: last, overdue };
    },
    set_backup_settings: (args) => {
      ctx.requireUnlocked();
      const next = args.settings as BackupSettings;
      if (next.keep < 1 || next.keep > 365) ctx.fail("invalid_input", "keep: 1 to 365", "keep");
      if (next.dir !== null && !next.dir.startsWith("/")) ctx.fail("invalid_input", "dir: no such folder", "dir");
      settings = next;
      return null;
    },
    run_backup: () => {
      ctx.requireUnlocked();
      if (settings.dir === null) return null;
      last = new Date().toISOString();
      return `${settings.dir}/kluis-${last.slice(0, 10)}.kluisbackup`;
    },
    backup_to: () => {
      ctx.requireUnlocked();
      last = new Date().toISOString();
      return null;
    },
    test_restore: (args) => {
      ctx.requireUnlocked();
      checkSecret(args);
      return report();
    },
    verify_backup: (args) => {
      checkFile(args.path);
      checkSecret(args);
      return { created_at: last ?? ctx.now(), app_version: "0.1.0", schema_version: 1, bytes: 1_250_000, vault_id: "demo" };
    },
    restore_backup: (args) => {
      checkFile(args.path);
      checkSecret(args);
      ctx.restored();
      return report();
    },
  };
}
