import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type KeyboardEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { InteractionInput } from "../../bindings/InteractionInput";
import type { InteractionKind } from "../../bindings/InteractionKind";
import { BsnConfirm, useBsnCheck } from "../../components/BsnConfirm";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormHeading } from "../../components/FormHeading";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { parseField } from "../../lib/errors";
import { addInteraction, isIpcError } from "../../lib/ipc";
import { INTERACTION_KINDS, kindLabel } from "./labels";
import { stripFieldPrefix } from "./validation";

type Errors = { kind?: string; text?: string; at?: string };

type Props = {
  contactId: number;
  /** Processing of the contact is restricted: nothing may be added. */
  restricted?: boolean;
};

export function InteractionForm({ contactId, restricted = false }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<InteractionKind>("note");
  const [text, setText] = useState("");
  const [at, setAt] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState(false);
  const bsn = useBsnCheck<InteractionInput>();

  const add = useMutation({
    mutationFn: ({ input, confirmNotBsn }: { input: InteractionInput; confirmNotBsn: boolean }) =>
      addInteraction(contactId, input, confirmNotBsn),
    onSuccess: async () => {
      bsn.clear();
      setText("");
      setAt("");
      setAdded(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
    },
    onError: (error, { input }) => {
      if (bsn.ask(error, input)) return;
      if (!isIpcError(error, "invalid_input")) return;
      const ref = parseField(error.field);
      if (error.field && ref && (ref.field === "kind" || ref.field === "text" || ref.field === "at")) {
        setErrors({ [ref.field]: stripFieldPrefix(error.message, error.field) || t("error.invalid_input") });
      }
    },
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (add.isPending || restricted) return;
    setAdded(false);
    bsn.clear();
    const next: Errors = {};
    if (text.trim() === "") next.text = t("interaction.textRequired");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    add.reset();
    // The moment as typed (`31-03-2026 14:30`): the core reads it in the local time zone.
    add.mutate({ input: { kind, text: text.trim(), at: at.trim() === "" ? null : at.trim() }, confirmNotBsn: false });
  };

  const confirmNotBsn = () => {
    if (bsn.pending && !add.isPending) add.mutate({ input: bsn.pending.vars, confirmNotBsn: true });
  };

  // Ctrl+Enter (or Cmd+Enter) in the text area submits; plain Enter adds a line.
  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const fieldError = add.isError && isIpcError(add.error, "invalid_input") && Object.keys(errors).length > 0;
  const bsnQuestion = isIpcError(add.error, "bsn_suspected");

  return (
    <form onSubmit={submit} noValidate aria-labelledby="interaction-heading">
      <Stack gap="sm">
        <FormHeading
          id="interaction-heading"
          title={t("interaction.heading")}
          note={restricted ? t("interaction.restricted") : null}
          noteId="interaction-restricted"
        />
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t("interaction.kind")}
            aria-label={t("interaction.kind")}
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as InteractionKind);
              bsn.clear();
            }}
            data={INTERACTION_KINDS.map((value) => ({ value, label: kindLabel(t, value) }))}
            error={errors.kind}
            disabled={restricted}
            miw={180}
          />
          <TextInput
            label={t("interaction.at")}
            description={t("interaction.atHelp")}
            placeholder={t("dateField.instantPlaceholder")}
            autoComplete="off"
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={at}
            onChange={(event) => {
              setAt(event.currentTarget.value);
              setErrors((e) => ({ ...e, at: undefined }));
              bsn.clear();
            }}
            error={errors.at}
            disabled={restricted}
            miw={220}
          />
        </Group>
        <Textarea
          label={t("interaction.text")}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setErrors((e) => ({ ...e, text: undefined }));
            setAdded(false);
            bsn.clear();
          }}
          onKeyDown={onTextKeyDown}
          disabled={restricted}
          autosize
          minRows={3}
          maxRows={12}
          error={errors.text}
        />
        {add.isError && !fieldError && !bsnQuestion && <ErrorAlert error={add.error} />}
        {bsn.pending && <BsnConfirm onConfirm={confirmNotBsn} onCancel={bsn.clear} busy={add.isPending} />}
        {added && <StatusNote>{t("interaction.added")}</StatusNote>}
        <Group>
          <Button
            type="submit"
            leftSection={<IconPlus size={18} aria-hidden />}
            loading={add.isPending}
            disabled={restricted || bsn.pending !== null}
            aria-describedby={restricted ? "interaction-restricted" : undefined}
          >
            {t("interaction.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
