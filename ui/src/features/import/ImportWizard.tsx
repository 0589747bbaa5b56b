import {
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconArrowRight, IconFileImport } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { useBackendEvent } from "../../app/useBackendEvent";
import type { Format } from "../../bindings/Format";
import type { ImportChoice } from "../../bindings/ImportChoice";
import type { ImportReport } from "../../bindings/ImportReport";
import type { Inspection } from "../../bindings/Inspection";
import type { OnDuplicate } from "../../bindings/OnDuplicate";
import type { Relationship } from "../../bindings/Relationship";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { StatusNote } from "../../components/StatusNote";
import { useI18n, type Translate } from "../../i18n";
import {
  importPurposes,
  inspectImport,
  onImportProgress,
  pickImportFile,
  previewImport,
  runImport,
  toIpcError,
  undoImport,
  type ImportProgress,
} from "../../lib/ipc";
import { relationshipLabel } from "../contacts/labels";
import { useFieldDefs } from "../register/queries";

export const STEPS = ["file", "read", "preview", "purpose", "import"] as const;
type Step = (typeof STEPS)[number];

/** The fields a column can be read as, in the backend's names (`--map COLUMN=FIELD`). */
export const FIELDS = [
  "name",
  "prefix",
  "first-name",
  "middle-name",
  "last-name",
  "suffix",
  "email",
  "phone",
  "organisation",
  "job-title",
  "address",
  "street",
  "postal-code",
  "city",
  "region",
  "country",
  "notes",
] as const;

const DELIMITERS = [";", ",", "\t"] as const;
const ENCODINGS = ["UTF-8", "windows-1252"] as const;
const ON_DUPLICATE: readonly OnDuplicate[] = ["skip", "update", "add"];
/** Relationships without an end date: one for the whole file. */
const RELATIONSHIPS: readonly Relationship[] = ["prospect", "client", "supplier"];
/** How many warnings the preview lists before it counts the rest. */
const WARNINGS_SHOWN = 50;
/** How many duplicate rows get their own choice; the rest follow the choice for all. */
const DUPLICATES_SHOWN = 200;

/** Every file chosen, in any wizard opened: the backend's file changed, so do the queries. */
let picks = 0;

export function emptyChoice(): ImportChoice {
  return {
    format: "csv",
    encoding: null,
    delimiter: null,
    map: [],
    on_duplicate: "skip",
    per_row: [],
    purpose_id: null,
    relationship: "prospect",
    confirm_not_bsn: false,
  };
}

type Props = {
  onClose: () => void;
  onOpenTriage: () => void;
};

/**
 * Moving in: pick a vCard or CSV file (the dialog runs in the backend, which keeps the file),
 * check how it is read and, for CSV, which column is which field, see a dry run of the import
 * with its warnings and duplicates, choose a purpose for the batch if one may be, import with a
 * progress bar, and see what was done (with undo and the way to the triage list).
 */
