import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Interaction } from "../../bindings/Interaction";
import type { InteractionChange } from "../../bindings/InteractionChange";
import type { InteractionKind } from "../../bindings/InteractionKind";
import { BsnConfirm, useBsnCheck } from "../../components/BsnConfirm";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n";
import { parseField } from "../../lib/errors";
import { shownDate, shownTime } from "../../components/DateField";
import { editInteraction, isIpcError } from "../../lib/ipc";
import { INTERACTION_KINDS, kindLabel } from "./labels";
import { stripFieldPrefix } from "./validation";

type Errors = { kind?: string; text?: string; at?: string };

/** A stored instant as the field shows it, in local time: `01-05-2024 14:30`. */
function typedAt(iso: string): string {
  return `${shownDate(shownLocalDate(iso))} ${shownTime(iso)}`.trim();
}

/** The local calendar date of an instant as YYYY-MM-DD (the stored form is UTC). */
function shownLocalDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(d.getFullYear()).padStart(4, "0")}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

type Props = { interaction: Interaction; onDone: (saved: boolean) => void };

/**
 * Rectifies one interaction (Art. 16): kind, date and text, checked by the backend as when
 * adding. Only what the user changed is sent.
 */
export function InteractionEdit({ interaction, onDone }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const initialAt = typedAt(interaction.at);
  const [kind, setKind] = useState<InteractionKind>(interaction.kind);
  const [text, setText] = useState(interaction.text);
  const [at, setAt] = useState(initialAt);
  const [errors, setErrors] = useState<Errors>({});
  const bsn = useBsnCheck<InteractionChange>();
  const headingId = `interaction-edit-${interaction.id}`;

  const save = useMutation({
    mutationFn: ({ change, confirmNotBsn }: { change: InteractionChange; confirmNotBsn: boolean }) =>
      editInteraction(interaction.id, change, confirmNotBsn),
    onSuccess: async () => {
      bsn.clear();
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      onDone(true);
    },
    onError: (error, { change }) => {
      if (bsn.ask(error, change)) return;
      if (!isIpcError(error, "invalid_input")) return;
      const ref = parseField(error.field);
      if (error.field && ref && (ref.field === "kind" || ref.field === "text" || ref.field === "at")) {
        setErrors({ [ref.field]: stripFieldPrefix(error.message, error.field) || t("error.invalid_input") });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    bsn.clear();
    const next: Errors = {};
    if (text.trim() === "") next.text = t("interaction.textRequired");
    // A changed moment goes as typed (`31-03-2026 14:30`); the core reads it in local time.
    const typed = at.trim() === initialAt ? null : at.trim();
    if (typed === "") next.at = t("interaction.atInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.reset();
    const change: InteractionChange = {
      kind: kind === interaction.kind ? null : kind,
      text: text.trim() === interaction.text ? null : text.trim(),
      at: typed,
    };
    if (change.kind === null && change.text === null && change.at === null) {
      onDone(false);
      return;
    }
    save.mutate({ change, confirmNotBsn: false });
  };

  const confirmNotBsn = () => {
    if (bsn.pending && !save.isPending) save.mutate({ change: bsn.pending.vars, confirmNotBsn: true });
  };

  const fieldError = isIpcError(save.error, "invalid_input") && Object.values(errors).some(Boolean);
  const bsnQuestion = isIpcError(save.error, "bsn_suspected");

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm" mt="xs">
        <h4 id={headingId} style={{ margin: 0 }}>
          {t("rectify.editHeading")}
        </h4>
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t("interaction.kind")}
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as InteractionKind);
              bsn.clear();
            }}
            data={INTERACTION_KINDS.map((value) => ({ value, label: kindLabel(t, value) }))}
            error={errors.kind}
            miw={160}
          />
          <TextInput
            label={t("interaction.at")}
            placeholder={t("dateField.instantPlaceholder")}
            autoComplete="off"
            value={at}
            onChange={(event) => {
              setAt(event.currentTarget.value);
              setErrors((e) => ({ ...e, at: undefined }));
              bsn.clear();
            }}
            error={errors.at}
            miw={220}
          />
        </Group>
        <Textarea
          label={t("interaction.text")}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setErrors((e) => ({ ...e, text: undefined }));
            bsn.clear();
          }}
          autosize
          minRows={3}
          maxRows={12}
          error={errors.text}
        />
        {save.isError && !fieldError && !bsnQuestion && <ErrorAlert error={save.error} />}
        {bsn.pending && <BsnConfirm onConfirm={confirmNotBsn} onCancel={bsn.clear} busy={save.isPending} />}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={bsn.pending !== null}>
            {t("rectify.save")}
          </Button>
          <Button variant="default" onClick={() => onDone(false)} disabled={save.isPending}>
            {t("rectify.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
