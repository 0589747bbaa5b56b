import { Alert, Button, Divider, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconHandStop, IconLockOpen, IconMailOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import type { Contact } from "../../bindings/Contact";
import type { ObjectionReport } from "../../bindings/ObjectionReport";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatInstantDate } from "../../lib/format";
import { objectContact, restrictContact, unrestrictContact } from "../../lib/ipc";
import { invalidatePrivacyData } from "../register/queries";

/** Restriction of processing (Art. 18) and the objection to direct marketing (Art. 21). */
export function RestrictionSection({ contact }: { contact: Contact }) {
  return (
    <Stack gap="lg">
      <Restriction contact={contact} />
      <Divider />
      <Objection contact={contact} />
    </Stack>
  );
}

function Restriction({ contact }: { contact: Contact }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const restricted = contact.restricted_reason !== null;

  const change = useMutation({
    mutationFn: (next: { restrict: true; reason: string } | { restrict: false }) =>
      next.restrict ? restrictContact(contact.id, next.reason) : unrestrictContact(contact.id),
    onSuccess: async (_result, next) => {
      setReason("");
      setNotice(next.restrict ? t("restriction.restricted") : t("restriction.lifted"));
      await invalidatePrivacyData(queryClient);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    setNotice(null);
    if (reason.trim() === "") {
      setMissing(true);
      return;
    }
    change.mutate({ restrict: true, reason: reason.trim() });
  };

  return (
    <Stack gap="sm">
      {restricted ? (
        <>
          <Text>{t("restriction.isRestricted")}</Text>
          <Group>
            <Button
              variant="default"
              leftSection={<IconLockOpen size={18} aria-hidden />}
              loading={change.isPending}
              onClick={() => {
                setNotice(null);
                change.mutate({ restrict: false });
              }}
            >
              {t("restriction.lift")}
            </Button>
          </Group>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t("restriction.intro")}
            </Text>
            <TextInput
              label={t("restriction.reason")}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setMissing(false);
                setNotice(null);
              }}
              error={missing ? t("restriction.reasonRequired") : undefined}
              autoComplete="off"
              maw={520}
            />
            <Group>
              <Button
                type="submit"
                variant="default"
                color="orange"
                leftSection={<IconHandStop size={18} aria-hidden />}
                loading={change.isPending}
              >
                {t("restriction.restrict")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {change.isError && <ErrorAlert error={change.error} />}
      {notice && <StatusNote>{notice}</StatusNote>}
    </Stack>
  );
}

function Objection({ contact }: { contact: Contact }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const explainId = useId();
  const [asking, setAsking] = useState(false);
  const [report, setReport] = useState<ObjectionReport | null>(null);

  const object = useMutation({
    mutationFn: () => objectContact(contact.id),
    onSuccess: async (result) => {
      setAsking(false);
      setReport(result);
      await invalidatePrivacyData(queryClient);
    },
  });

  return (
    <Stack gap="sm">
      {contact.objected_at !== null ? (
        <Text fw={500}>{t("objection.madeOn", { date: formatInstantDate(locale, contact.objected_at) })}</Text>
      ) : asking ? (
        <Alert color="orange" variant="light" title={t("objection.button")} role="group">
          <Stack gap="sm">
            <Text size="sm" id={explainId}>
              {t("objection.explain")}
            </Text>
            <Group gap="sm">
              <Button
                color="orange"
                loading={object.isPending}
                onClick={() => object.mutate()}
                aria-describedby={explainId}
                autoFocus
              >
                {t("objection.confirm")}
              </Button>
              <Button variant="default" disabled={object.isPending} onClick={() => setAsking(false)}>
                {t("common.cancel")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group>
          <Button
            variant="default"
            leftSection={<IconMailOff size={18} aria-hidden />}
            onClick={() => {
              object.reset();
              setAsking(true);
            }}
          >
            {t("objection.button")}
          </Button>
        </Group>
      )}
      {object.isError && <ErrorAlert error={object.error} />}
      {report && (
        <StatusNote>
          {t("objection.done", {
            withdrawn: report.withdrawn,
            ended: report.ended,
            suppressed: report.suppressed,
          })}
        </StatusNote>
      )}
    </Stack>
  );
}