export function ImportWizard({ onClose, onOpenTriage }: Props) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const [fileName, setFileName] = useState<string | null>(null);
  // Which file chosen (see `picks`); 0: none yet.
  const [pick, setPick] = useState(0);
  const [format, setFormat] = useState<Format | null>(null);
  const [choice, setChoice] = useState<ImportChoice>(emptyChoice);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const step: Step = STEPS[active] ?? "file";

  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
  }, [active]);
  const go = (index: number) => {
    moved.current = true;
    setActive(index);
  };

  const picking = useMutation({
    mutationFn: pickImportFile,
    onSuccess: (name) => {
      if (name === null) return;
      setFileName(name);
      picks += 1;
      setPick(picks);
      setFormat(null);
      setChoice(emptyChoice());
      go(1);
    },
  });

  const inspection = useQuery({
    queryKey: ["contacts", "import", "inspect", pick, format, choice.encoding, choice.delimiter, choice.map],
    queryFn: () => inspectImport(format, choice, language),
    enabled: pick > 0,
    retry: false,
    staleTime: Infinity,
    // The file's people stay in the cache no longer than the wizard is open.
    gcTime: 0,
  });
  const read: Inspection | undefined = inspection.isError ? undefined : inspection.data;
  // The preview does not depend on the batch's purpose (which the core checks at the import).
  const previewChoice: ImportChoice = { ...choice, format: read?.format ?? "csv", purpose_id: null };
  const preview = useQuery({
    queryKey: ["contacts", "import", "preview", pick, previewChoice],
    queryFn: () => previewImport(previewChoice, language),
    enabled: read !== undefined && active >= 2 && active < 4,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  const purposes = useQuery({
    queryKey: ["register", "import-purposes", language],
    queryFn: () => importPurposes(language),
    enabled: active >= 3,
  });

  useBackendEvent(onImportProgress, (next) => setProgress(next));
  const importing = useMutation({
    mutationFn: () => runImport({ ...choice, format: read?.format ?? "csv" }, language),
    onMutate: () => setProgress(null),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["contacts"] }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["register"] }),
  });
  const undoing = useMutation({
    mutationFn: (id: number) => undoImport(id),
    onSuccess: (n) => {
      setUndone(n);
      void queryClient.invalidateQueries({ queryKey: ["contacts"] });
      void queryClient.invalidateQueries({ queryKey: ["register"] });
    },
  });

  const labels: Record<Step, string> = {
    file: t("importWizard.step.file"),
    read: t("importWizard.step.read"),
    preview: t("importWizard.step.preview"),
    purpose: t("importWizard.step.purpose"),
    import: t("importWizard.step.import"),
  };
  const done = importing.isSuccess;
  const patch = (next: Partial<ImportChoice>) => setChoice((c) => ({ ...c, ...next }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <PageTitle focusOnMount>{t("importWizard.title")}</PageTitle>
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onClose} disabled={importing.isPending}>
          {t("importWizard.backToContacts")}
        </Button>
      </Group>
      <Paper withBorder p="lg">
        <Stack gap="lg">
          <Stepper active={done ? STEPS.length : active} allowNextStepsSelect={false} size="sm" aria-label={t("importWizard.steps")} role="group">
            {STEPS.map((value, index) => (
              <Stepper.Step
                key={value}
                label={labels[value]}
                aria-label={t("importWizard.stepLabel", { n: index + 1, total: STEPS.length, label: labels[value] })}
                aria-current={index === active ? "step" : undefined}
              />
            ))}
          </Stepper>
          <Title order={2} size="h4" ref={stepHeading} tabIndex={-1} style={{ outline: "none" }}>
            {labels[step]}
          </Title>

          {step === "file" && (
            <Stack gap="sm">
              <Text>{t("importWizard.fileIntro")}</Text>
              <Text size="sm" c="dimmed">
                {t("importWizard.fileHelp")}
              </Text>
              {picking.isError && <ErrorAlert error={picking.error} />}
              <Group>
                <Button leftSection={<IconFileImport size={18} aria-hidden />} loading={picking.isPending} onClick={() => picking.mutate()}>
                  {t("importWizard.chooseFile")}
                </Button>
                {fileName !== null && (
                  <Button variant="default" rightSection={<IconArrowRight size={16} aria-hidden />} onClick={() => go(1)}>
                    {t("importWizard.next")}
                  </Button>
                )}
              </Group>
            </Stack>
          )}

          {step === "read" && (
            <ReadStep
              fileName={fileName ?? ""}
              inspection={inspection.isPending ? "loading" : inspection.isError ? inspection.error : inspection.data}
              format={format}
              onFormat={(f) => {
                setFormat(f);
                patch({ map: [], per_row: [] });
              }}
              choice={choice}
              onChange={patch}
              onBack={() => go(0)}
              onNext={() => go(2)}
            />
          )}

          {step === "preview" && read !== undefined && (
            <PreviewStep
              inspection={read}
              report={preview.isPending ? "loading" : preview.isError ? preview.error : preview.data}
              choice={choice}
              onChange={patch}
              onBack={() => go(1)}
              onNext={() => go(3)}
            />
          )}

          {step === "purpose" && (
            <Stack gap="md">
              <NativeSelect
                label={t("importWizard.purpose")}
                aria-label={t("importWizard.purpose")}
                description={t("importWizard.purposeHelp")}
                data={[
                  { value: "", label: t("importWizard.purposeNone") },
                  ...(purposes.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
                ]}
                value={choice.purpose_id === null ? "" : String(choice.purpose_id)}
                onChange={(e) => patch({ purpose_id: e.currentTarget.value === "" ? null : Number(e.currentTarget.value) })}
                maw={520}
              />
              {purposes.isError && <ErrorAlert error={purposes.error} />}
              <NativeSelect
                label={t("importWizard.relationship")}
                aria-label={t("importWizard.relationship")}
                data={RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(t, r) }))}
                value={choice.relationship}
                onChange={(e) => patch({ relationship: e.currentTarget.value as Relationship })}
                maw={520}
              />
              <Text size="sm">{t("importWizard.triageNote")}</Text>
              <Group>
                <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => go(2)}>
                  {t("importWizard.previous")}
                </Button>
                <Button
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  onClick={() => {
                    go(4);
                    importing.mutate();
                  }}
                >
                  {t("importWizard.import")}
                </Button>
              </Group>
            </Stack>
          )}

          {step === "import" && (
            <Stack gap="md">
              {importing.isPending && <ImportBar progress={progress} />}
              {importing.isError && (
                <>
                  <ImportError error={importing.error} />
                  <Group>
                    <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => go(3)}>
                      {t("importWizard.previous")}
                    </Button>
                  </Group>
                </>
              )}
              {importing.data && (
                <Summary
                  report={importing.data}
                  undone={undone}
                  undoing={undoing.isPending}
                  undoError={undoing.isError ? undoing.error : null}
                  onUndo={(id) => undoing.mutate(id)}
                  onOpenTriage={onOpenTriage}
                  onClose={onClose}
                />
              )}
            </Stack>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** A file the backend could not read: the kind of problem and the line it names. */
function ImportError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const e = toIpcError(error);
  if (e.code !== "invalid_input") return <ErrorAlert error={error} />;
  const text =
    e.field === "purpose"
      ? t("importWizard.purposeRefused")
      : e.field === "import"
        ? t("importWizard.undoRefused")
        : t("importWizard.fileError");
  return (
    <ErrorAlert>
      {text} {e.message !== "" && t("importWizard.errorDetail", { message: e.message })}
    </ErrorAlert>
  );
}

