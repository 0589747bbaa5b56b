import { Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";

import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { useBackupStatus } from "./queries";

/**
 * The contacts screen's warning that no backup was made yet, or that the last one is older
 * than planned (one message, from the core's status).
 * Shows nothing while loading, on an error (Settings reports that) or when all is well.
 */
export function BackupNotice({ onOpenBackups }: { onOpenBackups: () => void }) {
  const { t } = useI18n();
  const status = useBackupStatus();
  if (!status.data?.overdue) return null;
  return (
    <StatusNote tone="warning">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {status.data.warning === "none-yet" ? t("backup.never") : t("backup.overdue")}
        </Text>
        <Group>
          <Button
            size="compact-md"
            variant="default"
            rightSection={<IconArrowRight size={16} aria-hidden />}
            onClick={onOpenBackups}
          >
            {t("backupNotice.go")}
          </Button>
        </Group>
      </Stack>
    </StatusNote>
  );
}
