import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconDeviceFloppy, IconEye } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import type { FieldValue } from "../../bindings/FieldValue";
import { BsnConfirm, useBsnCheck } from "../../components/BsnConfirm";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n, type Translate } from "../../i18n";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { isIpcError, setField, type IpcError } from "../../lib/ipc";
import { invalidatePrivacyData } from "../register/queries";

/** What a hidden special-category value shows instead of itself. */
export const HIDDEN_VALUE = "••••";

type Props = {
  contactId: number;
  fields: FieldValue[];
  /** Special-category values are in `fields` (the user asked to see them). */
  revealed: boolean;
  revealing: boolean;
  onReveal: () => void;
  disabled: boolean;
};

export function FieldValues({ contactId, fields, revealed, revealing, onReveal, disabled }: Props) {
  const { t } = useI18n();
  if (fields.length === 0) return <Text c="dimmed">{t("fields.empty")}</Text>;
  return (
    <Stack gap="sm">
      {fields.map((value) => (
        <FieldRow
          // A new stored value (e.g. after revealing or saving) starts the input afresh.
          key={`${value.field.id}:${value.value ?? ""}:${String(revealed)}`}
          contactId={contactId}
          value={value}
          hidden={value.field.special_category && value.filled && value.value === null}
          revealing={revealing}
          onReveal={onReveal}
          disabled={disabled}
        />
      ))}
    </Stack>
  );
}

function clientError(t: Translate, kind: FieldValue["field"]["kind"], raw: string): string | null {
  const value = raw.trim();
  if (value === "") return null;
  if (kind === "number" && !Number.isFinite(Number(value.replace(",", ".")))) return t("fields.numberInvalid");
  return null;
}

/** The backend's English `value` errors, in the user's language. */
function backendError(t: Translate, value: FieldValue, error: IpcError): string {
  const message = error.message.toLowerCase();
  if (message.includes("consent")) return t("fields.needsConsent", { purpose: value.field.purpose });
  if (message.includes("required")) return t("fields.requiredError");
  if (value.field.kind === "number") return t("fields.numberInvalid");
  if (value.field.kind === "date") return dateErrorText(t, error, t("fields.dateInvalid"));
  return t("error.invalid_input");
}

type RowProps = {
  contactId: number;
  value: FieldValue;
  hidden: boolean;
  revealing: boolean;
  onReveal: () => void;
  disabled: boolean;
};

function FieldRow({ contactId, value, hidden, revealing, onReveal, disabled }: RowProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { field } = value;
  const inputId = useId();
  const labelId = useId();
  const noteId = useId();
  // A date field shows and takes day-month-year; the core parses what was typed.
  const [input, setInput] = useState(field.kind === "date" ? shownDate(value.value) : (value.value ?? ""));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const bsn = useBsnCheck<string>();

  const save = useMutation({
    mutationFn: ({ text, confirmNotBsn }: { text: string; confirmNotBsn: boolean }) =>
      setField(contactId, field.id, text, confirmNotBsn),
    onSuccess: async () => {
      bsn.clear();
      setSaved(true);
      await invalidatePrivacyData(queryClient);
    },
    onError: (err, { text }) => {
      if (bsn.ask(err, text)) return;
      if (isIpcError(err, "invalid_input") && err.field === "value") setError(backendError(t, value, err));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || disabled || hidden) return;
    setSaved(false);
    bsn.clear();
    const found = clientError(t, field.kind, input);
    setError(found);
    if (found) return;
    save.reset();
    save.mutate({ text: input, confirmNotBsn: false });
  };

  const confirmNotBsn = () => {
    if (bsn.pending && !save.isPending) save.mutate({ text: bsn.pending.vars, confirmNotBsn: true });
  };

  const change = (next: string) => {
    setInput(next);
    setError(null);
    setSaved(false);
    bsn.clear();
  };

  const shownError = save.isError && !isIpcError(save.error, "bsn_suspected") && error === null;

  const badges = (
    <Group gap={6}>
      <Text size="xs" c="dimmed">
        {t("fields.purpose", { purpose: field.purpose })}
      </Text>
      {field.required && (
        <Badge variant="light" color="gray" tt="none" fw={500}>
          {t("fields.required")}
        </Badge>
      )}
      {field.special_category && (
        <Badge
          variant="light"
          color="orange"
          tt="none"
          fw={600}
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
        >
          {t("fields.special")}
        </Badge>
      )}
    </Group>
  );

  const common = {
    id: inputId,
    label: field.label,
    value: input,
    error,
    disabled,
    style: { flex: 1, minWidth: 200 },
  };

  let control;
  switch (field.kind) {
    case "yes-no":
      control = (
        <NativeSelect
          {...common}
          aria-label={field.label}
          onChange={(event) => change(event.currentTarget.value)}
          data={[
            { value: "", label: t("common.empty") },
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
        />
      );
      break;
    case "date":
      control = <DateField {...common} error={error ?? undefined} onChange={change} />;
      break;
    case "number":
      control = (
        <TextInput
          {...common}
          inputMode="decimal"
          autoComplete="off"
          onChange={(event) => change(event.currentTarget.value)}
        />
      );
      break;
    case "text":
      control = <TextInput {...common} autoComplete="off" onChange={(event) => change(event.currentTarget.value)} />;
      break;
  }

  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          {badges}
          {hidden ? (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
                <Text size="sm" fw={500} id={labelId}>
                  {field.label}
                </Text>
                <Text ff="monospace">
                  <span aria-hidden>{HIDDEN_VALUE}</span>
                  <VisuallyHidden>{t("fields.hidden")}</VisuallyHidden>
                </Text>
              </Stack>
              <Button
                variant="default"
                leftSection={<IconEye size={18} aria-hidden />}
                onClick={onReveal}
                loading={revealing}
                aria-describedby={`${labelId} ${noteId}`}
              >
                {t("fields.reveal")}
              </Button>
            </Group>
          ) : (
            <Group gap="sm" align="flex-start" wrap="wrap">
              {control}
              <Button
                type="submit"
                variant="default"
                mt={25}
                leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                aria-label={t("fields.saveLabel", { label: field.label })}
                disabled={disabled || bsn.pending !== null}
                loading={save.isPending}
              >
                {t("fields.save")}
              </Button>
            </Group>
          )}
          {hidden && (
            <Text size="xs" c="dimmed" id={noteId}>
              {t("fields.revealNote")}
            </Text>
          )}
          {shownError && <ErrorAlert error={save.error} />}
          {bsn.pending && <BsnConfirm onConfirm={confirmNotBsn} onCancel={bsn.clear} busy={save.isPending} />}
          {saved && (
            <Text size="sm" c="teal.8" role="status">
              {t("fields.saved", { label: field.label })}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
