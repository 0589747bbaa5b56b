import { Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";

import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { useBackupStatus } from "./queries";

/**
 * The contacts screen's warning that the last backup is older than planned.
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
          {t("backup.overdue")}
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
