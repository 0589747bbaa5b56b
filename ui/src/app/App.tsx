import { Button, Stack } from "@mantine/core";
import { useEffect, useState } from "react";

import { ErrorAlert } from "../components/ErrorAlert";
import { FullPageLoader } from "../components/FullPageLoader";
import { PageTitle } from "../components/PageTitle";
import { VaultLayout } from "../components/VaultLayout";
import { RestoreBackupScreen } from "../features/backup/RestoreBackupScreen";
import { FirstRunScreen } from "../features/vault/FirstRunScreen";
import { PurposesSetupScreen } from "../features/vault/PurposesSetupScreen";
import { useVaultStatus } from "../features/vault/queries";
import { RecoveryKeyScreen } from "../features/vault/RecoveryKeyScreen";
import { UnlockScreen } from "../features/vault/UnlockScreen";
import { useI18n } from "../i18n";
import { useSession, useSessionState } from "./session";
import { Shell, type View } from "./Shell";
import { useAutoBackupEvent } from "./useAutoBackupEvent";
import { useVaultLockedEvent } from "./useVaultLockedEvent";

type Props = {
  /** The screen the unlocked app starts on (default: the overview). */
  startView?: View;
};

/** Chooses the screen from the vault's state: first run, unlock, or the app. */
export function App({ startView }: Props = {}) {
  const { t } = useI18n();
  const session = useSession();
  const status = useVaultStatus();
  // Shown once, right after the vault is created.
  const [created, setCreated] = useState<{ recoveryKey: string; vaultId: string; rememberRequested: boolean } | null>(
    null,
  );
  // First run only: after the recovery key, ask what client data is used for.
  const [choosingPurposes, setChoosingPurposes] = useState(false);
  const { restoring } = useSessionState();
  // Leaving a restore opened in Settings (the vault still unlocked) returns there; a lock ends it.
  const [backToSettings, setBackToSettings] = useState(false);

  useVaultLockedEvent(session);
  useAutoBackupEvent(session);

  // Once the locked screen is up (and every screen with personal data is gone),
  // make sure nothing they held, or re-requested while closing, stays cached.
  const locked = status.data?.exists === true && !status.data.unlocked;
  useEffect(() => {
    if (locked) session.clearPrivateData();
  }, [locked, session]);
  // The purposes step belongs to the first run; a lock ends it (it never follows an unlock).
  if (locked && choosingPurposes) setChoosingPurposes(false);
  if (locked && backToSettings) setBackToSettings(false);

  if (created !== null) {
    const rememberFailed =
      created.rememberRequested &&
      status.data !== undefined &&
      !status.isFetching &&
      !status.data.remembered;
    return (
      <RecoveryKeyScreen
        recoveryKey={created.recoveryKey}
        vaultId={created.vaultId}
        rememberFailed={rememberFailed}
        onContinue={() => {
          setCreated(null);
          setChoosingPurposes(true);
        }}
      />
    );
  }
  // A failed refetch keeps the last known state on screen; only a first failure shows this.
  if (status.data === undefined) {
    if (!status.isError) return <FullPageLoader label={t("app.loading")} />;
    return (
      <VaultLayout>
        <Stack gap="md">
          <PageTitle>{t("app.name")}</PageTitle>
          <ErrorAlert error={status.error} title={t("app.statusError")} />
          <Button onClick={() => void status.refetch()} loading={status.isFetching}>
            {t("common.retry")}
          </Button>
        </Stack>
      </VaultLayout>
    );
  }

  const vault = status.data;
  if (restoring) {
    return (
      <RestoreBackupScreen
        replaces={vault.exists}
        needsCurrent={vault.exists && !vault.unlocked}
        remembered={vault.remembered}
        onBack={() => {
          if (vault.unlocked) setBackToSettings(true);
          session.endRestore();
        }}
        // The restored vault exists and is locked: refresh vault_status, then unlock.
        onDone={() => void status.refetch().finally(() => session.endRestore())}
      />
    );
  }
  const startRestore = () => session.startRestore();
  if (!vault.exists) {
    return (
      <FirstRunScreen
        onCreated={(recoveryKey, vaultId, rememberRequested) => setCreated({ recoveryKey, vaultId, rememberRequested })}
        onRestore={startRestore}
      />
    );
  }
  if (!vault.unlocked) return <UnlockScreen status={vault} onRestore={startRestore} />;
  if (choosingPurposes) return <PurposesSetupScreen onDone={() => setChoosingPurposes(false)} />;
  return <Shell status={vault} initialView={backToSettings ? { name: "settings" } : startView} />;
}
