import { Alert, Button, Group, Input, Loader, NumberInput, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconFolderOpen, IconRestore } from "@tabler/icons-react";
import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { mutationKeys, queryKeys } from "../../app/queryKeys";
import { useSession } from "../../app/session";
import type { BackupStatus } from "../../bindings/BackupStatus";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadingNote } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { useI18n, type Translate } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import {
  backupTo,
  chooseBackupFolder,
  isIpcError,
  runBackup,
  setBackupSettings,
  stopAutomaticBackups,
  testRestore,
} from "../../lib/ipc";
import { BackupProgress } from "./BackupProgress";
import { backupErrorText } from "./labels";
import { useBackupStatus } from "./queries";
import { SecretFields, useSecret } from "./SecretFields";

export const KEEP_MIN = 1;
export const KEEP_MAX = 365;
export const EVERY_MIN = 1;
export const EVERY_MAX = 24 * 31;

/** The Settings screen's "Back-ups" section. */
export function BackupSettings() {
  const { t } = useI18n();
  const session = useSession();
  const status = useBackupStatus();
  const working = useIsMutating({ mutationKey: mutationKeys.backupWork }) > 0;
  if (status.isPending) return <LoadingNote dense />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  return (
    <Stack gap="lg">
      <BackupState status={status.data} />
      <BackupForm status={status.data} />
      <BackupActions status={status.data} />
      <TestRestore />
      <Group>
        <Button
          variant="default"
          leftSection={<IconRestore size={18} aria-hidden />}
          // Not while a backup runs here: leaving would hide its progress, and it would race the restore.
          disabled={working}
          onClick={() => session.startRestore()}
        >
          {t("backup.restore")}
        </Button>
      </Group>
      <BackupProgress running={working} />
    </Stack>
  );
}

function BackupState({ status }: { status: BackupStatus }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="xs">
      <Text style={{ overflowWrap: "anywhere" }}>
        {status.settings.dir === null ? t("backup.off") : t("backup.folderIs", { dir: status.settings.dir })}
      </Text>
      {/* One message: "none yet" is the warning itself, not a line beside "older than planned". */}
      {status.warning === "none-yet" ? (
        <StatusNote tone="warning">{t("backup.never")}</StatusNote>
      ) : (
        <Text>
          {status.last_backup_at === null
            ? t("backup.never")
            : t("backup.last", { time: formatDateTime(locale, status.last_backup_at) })}
        </Text>
      )}
      {status.warning === "older-than-planned" && <StatusNote tone="warning">{t("backup.overdue")}</StatusNote>}
    </Stack>
  );
}

/** What is wrong with the folder the backend refused, in words; null for other errors. */
function folderErrorText(t: Translate, error: unknown): string | null {
  if (!isIpcError(error, "invalid_input") || error.field !== "dir") return null;
  if (error.message.includes("cannot be written")) return t("backup.dirNotWritable");
  if (error.message.includes("does not exist")) return t("backup.dirMissing");
  return t("backup.dirInvalid");
}

function wholeIn(value: number | string, min: number, max: number): number | null {
  const n = typeof value === "number" ? value : Number(value);
  if (String(value).trim() === "" || !Number.isInteger(n) || n < min || n > max) return null;
  return n;
}

