import { Checkbox, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useCallback, useMemo, useState, type ReactNode } from "react";

import type { BulkReport } from "../bindings/BulkReport";
import { useI18n, type MessageKey, type Translate } from "../i18n";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorAlert } from "./ErrorAlert";

export type Selection = {
  /** The selected keys that are still in the list. */
  selected: string[];
  has: (key: string) => boolean;
  toggle: (key: string, on: boolean) => void;
  /** Selects every row of the list (all of them, not only what is on screen) or none. */
  setAll: (on: boolean) => void;
  clear: () => void;
};

/** Which rows of a list are selected, by key; keys no longer in the list drop out. */
export function useSelection(keys: string[]): Selection {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const selected = useMemo(() => keys.filter((key, i) => chosen.has(key) && keys.indexOf(key) === i), [keys, chosen]);
  const has = useCallback((key: string) => chosen.has(key) && keys.includes(key), [chosen, keys]);
  const toggle = useCallback((key: string, on: boolean) => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const setAll = useCallback((on: boolean) => setChosen(on ? new Set(keys) : new Set()), [keys]);
  const clear = useCallback(() => setChosen(new Set()), []);
  return { selected, has, toggle, setAll, clear };
}

type BarProps = {
  /** How many rows the list has (distinct keys). */
  total: number;
  selection: Selection;
  /** The action buttons and forms, shown while something is selected. */
  children: ReactNode;
  /** Running: the number of rows being worked on. */
  busyCount?: number | null;
};

/** "Select all N" above a list, how many are selected, and the bulk actions. */
export function BulkBar({ total, selection, children, busyCount }: BarProps) {
  const { t } = useI18n();
  const n = selection.selected.length;
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Group gap="md" wrap="wrap">
          <Checkbox
            label={t("bulk.selectAll", { n: total })}
            checked={n > 0 && n === total}
            indeterminate={n > 0 && n < total}
            onChange={(event) => selection.setAll(event.currentTarget.checked)}
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("bulk.selected", { n })}
          </Text>
        </Group>
        {n > 0 && children}
        {busyCount != null && (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t("bulk.busy", { n: busyCount })}</Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The checkbox of one row, labelled with the row's name. */
export function RowCheckbox({ name, selection, rowKey }: { name: string; selection: Selection; rowKey: string }) {
  const { t } = useI18n();
  return (
    <Checkbox
      aria-label={t("bulk.selectRow", { name })}
      checked={selection.has(rowKey)}
      onChange={(event) => selection.toggle(rowKey, event.currentTarget.checked)}
    />
  );
}

/** What a bulk action did, in words; `names` maps a contact id to the name shown in the list. */
export function bulkOutcome(
  t: Translate,
  doneKey: MessageKey,
  report: BulkReport,
  names: (id: number) => string,
): string {
  const parts = [t(doneKey, { n: report.done.length })];
  if (report.skipped_restricted.length > 0) {
    parts.push(t("bulk.skippedRestricted", { names: report.skipped_restricted.map(names).join(", ") }));
  }
  if (report.skipped_suppressed.length > 0) {
    parts.push(t("bulk.skippedSuppressed", { names: report.skipped_suppressed.map(names).join(", ") }));
  }
  return parts.join(" ");
}

type DeleteProps = {
  opened: boolean;
  count: number;
  /** The deletion: `confirm` true after the mass-deletion question. */
  run: (confirm: boolean) => Promise<BulkReport>;
  onDone: (report: BulkReport) => void;
  onCancel: () => void;
  /** The sentence saying what goes, for `count` rows. */
  message: string;
};

/**
 * Asks before a bulk deletion; when the backend stops at the start-up purge's mass-deletion
 * rule, asks the purge's second question ("… of … contacts") before going on.
 */
export function BulkDeleteDialog({ opened, count, run, onDone, onCancel, message }: DeleteProps) {
  const { t } = useI18n();
  const [mass, setMass] = useState<BulkReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const go = async (confirm: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const report = await run(confirm);
      if (report.stopped === "confirm" && !confirm) {
        setMass(report);
        return;
      }
      setMass(null);
      onDone(report);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setMass(null);
    setError(null);
    onCancel();
  };

  return (
    <ConfirmDialog
      opened={opened}
      title={mass ? t("purge.confirmTitle") : t("bulk.deleteTitle", { n: count })}
      message={
        mass ? t("purge.confirmText", { due: mass.contacts_due, total: mass.contacts_total }) : message
      }
      confirmLabel={mass ? t("purge.confirmAnyway") : t("bulk.deleteConfirm", { n: count })}
      onConfirm={() => void go(mass !== null)}
      onCancel={cancel}
      busy={busy}
      error={error ? <ErrorAlert error={error} /> : undefined}
    />
  );
}
