import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPencilPlus, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { DocumentKind } from "../../bindings/DocumentKind";
import type { FiscalDocument } from "../../bindings/FiscalDocument";
import { BsnConfirm, useBsnCheck } from "../../components/BsnConfirm";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormHeading } from "../../components/FormHeading";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n, type Translate } from "../../i18n";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { formatDate, formatEuros } from "../../lib/format";
import { addDocument, correctDocument, deleteDocument, isIpcError, listDocuments } from "../../lib/ipc";

export const DOCUMENT_KINDS: readonly DocumentKind[] = ["quote", "invoice"];

export function documentKindLabel(t: Translate, kind: DocumentKind): string {
  return t(`docKind.${kind}`);
}

/** Digits with optional thousands separators and up to two decimals, in either notation. */
const AMOUNT = /^-?\s*€?\s*\d[\d.,\s]*$/;

export function useDocuments(contactId: number) {
  return useQuery({ queryKey: queryKeys.documents(contactId), queryFn: () => listDocuments(contactId) });
}

type Props = {
  contactId: number;
  /** Processing of the contact is restricted: nothing may be added. */
  restricted?: boolean;
};

/** The amount in cents as it would be typed: "1250,50" in Dutch, "1250.50" in English. */
function typedAmount(locale: string, cents: number): string {
  const text = (cents / 100).toFixed(2);
  return locale.startsWith("nl") ? text.replace(".", ",") : text;
}

/**
 * Quotes and invoices of a contact, under the fiscal retention duty. A record is never
 * overwritten: "Add correction" appends one that refers to it; it can be deleted only once its
 * hold has ended (the backend decides; the list shows until when).
 */