function BackupForm({ status }: { status: BackupStatus }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState<number | string>(status.settings.keep);
  const [every, setEvery] = useState<number | string>(status.settings.every_hours);
  const [errors, setErrors] = useState<{ keep?: string; every?: string }>({});
  const [saved, setSaved] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.backupStatus });
  const folderErrorId = useId();

  // The backend asks for the folder and turns automatic backups on into it; null: cancelled.
  const folder = useMutation({
    mutationFn: chooseBackupFolder,
    onSuccess: async (chosen) => {
      if (chosen !== null) await refresh();
    },
  });

  const stop = useMutation({
    mutationFn: stopAutomaticBackups,
    onSuccess: refresh,
  });

  const save = useMutation({
    mutationFn: ({ keep, every }: { keep: number; every: number }) => setBackupSettings(keep, every),
    onSuccess: async () => {
      setSaved(true);
      await refresh();
    },
  });

  const folderError = folder.isError ? folderErrorText(t, folder.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const keepValue = wholeIn(keep, KEEP_MIN, KEEP_MAX);
    const everyValue = wholeIn(every, EVERY_MIN, EVERY_MAX);
    const next = {
      keep: keepValue === null ? t("backup.keepInvalid") : undefined,
      every: everyValue === null ? t("backup.everyInvalid") : undefined,
    };
    setErrors(next);
    if (keepValue === null || everyValue === null) return;
    save.mutate({ keep: keepValue, every: everyValue });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("backup.dirHelp")}
        </Text>
        <Input.Wrapper label={t("backup.dir")} error={folderError} errorProps={{ id: folderErrorId }}>
          <Group gap="xs" mt={4}>
            <Button
              variant="default"
              leftSection={<IconFolderOpen size={18} aria-hidden />}
              onClick={() => folder.mutate()}
              loading={folder.isPending}
              disabled={stop.isPending}
              aria-invalid={folderError !== null ? true : undefined}
              aria-describedby={folderError !== null ? folderErrorId : undefined}
            >
              {t("backup.chooseFolder")}
            </Button>
            {status.settings.dir !== null && (
              <Button variant="subtle" onClick={() => stop.mutate()} loading={stop.isPending} disabled={folder.isPending}>
                {t("backup.stop")}
              </Button>
            )}
          </Group>
        </Input.Wrapper>
        <Group align="flex-start" grow maw={420}>
          <NumberInput
            label={t("backup.keep")}
            value={keep}
            onChange={(value) => {
              setKeep(value);
              setSaved(false);
            }}
            min={KEEP_MIN}
            max={KEEP_MAX}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            error={errors.keep}
          />
          <NumberInput
            label={t("backup.every")}
            value={every}
            onChange={(value) => {
              setEvery(value);
              setSaved(false);
            }}
            min={EVERY_MIN}
            max={EVERY_MAX}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            error={errors.every}
          />
        </Group>
        {folder.isError && folderError === null && <ErrorAlert error={folder.error} />}
        {stop.isError && <ErrorAlert error={stop.error} />}
        {save.isError && <ErrorAlert error={save.error} />}
        {saved && <StatusNote>{t("backup.saved")}</StatusNote>}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("backup.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BackupActions({ status }: { status: BackupStatus }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [note, setNote] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.backupStatus });

  const now = useMutation({
    mutationKey: mutationKeys.backupWork,
    mutationFn: () => runBackup(true),
    onSuccess: async (path) => {
      setNote(path === null ? t("backup.notDue") : t("backup.written", { path }));
      await refresh();
    },
  });

  const toFile = useMutation({
    mutationKey: mutationKeys.backupWork,
    // The backend asks where to save; null: the user cancelled.
    mutationFn: backupTo,
    onSuccess: async (path) => {
      if (path === null) return;
      setNote(t("backup.savedTo", { path }));
      await refresh();
    },
  });

  const start = (action: () => void) => {
    setNote(null);
    action();
  };
  const busy = now.isPending || toFile.isPending;

  return (
    <Stack gap="sm">
      {now.isError && <ErrorAlert error={now.error} />}
      {toFile.isError && <ErrorAlert error={toFile.error} />}
      {note && (
        <StatusNote>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {note}
          </Text>
        </StatusNote>
      )}
      <Group>
        <Button
          variant="default"
          loading={now.isPending}
          disabled={busy || status.settings.dir === null}
          onClick={() => start(() => now.mutate())}
        >
          {t("backup.runNow")}
        </Button>
        <Button variant="default" loading={toFile.isPending} disabled={busy} onClick={() => start(() => toFile.mutate())}>
          {t("backup.toFile")}
        </Button>
      </Group>
    </Stack>
  );
}

function TestRestore() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const secret = useSecret();
  const [missing, setMissing] = useState(false);

  const test = useMutation({
    mutationKey: mutationKeys.backupWork,
    mutationFn: () => testRestore(...secret.args()),
    onSuccess: () => secret.clear(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!secret.filled) {
      setMissing(true);
      return;
    }
    setMissing(false);
    test.mutate();
  };

  if (!open) {
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          {t("backup.testRestore")}
        </Button>
      </Group>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("backup.testRestore")}>
      <Stack gap="sm" maw={420}>
        <Text size="sm">{t("backup.testIntro")}</Text>
        <SecretFields
          state={{
            ...secret,
            setSecret: (next) => {
              secret.setSecret(next);
              setMissing(false);
            },
          }}
          disabled={test.isPending}
        />
        {missing && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden size={20} />}>
            {t("restore.required")}
          </Alert>
        )}
        {test.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden size={20} />}>
            {backupErrorText(t, test.error)}
          </Alert>
        )}
        {test.isPending && (
          <Group role="status" gap="sm">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t("backup.testing")}</Text>
          </Group>
        )}
        {test.data && (
          <StatusNote>
            {t("backup.testDone", {
              date: formatDateTime(locale, test.data.backup_created_at),
              contacts: test.data.contacts,
              interactions: test.data.interactions,
            })}
          </StatusNote>
        )}
        <Group>
          <Button type="submit" loading={test.isPending}>
            {t("backup.testStart")}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)} disabled={test.isPending}>
            {t("common.close")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
