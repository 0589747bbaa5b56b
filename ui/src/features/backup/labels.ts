import type { ErrorCode } from "../../bindings/ErrorCode";
import type { MessageKey, Translate } from "../../i18n";
import { errorText } from "../../lib/errors";
import { toIpcError } from "../../lib/ipc";

const BACKUP_ERRORS: Partial<Record<ErrorCode, MessageKey>> = {
  wrong_passphrase: "backupError.wrong_passphrase",
  wrong_recovery_key: "backupError.wrong_recovery_key",
  integrity: "backupError.integrity",
  newer_schema: "backupError.newer_schema",
  not_found: "backupError.not_found",
};

/** Plain words for an error of a backup command (about the backup file, not the vault). */
export function backupErrorText(t: Translate, error: unknown): string {
  const key = BACKUP_ERRORS[toIpcError(error).code];
  return key ? t(key) : errorText(t, error);
}

/** A file size for people: "840 kB", "12,4 MB". */
export function formatBytes(locale: string, bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
