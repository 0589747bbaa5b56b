import { Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";

import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { useRequests } from "./queries";

/**
 * The contacts screen's reminder of requests past their deadline or due within a week.
 * Shows nothing while loading, on an error (the Requests screen reports that) or when all is well.
 */
export function RequestsNotice({ onOpenRequests }: { onOpenRequests: () => void }) {
  const { t } = useI18n();
  const requests = useRequests();
  if (!requests.data) return null;
  const overdue = requests.data.filter((r) => r.open && r.overdue).length;
  const soon = requests.data.filter((r) => r.open && !r.overdue && r.due_soon).length;
  if (overdue === 0 && soon === 0) return null;

  return (
    <StatusNote tone={overdue > 0 ? "warning" : "info"}>
      <Stack gap="xs">
        {overdue > 0 && (
          <Text size="sm" fw={600}>
            {overdue === 1 ? t("requestsNotice.overdueOne") : t("requestsNotice.overdue", { n: overdue })}
          </Text>
        )}
        {soon > 0 && (
          <Text size="sm">{soon === 1 ? t("requestsNotice.soonOne") : t("requestsNotice.soon", { n: soon })}</Text>
        )}
        <Group>
          <Button
            size="compact-md"
            variant="default"
            rightSection={<IconArrowRight size={16} aria-hidden />}
            onClick={onOpenRequests}
          >
            {t("requestsNotice.go")}
          </Button>
        </Group>
      </Stack>
    </StatusNote>
  );
}
