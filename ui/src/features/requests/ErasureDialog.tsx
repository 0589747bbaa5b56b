import { Button, Checkbox, Group, List, Modal, NativeSelect, Stack, Title } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Contact } from "../../bindings/Contact";
import type { ErasurePreview } from "../../bindings/ErasurePreview";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatDate } from "../../lib/format";
import { eraseContact, erasurePreview } from "../../lib/ipc";
import { requestKindLabel } from "./labels";
import { openRequestsOf, useRequests } from "./queries";

type Props = {
  contact: Contact;
  opened: boolean;
  onClose: () => void;
  /** Called once the contact is gone; `withRequest` tells whether a request was linked. */
  onErased: (withRequest: boolean) => void;
};

/**
 * Erasure at the person's request: first what goes and what the legal hold keeps, then an
 * explicit "I understand" before anything is erased. Works on restricted contacts too.
 */
export function ErasureDialog({ contact, opened, onClose, onErased }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("erase.title", { name: contact.name })}
      centered
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { overflowWrap: "anywhere", fontWeight: 700 } }}
    >
      {opened && <ErasureBody contact={contact} onClose={onClose} onErased={onErased} />}
    </Modal>
  );
}

function ErasureBody({ contact, onClose, onErased }: Omit<Props, "opened">) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: queryKeys.erasurePreview(contact.id),
    queryFn: () => erasurePreview(contact.id),
  });
  const requests = useRequests();
  const erasureRequests = openRequestsOf(requests.data, contact.id).filter((r) => r.kind === "erasure");
  // One open erasure request is the obvious one; with several, the user picks.
  const [chosen, setChosen] = useState<string | null>(null);
  const requestValue = chosen ?? (erasureRequests.length === 1 ? String(erasureRequests[0]?.id) : "");
  const [understood, setUnderstood] = useState(false);
  // An organisation no one else links to goes with the person unless the user unticks this.
  const [removeOrganisation, setRemoveOrganisation] = useState(true);
  const [missing, setMissing] = useState(false);
  const missingId = useId();

  const erase = useMutation({
    mutationFn: (requestId: number | null) =>
      eraseContact(contact.id, requestId, !(preview.data?.organisation_orphaned === true && removeOrganisation)),
    onSuccess: (_result, requestId) => {
      // Leave the contact's page first; the lists reload when they are shown again.
      onErased(requestId !== null);
      queryClient.removeQueries({ queryKey: queryKeys.erasurePreview(contact.id) });
      for (const key of [queryKeys.contacts, queryKeys.requests, queryKeys.retention, queryKeys.register]) {
        void queryClient.invalidateQueries({ queryKey: key, refetchType: "none" });
      }
    },
  });

  const submit = () => {
    if (erase.isPending) return;
    if (!understood) {
      setMissing(true);
      return;
    }
    erase.reset();
    erase.mutate(requestValue === "" ? null : Number(requestValue));
  };

  return (
    <Stack gap="md">
      {contact.restricted_reason !== null && <StatusNote tone="info">{t("erase.restrictedNote")}</StatusNote>}
      <QueryState query={preview}>{(data) => <PreviewLists preview={data} locale={locale} />}</QueryState>

      {preview.data && (
        <>
          {erasureRequests.length > 0 && (
            <NativeSelect
              label={t("erase.request")}
              aria-label={t("erase.request")}
              value={requestValue}
              onChange={(event) => setChosen(event.currentTarget.value)}
              data={[
                { value: "", label: t("export.withoutRequest") },
                ...erasureRequests.map((r) => ({
                  value: String(r.id),
                  label: t("export.requestOption", {
                    kind: requestKindLabel(t, r.kind),
                    received: formatDate(locale, r.received),
                    due: formatDate(locale, r.due),
                  }),
                })),
              ]}
            />
          )}
          {preview.data.organisation_orphaned && contact.organisation !== null && (
            <Checkbox
              label={t("erase.removeOrganisation")}
              description={t("erase.removeOrganisationHint", { organisation: contact.organisation })}
              checked={removeOrganisation}
              onChange={(event) => setRemoveOrganisation(event.currentTarget.checked)}
            />
          )}
          <Checkbox
            label={t("erase.understand")}
            checked={understood}
            onChange={(event) => {
              setUnderstood(event.currentTarget.checked);
              setMissing(false);
            }}
            // Mantine does not tie a checkbox's error text to it; this does.
            error={missing ? <span id={missingId}>{t("erase.understandRequired")}</span> : undefined}
            aria-describedby={missing ? missingId : undefined}
            aria-invalid={missing || undefined}
          />
        </>
      )}
      {erase.isError && <ErrorAlert error={erase.error} />}
      <Group gap="sm" justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={erase.isPending} data-autofocus>
          {t("common.cancel")}
        </Button>
        <Button
          color="red"
          leftSection={<IconTrash size={18} aria-hidden />}
          onClick={submit}
          loading={erase.isPending}
          disabled={!preview.data}
        >
          {t("erase.confirm")}
        </Button>
      </Group>
    </Stack>
  );
}

function PreviewLists({ preview, locale }: { preview: ErasurePreview; locale: string }) {
  const { t } = useI18n();
  const fiscal = preview.fiscal_records_kept;
  return (
    <>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("erase.removedHeading")}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t("erase.details")}</List.Item>
          <List.Item>{t("erase.interactions", { n: preview.interactions })}</List.Item>
          <List.Item>{t("erase.consents", { n: preview.consent_events })}</List.Item>
          <List.Item>{t("erase.links", { n: preview.purpose_links })}</List.Item>
          <List.Item>{t("erase.fields", { n: preview.field_values })}</List.Item>
        </List>
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("erase.keptHeading")}
        </Title>
        <List size="sm" spacing={4}>
          {fiscal > 0 && (
            <List.Item>
              {preview.kept_until
                ? t("erase.keptFiscal", { n: fiscal, date: formatDate(locale, preview.kept_until) })
                : t("erase.keptFiscalNoDate", { n: fiscal })}
            </List.Item>
          )}
          {preview.suppression_kept && <List.Item>{t("erase.keptSuppression")}</List.Item>}
          <List.Item>{t("erase.keptTombstone", { tombstone: preview.tombstone })}</List.Item>
          {preview.requests_redacted > 0 && <List.Item>{t("erase.keptRequests")}</List.Item>}
          <List.Item>{t("erase.keptLog")}</List.Item>
        </List>
      </Stack>
    </>
  );
}
