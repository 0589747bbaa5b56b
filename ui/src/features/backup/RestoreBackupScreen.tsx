import { Alert, Button, Group, Loader, PasswordInput, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft, IconFolderOpen } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { useSession } from "../../app/session";
import type { BackupInfo } from "../../bindings/BackupInfo";
import type { RestoreReport } from "../../bindings/RestoreReport";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageTitle } from "../../components/PageTitle";
import { StatusNote } from "../../components/StatusNote";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { isIpcError, pickBackup, restoreBackup, vaultStatus, verifyBackup } from "../../lib/ipc";
import { PurgeResult } from "../retention/PurgeResult";
import { BackupProgress } from "./BackupProgress";
import { backupErrorText, formatBytes } from "./labels";
import { SecretFields, useSecret } from "./SecretFields";

type Props = {
  /** A vault exists on this laptop: the backup replaces it, after a warning and a confirmation. */
  replaces: boolean;
  /** The vault it replaces is locked: its current passphrase is needed (an unlocked session
   * counts as the current secret). */
  needsCurrent?: boolean;
  /** Back to where the screen was opened (first run, the unlock screen or Settings). */
  onBack: () => void;
  /** After a restore: the vault exists and is locked; show the unlock screen. */
  onDone: () => void;
};

/** Restores a backup file: on first run instead of a new vault, or over the existing vault. */
export function RestoreBackupScreen({ replaces, needsCurrent = false, onBack, onDone }: Props) {
  const { t, locale } = useI18n();
  const session = useSession();
  // The file chosen in the backend's open dialog (shown, never sent back).
  const [file, setFile] = useState<string | null>(null);
  const secret = useSecret();
  const [current, setCurrent] = useState("");
  const [missing, setMissing] = useState(false);
  const [info, setInfo] = useState<BackupInfo | null>(null);
  // Kept in state, not in the mutation: the lock that follows a restore clears mutations.
  const [report, setReport] = useState<RestoreReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [leaving, setLeaving] = useState(false);
  const [confirming, setConfirming] = useState(false);

  // null: the user cancelled the dialog; an earlier choice stays.
  const choose = useMutation({
    mutationFn: pickBackup,
    onSuccess: (chosen) => {
      if (chosen !== null) changed(setFile, chosen);
    },
    onError: setError,
  });

  const verify = useMutation({
    mutationFn: () => verifyBackup(...secret.args()),
    onSuccess: setInfo,
    onError: setError,
  });

  const restore = useMutation({
    mutationFn: () => restoreBackup(...secret.args(), needsCurrent ? current : null),
    onSuccess: (result) => {
      secret.clear();
      setCurrent("");
      setReport(result);
      // The backend locked the vault before replacing it: nothing of the old one may stay cached.
      session.restored();
    },
    onError: (failure) => {
      setError(failure);
      // The file is checked before the vault is locked; a failure after that leaves it locked.
      // (Should the status not come, the next call's `locked` error shows the unlock screen.)
      // Over a locked vault nothing was locked: the user stays on the form.
      if (!replaces || needsCurrent) return;
      vaultStatus().then(
        (now) => {
          if (!now.unlocked) session.locked("manual");
        },
        () => undefined,
      );
    },
  });

  // Only a running restore blocks the form: "Terugzetten" right after "Back-up controleren" works.
  const busy = restore.isPending;

  // Any change makes an earlier check or error stale.
  function changed<T>(set: (value: T) => void, value: T) {
    set(value);
    setInfo(null);
    setError(null);
    setMissing(false);
  }

  const run = (action: "verify" | "restore") => {
    setError(null);
    if (file === null || !secret.filled || (action === "restore" && needsCurrent && current === "")) {
      setMissing(true);
      return;
    }
    if (action === "verify") verify.mutate();
    else if (replaces) setConfirming(true);
    else restore.mutate();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run("restore");
  };

  if (report !== null) {
    return (
      <VaultLayout>
        <Stack gap="md">
          <PageTitle focusOnMount>{t("restore.title")}</PageTitle>
          <StatusNote>
            {t("restore.done", {
              date: formatDateTime(locale, report.backup_created_at),
              contacts: report.contacts,
              interactions: report.interactions,
              erasures: report.erasures_reapplied,
            })}
          </StatusNote>
          <PurgeResult report={report.purge} detailed />
          {report.purge.stopped === "confirm" && (
            <Text>{t("purge.paused", { due: report.purge.contacts_due, total: report.purge.contacts_total })}</Text>
          )}
          <Text>{t(replaces ? "restore.doneHintReplaced" : "restore.doneHint")}</Text>
          <Button
            size="md"
            loading={leaving}
            onClick={() => {
              setLeaving(true);
              onDone();
            }}
          >
            {t("restore.toUnlock")}
          </Button>
        </Stack>
      </VaultLayout>
    );
  }

  return (
    <VaultLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PageTitle focusOnMount>{t("restore.title")}</PageTitle>
          <Text>{t("restore.intro")}</Text>
          {replaces && <StatusNote tone="warning">{t("restore.replaceWarning")}</StatusNote>}
          <Group align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label={t("restore.path")}
              description={t("restore.pathHelp")}
              value={file ?? ""}
              placeholder={t("restore.noFile")}
              readOnly
              spellCheck={false}
              style={{ flex: 1 }}
            />
            <Button
              variant="default"
              leftSection={<IconFolderOpen size={18} aria-hidden />}
              onClick={() => choose.mutate()}
              loading={choose.isPending}
              disabled={busy}
            >
              {t("restore.choose")}
            </Button>
          </Group>
          {needsCurrent && (
            <PasswordInput
              label={t("restore.current")}
              description={t("restore.currentHelp")}
              value={current}
              onChange={(event) => changed(setCurrent, event.currentTarget.value)}
              autoComplete="current-password"
              disabled={busy}
            />
          )}
          <SecretFields
            state={{
              ...secret,
              setSecret: (next) => changed(secret.setSecret, next),
            }}
            disabled={busy}
          />
          {missing && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden size={20} />}>
              {t("restore.required")}
            </Alert>
          )}
          {error !== null && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle aria-hidden size={20} />}>
              {needsCurrent && isIpcError(error, "wrong_passphrase")
                ? t("restore.wrongEither")
                : backupErrorText(t, error)}
            </Alert>
          )}
          {info && (
            <StatusNote title={t("restore.verified")}>
              <Table variant="vertical" withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">{t("restore.created")}</Table.Th>
                    <Table.Td>{formatDateTime(locale, info.created_at)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t("restore.appVersion")}</Table.Th>
                    <Table.Td>{info.app_version}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t("restore.size")}</Table.Th>
                    <Table.Td>{formatBytes(locale, info.bytes)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </StatusNote>
          )}
          {restore.isPending && (
            <Group role="status" gap="sm" justify="center">
              <Loader size="sm" aria-hidden />
              <Text>{t("restore.restoring")}</Text>
            </Group>
          )}
          <BackupProgress running={verify.isPending || restore.isPending} />
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconArrowLeft size={18} aria-hidden />}
              onClick={onBack}
              disabled={busy}
            >
              {t("restore.back")}
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={() => run("verify")} loading={verify.isPending} disabled={busy}>
                {t("restore.verify")}
              </Button>
              <Button type="submit" loading={restore.isPending} disabled={busy}>
                {t("restore.submit")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t("restore.confirmTitle")}
        message={t("restore.replaceWarning")}
        confirmLabel={t("restore.confirm")}
        onConfirm={() => {
          // The progress shows on the screen, not behind the dialog.
          setConfirming(false);
          restore.mutate();
        }}
        onCancel={() => setConfirming(false)}
      />
    </VaultLayout>
  );
}
