import { Button, Center, Group, Loader, Paper, Stack, Table, Text } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { chooseSavePath, saveDeletionLog } from "../../lib/ipc";
import { categoryOf, triggerLabel } from "./labels";
import { useDeletionLog, useRetentionRules } from "./queries";

/** What was deleted when, under which rule; pseudonymous ids only. */
export function DeletionLogTab() {
  const { t, locale, language } = useI18n();
  const log = useDeletionLog();
  const rules = useRetentionRules(language);
  const [saved, setSaved] = useState(false);

  const exportLog = useMutation({
    mutationFn: async (): Promise<boolean> => {
      const path = await chooseSavePath({
        title: t("log.exportTitle"),
        defaultPath: t("log.exportFile"),
        filters: [{ name: t("log.csvFilter"), extensions: ["csv"] }],
      });
      if (path === null) return false; // cancelled
      await saveDeletionLog(path);
      return true;
    },
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
        {log.isPending && (
          <Center role="status" py="md">
            <Loader size="sm" aria-label={t("app.loading")} />
          </Center>
        )}
        {log.isError && <ErrorAlert error={log.error} />}
        {log.data && log.data.length === 0 && <Text role="status">{t("log.empty")}</Text>}
        {log.data && log.data.length > 0 && (
          <Paper withBorder style={{ overflowX: "auto" }}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("log.col.at")}</Table.Th>
                  <Table.Th scope="col">{t("log.col.trigger")}</Table.Th>
                  <Table.Th scope="col">{t("log.col.category")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("log.col.count")}
                  </Table.Th>
                  <Table.Th scope="col">{t("log.col.ids")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.map((entry) => (
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
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </TitledSection>
  );
}
