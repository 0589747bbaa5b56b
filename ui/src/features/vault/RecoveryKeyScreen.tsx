import { Box, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { IconCheck, IconCopy, IconPrinter } from "@tabler/icons-react";
import { useState } from "react";

import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { StatusNote } from "../../components/StatusNote";
import { VaultLayout } from "../../components/VaultLayout";
import { useI18n } from "../../i18n";
import { copySensitive } from "../../lib/clipboard";

type Props = {
  recoveryKey: string;
  /** "Remember on this device" was asked for, but the OS key store did not take the key. */
  rememberFailed?: boolean;
  onContinue: () => void;
};

/** Shows the recovery key once, and only lets the user go on after confirming it is stored. */
export function RecoveryKeyScreen({ recoveryKey, rememberFailed = false, onContinue }: Props) {
  const { t } = useI18n();
  const [stored, setStored] = useState(false);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  const copyKey = () => {
    copySensitive(recoveryKey).then(
      () => setCopy("copied"),
      () => setCopy("failed"),
    );
  };

  return (
    <VaultLayout size={660}>
      <Stack gap="md">
        <PageTitle>{t("recoveryKey.title")}</PageTitle>
        {rememberFailed && <StatusNote tone="info">{t("error.keyring_unavailable")}</StatusNote>}
        <Text>{t("recoveryKey.intro")}</Text>
        <Box
          role="textbox"
          aria-readonly="true"
          aria-label={t("recoveryKey.label")}
          tabIndex={0}
          p="md"
          bg="gray.0"
          bd="1px dashed var(--mantine-color-gray-5)"
          style={{
            fontFamily: "var(--mantine-font-family-monospace)",
            fontSize: "1.25rem",
            letterSpacing: "0.03em",
            lineHeight: 1.6,
            textAlign: "center",
            whiteSpace: "nowrap",
            overflowX: "auto",
            userSelect: "all",
            borderRadius: "var(--mantine-radius-md)",
          }}
        >
          {recoveryKey}
        </Box>
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={copy === "copied" ? <IconCheck size={18} /> : <IconCopy size={18} />}
            onClick={copyKey}
          >
            {t("recoveryKey.copy")}
          </Button>
        </Group>
        {copy === "copied" && <StatusNote>{t("recoveryKey.copied")}</StatusNote>}
        {copy === "failed" && <ErrorAlert>{t("recoveryKey.copyFailed")}</ErrorAlert>}
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconPrinter size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="dimmed">
            {t("recoveryKey.printHint")}
          </Text>
        </Group>
        <Checkbox
          label={t("recoveryKey.confirm")}
          checked={stored}
          onChange={(event) => setStored(event.currentTarget.checked)}
        />
        <Button size="md" disabled={!stored} onClick={onContinue}>
          {t("recoveryKey.continue")}
        </Button>
      </Stack>
    </VaultLayout>
  );
}
