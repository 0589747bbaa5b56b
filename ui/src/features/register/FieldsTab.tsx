import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { FieldDefInput } from "../../bindings/FieldDefInput";
import type { FieldKind } from "../../bindings/FieldKind";
import type { Purpose } from "../../bindings/Purpose";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { defineField, isIpcError } from "../../lib/ipc";
import { stripFieldPrefix } from "../contacts/validation";
import { FIELD_KINDS, fieldKindLabel, purposeOptions } from "./labels";
import { invalidatePrivacyData, useFieldDefs, usePurposes } from "./queries";

export function FieldsTab() {
  const { t } = useI18n();
  const fields = useFieldDefs();
  const purposes = usePurposes();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <TitledSection id="fields-heading" title={t("fieldDefs.heading")}>
        <QueryState query={fields} empty={<Text c="dimmed">{t("fieldDefs.empty")}</Text>}>
          {(list) => (
            <DataTable
              columns={[
                t("fieldDefs.col.label"),
                t("fieldDefs.col.kind"),
                t("fieldDefs.col.purpose"),
                t("fieldDefs.col.required"),
                t("fieldDefs.col.special"),
              ]}
            >
              {list.map((field) => (
                <Table.Tr key={field.id}>
                  <Table.Th scope="row" fw={600} style={{ overflowWrap: "break-word" }}>
                    {field.label}
                  </Table.Th>
                  <Table.Td>{fieldKindLabel(t, field.kind)}</Table.Td>
                  <Table.Td style={{ overflowWrap: "break-word" }}>{field.purpose}</Table.Td>
                  <Table.Td>{field.required ? t("common.yes") : t("common.no")}</Table.Td>
                  <Table.Td>
                    {field.special_category ? (
                      <Badge
                        variant="light"
                        color="orange"
                        tt="none"
                        fw={600}
                        leftSection={<IconAlertTriangle size={12} aria-hidden />}
                      >
                        {t("fields.special")}
                      </Badge>
                    ) : (
                      t("common.no")
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </TitledSection>

      <TitledSection id="field-form-heading" title={t("fieldDefs.addHeading")}>
        <Stack gap="md">
          {purposes.isError && <ErrorAlert error={purposes.error} />}
          <FieldForm purposes={purposes.data ?? []} onChange={() => setNotice(null)} onAdded={setNotice} />
          {notice && <StatusNote>{notice}</StatusNote>}
        </Stack>
      </TitledSection>
    </Stack>
  );
}

type Errors = { label?: string; purpose?: string };

type FormProps = { purposes: Purpose[]; onChange: () => void; onAdded: (message: string) => void };

function FieldForm({ purposes, onChange, onAdded }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<FieldKind>("text");
  const [purposeId, setPurposeId] = useState("");
  const [required, setRequired] = useState(false);
  const [special, setSpecial] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const define = useMutation({
    mutationFn: (input: FieldDefInput) => defineField(input),
    onSuccess: async (_id, input) => {
      setLabel("");
      setKind("text");
      setPurposeId("");
      setRequired(false);
      setSpecial(false);
      onAdded(t("fieldDefs.added", { label: input.label }));
      await invalidatePrivacyData(queryClient);
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "label") {
        setErrors({
          label: /exists|taken/i.test(error.message)
            ? t("fieldDefs.labelTaken")
            : stripFieldPrefix(error.message, error.field),
        });
      }
    },
  });

  const edited = () => {
    onChange();
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (define.isPending) return;
    onChange();
    const next: Errors = {};
    if (label.trim() === "") next.label = t("fieldDefs.labelRequired");
    if (purposeId === "") next.purpose = t("fieldDefs.purposeRequired");
    setErrors(next);
    if (next.label ?? next.purpose) return;
    define.reset();
    define.mutate({
      label: label.trim(),
      kind,
      purpose_id: Number(purposeId),
      required,
      special_category: special,
    });
  };

  const noPurposes = purposes.length === 0;
  const fieldError = isIpcError(define.error, "invalid_input") && errors.label !== undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        {noPurposes && <Text c="dimmed">{t("fieldDefs.needsPurpose")}</Text>}
        <TextInput
          label={t("fieldDefs.label")}
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
            edited();
          }}
          error={errors.label}
          required
          withAsterisk={false}
          autoComplete="off"
        />
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t("fieldDefs.kind")}
            aria-label={t("fieldDefs.kind")}
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as FieldKind);
              edited();
            }}
            data={FIELD_KINDS.map((value) => ({ value, label: fieldKindLabel(t, value) }))}
            miw={160}
          />
          <NativeSelect
            label={t("fieldDefs.purpose")}
            aria-label={t("fieldDefs.purpose")}
            value={purposeId}
            onChange={(event) => {
              setPurposeId(event.currentTarget.value);
              edited();
            }}
            data={purposeOptions(t, purposes)}
            error={errors.purpose}
            disabled={noPurposes}
            miw={200}
          />
        </Group>
        <Checkbox
          label={t("fieldDefs.required")}
          checked={required}
          onChange={(event) => {
            setRequired(event.currentTarget.checked);
            edited();
          }}
        />
        <Checkbox
          label={t("fieldDefs.special")}
          checked={special}
          onChange={(event) => {
            setSpecial(event.currentTarget.checked);
            edited();
          }}
        />
        {special && <StatusNote tone="warning">{t("fieldDefs.specialWarning")}</StatusNote>}
        {define.isError && !fieldError && <ErrorAlert error={define.error} />}
        <Group>
          <Button
            type="submit"
            leftSection={<IconPlus size={18} aria-hidden />}
            loading={define.isPending}
            disabled={noPurposes}
          >
            {t("fieldDefs.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
