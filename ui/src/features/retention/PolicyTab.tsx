import { Button, Center, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { ErrorAlert } from "../../components/ErrorAlert";
import { MarkdownView } from "../../components/MarkdownView";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { saveRetentionPolicy } from "../../lib/ipc";
import { useRetentionPolicy } from "./queries";

/** The written retention policy, drawn up by the backend from the rules in force. */
export function PolicyTab() {
  const { t, language } = useI18n();
  const policy = useRetentionPolicy(language);
  const [saved, setSaved] = useState(false);

  // The backend asks where to save; null: the user cancelled.
  const exportPolicy = useMutation({
    mutationFn: async (format: "md" | "pdf"): Promise<boolean> =>
      (await saveRetentionPolicy(language, format === "pdf")) !== null,
    onSuccess: (done) => setSaved(done),
  });

  return (
    <Stack gap="md">
      <Text c="dimmed">{t("policy.intro")}</Text>
      <Group>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          loading={exportPolicy.isPending}
          onClick={() => {
            setSaved(false);
            exportPolicy.mutate("md");
          }}
        >
          {t("policy.export")}
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          loading={exportPolicy.isPending}
          onClick={() => {
            setSaved(false);
            exportPolicy.mutate("pdf");
          }}
        >
          {t("policy.exportPdf")}
        </Button>
      </Group>
      {exportPolicy.isError && <ErrorAlert error={exportPolicy.error} />}
      {saved && <StatusNote>{t("policy.exported")}</StatusNote>}
      {policy.isPending && (
        <Center role="status" py="md">
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text c="dimmed">{t("policy.loading")}</Text>
          </Group>
        </Center>
      )}
      {policy.isError && <ErrorAlert error={policy.error} />}
      {policy.data !== undefined && (
        <Paper withBorder p="lg" component="article" aria-label={t("retention.tabPolicy")}>
          <MarkdownView source={policy.data} headingOffset={1} />
        </Paper>
      )}
    </Stack>
  );
}