export function FiscalDocuments({ contactId, restricted = false }: Props) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const documents = useDocuments(contactId);
  const [correcting, setCorrecting] = useState<FiscalDocument | null>(null);
  const [deleting, setDeleting] = useState<FiscalDocument | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const remove = useMutation({
    mutationFn: (id: number) => deleteDocument(id),
    onSuccess: async () => {
      setDeleting(null);
      setDone(t("rectify.docDeleted"));
      await queryClient.invalidateQueries({ queryKey: queryKeys.documents(contactId) });
    },
  });

  const numberOf = (list: FiscalDocument[], id: number) => list.find((d) => d.id === id)?.number ?? `#${id}`;

  return (
    <TitledSection id="documents-heading" title={t("documents.heading")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("documents.note")}
        </Text>
        {restricted && (
          <Text size="sm" c="dimmed" id="documents-rectify-restricted">
            {t("rectify.docRestricted")}
          </Text>
        )}
        {done && <StatusNote>{done}</StatusNote>}
        {remove.isError && <ErrorAlert error={remove.error} />}
        <QueryState query={documents} empty={<Text c="dimmed">{t("documents.empty")}</Text>}>
          {(list) => (
            <DataTable
              verticalSpacing="xs"
              columns={[
                t("documents.col.kind"),
                t("documents.col.number"),
                t("documents.col.date"),
                { label: t("documents.col.amount"), align: "right" },
                t("rectify.col.status"),
                t("rectify.col.actions"),
              ]}
            >
              {list.map((doc) => {
                const heldId = `document-held-${doc.id}`;
                const correctedId = `document-corrected-${doc.id}`;
                const held = doc.held_until ?? "";
                return (
                  <Table.Tr key={doc.id}>
                    <Table.Td>{documentKindLabel(t, doc.kind)}</Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{doc.number}</Table.Td>
                    <Table.Td miw={110}>
                      <time dateTime={doc.date}>{formatDate(locale, doc.date)}</time>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                      {formatEuros(locale, doc.amount_cents)}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {doc.corrected_by !== null && (
                          <Text size="sm" fw={600} id={correctedId}>
                            {t("rectify.corrected", { number: numberOf(list, doc.corrected_by) })}
                          </Text>
                        )}
                        {doc.corrects !== null && (
                          <Text size="sm">{t("rectify.correctionOf", { number: numberOf(list, doc.corrects) })}</Text>
                        )}
                        {doc.under_hold && (
                          <Text size="sm" c="dimmed">
                            {t("rectify.heldUntil", { date: formatDate(locale, held) })}
                          </Text>
                        )}
                        {doc.under_hold && (
                          <Text size="xs" c="dimmed" id={heldId} style={{ display: "none" }}>
                            {t("rectify.deleteDocHeld", { number: doc.number, date: formatDate(locale, held) })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencilPlus size={14} aria-hidden />}
                          aria-label={t("rectify.correctLabel", { number: doc.number })}
                          disabled={restricted || doc.corrected_by !== null}
                          aria-describedby={
                            restricted ? "documents-rectify-restricted" : doc.corrected_by !== null ? correctedId : undefined
                          }
                          title={doc.corrected_by !== null ? t("rectify.correctedAlready") : undefined}
                          onClick={() => {
                            setDone(null);
                            setCorrecting(doc);
                          }}
                        >
                          {t("rectify.correct")}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} aria-hidden />}
                          aria-label={t("rectify.deleteDocLabel", { number: doc.number })}
                          disabled={restricted || doc.under_hold}
                          aria-describedby={
                            restricted ? "documents-rectify-restricted" : doc.under_hold ? heldId : undefined
                          }
                          title={
                            doc.under_hold
                              ? t("rectify.deleteDocHeld", { number: doc.number, date: formatDate(locale, held) })
                              : undefined
                          }
                          onClick={() => {
                            setDone(null);
                            remove.reset();
                            setDeleting(doc);
                          }}
                        >
                          {t("rectify.delete")}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          )}
        </QueryState>
        {correcting ? (
          <DocumentForm
            key={`correct-${correcting.id}`}
            contactId={contactId}
            restricted={restricted}
            correcting={correcting}
            initial={{
              kind: correcting.kind,
              number: correcting.number,
              date: correcting.date,
              amount: typedAmount(locale, correcting.amount_cents),
            }}
            onDone={(saved) => {
              setCorrecting(null);
              if (saved) setDone(t("rectify.correctionAdded"));
            }}
          />
        ) : (
          <DocumentForm contactId={contactId} restricted={restricted} />
        )}
        <ConfirmDialog
          opened={deleting !== null}
          title={t("rectify.deleteDocTitle")}
          message={t("rectify.deleteDocMessage", { number: deleting?.number ?? "" })}
          confirmLabel={t("rectify.deleteConfirm")}
          onConfirm={() => {
            if (deleting && !remove.isPending) remove.mutate(deleting.id);
          }}
          onCancel={() => setDeleting(null)}
          busy={remove.isPending}
          error={remove.isError ? <ErrorAlert error={remove.error} /> : undefined}
        />
      </Stack>
    </TitledSection>
  );
}

type Errors = { kind?: string; number?: string; date?: string; amount?: string; correction?: string };
type Input = { kind: DocumentKind; number: string; date: string; amount: string };

type FormProps = {
  contactId: number;
  restricted: boolean;
  /** The record a correction is for (the form then appends a correction, pre-filled). */
  correcting?: FiscalDocument;
  initial?: Input;
  onDone?: (saved: boolean) => void;
};

function DocumentForm({ contactId, restricted, correcting, initial, onDone }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentKind>(initial?.kind ?? "invoice");
  const [number, setNumber] = useState(initial?.number ?? "");
  const [date, setDate] = useState(shownDate(initial?.date));
  const [amount, setAmount] = useState(initial?.amount ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState(false);
  const bsn = useBsnCheck<Input>();

  const add = useMutation({
    mutationFn: ({ input, confirmNotBsn }: { input: Input; confirmNotBsn: boolean }) =>
      correcting
        ? correctDocument(correcting.id, input.kind, input.number, input.date, input.amount, confirmNotBsn)
        : addDocument(contactId, input.kind, input.number, input.date, input.amount, confirmNotBsn),
    onSuccess: async () => {
      bsn.clear();
      if (onDone) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.documents(contactId) });
        onDone(true);
        return;
      }
      setNumber("");
      setDate("");
      setAmount("");
      setAdded(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.documents(contactId) });
    },
    onError: (error, { input }) => {
      if (bsn.ask(error, input)) return;
      if (!isIpcError(error, "invalid_input")) return;
      if (error.field === "number") setErrors({ number: t("documents.numberRequired") });
      else if (error.field === "date") setErrors({ date: dateErrorText(t, error, t("documents.dateInvalid")) });
      else if (error.field === "amount") setErrors({ amount: t("documents.amountInvalid") });
      else if (error.field === "kind") setErrors({ kind: t("error.invalid_input") });
      else if (error.field === "correction") setErrors({ correction: t("rectify.nothingChanged") });
    },
  });

  const edited = (field: keyof Errors) => {
    setErrors((e) => ({ ...e, [field]: undefined, correction: undefined }));
    setAdded(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending || restricted) return;
    setAdded(false);
    const next: Errors = {};
    if (number.trim() === "") next.number = t("documents.numberRequired");
    // The date as typed (day-month-year): the core parses it.
    if (date.trim() === "") next.date = t("documents.dateInvalid");
    if (!AMOUNT.test(amount.trim())) next.amount = t("documents.amountInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    add.reset();
    // The amount goes as typed: the backend reads both "1.250,50" and "1,250.50".
    add.mutate({ input: { kind, number: number.trim(), date: date.trim(), amount }, confirmNotBsn: false });
  };

  const confirmNotBsn = () => {
    if (bsn.pending && !add.isPending) add.mutate({ input: bsn.pending.vars, confirmNotBsn: true });
  };

  const fieldError = isIpcError(add.error, "invalid_input") && Object.values(errors).some(Boolean);
  const headingId = correcting ? "document-correct-heading" : "document-form-heading";

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <FormHeading
          id={headingId}
          title={correcting ? t("rectify.correctHeading", { number: correcting.number }) : t("documents.addHeading")}
          note={restricted ? t("documents.restricted") : correcting ? t("rectify.correctNote") : null}
          noteId={correcting ? "document-correct-note" : "documents-restricted"}
        />
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t("documents.kind")}
            aria-label={t("documents.kind")}
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as DocumentKind);
              edited("kind");
            }}
            data={DOCUMENT_KINDS.map((value) => ({ value, label: documentKindLabel(t, value) }))}
            error={errors.kind}
            disabled={restricted}
            miw={140}
          />
          <TextInput
            label={t("documents.number")}
            value={number}
            onChange={(event) => {
              setNumber(event.currentTarget.value);
              edited("number");
            }}
            error={errors.number}
            disabled={restricted}
            autoComplete="off"
            maxLength={60}
            miw={140}
          />
        </Group>
        <Group grow align="flex-start" preventGrowOverflow={false} wrap="wrap">
          <DateField
            label={t("documents.date")}
            value={date}
            onChange={(text) => {
              setDate(text);
              edited("date");
            }}
            error={errors.date}
            disabled={restricted}
            miw={160}
          />
          <TextInput
            label={t("documents.amount")}
            description={t("documents.amountHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={amount}
            onChange={(event) => {
              setAmount(event.currentTarget.value);
              edited("amount");
            }}
            error={errors.amount}
            disabled={restricted}
            inputMode="decimal"
            autoComplete="off"
            miw={140}
          />
        </Group>
        {bsn.pending && <BsnConfirm onConfirm={confirmNotBsn} onCancel={bsn.clear} busy={add.isPending} />}
        {errors.correction && <ErrorAlert>{errors.correction}</ErrorAlert>}
        {add.isError && !fieldError && !isIpcError(add.error, "bsn_suspected") && <ErrorAlert error={add.error} />}
        {added && <StatusNote>{t("documents.added")}</StatusNote>}
        <Group>
          <Button
            type="submit"
            leftSection={<IconPlus size={18} aria-hidden />}
            loading={add.isPending}
            disabled={restricted}
            aria-describedby={restricted ? "documents-restricted" : undefined}
          >
            {correcting ? t("rectify.correct") : t("documents.submit")}
          </Button>
          {onDone && (
            <Button variant="default" onClick={() => onDone(false)} disabled={add.isPending}>
              {t("rectify.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
