import { Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { IconId } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import type { IdentityMethod } from "../../bindings/IdentityMethod";
import type { Request } from "../../bindings/Request";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n";
import { isIpcError, recordIdentity } from "../../lib/ipc";
import { IDENTITY_METHODS, identityMethodLabel } from "./labels";
import { invalidateRequests } from "./queries";

const NOTE_MAX = 500;

type Props = {
  request: Request;
  /** The row's name ("Jan Jansen, Inzage") for the button's accessible name. */
  rowName: string;
  onRecorded: () => void;
};

type Errors = { method?: string; note?: string };

/** Records how the person's identity was checked: the method and a note, never a copy. */
export function IdentityForm({ request, rowName, onRecorded }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const hintId = useId();
  const [method, setMethod] = useState<IdentityMethod | "">(request.identity_method ?? "");
  const [note, setNote] = useState(request.identity_note ?? "");
  const [errors, setErrors] = useState<Errors>({});

  const record = useMutation({
    mutationFn: (next: { method: IdentityMethod; note: string | null }) =>
      recordIdentity(request.id, next.method, next.note),
    onSuccess: async () => {
      await invalidateRequests(queryClient);
      onRecorded();
    },
    onError: (error) => {
      if (isIpcError(error, "bsn_suspected")) setErrors({ note: t("identity.noteBsn") });
      else if (isIpcError(error, "invalid_input") && error.field === "note") setErrors({ note: t("identity.noteTooLong") });
      else if (isIpcError(error, "invalid_input") && error.field === "method") {
        setErrors({ method: t("identity.methodRequired") });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const next: Errors = {};
    if (method === "") next.method = t("identity.methodRequired");
    if (note.trim().length > NOTE_MAX) next.note = t("identity.noteTooLong");
    setErrors(next);
    if (method === "" || next.note) return;
    record.reset();
    record.mutate({ method, note: note.trim() === "" ? null : note.trim() });
  };

  const atField = Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate aria-label={t("identity.submitLabel", { row: rowName })}>
      <Stack gap="sm">
        <Text size="sm" id={hintId} fw={500}>
          {t("identity.hint")}
        </Text>
        <Group align="flex-start" gap="md" wrap="wrap">
          <NativeSelect
            label={t("identity.method")}
            aria-label={t("identity.method")}
            value={method}
            onChange={(event) => {
              setMethod(event.currentTarget.value as IdentityMethod | "");
              setErrors((e) => ({ ...e, method: undefined }));
            }}
            data={[
              { value: "", label: t("identity.choose") },
              ...IDENTITY_METHODS.map((value) => ({ value, label: identityMethodLabel(t, value) })),
            ]}
            error={errors.method}
            miw={260}
          />
          <TextInput
            label={t("identity.note")}
            description={t("identity.noteHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setErrors((e) => ({ ...e, note: undefined }));
            }}
            error={errors.note}
            autoComplete="off"
            maxLength={NOTE_MAX}
            miw={260}
            style={{ flex: 1 }}
          />
        </Group>
        {record.isError && !atField && <ErrorAlert error={record.error} />}
        <Group>
          <Button
            type="submit"
            variant="default"
            leftSection={<IconId size={18} aria-hidden />}
            loading={record.isPending}
            aria-label={t("identity.submitLabel", { row: rowName })}
            aria-describedby={hintId}
          >
            {t("identity.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
