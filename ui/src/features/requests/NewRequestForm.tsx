import { Button, Group, NativeSelect, Stack } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { Request } from "../../bindings/Request";
import type { RequestKind } from "../../bindings/RequestKind";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { formatDate, toYmd } from "../../lib/format";
import { addRequest, isIpcError } from "../../lib/ipc";
import { ContactPicker, type PickedContact } from "./ContactPicker";
import { REQUEST_KINDS, requestKindLabel } from "./labels";
import { invalidateRequests } from "./queries";

type Errors = { contact?: string; received?: string };
type Input = { contactId: number; kind: RequestKind; received: string };

/** Registers a request; the backend computes the deadline, which is shown right away. */
export function NewRequestForm() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [kind, setKind] = useState<RequestKind>("access");
  // The date as typed (day-month-year); the core parses it and checks it is not in the future.
  const [received, setReceived] = useState(() => shownDate(toYmd(new Date())));
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState<Request | null>(null);

  const add = useMutation({
    mutationFn: (input: Input) => addRequest(input.contactId, input.kind, input.received),
    onSuccess: async (request) => {
      setAdded(request);
      setContact(null);
      setReceived(shownDate(toYmd(new Date())));
      await invalidateRequests(queryClient);
    },
    onError: (error) => {
      if (isIpcError(error, "not_found")) setErrors({ contact: t("error.not_found") });
      else if (isIpcError(error, "invalid_input") && error.field === "received") {
        const future = error.message.includes("future");
        const fallback = future ? t("newRequest.receivedFuture") : t("newRequest.receivedInvalid");
        setErrors({ received: dateErrorText(t, error, fallback) });
      } else if (isIpcError(error, "invalid_input") && error.field === "contact_id") {
        setErrors({ contact: t("picker.required") });
      }
    },
  });

  const edited = (field: keyof Errors) => {
    setErrors((e) => ({ ...e, [field]: undefined }));
    setAdded(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setAdded(null);
    const next: Errors = {};
    if (contact === null) next.contact = t("picker.required");
    if (received.trim() === "") next.received = t("newRequest.receivedInvalid");
    setErrors(next);
    if (contact === null || next.received) return;
    add.reset();
    add.mutate({ contactId: contact.id, kind, received });
  };

  const atField = Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-request-heading">
      <Stack gap="sm">
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <ContactPicker
            value={contact}
            onChange={(next) => {
              setContact(next);
              edited("contact");
            }}
            error={errors.contact}
          />
          <Stack gap={6} miw={200}>
            <NativeSelect
              label={t("newRequest.kind")}
              aria-label={t("newRequest.kind")}
              value={kind}
              onChange={(event) => {
                setKind(event.currentTarget.value as RequestKind);
                setAdded(null);
              }}
              data={REQUEST_KINDS.map((value) => ({ value, label: requestKindLabel(t, value) }))}
            />
            <DateField
              label={t("newRequest.received")}
              value={received}
              onChange={(text) => {
                setReceived(text);
                edited("received");
              }}
              error={errors.received}
            />
          </Stack>
        </Group>
        {add.isError && !atField && <ErrorAlert error={add.error} />}
        {added && <StatusNote>{t("newRequest.done", { date: formatDate(locale, added.due) })}</StatusNote>}
        <Group>
          <Button type="submit" leftSection={<IconPlus size={18} aria-hidden />} loading={add.isPending}>
            {t("newRequest.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
