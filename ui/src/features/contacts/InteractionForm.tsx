import { Button, Group, NativeSelect, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type KeyboardEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { InteractionKind } from "../../bindings/InteractionKind";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { parseField } from "../../lib/errors";
import { datetimeLocalToRfc3339 } from "../../lib/format";
import { addInteraction, isIpcError } from "../../lib/ipc";
import { INTERACTION_KINDS, kindLabel } from "./labels";
import { stripFieldPrefix } from "./validation";

type Errors = { kind?: string; text?: string; at?: string };

export function InteractionForm({ contactId }: { contactId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<InteractionKind>("note");
  const [text, setText] = useState("");
  const [at, setAt] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState(false);

  const add = useMutation({
    mutationFn: (input: { kind: InteractionKind; text: string; at: string | null }) =>
      addInteraction(contactId, input),
    onSuccess: async () => {
      setText("");
      setAt("");
      setAdded(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      const ref = parseField(error.field);
      if (error.field && ref && (ref.field === "kind" || ref.field === "text" || ref.field === "at")) {
        setErrors({ [ref.field]: stripFieldPrefix(error.message, error.field) || t("error.invalid_input") });
      }
    },
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (add.isPending) return;
    setAdded(false);
    const next: Errors = {};
    if (text.trim() === "") next.text = t("interaction.textRequired");
    let rfc: string | null = null;
    if (at !== "") {
      rfc = datetimeLocalToRfc3339(at);
      if (rfc === null) next.at = t("interaction.atInvalid");
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    add.reset();
    add.mutate({ kind, text: text.trim(), at: rfc });
  };

  // Ctrl+Enter (or Cmd+Enter) in the text area submits; plain Enter adds a line.
  const onTextKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const fieldError = add.isError && isIpcError(add.error, "invalid_input") && Object.keys(errors).length > 0;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="interaction-heading">
      <Stack gap="sm">
        <Title order={3} size="h5" id="interaction-heading">
          {t("interaction.heading")}
        </Title>
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t("interaction.kind")}
            aria-label={t("interaction.kind")}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as InteractionKind)}
            data={INTERACTION_KINDS.map((value) => ({ value, label: kindLabel(t, value) }))}
            error={errors.kind}
            miw={180}
          />
          <TextInput
            type="datetime-local"
            label={t("interaction.at")}
            description={t("interaction.atHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={at}
            onChange={(event) => {
              setAt(event.currentTarget.value);
              setErrors((e) => ({ ...e, at: undefined }));
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
            setAdded(false);
          }}
          onKeyDown={onTextKeyDown}
          autosize
          minRows={3}
          maxRows={12}
          error={errors.text}
        />
        {add.isError && !fieldError && <ErrorAlert error={add.error} />}
        {added && <StatusNote>{t("interaction.added")}</StatusNote>}
        <Group>
          <Button type="submit" leftSection={<IconPlus size={18} aria-hidden />} loading={add.isPending}>
            {t("interaction.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
