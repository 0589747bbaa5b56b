import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { DocumentKind } from "../../bindings/DocumentKind";
import { BsnConfirm, useBsnCheck } from "../../components/BsnConfirm";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormHeading } from "../../components/FormHeading";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n, type Translate } from "../../i18n";
import { formatDate, formatEuros, parseYmd } from "../../lib/format";
import { addDocument, isIpcError, listDocuments } from "../../lib/ipc";

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

/** Quotes and invoices of a contact, under the fiscal retention duty. */
export function FiscalDocuments({ contactId, restricted = false }: Props) {
  const { t, locale } = useI18n();
  const documents = useDocuments(contactId);

  return (
    <TitledSection id="documents-heading" title={t("documents.heading")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("documents.note")}
        </Text>
        <QueryState query={documents} empty={<Text c="dimmed">{t("documents.empty")}</Text>}>
          {(list) => (
            <DataTable
              verticalSpacing="xs"
              columns={[
                t("documents.col.kind"),
                t("documents.col.number"),
                t("documents.col.date"),
                { label: t("documents.col.amount"), align: "right" },
              ]}
            >
              {list.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>{documentKindLabel(t, doc.kind)}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{doc.number}</Table.Td>
                  <Table.Td miw={110}>
                    <time dateTime={doc.date}>{formatDate(locale, doc.date)}</time>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatEuros(locale, doc.amount_cents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
        <DocumentForm contactId={contactId} restricted={restricted} />
      </Stack>
    </TitledSection>
  );
}

type Errors = { kind?: string; number?: string; date?: string; amount?: string };
type Input = { kind: DocumentKind; number: string; date: string; amount: string };

function DocumentForm({ contactId, restricted }: { contactId: number; restricted: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<DocumentKind>("invoice");
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [amount, setAmount] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState(false);
  const bsn = useBsnCheck<Input>();

  const add = useMutation({
    mutationFn: ({ input, confirmNotBsn }: { input: Input; confirmNotBsn: boolean }) =>
      addDocument(contactId, input.kind, input.number, input.date, input.amount, confirmNotBsn),
    onSuccess: async () => {
      bsn.clear();
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
      else if (error.field === "date") setErrors({ date: t("documents.dateInvalid") });
      else if (error.field === "amount") setErrors({ amount: t("documents.amountInvalid") });
      else if (error.field === "kind") setErrors({ kind: t("error.invalid_input") });
    },
  });

  const edited = (field: keyof Errors) => {
    setErrors((e) => ({ ...e, [field]: undefined }));
    setAdded(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending || restricted) return;
    setAdded(false);
    const next: Errors = {};
    if (number.trim() === "") next.number = t("documents.numberRequired");
    if (parseYmd(date) === null) next.date = t("documents.dateInvalid");
    if (!AMOUNT.test(amount.trim())) next.amount = t("documents.amountInvalid");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    add.reset();
    // The amount goes as typed: the backend reads both "1.250,50" and "1,250.50".
    add.mutate({ input: { kind, number: number.trim(), date, amount }, confirmNotBsn: false });
  };

  const confirmNotBsn = () => {
    if (bsn.pending && !add.isPending) add.mutate({ input: bsn.pending.vars, confirmNotBsn: true });
  };

  const fieldError = isIpcError(add.error, "invalid_input") && Object.values(errors).some(Boolean);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="document-form-heading">
      <Stack gap="sm">
        <FormHeading
          id="document-form-heading"
          title={t("documents.addHeading")}
          note={restricted ? t("documents.restricted") : null}
          noteId="documents-restricted"
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
          <TextInput
            type="date"
            label={t("documents.date")}
            value={date}
            onChange={(event) => {
              setDate(event.currentTarget.value);
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
            {t("documents.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
