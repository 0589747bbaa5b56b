import { Button, Divider, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { IconCalendarPlus, IconCheck, IconFileText, IconUser } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";

import type { Request } from "../../bindings/Request";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { formatDate, formatInstantDate, toYmd } from "../../lib/format";
import { queryKeys } from "../../app/queryKeys";
import { closeRequest, extendRequest, isIpcError, requestRecipients } from "../../lib/ipc";
import { IdentityForm } from "./IdentityForm";
import { RecipientsChecklist } from "./RecipientsChecklist";
import { answeredByExport, identityMethodLabel } from "./labels";
import { invalidateRequests } from "./queries";

type Props = {
  request: Request;
  /** The contact's name; null when the contact was erased. */
  name: string | null;
  /** "Jan Jansen, Inzage": names the row in buttons' accessible names. */
  rowName: string;
  onOpenContact: (id: number) => void;
  onPrepareAccess: (request: Request, name: string) => void;
};

/** What a request row unfolds into: its details and the actions that fit its state. */
export function RequestPanel({ request, name, rowName, onOpenContact, onPrepareAccess }: Props) {
  const { t, locale } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = `request-${request.id}-heading`;
  const contactId = request.contact_id;
  const queryClient = useQueryClient();
  // Art. 19: the core lists the recipients after a rectification, erasure or restriction.
  const tellsRecipients = ["rectification", "erasure", "restriction"].includes(request.kind);
  const recipients = useQuery({
    queryKey: queryKeys.requestRecipients(request.id),
    queryFn: () => requestRecipients(request.id),
    enabled: tellsRecipients,
  });

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} style={{ overflowWrap: "anywhere" }}>
        {t("requests.panelLabel", { row: rowName })}
      </Title>
      <Group gap="xl" align="flex-start" component="dl" m={0} wrap="wrap">
        <Detail label={t("requests.handler")}>{request.handler}</Detail>
        <Detail label={t("requests.identity")}>
          {request.identity_method === null ? (
            t("requests.identityNone")
          ) : (
            <>
              {identityMethodLabel(t, request.identity_method)}
              {request.identity_note && (
                <Text component="span" size="sm" c="dimmed" display="block">
                  {t("requests.identityNote", { note: request.identity_note })}
                </Text>
              )}
            </>
          )}
        </Detail>
        {request.extended && (
          <>
            <Detail label={t("requests.originalDue")}>{formatDate(locale, request.original_due)}</Detail>
            <Detail label={t("requests.extension")}>
              {t("requests.extensionText", {
                reason: request.extension_reason ?? t("common.empty"),
                date: request.extension_notified ? formatDate(locale, request.extension_notified) : t("common.empty"),
              })}
            </Detail>
          </>
        )}
        {!request.open && (
          <>
            <Detail label={t("requests.outcome")}>{request.outcome ?? t("common.empty")}</Detail>
            {request.closed_at && (
              <Detail label={t("requests.closedAt")}>{formatInstantDate(locale, request.closed_at)}</Detail>
            )}
          </>
        )}
      </Group>

      {request.open && contactId !== null && name !== null && (
        <Group gap="sm">
          {answeredByExport(request.kind) && (
            <Button
              leftSection={<IconFileText size={18} aria-hidden />}
              aria-label={t("requests.prepareAccessLabel", { name })}
              onClick={() => onPrepareAccess(request, name)}
            >
              {t("requests.prepareAccess")}
            </Button>
          )}
          <Button
            variant="default"
            leftSection={<IconUser size={18} aria-hidden />}
            aria-label={t("requests.openContactLabel", { name })}
            onClick={() => onOpenContact(contactId)}
          >
            {t("requests.openContact")}
          </Button>
        </Group>
      )}
      {request.open && request.kind === "erasure" && contactId !== null && (
        <Text size="sm" c="dimmed">
          {t("requests.eraseHint")}
        </Text>
      )}

      {recipients.isError && <ErrorAlert error={recipients.error} />}
      {recipients.data && (
        <RecipientsChecklist
          notices={recipients.data}
          onChanged={() => queryClient.invalidateQueries({ queryKey: queryKeys.requestRecipients(request.id) })}
        />
      )}

      {notice && <StatusNote>{notice}</StatusNote>}

      {request.open && (
        <>
          <Divider />
          <Part title={t("identity.heading")}>
            <IdentityForm request={request} rowName={rowName} onRecorded={() => setNotice(t("identity.done"))} />
          </Part>
          {!request.extended && (
            <>
              <Divider />
              <Part title={t("extend.heading")}>
                <ExtendForm request={request} rowName={rowName} onExtended={() => setNotice(t("extend.done"))} />
              </Part>
            </>
          )}
          <Divider />
          <Part title={t("close.heading")}>
            <CloseForm request={request} rowName={rowName} onClosed={() => setNotice(t("close.done"))} />
          </Part>
        </>
      )}
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
        {children}
      </Text>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

type ExtendErrors = { reason?: string; notified?: string };

function ExtendForm({ request, rowName, onExtended }: { request: Request; rowName: string; onExtended: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const today = toYmd(new Date());
  const [reason, setReason] = useState("");
  // The date as typed (day-month-year); the core parses it and checks it lies in the period.
  const [notified, setNotified] = useState(shownDate(today <= request.original_due ? today : request.original_due));
  const [errors, setErrors] = useState<ExtendErrors>({});
  const notifiedError = t("extend.notifiedInvalid", {
    from: formatDate(locale, request.received),
    to: formatDate(locale, request.original_due),
  });

  const extend = useMutation({
    mutationFn: (next: { reason: string; notified: string }) => extendRequest(request.id, next.reason, next.notified),
    onSuccess: async () => {
      onExtended();
      await invalidateRequests(queryClient);
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "reason") setErrors({ reason: t("extend.reasonRequired") });
      else if (error.field === "notified") setErrors({ notified: dateErrorText(t, error, notifiedError) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (extend.isPending) return;
    const next: ExtendErrors = {};
    if (reason.trim() === "") next.reason = t("extend.reasonRequired");
    if (notified.trim() === "") next.notified = notifiedError;
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    extend.reset();
    extend.mutate({ reason: reason.trim(), notified });
  };

  const atField = Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate aria-label={t("extend.submitLabel", { row: rowName })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("extend.explain")}
        </Text>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t("extend.reason")}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setErrors((e) => ({ ...e, reason: undefined }));
            }}
            error={errors.reason}
            autoComplete="off"
            maxLength={1000}
            miw={260}
            style={{ flex: 1 }}
          />
          <DateField
            label={t("extend.notified")}
            value={notified}
            onChange={(text) => {
              setNotified(text);
              setErrors((e) => ({ ...e, notified: undefined }));
            }}
            error={errors.notified}
            w={240}
          />
        </Group>
        {extend.isError && !atField && <ErrorAlert error={extend.error} />}
        <Group>
          <Button
            type="submit"
            variant="default"
            leftSection={<IconCalendarPlus size={18} aria-hidden />}
            loading={extend.isPending}
            aria-label={t("extend.submitLabel", { row: rowName })}
          >
            {t("extend.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CloseForm({ request, rowName, onClosed }: { request: Request; rowName: string; onClosed: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState("");
  const [missing, setMissing] = useState(false);
  const [asking, setAsking] = useState(false);

  const close = useMutation({
    mutationFn: (text: string) => closeRequest(request.id, text),
    onSuccess: async () => {
      setAsking(false);
      onClosed();
      await invalidateRequests(queryClient);
    },
    onError: (error) => {
      if (isIpcError(error, "invalid_input") && error.field === "outcome") {
        setAsking(false);
        setMissing(true);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (close.isPending) return;
    if (outcome.trim() === "") {
      setMissing(true);
      return;
    }
    close.reset();
    setAsking(true);
  };

  const atField = missing && isIpcError(close.error, "invalid_input");

  return (
    <form onSubmit={submit} noValidate aria-label={t("close.submitLabel", { row: rowName })}>
      <Stack gap="sm">
        <Textarea
          label={t("close.outcome")}
          description={t("close.outcomeHelp")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          value={outcome}
          onChange={(event) => {
            setOutcome(event.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? t("close.outcomeRequired") : undefined}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {close.isError && !asking && !atField && <ErrorAlert error={close.error} />}
        <Group>
          <Button
            type="submit"
            variant="default"
            leftSection={<IconCheck size={18} aria-hidden />}
            aria-label={t("close.submitLabel", { row: rowName })}
          >
            {t("close.submit")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={t("close.confirmTitle")}
        message={t("close.confirmText", { row: rowName })}
        confirmLabel={t("close.submit")}
        onConfirm={() => close.mutate(outcome.trim())}
        onCancel={() => setAsking(false)}
        busy={close.isPending}
        error={close.isError ? <ErrorAlert error={close.error} /> : undefined}
      />
    </form>
  );
}
