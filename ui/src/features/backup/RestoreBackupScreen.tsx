import { Alert, Button, Checkbox, Group, List, Loader, PasswordInput, Radio, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft, IconFolderOpen } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { useSession } from "../../app/session";
import type { RestoreCheck } from "../../bindings/RestoreCheck";
import type { RestoreReport } from "../../bindings/RestoreReport";
import type { RestoreSecrets } from "../../bindings/RestoreSecrets";
import type { UnreadableReason } from "../../bindings/UnreadableReason";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageTitle } from "../../components/PageTitle";
import { StatusNote } from "../../components/StatusNote";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n, type MessageKey } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { isIpcError, pickBackup, restoreBackup, vaultStatus, verifyBackup } from "../../lib/ipc";
import { PurgeResult } from "../retention/PurgeResult";
import { BackupProgress } from "./BackupProgress";
import { backupErrorText, formatBytes } from "./labels";
import { SecretFields, useSecret } from "./SecretFields";

type Props = {
  /** A vault exists on this laptop: the backup replaces it, after a warning and a confirmation. */
  replaces: boolean;
  /** The vault it replaces is locked: its current secret is needed (an unlocked session
   * counts as the current secret). */
  needsCurrent?: boolean;
  /** The locked vault's key is remembered on this device (it can stand for the current secret). */
  remembered?: boolean;
  /** Back to where the screen was opened (first run, the unlock screen or Settings). */
  onBack: () => void;
  /** After a restore: the vault exists and is locked; show the unlock screen. */
  onDone: () => void;
};

/** Restores a backup file: on first run instead of a new vault, or over the existing vault. */
/** How the current secret of a locked vault is given. */
type CurrentKind = "passphrase" | "recovery" | "remembered";

const REASONS: Record<UnreadableReason, MessageKey> = {
  no_secret_opens_it: "restore.reason.no_secret_opens_it",
  wrong_newer_passphrase: "restore.reason.wrong_newer_passphrase",
  damaged: "restore.reason.damaged",
};

/** The backend's refusals that the check explains: another vault, an unreadable newer backup. */
const NEEDS_CHECK = ["other_vault", "newer_backup"];