function delimiterLabel(t: Translate, d: string): string {
  if (d === ";") return t("importWizard.delimiter.semicolon");
  if (d === ",") return t("importWizard.delimiter.comma");
  if (d === "\t") return t("importWizard.delimiter.tab");
  return d;
}

export function fieldLabel(t: Translate, field: string): string {
  if (field.startsWith("field:")) return t("importWizard.field.flexible", { label: field.slice(6) });
  return t(`importWizard.field.${field}` as Parameters<Translate>[0]);
}

type ReadStepProps = {
  fileName: string;
  inspection: Inspection | "loading" | Error;
  format: Format | null;
  onFormat: (format: Format) => void;
  choice: ImportChoice;
  onChange: (patch: Partial<ImportChoice>) => void;
  onBack: () => void;
  onNext: () => void;
};

/** The detected format, encoding and delimiter (changeable) and, for CSV, the column mapping. */
function ReadStep({ fileName, inspection, format, onFormat, choice, onChange, onBack, onNext }: ReadStepProps) {
  const { t } = useI18n();
  const fields = useFieldDefs();
  const ok = typeof inspection === "object" && !(inspection instanceof Error) ? inspection : null;
  const shownFormat = format ?? ok?.format ?? "csv";
  const csv = shownFormat === "csv";
  const fieldOf = (header: string, auto: string | null) =>
    choice.map.find((m) => m.header === header)?.field ?? auto ?? "skip";
  const setField = (header: string, field: string) =>
    onChange({ map: [...choice.map.filter((m) => m.header !== header), { header, field }] });
  const fieldOptions = (current: string) => {
    const flexible = (fields.data ?? []).map((f) => `field:${f.label}`);
    const all = [...FIELDS, ...flexible, ...(current.startsWith("field:") && !flexible.includes(current) ? [current] : [])];
    return [...all.map((f) => ({ value: f, label: fieldLabel(t, f) })), { value: "skip", label: t("importWizard.field.skip") }];
  };

  return (
    <Stack gap="md">
      <Text>{t("importWizard.chosenFile", { name: fileName })}</Text>
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t("importWizard.format")}
          aria-label={t("importWizard.format")}
          data={[
            { value: "vcard", label: t("importWizard.format.vcard") },
            { value: "csv", label: t("importWizard.format.csv") },
          ]}
          value={shownFormat}
          onChange={(e) => onFormat(e.currentTarget.value as Format)}
        />
        {csv && (
          <NativeSelect
            label={t("importWizard.encoding")}
          aria-label={t("importWizard.encoding")}
            data={[...new Set([...ENCODINGS, ...(ok?.encoding ? [ok.encoding] : [])])]}
            value={choice.encoding ?? ok?.encoding ?? "UTF-8"}
            onChange={(e) => onChange({ encoding: e.currentTarget.value, per_row: [] })}
          />
        )}
        {csv && (
          <NativeSelect
            label={t("importWizard.delimiter")}
          aria-label={t("importWizard.delimiter")}
            data={DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(t, d) }))}
            value={choice.delimiter ?? ok?.delimiter ?? ","}
            onChange={(e) => onChange({ delimiter: e.currentTarget.value, map: [], per_row: [] })}
          />
        )}
      </Group>
      {ok && (
        <Text size="sm" c="dimmed" role="status">
          {csv
            ? t("importWizard.detectedCsv", {
                rows: ok.rows,
                encoding: ok.encoding ?? "",
                delimiter: delimiterLabel(t, ok.delimiter ?? ""),
              })
            : t("importWizard.detectedVcard", { rows: ok.rows })}
        </Text>
      )}
      {inspection === "loading" && <Text role="status">{t("importWizard.reading")}</Text>}
      {inspection instanceof Error && <ImportError error={inspection} />}
      {ok && csv && ok.columns.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("importWizard.mapping")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("importWizard.mappingHelp")}
          </Text>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("importWizard.col.column")}</Table.Th>
                <Table.Th>{t("importWizard.col.sample")}</Table.Th>
                <Table.Th>{t("importWizard.col.field")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ok.columns.map((c, i) => {
                const current = fieldOf(c.header, c.field);
                return (
                  <Table.Tr key={`${i}-${c.header}`}>
                    <Table.Td fw={600}>{c.header}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.sample.filter((s) => s !== "").join(" · ") || t("common.empty")}</Text>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t("importWizard.fieldFor", { column: c.header })}
                        data={fieldOptions(current)}
                        value={current}
                        onChange={(e) => setField(c.header, e.currentTarget.value)}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t("importWizard.previous")}
        </Button>
        <Button rightSection={<IconArrowRight size={16} aria-hidden />} disabled={ok === null || ok.rows === 0} onClick={onNext}>
          {t("importWizard.next")}
        </Button>
      </Group>
    </Stack>
  );
}

