import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { ConsentInput } from "../../bindings/ConsentInput";
import type { Method } from "../../bindings/Method";
import type { Purpose } from "../../bindings/Purpose";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { parseField } from "../../lib/errors";
import { giveConsent, isIpcError } from "../../lib/ipc";
import { stripFieldPrefix } from "../contacts/validation";
import { METHODS, methodLabel, purposeOptions } from "../register/labels";
import { invalidatePrivacyData } from "../register/queries";

type Props = { contactId: number; purposes: Purpose[]; disabled: boolean };

type FieldErrors = { text?: string; evidence?: string };

/**
 * Records consent. The text is the exact text the person agreed to and is sent as typed
 * (no trimming). The confirmation box starts unticked: consent is never pre-ticked.
 */
export function ConsentForm({ contactId, purposes, disabled }: Props) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [purposeId, setPurposeId] = useState("");
  const [method, setMethod] = useState<Method | "">("");
  const [text, setText] = useState("");
  const [evidence, setEvidence] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [recorded, setRecorded] = useState(false);

  const give = useMutation({
    mutationFn: (input: ConsentInput) => giveConsent(contactId, input),
    onSuccess: async () => {
      setPurposeId("");
      setMethod("");
      setText("");
      setEvidence("");
      setConfirmed(false);
      setRecorded(true);
      await invalidatePrivacyData(queryClient);
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input") || !error.field) return;
      const ref = parseField(error.field);
      if (ref && (ref.field === "text" || ref.field === "evidence")) {
        setErrors({ [ref.field]: stripFieldPrefix(error.message, error.field) || t("error.invalid_input") });
      }
    },
  });

  const edited = () => {
    setRecorded(false);
    setErrors({});
  };

  const ready =
    purposeId !== "" && method !== "" && text.trim() !== "" && confirmed && !disabled && !give.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    give.reset();
    give.mutate({
      purpose_id: Number(purposeId),
      method,
      text,
      evidence: evidence.trim() === "" ? null : evidence.trim(),
    });
  };

  const fieldError = isIpcError(give.error, "invalid_input") && (errors.text ?? errors.evidence) !== undefined;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="privacy-consent">
      <Stack gap="sm">
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t("consent.purpose")}
            aria-label={t("consent.purpose")}
            value={purposeId}
            onChange={(event) => {
              setPurposeId(event.currentTarget.value);
              edited();
            }}
            data={purposeOptions(t, purposes)}
            disabled={disabled}
            miw={200}
          />
          <NativeSelect
            label={t("consent.method")}
            aria-label={t("consent.method")}
            value={method}
            onChange={(event) => {
              setMethod(event.currentTarget.value as Method | "");
              edited();
            }}
            data={[
              { value: "", label: t("consent.chooseMethod") },
              ...METHODS.map((value) => ({ value, label: methodLabel(t, value) })),
            ]}
            disabled={disabled}
            miw={180}
          />
        </Group>
        <Textarea
          label={t("consent.text")}
          description={t("consent.textHelp")}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            edited();
          }}
          error={errors.text}
          autosize
          minRows={3}
          maxRows={12}
          disabled={disabled}
        />
        <TextInput
          label={t("consent.evidence")}
          description={t("consent.evidenceHelp")}
          value={evidence}
          onChange={(event) => {
            setEvidence(event.currentTarget.value);
            edited();
          }}
          error={errors.evidence}
          autoComplete="off"
          disabled={disabled}
        />
        <Checkbox
          label={t("consent.confirm")}
          checked={confirmed}
          onChange={(event) => {
            setConfirmed(event.currentTarget.checked);
            setRecorded(false);
          }}
          required
          disabled={disabled}
        />
        {give.isError && !fieldError && <ErrorAlert error={give.error} />}
        {recorded && <StatusNote>{t("consent.recorded")}</StatusNote>}
        <Group>
          <Button
            type="submit"
            leftSection={<IconCircleCheck size={18} aria-hidden />}
            disabled={!ready}
            loading={give.isPending}
          >
            {t("consent.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
