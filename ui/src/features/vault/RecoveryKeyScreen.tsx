import { Stack, Text } from "@mantine/core";

import { PageTitle } from "../../components/PageTitle";
import { StatusNote } from "../../components/StatusNote";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n } from "../../i18n";
import { RecoveryKeyPanel } from "./RecoveryKeyPanel";

type Props = {
  recoveryKey: string;
  vaultId: string;
  /** "Remember on this device" was asked for, but the OS key store did not take the key. */
  rememberFailed?: boolean;
  onContinue: () => void;
};

/** Shows the recovery key once, and only lets the user go on after confirming it is stored. */
export function RecoveryKeyScreen({ recoveryKey, vaultId, rememberFailed = false, onContinue }: Props) {
  const { t } = useI18n();
  return (
    <VaultLayout size={660}>
      <Stack gap="md">
        <PageTitle>{t("recoveryKey.title")}</PageTitle>
        {rememberFailed && <StatusNote tone="info">{t("error.keyring_unavailable")}</StatusNote>}
        <Text>{t("recoveryKey.intro")}</Text>
        <RecoveryKeyPanel
          recoveryKey={recoveryKey}
          vaultId={vaultId}
          label={t("recoveryKey.label")}
          continueLabel={t("recoveryKey.continue")}
          onContinue={onContinue}
        />
      </Stack>
    </VaultLayout>
  );
}
