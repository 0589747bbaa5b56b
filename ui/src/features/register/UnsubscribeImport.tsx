import { Button, Checkbox, Group, List, Modal, Stack, Table, Text } from "@mantine/core";
import { IconMailOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { Purpose } from "../../bindings/Purpose";
import type { UnsubscribeReport } from "../../bindings/UnsubscribeReport";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { importUnsubscribes, previewUnsubscribes, toIpcError } from "../../lib/ipc";
import { invalidatePrivacyData } from "./queries";

/** How many line warnings the dialog lists; the rest are counted. */
const WARNINGS_SHOWN = 10;

/**
 * "Import unsubscribes" on a purpose: the backend asks for the file (a newsletter tool's
 * export), reports what importing it would do (a dry run), and imports it once confirmed,
 * optionally putting unmatched addresses on the suppression list. What counts as a withdrawal
 * or a bounce is decided in the backend.
 */
export function UnsubscribeImportButton({ purpose }: { purpose: Purpose }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<UnsubscribeReport | null>(null);
  const [result, setResult] = useState<UnsubscribeReport | null>(null);
  const [suppress, setSuppress] = useState(false);

  const choose = useMutation({
    mutationFn: () => previewUnsubscribes(purpose.id),
    onSuccess: (report) => {
      setSuppress(false);
      setResult(null);
      setPreview(report);
    },
  });
  const run = useMutation({
    mutationFn: () => importUnsubscribes(purpose.id, suppress),
    onSuccess: async (report) => {
      setResult(report);
      await invalidatePrivacyData(queryClient);
    },
  });

  const close = () => {
    setPreview(null);
    setResult(null);
    run.reset();
  };
  const shown = result ?? preview;

  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        leftSection={<IconMailOff size={14} aria-hidden />}
        aria-label={t("unsubscribes.buttonLabel", { name: purpose.name })}
        aria-haspopup="dialog"
        loading={choose.isPending}
        onClick={() => {
          choose.reset();
          choose.mutate();
        }}
      >
        {t("unsubscribes.button")}
      </Button>
      {choose.isError && <Refusal error={choose.error} />}
      <Modal
        opened={shown !== null}
        onClose={close}
        title={result ? t("unsubscribes.doneTitle") : t("unsubscribes.previewTitle", { name: purpose.name })}
        centered
        size="lg"
        closeButtonProps={{ "aria-label": t("common.close") }}
        styles={{ title: { overflowWrap: "anywhere", fontWeight: 700 } }}
      >
        {shown && (
          <Stack gap="md">
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {t("unsubscribes.file", { file: shown.file_name })}
            </Text>
            {result ? (
              <StatusNote>{t("unsubscribes.done")}</StatusNote>
            ) : (
              <Text size="sm">{t("unsubscribes.previewIntro")}</Text>
            )}
            <Counts report={shown} done={result !== null} />
            {shown.warnings.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t("unsubscribes.warnings")}
                </Text>
                <List size="sm">
                  {shown.warnings.slice(0, WARNINGS_SHOWN).map((w, i) => (
                    <List.Item key={i}>{t("unsubscribes.warningLine", { line: w.line, message: w.message })}</List.Item>
                  ))}
                </List>
                {shown.warnings.length > WARNINGS_SHOWN && (
                  <Text size="sm" c="dimmed">
                    {t("unsubscribes.moreWarnings", { n: shown.warnings.length - WARNINGS_SHOWN })}
                  </Text>
                )}
              </Stack>
            )}
            {!result && shown.suppressed > 0 && (
              <Checkbox
                label={t("unsubscribes.suppress", { n: shown.suppressed })}
                description={t("unsubscribes.suppressHelp")}
                checked={suppress}
                onChange={(event) => setSuppress(event.currentTarget.checked)}
              />
            )}
            {run.isError && <Refusal error={run.error} />}
            <Group justify="flex-end">
              {result ? (
                <Button onClick={close}>{t("common.close")}</Button>
              ) : (
                <>
                  <Button variant="default" onClick={close} disabled={run.isPending}>
                    {t("common.cancel")}
                  </Button>
                  <Button onClick={() => run.mutate()} loading={run.isPending}>
                    {t("unsubscribes.confirm")}
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** The counts of a preview or a result; a count that is zero (other than the main four) is left out. */
function Counts({ report, done }: { report: UnsubscribeReport; done: boolean }) {
  const { t } = useI18n();
  const rows: [string, number, boolean][] = [
    [t("unsubscribes.withdrawn"), report.withdrawn, true],
    [t("unsubscribes.alreadyWithdrawn"), report.already_withdrawn, true],
    [t("unsubscribes.undeliverable"), report.undeliverable, true],
    [t("unsubscribes.unmatched"), report.unmatched, true],
    [t("unsubscribes.alreadyUndeliverable"), report.already_undeliverable, false],
    [t("unsubscribes.consentGivenLater"), report.consent_given_later, false],
    [t("unsubscribes.restricted"), report.restricted, false],
    [t("unsubscribes.ignored"), report.ignored, false],
    [t("unsubscribes.suppressed"), done ? report.suppressed : 0, false],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={t("unsubscribes.countsLabel")}>
      <Table.Tbody>
        {rows
          .filter(([, n, always]) => always || n > 0)
          .map(([label, n]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td ta="right" fw={600}>
                {n}
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

/** A refused file or purpose in plain words; the backend's detail names the line. */
function Refusal({ error }: { error: unknown }) {
  const { t } = useI18n();
  const e = toIpcError(error);
  if (e.code === "invalid_input" && (e.field === "file" || e.field === "encoding")) {
    return <ErrorAlert>{t("unsubscribes.badFile", { detail: e.message })}</ErrorAlert>;
  }
  if (e.code === "invalid_input" && e.field === "purpose") {
    return <ErrorAlert>{t("unsubscribes.badPurpose")}</ErrorAlert>;
  }
  return <ErrorAlert error={error} />;
}