type PreviewStepProps = {
  inspection: Inspection;
  report: ImportReport | "loading" | Error;
  choice: ImportChoice;
  onChange: (patch: Partial<ImportChoice>) => void;
  onBack: () => void;
  onNext: () => void;
};

/** The dry run: counts, the first rows as stored, duplicates with a choice, the BSN check. */
function PreviewStep({ inspection, report, choice, onChange, onBack, onNext }: PreviewStepProps) {
  const { t } = useI18n();
  const r = typeof report === "object" && !(report instanceof Error) ? report : null;
  const duplicates = r?.rows.filter((x) => x.duplicate) ?? [];
  const bsn = r?.rows.filter((x) => x.looks_like_bsn) ?? [];
  const suppressed = r?.rows.filter((x) => x.suppressed) ?? [];
  const rowChoice = (line: number) => choice.per_row.find((p) => p.line === line)?.on_duplicate ?? "";
  const setRowChoice = (line: number, value: string) =>
    onChange({
      per_row: [
        ...choice.per_row.filter((p) => p.line !== line),
        ...(value === "" ? [] : [{ line, on_duplicate: value as OnDuplicate }]),
      ],
    });
  const duplicateLabel = (d: OnDuplicate) => t(`importWizard.onDuplicate.${d}`);

  return (
    <Stack gap="md">
      {report === "loading" && <Text role="status">{t("importWizard.previewing")}</Text>}
      {report instanceof Error && <ImportError error={report} />}
      {r && (
        <StatusNote tone="info" title={t("importWizard.previewTitle")}>
          <Text size="sm">
            {t("importWizard.counts", {
              added: r.added,
              updated: r.updated,
              skipped: r.skipped,
              duplicates: r.duplicates,
              suppressed: r.suppressed,
            })}
          </Text>
          <Text size="sm">{t("importWizard.nothingWritten")}</Text>
        </StatusNote>
      )}
      {inspection.photos_skipped > 0 && (
        <Text size="sm">{t("importWizard.photos", { n: inspection.photos_skipped })}</Text>
      )}

      <Title order={3} size="h5">
        {t("importWizard.firstRows", { n: inspection.first_rows.length, total: inspection.rows })}
      </Title>
      <Table withTableBorder striped aria-label={t("importWizard.firstRowsLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("importWizard.col.line")}</Table.Th>
            <Table.Th>{t("importWizard.col.name")}</Table.Th>
            <Table.Th>{t("importWizard.col.email")}</Table.Th>
            <Table.Th>{t("importWizard.col.phone")}</Table.Th>
            <Table.Th>{t("importWizard.col.organisation")}</Table.Th>
            <Table.Th>{t("importWizard.col.notes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.first_rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td fw={600}>{row.name || t("common.empty")}</Table.Td>
              <Table.Td>{row.emails.join(", ") || t("common.empty")}</Table.Td>
              <Table.Td>{row.phones.join(", ") || t("common.empty")}</Table.Td>
              <Table.Td>{[row.organisation, row.job_title].filter(Boolean).join(", ") || t("common.empty")}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.warnings.join("; ")}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Radio.Group
        label={t("importWizard.onDuplicate")}
        description={t("importWizard.onDuplicateHelp")}
        value={choice.on_duplicate}
        onChange={(value) => onChange({ on_duplicate: value as OnDuplicate })}
      >
        <Group mt="xs">
          {ON_DUPLICATE.map((d) => (
            <Radio key={d} value={d} label={duplicateLabel(d)} aria-label={duplicateLabel(d)} />
          ))}
        </Group>
      </Radio.Group>

      {duplicates.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("importWizard.duplicates", { n: duplicates.length })}
          </Title>
          <Table withTableBorder>
            <Table.Tbody>
              {duplicates.slice(0, DUPLICATES_SHOWN).map((d) => (
                <Table.Tr key={d.line}>
                  <Table.Td>{t("importWizard.lineName", { line: d.line, name: d.name })}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t("importWizard.duplicateRow", { line: d.line, name: d.name })}
                      data={[
                        { value: "", label: t("importWizard.asForAll", { choice: duplicateLabel(choice.on_duplicate) }) },
                        ...ON_DUPLICATE.map((o) => ({ value: o, label: duplicateLabel(o) })),
                      ]}
                      value={rowChoice(d.line)}
                      onChange={(e) => setRowChoice(d.line, e.currentTarget.value)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {duplicates.length > DUPLICATES_SHOWN && (
            <Text size="sm" c="dimmed">
              {t("importWizard.moreDuplicates", { n: duplicates.length - DUPLICATES_SHOWN })}
            </Text>
          )}
        </Stack>
      )}

      {(bsn.length > 0 || choice.confirm_not_bsn) && (
        <Stack gap="xs">
          {bsn.length > 0 && (
            <>
              <Text fw={600}>{t("importWizard.bsnRows", { n: bsn.length })}</Text>
              <List size="sm">
                {bsn.map((b) => (
                  <List.Item key={b.line}>{t("importWizard.lineName", { line: b.line, name: b.name })}</List.Item>
                ))}
              </List>
            </>
          )}
          <Checkbox
            label={t("importWizard.confirmNotBsn")}
            aria-label={t("importWizard.confirmNotBsn")}
            description={t("importWizard.confirmNotBsnHelp")}
            checked={choice.confirm_not_bsn}
            onChange={(e) => onChange({ confirm_not_bsn: e.currentTarget.checked })}
          />
        </Stack>
      )}

      {suppressed.length > 0 && (
        <StatusNote tone="warning" title={t("importWizard.suppressedTitle", { n: suppressed.length })}>
          <List size="sm">
            {suppressed.map((s) => (
              <List.Item key={s.line}>{t("importWizard.lineName", { line: s.line, name: s.name })}</List.Item>
            ))}
          </List>
        </StatusNote>
      )}

      {r && r.warnings.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("importWizard.warnings", { n: r.warnings.length })}
          </Title>
          <List size="sm">
            {r.warnings.slice(0, WARNINGS_SHOWN).map((w, i) => (
              <List.Item key={i}>{t("importWizard.warningLine", { line: w.line, message: w.message })}</List.Item>
            ))}
          </List>
          {r.warnings.length > WARNINGS_SHOWN && (
            <Text size="sm" c="dimmed">
              {t("importWizard.moreWarnings", { n: r.warnings.length - WARNINGS_SHOWN })}
            </Text>
          )}
        </Stack>
      )}

      <Group>
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t("importWizard.previous")}
        </Button>
        <Button rightSection={<IconArrowRight size={16} aria-hidden />} disabled={r === null} onClick={onNext}>
          {t("importWizard.next")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The import's progress: rows done of the total, as the backend reports them. */
function ImportBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useI18n();
  const percent = progress === null || progress.total === 0 ? 0 : Math.floor((progress.done * 100) / progress.total);
  return (
    <Stack gap={6}>
      <Text size="sm" role="status">
        {progress === null
          ? t("importWizard.starting")
          : t("importWizard.progress", { done: progress.done, total: progress.total })}
      </Text>
      <Progress value={percent} size="lg" aria-label={t("importWizard.progressLabel")} />
    </Stack>
  );
}

type SummaryProps = {
  report: ImportReport;
  undone: number | null;
  undoing: boolean;
  undoError: unknown;
  onUndo: (id: number) => void;
  onOpenTriage: () => void;
  onClose: () => void;
};

/** What the import did, with undo and the way to the triage list. */
function Summary({ report, undone, undoing, undoError, onUndo, onOpenTriage, onClose }: SummaryProps) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <StatusNote title={t("importWizard.doneTitle")}>
        <Text size="sm">
          {t("importWizard.doneCounts", {
            added: report.added,
            updated: report.updated,
            skipped: report.skipped,
            duplicates: report.duplicates,
            suppressed: report.suppressed,
          })}
        </Text>
        {report.backup !== null && <Text size="sm">{t("importWizard.backupMade", { file: report.backup })}</Text>}
        {undone === null && report.added > 0 && <Text size="sm">{t("importWizard.waitInTriage")}</Text>}
      </StatusNote>
      {undone !== null && <StatusNote>{t("importWizard.undone", { n: undone })}</StatusNote>}
      {undoError !== null && <ImportError error={undoError} />}
      <Group>
        {undone === null && report.added > 0 && (
          <Button onClick={onOpenTriage}>{t("importWizard.openTriage")}</Button>
        )}
        {undone === null && report.id !== null && report.added > 0 && (
          <Button variant="default" color="red" loading={undoing} onClick={() => report.id !== null && onUndo(report.id)}>
            {t("importWizard.undo")}
          </Button>
        )}
        <Button variant="default" onClick={onClose}>
          {t("importWizard.backToContacts")}
        </Button>
      </Group>
    </Stack>
  );
}
