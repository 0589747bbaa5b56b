import { Box, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { IconCheck, IconCopy, IconPrinter } from "@tabler/icons-react";
import { useState } from "react";

import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { copySensitive } from "../../lib/ipc";

type Props = {
  recoveryKey: string;
  /** The accessible name of the key. */
  label: string;
  /** The checkbox "I have stored it", which must be ticked before going on. */
  confirmLabel: string;
  continueLabel: string;
  onContinue: () => void;
};

/**
 * A recovery key, shown once: large, copyable, with the advice to write it down, and a way on
 * only after the user confirms it is stored.
 */
export function RecoveryKeyPanel({ recoveryKey, label, confirmLabel, continueLabel, onContinue }: Props) {
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
    <Stack gap="md">
      <Box
        role="textbox"
        aria-readonly="true"
        aria-label={label}
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
      <Checkbox label={confirmLabel} checked={stored} onChange={(event) => setStored(event.currentTarget.checked)} />
      <Button size="md" disabled={!stored} onClick={onContinue}>
        {continueLabel}
      </Button>
    </Stack>
  );
}