export function RestoreBackupScreen({ replaces, needsCurrent = false, remembered = false, onBack, onDone }: Props) {
  const { t, locale } = useI18n();
  const session = useSession();
  // The file chosen in the backend's open dialog (shown, never sent back).
  const [file, setFile] = useState<string | null>(null);
  const secret = useSecret();
  const [current, setCurrent] = useState("");
  const [currentKind, setCurrentKind] = useState<CurrentKind>("passphrase");
  const [newer, setNewer] = useState("");
  const [confirmOther, setConfirmOther] = useState(false);
  const [acceptUnreadable, setAcceptUnreadable] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [missing, setMissing] = useState(false);
  // What the backend's check found; what needs confirming is shown from it, never decided here.
  const [info, setInfo] = useState<RestoreCheck | null>(null);
  // A passphrase typed for the newer backups since: the check must run again with it.
  const [stale, setStale] = useState(false);
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

  const secrets = (): RestoreSecrets => {
    const [passphrase, recovery_key] = secret.args();
    const given = (kind: CurrentKind) => needsCurrent && currentKind === kind;
    return {
      passphrase,
      recovery_key,
      current_passphrase: given("passphrase") ? current : null,
      current_recovery_key: given("recovery") ? current.trim() : null,
      current_remembered: given("remembered"),
      newer_passphrase: newer.trim() === "" ? null : newer,
    };
  };

  /** What the check found still needs the user: a confirmation or a newer backup's secret. */
  const open = (check: RestoreCheck) =>
    (check.other_vault && !confirmOther) || (check.unreadable_newer.length > 0 && !acceptUnreadable);

  const verify = useMutation({
    mutationFn: (_then: "show" | "restore") => verifyBackup(secrets()),
    onSuccess: (check, then) => {
      setInfo(check);
      setStale(false);
      if (then === "restore") proceed(check);
    },
    onError: setError,
  });

  const restore = useMutation({
    mutationFn: () => restoreBackup(secrets(), confirmOther, acceptUnreadable),
    onSuccess: (result) => {
      secret.clear();
      setCurrent("");
      setNewer("");
      setReport(result);
      // The backend locked the vault before replacing it: nothing of the old one may stay cached.
      session.restored();
    },
    onError: (failure) => {
      setError(failure);
      // Refused for what the check explains (another vault, an unreadable newer backup): show it.
      if (isIpcError(failure, "invalid_input") && NEEDS_CHECK.includes(failure.field ?? "")) {
        setInfo(null);
        verify.mutate("show");
        return;
      }
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
    setUnconfirmed(false);
    setConfirmOther(false);
    setAcceptUnreadable(false);
  }

  /** After the check: stop while something needs the user, else confirm and restore. */
  function proceed(check: RestoreCheck) {
    if (open(check)) {
      setUnconfirmed(true);
      return;
    }
    setUnconfirmed(false);
    if (replaces) setConfirming(true);
    else restore.mutate();
  }

  const currentMissing = needsCurrent && currentKind !== "remembered" && current.trim() === "";

  const run = (action: "verify" | "restore") => {
    setError(null);
    if (file === null || !secret.filled || currentMissing) {
      setMissing(true);
      return;
    }
    if (action === "verify") verify.mutate("show");
    else if (info === null || stale) verify.mutate("restore");
    else proceed(info);
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
            {report.interaction_deletions_reapplied > 0 &&
              ` ${t("restore.deletionsReapplied", { count: report.interaction_deletions_reapplied })}`}
          </StatusNote>
          <PurgeResult report={report.purge} />
          {report.purge.stopped === "confirm" && (
            <Text>{t("purge.paused", { due: report.purge.contacts_due, total: report.purge.contacts_total })}</Text>
          )}
          {report.unreadable_newer.length > 0 && (
            <Text>{t("restore.doneWithoutNewer", { files: report.unreadable_newer.join(", ") })}</Text>
          )}
          {/* Another vault's backup brings that vault's secrets; the same vault keeps its own. */}
          <Text>{t(replaces && info?.other_vault !== true ? "restore.doneHintReplaced" : "restore.doneHint")}</Text>
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
            <Radio.Group
              label={t("restore.currentHow")}
              value={currentKind}
              onChange={(value) => {
                changed(setCurrentKind, value as CurrentKind);
                setCurrent("");
              }}
            >
              <Group gap="md" mt={4}>
                <Radio value="passphrase" label={t("restore.currentWithPassphrase")} disabled={busy} />
                <Radio value="recovery" label={t("restore.currentWithRecovery")} disabled={busy} />
                {remembered && (
                  <Radio value="remembered" label={t("restore.currentWithRemembered")} disabled={busy} />
                )}
              </Group>
            </Radio.Group>
          )}
          {needsCurrent && currentKind !== "remembered" && (
            <PasswordInput
              key={currentKind}
              label={currentKind === "recovery" ? t("restore.currentRecovery") : t("restore.current")}
              description={currentKind === "recovery" ? t("restore.currentRecoveryHelp") : t("restore.currentHelp")}
              value={current}
              onChange={(event) => changed(setCurrent, event.currentTarget.value)}
              autoComplete={currentKind === "recovery" ? "off" : "current-password"}
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
              {needsCurrent && currentKind === "passphrase" && isIpcError(error, "wrong_passphrase")
                ? t("restore.wrongEither")
                : needsCurrent && currentKind === "recovery" && isIpcError(error)
                  ? t("restore.wrongEitherKey")
                  : backupErrorText(t, error)}
            </Alert>
          )}
          {info && (
            <StatusNote title={t("restore.verified")}>
              <Table variant="vertical" withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row">{t("restore.created")}</Table.Th>
                    <Table.Td>{formatDateTime(locale, info.backup.created_at)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t("restore.appVersion")}</Table.Th>
                    <Table.Td>{info.backup.app_version}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{t("restore.size")}</Table.Th>
                    <Table.Td>{formatBytes(locale, info.backup.bytes)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </StatusNote>
          )}
          {info?.other_vault && (
            <StatusNote tone="warning" title={t("restore.otherVaultTitle")}>
              <Stack gap="xs">
                <Text size="sm">{t("restore.otherVault")}</Text>
                <Checkbox
                  label={t("restore.confirmOtherVault")}
                  checked={confirmOther}
                  onChange={(event) => setConfirmOther(event.currentTarget.checked)}
                  disabled={busy}
                />
              </Stack>
            </StatusNote>
          )}
          {info !== null && info.unreadable_newer.length > 0 && (
            <StatusNote tone="warning" title={t("restore.unreadableTitle")}>
              <Stack gap="xs">
                <Text size="sm">{t("restore.unreadable")}</Text>
                <List size="sm">
                  {info.unreadable_newer.map((u) => (
                    <List.Item key={u.file}>
                      {t("restore.unreadableItem", {
                        file: u.file,
                        date: formatDateTime(locale, u.created_at),
                        reason: t(REASONS[u.reason]),
                      })}
                    </List.Item>
                  ))}
                </List>
                <PasswordInput
                  label={t("restore.newerPassphrase")}
                  description={t("restore.newerPassphraseHelp")}
                  value={newer}
                  onChange={(event) => {
                    setNewer(event.currentTarget.value);
                    setStale(true);
                    setUnconfirmed(false);
                    setError(null);
                  }}
                  autoComplete="off"
                  disabled={busy}
                />
                <Checkbox
                  label={t("restore.acceptUnreadable")}
                  checked={acceptUnreadable}
                  onChange={(event) => setAcceptUnreadable(event.currentTarget.checked)}
                  disabled={busy}
                />
              </Stack>
            </StatusNote>
          )}
          {unconfirmed && info !== null && open(info) && (
            <Alert role="alert" color="orange" variant="light" icon={<IconAlertCircle aria-hidden size={20} />}>
              {t("restore.unconfirmed")}
            </Alert>
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
              <Button variant="default" onClick={() => run("verify")} loading={verify.isPending} disabled={busy || verify.isPending}>
                {t("restore.verify")}
              </Button>
              <Button type="submit" loading={restore.isPending} disabled={busy || verify.isPending}>
                {t("restore.submit")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t("restore.confirmTitle")}
        message={info?.other_vault ? t("restore.replaceOtherWarning") : t("restore.replaceWarning")}
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
