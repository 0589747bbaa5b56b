import { Box, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconCheck, IconCopy, IconPrinter } from "@tabler/icons-react";
import { useState } from "react";

import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatDate, toYmd } from "../../lib/format";
import { copySensitive } from "../../lib/ipc";
import { RecoverySheet } from "./RecoverySheet";

type Props = {
  recoveryKey: string;
  /** The vault's id, printed on the recovery sheet. */
  vaultId: string;
  /** The accessible name of the key. */
  label: string;
  continueLabel: string;
  onContinue: () => void;
};

/** The key's last group ("HC6V" of "…-TR3N-HC6V"), as the user types it back. */
function lastGroup(key: string): string {
  return key.split("-").at(-1)?.trim().toUpperCase() ?? "";
}

/**
 * A recovery key, shown once: large, copyable, printable on a one-page sheet (the system print
 * dialog; no file is written by Kluis), and a way on only after the user types its last group
 * back, so it was really written down or printed.
 */
export function RecoveryKeyPanel({ recoveryKey, vaultId, label, continueLabel, onContinue }: Props) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState("");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const expected = lastGroup(recoveryKey);
  const answer = typed.trim().toUpperCase();
  const matches = answer === expected;
  const wrong = answer.length >= expected.length && !matches;

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
          leftSection={copy === "copied" ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
          onClick={copyKey}
        >
          {t("recoveryKey.copy")}
        </Button>
        <Button variant="light" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
          {t("recoveryKey.print")}
        </Button>
      </Group>
      {copy === "copied" && <StatusNote>{t("recoveryKey.copied")}</StatusNote>}
      {copy === "failed" && <ErrorAlert>{t("recoveryKey.copyFailed")}</ErrorAlert>}
      <Text size="sm" c="dimmed">
        {t("recoveryKey.printHint")}
      </Text>
      <TextInput
        label={t("recoveryKey.lastGroup")}
        description={t("recoveryKey.lastGroupHelp", { n: expected.length })}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        error={wrong ? t("recoveryKey.lastGroupWrong") : undefined}
        autoComplete="off"
        spellCheck={false}
        maw={260}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", textTransform: "uppercase" } }}
      />
      <Button size="md" disabled={!matches} onClick={onContinue}>
        {continueLabel}
      </Button>
      <RecoverySheet recoveryKey={recoveryKey} vaultId={vaultId} date={formatDate(locale, toYmd(new Date()))} />
    </Stack>
  );
}
