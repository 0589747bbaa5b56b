import { Button, Code, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Language } from "../../bindings/Language";
import type { SavedStatement } from "../../bindings/SavedStatement";
import type { StatementFormat } from "../../bindings/StatementFormat";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatInstantDate } from "../../lib/format";
import { privacyStatementVersions, savePrivacyStatement, saveRegisterRecord } from "../../lib/ipc";

const FORMATS: readonly StatementFormat[] = ["html", "pdf", "md"];
const LANGUAGES: readonly Language[] = ["nl", "en"];

/** The documents the backend makes from the register: the privacy statement with its versions,
 * and the Art. 30 record of processing activities. */
export function DocumentsTab() {
  const { t, language: uiLanguage, locale } = useI18n();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [format, setFormat] = useState<StatementFormat>("html");
  const [saved, setSaved] = useState<SavedStatement | null>(null);
  const [recordSaved, setRecordSaved] = useState<string | null>(null);
  const versions = useQuery({ queryKey: queryKeys.statementVersions, queryFn: privacyStatementVersions });

  // The backend asks where to save; null: the user cancelled.
  const statement = useMutation({
    mutationFn: () => savePrivacyStatement(language, format),
    onSuccess: async (result) => {
      if (result === null) return;
      setSaved(result);
      await queryClient.invalidateQueries({ queryKey: queryKeys.statementVersions });
    },
  });
  const record = useMutation({
    mutationFn: (pdf: boolean) => saveRegisterRecord(language, pdf),
    onSuccess: (path) => setRecordSaved(path),
  });

  const languageOptions = LANGUAGES.map((value) => ({ value, label: t(`regdocs.language.${value}`) }));

  return (
    <Stack gap="lg">
      <Text c="dimmed">{t("regdocs.intro")}</Text>
      <NativeSelect
        label={t("regdocs.language")}
        aria-label={t("regdocs.language")}
        value={language}
        onChange={(event) => setLanguage(event.currentTarget.value as Language)}
        data={languageOptions}
        maw={320}
      />

      <TitledSection id="statement-heading" title={t("regdocs.statementHeading")}>
        <Stack gap="sm">
          <Text c="dimmed">{t("regdocs.statementIntro")}</Text>
          <Group align="flex-end">
            <NativeSelect
              label={t("regdocs.format")}
              aria-label={t("regdocs.format")}
              value={format}
              onChange={(event) => setFormat(event.currentTarget.value as StatementFormat)}
              data={FORMATS.map((value) => ({ value, label: t(`regdocs.format.${value}`) }))}
            />
            <Button
              leftSection={<IconFileExport size={18} aria-hidden />}
              loading={statement.isPending}
              onClick={() => {
                setSaved(null);
                statement.mutate();
              }}
            >
              {t("regdocs.saveStatement")}
            </Button>
          </Group>
          {statement.isError && <ErrorAlert error={statement.error} />}
          {saved && (
            <StatusNote>
              <Stack gap={4}>
                <Text size="sm">
                  {t("regdocs.statementSaved", { version: saved.version.version, path: saved.path })}
                </Text>
                <Text size="sm">
                  {t("regdocs.sha256")} <Code style={{ overflowWrap: "anywhere" }}>{saved.version.sha256}</Code>
                </Text>
              </Stack>
            </StatusNote>
          )}
        </Stack>
      </TitledSection>

      <TitledSection id="versions-heading" title={t("regdocs.versionsHeading")}>
        <QueryState query={versions} empty={<Text c="dimmed">{t("regdocs.versionsEmpty")}</Text>}>
          {(list) => (
            <DataTable
              columns={[
                t("regdocs.col.version"),
                t("regdocs.col.language"),
                t("regdocs.col.date"),
                t("regdocs.col.sha256"),
              ]}
            >
              {list.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Th scope="row">{v.version}</Table.Th>
                  <Table.Td>{t(`regdocs.language.${v.language}`)}</Table.Td>
                  <Table.Td>
                    <time dateTime={v.created_at}>{formatInstantDate(locale, v.created_at)}</time>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>
                    <Code>{v.sha256}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </TitledSection>

      <TitledSection id="record-heading" title={t("regdocs.recordHeading")}>
        <Stack gap="sm">
          <Text c="dimmed">{t("regdocs.recordIntro")}</Text>
          <Group>
            <Button
              variant="default"
              leftSection={<IconFileExport size={18} aria-hidden />}
              loading={record.isPending && record.variables}
              disabled={record.isPending}
              onClick={() => {
                setRecordSaved(null);
                record.mutate(true);
              }}
            >
              {t("regdocs.recordPdf")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileExport size={18} aria-hidden />}
              loading={record.isPending && !record.variables}
              disabled={record.isPending}
              onClick={() => {
                setRecordSaved(null);
                record.mutate(false);
              }}
            >
              {t("regdocs.recordCsv")}
            </Button>
          </Group>
          {record.isError && <ErrorAlert error={record.error} />}
          {recordSaved && <StatusNote>{t("regdocs.recordSaved", { path: recordSaved })}</StatusNote>}
        </Stack>
      </TitledSection>
    </Stack>
  );
}
