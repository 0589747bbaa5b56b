import { Stack, Text } from "@mantine/core";

import { useSession, useSessionState } from "../../app/session";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { errorText } from "../../lib/errors";

/**
 * What the last automatic backup did: a short note when it was made, an alert when it failed.
 * Both stay until closed (or the vault is locked).
 */
export function AutoBackupNotice() {
  const { t } = useI18n();
  const session = useSession();
  const { autoBackup } = useSessionState();
  if (autoBackup === null) return null;
  const close = { withCloseButton: true, closeButtonLabel: t("common.close"), onClose: () => session.dismissAutoBackup() };
  if (autoBackup.error === null) {
    return (
      <StatusNote mb="md" {...close}>
        {t("autoBackup.made")}
      </StatusNote>
    );
  }
  // The backend's message names the cause (e.g. a folder that is gone); the hint says what to do.
  const reason = autoBackup.error.message.trim() || errorText(t, autoBackup.error);
  return (
    <ErrorAlert mb="md" {...close}>
      <Stack gap={4}>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("autoBackup.failed", { reason })}
        </Text>
        <Text size="sm">{t("autoBackup.hint")}</Text>
      </Stack>
    </ErrorAlert>
  );
}
