import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { saveDeletionLog } from "../../lib/ipc";
import { categoryOf, triggerLabel } from "./labels";
import { useDeletionLog, useRetentionRules } from "./queries";

/** What was deleted when, under which rule; pseudonymous ids only. */
export function DeletionLogTab() {
  const { t, locale, language } = useI18n();
  const log = useDeletionLog();
  const rules = useRetentionRules(language);
  const [saved, setSaved] = useState(false);

  const exportLog = useMutation({
    // The backend asks where to save; null: the user cancelled.
    mutationFn: async (): Promise<boolean> => (await saveDeletionLog()) !== null,
    onSuccess: (done) => setSaved(done),
  });

  return (
    <TitledSection id="log-heading" title={t("log.heading")}>
      <Stack gap="md">
        <Text c="dimmed">{t("log.intro")}</Text>
        <Group>
          <Button
            variant="default"
            leftSection={<IconFileExport size={18} aria-hidden />}
            loading={exportLog.isPending}
            onClick={() => {
              setSaved(false);
              exportLog.mutate();
            }}
          >
            {t("log.export")}
          </Button>
        </Group>
        {exportLog.isError && <ErrorAlert error={exportLog.error} />}
        {saved && <StatusNote>{t("log.exported")}</StatusNote>}
        <QueryState query={log} empty={t("log.empty")}>
          {(entries) => (
            <DataTable
              columns={[
                t("log.col.at"),
                t("log.col.trigger"),
                t("log.col.category"),
                { label: t("log.col.count"), align: "right" },
                t("log.col.ids"),
              ]}
            >
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td miw={150}>
                    <time dateTime={entry.at}>{formatDateTime(locale, entry.at)}</time>
                  </Table.Td>
                  <Table.Td>{triggerLabel(t, entry.trigger)}</Table.Td>
                  <Table.Td miw={180}>{categoryOf(rules.data, entry.rule, entry.category)}</Table.Td>
                  <Table.Td ta="right">{entry.count}</Table.Td>
                  <Table.Td miw={160}>
                    {entry.ids.length === 0 ? (
                      t("common.empty")
                    ) : (
                      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: "anywhere" }}>
                        {entry.ids.join(", ")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Stack>
    </TitledSection>
  );
}
