import { Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconLink, IconX } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import type { Basis } from "../../bindings/Basis";
import type { Method } from "../../bindings/Method";
import type { Purpose } from "../../bindings/Purpose";
import type { PurposeLink } from "../../bindings/PurposeLink";
import type { Source } from "../../bindings/Source";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { useI18n } from "../../i18n";
import { formatInstantDate } from "../../lib/format";
import { linkPurpose, withdrawConsent } from "../../lib/ipc";
import {
  basisLabel,
  basisOptions,
  METHODS,
  methodLabel,
  purposeOptions,
  SOURCES,
  sourceLabel,
} from "../register/labels";
import { invalidatePrivacyData } from "../register/queries";

/** Whether consent is the basis the link rests on (or would, once the basis is known). */
function restsOnConsent(link: PurposeLink): boolean {
  return link.basis === "consent" || (link.basis === null && link.purpose.basis === "consent");
}

type TableProps = { contactId: number; links: PurposeLink[] };

/** The purposes a contact is linked to, with basis, consent state and the withdrawal. */
export function PurposeLinksTable({ contactId, links }: TableProps) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);

  // Withdrawing must be as easy as giving (also when restricted): one action, which asks only
  // how the person withdrew (e-mail unless changed) and takes an optional note, as evidence.
  const [asking, setAsking] = useState<Purpose | null>(null);
  const [method, setMethod] = useState<Method>("email");
  const [note, setNote] = useState("");
  const withdraw = useMutation({
    mutationFn: (purpose: Purpose) =>
      withdrawConsent(contactId, purpose.id, method, note.trim() === "" ? null : note.trim()),
    onSuccess: async (_id, purpose) => {
      setAsking(null);
      setNote("");
      setMethod("email");
      setNotice(t("links.withdrawn", { purpose: purpose.name }));
      await invalidatePrivacyData(queryClient);
    },
  });

  if (links.length === 0) return <Text c="dimmed">{t("links.empty")}</Text>;

  return (
    <Stack gap="sm">
      <DataTable
        columns={[
          t("links.col.purpose"),
          t("links.col.basis"),
          t("links.col.source"),
          t("links.col.reviewed"),
          t("links.col.consent"),
          t("links.col.status"),
        ]}
      >
        {links.map((link) => (
          <Table.Tr key={link.purpose.id}>
            <Table.Th scope="row" fw={600} style={{ overflowWrap: "break-word" }}>
              {link.purpose.name}
            </Table.Th>
            <Table.Td>{basisLabel(t, link.basis)}</Table.Td>
            <Table.Td>{sourceLabel(t, link.source)}</Table.Td>
            <Table.Td>
              <time dateTime={link.reviewed_at}>{formatInstantDate(locale, link.reviewed_at)}</time>
            </Table.Td>
            <Table.Td>
              {link.consent_given_at !== null ? (
                <Stack gap={6} align="flex-start">
                  <Text size="sm">
                    {t("links.consentSince", { date: formatInstantDate(locale, link.consent_given_at) })}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    leftSection={<IconX size={14} aria-hidden />}
                    aria-label={t("links.withdrawLabel", { purpose: link.purpose.name })}
                    loading={withdraw.isPending && withdraw.variables?.id === link.purpose.id}
                    disabled={withdraw.isPending}
                    onClick={() => {
                      setNotice(null);
                      setAsking(link.purpose);
                    }}
                  >
                    {t("links.withdraw")}
                  </Button>
                </Stack>
              ) : restsOnConsent(link) ? (
                <Text size="sm">{t("links.noConsent")}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("common.empty")}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Badge variant="light" color={link.usable ? "teal" : "red"} tt="none" fw={600}>
                  {link.usable ? t("links.usable") : t("links.notUsable")}
                </Badge>
                {link.ended_at !== null && (
                  <Text size="sm" c="dimmed">
                    {t("links.ended", { date: formatInstantDate(locale, link.ended_at) })}
                  </Text>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        ))}
          
      </DataTable>
      {asking !== null && (
        <form
          aria-label={t("links.withdrawLabel", { purpose: asking.name })}
          onSubmit={(event) => {
            event.preventDefault();
            if (!withdraw.isPending) withdraw.mutate(asking);
          }}
        >
          <Stack gap="xs" maw={520}>
            <NativeSelect
              label={t("links.withdrawHow")}
              aria-label={t("links.withdrawHow")}
              value={method}
              onChange={(event) => setMethod(event.currentTarget.value as Method)}
              data={METHODS.map((value) => ({ value, label: methodLabel(t, value) }))}
            />
            <TextInput
              label={t("links.withdrawNote")}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={500}
              autoComplete="off"
            />
            <Group gap="sm">
              <Button type="submit" color="red" loading={withdraw.isPending}>
                {t("links.withdrawConfirm")}
              </Button>
              <Button variant="default" onClick={() => setAsking(null)} disabled={withdraw.isPending}>
                {t("form.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {withdraw.isError && <ErrorAlert error={withdraw.error} />}
      {notice && <StatusNote>{notice}</StatusNote>}
    </Stack>
  );
}

type FormProps = { contactId: number; purposes: Purpose[]; disabled: boolean };

const UNKNOWN = "unknown";

/**
 * Links the contact to a purpose (or re-reviews an existing link) with a basis and source.
 * Folded away until asked for, so the tab opens on the state rather than on a form.
 */
export function LinkPurposeForm({ contactId, purposes, disabled }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const formId = useId();
  const [purposeId, setPurposeId] = useState("");
  const [basis, setBasis] = useState<Basis | typeof UNKNOWN>(UNKNOWN);
  const [source, setSource] = useState<Source | "">("");
  const [linked, setLinked] = useState(false);

  const link = useMutation({
    mutationFn: (args: { purposeId: number; basis: Basis | null; source: Source }) =>
      linkPurpose(contactId, args.purposeId, args.basis, args.source),
    onSuccess: async () => {
      setPurposeId("");
      setBasis(UNKNOWN);
      setSource("");
      setLinked(true);
      await invalidatePrivacyData(queryClient);
    },
  });

  const choosePurpose = (value: string) => {
    setPurposeId(value);
    setLinked(false);
    // A purpose's own basis is the usual one for each person it applies to.
    const purpose = purposes.find((p) => String(p.id) === value);
    setBasis(purpose ? purpose.basis : UNKNOWN);
  };

  const ready = purposeId !== "" && source !== "" && !disabled && !link.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    link.mutate({ purposeId: Number(purposeId), basis: basis === UNKNOWN ? null : basis, source });
  };

  const expanded = open && !disabled;

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        <Button
          id={headingId}
          variant="subtle"
          size="compact-md"
          px={4}
          leftSection={
            expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />
          }
          aria-expanded={expanded}
          aria-controls={expanded ? formId : undefined}
          disabled={disabled}
          onClick={() => setOpen((o) => !o)}
        >
          {t("links.formHeading")}
        </Button>
      </Title>
      {expanded && (
        <form id={formId} onSubmit={submit} noValidate aria-labelledby={headingId}>
          <Stack gap="sm">
            {purposes.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("privacy.noPurposes")}
              </Text>
            )}
            <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
              <NativeSelect
                label={t("links.purpose")}
                aria-label={t("links.purpose")}
                value={purposeId}
                onChange={(event) => choosePurpose(event.currentTarget.value)}
                data={purposeOptions(t, purposes)}
                disabled={disabled}
                miw={200}
              />
              <NativeSelect
                label={t("links.basis")}
                aria-label={t("links.basis")}
                value={basis}
                onChange={(event) => {
                  setBasis(event.currentTarget.value as Basis | typeof UNKNOWN);
                  setLinked(false);
                }}
                data={[...basisOptions(t), { value: UNKNOWN, label: basisLabel(t, null) }]}
                disabled={disabled}
                miw={200}
              />
              <NativeSelect
                label={t("links.source")}
                aria-label={t("links.source")}
                value={source}
                onChange={(event) => {
                  setSource(event.currentTarget.value as Source | "");
                  setLinked(false);
                }}
                data={[
                  { value: "", label: t("privacy.chooseSource") },
                  ...SOURCES.map((value) => ({ value, label: sourceLabel(t, value) })),
                ]}
                disabled={disabled}
                miw={160}
              />
            </Group>
            {link.isError && <ErrorAlert error={link.error} />}
            {linked && <StatusNote>{t("links.linked")}</StatusNote>}
            <Group>
              <Button
                type="submit"
                variant="default"
                leftSection={<IconLink size={18} aria-hidden />}
                disabled={!ready}
                loading={link.isPending}
              >
                {t("links.submit")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
