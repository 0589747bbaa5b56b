import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconFileCheck, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Flag } from "../../bindings/Flag";
import type { Processor } from "../../bindings/Processor";
import type { ProcessorInput } from "../../bindings/ProcessorInput";
import type { Safeguard } from "../../bindings/Safeguard";
import type { Service } from "../../bindings/Service";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n, type Translate } from "../../i18n";
import { parseField } from "../../lib/errors";
import {
  createProcessor,
  isIpcError,
  listProcessors,
  pickProcessingAgreement,
  processorServices,
  removeProcessor,
  updateProcessor,
} from "../../lib/ipc";
import { stripFieldPrefix } from "../contacts/validation";
import { splitList } from "./labels";
import { invalidatePrivacyData, usePurposes } from "./queries";

const SAFEGUARDS: readonly Safeguard[] = ["adequacy", "scc", "other"];

export function useProcessors() {
  return useQuery({ queryKey: queryKeys.processors, queryFn: listProcessors });
}

function serviceLabel(t: Translate, service: Service): string {
  return t(`service.${service}`);
}

function safeguardLabel(t: Translate, safeguard: Safeguard): string {
  return t(`safeguard.${safeguard}`);
}

function flagLabel(t: Translate, flag: Flag): string {
  return t(`processors.flag.${flag}`);
}

/** The processor register (Art. 28): who receives the data of which purposes, on what terms. */
export function ProcessorsTab() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const processors = useProcessors();
  const [editing, setEditing] = useState<Processor | null>(null);
  const [removing, setRemoving] = useState<Processor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const remove = useMutation({
    mutationFn: (p: Processor) => removeProcessor(p.id),
    onSuccess: async (_, p) => {
      await invalidatePrivacyData(queryClient);
      setRemoving(null);
      if (editing?.id === p.id) setEditing(null);
      setNotice(t("processors.removed", { name: p.name }));
    },
  });

  return (
    <Stack gap="lg">
      <TitledSection id="processors-heading" title={t("processors.heading")}>
        <Text c="dimmed" size="sm">
          {t("processors.intro")}
        </Text>
        <QueryState query={processors} empty={<Text c="dimmed">{t("processors.empty")}</Text>}>
          {(list) => (
            <DataTable
              columns={[
                t("processors.col.name"),
                t("processors.col.service"),
                t("processors.col.purposes"),
                t("processors.col.signed"),
                t("processors.col.review"),
                t("processors.col.outsideEu"),
                t("processors.col.attention"),
                t("processors.col.actions"),
              ]}
            >
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" miw={140} style={{ overflowWrap: "break-word" }}>
                    <Text fw={600}>{p.name}</Text>
                    {p.contact !== "" && (
                      <Text size="sm" c="dimmed" fw={400}>
                        {p.contact}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{serviceLabel(t, p.service)}</Table.Td>
                  <Table.Td style={{ overflowWrap: "break-word" }}>
                    {p.purposes.map((r) => r.name).join(", ") || t("common.empty")}
                  </Table.Td>
                  <Table.Td>
                    {p.dpa_signed_on ? shownDate(p.dpa_signed_on) : t("common.empty")}
                    {p.dpa_sha256 && (
                      <Text size="xs" c="dimmed" title={p.dpa_sha256}>
                        {t("processors.hashShort", { hash: p.dpa_sha256.slice(0, 12) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.review_on ? shownDate(p.review_on) : t("common.empty")}</Table.Td>
                  <Table.Td>
                    {p.outside_eu
                      ? `${t("common.yes")}${p.safeguard ? ` — ${safeguardLabel(t, p.safeguard)}` : ""}`
                      : t("common.no")}
                    {p.location !== "" && (
                      <Text size="xs" c="dimmed">
                        {p.location}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.flags.length === 0 ? (
                      t("processors.inOrder")
                    ) : (
                      <Stack gap={4} align="flex-start">
                        {p.flags.map((f) => (
                          <Badge key={f} color="orange" variant="light" tt="none" fw={600} miw="max-content">
                            {flagLabel(t, f)}
                          </Badge>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6} align="flex-start">
                      <Button
                        size="compact-sm"
                        variant="default"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        aria-label={t("processors.editLabel", { name: p.name })}
                        onClick={() => {
                          setNotice(null);
                          setEditing(p);
                        }}
                      >
                        {t("processors.edit")}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        aria-label={t("processors.removeLabel", { name: p.name })}
                        onClick={() => {
                          setNotice(null);
                          remove.reset();
                          setRemoving(p);
                        }}
                      >
                        {t("processors.remove")}
                      </Button>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
        {notice && <StatusNote>{notice}</StatusNote>}
      </TitledSection>

      <TitledSection
        id="processor-form-heading"
        title={editing ? t("processors.editHeading") : t("processors.addHeading")}
      >
        <ProcessorForm
          key={editing?.id ?? "new"}
          processor={editing}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
          }}
          onCancel={() => setEditing(null)}
        />
      </TitledSection>

      <ConfirmDialog
        opened={removing !== null}
        title={t("processors.removeTitle", { name: removing?.name ?? "" })}
        message={t("processors.removeText")}
        confirmLabel={t("processors.remove")}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
        busy={remove.isPending}
        error={remove.isError ? <ErrorAlert error={remove.error} /> : undefined}
      />
    </Stack>
  );
}

type FieldName =
  | "name"
  | "contact"
  | "data_categories"
  | "dpa_signed_on"
  | "dpa_reference"
  | "review_on"
  | "location"
  | "safeguard"
  | "safeguard_note";

const FIELD_NAMES: readonly string[] = [
  "name",
  "contact",
  "data_categories",
  "dpa_signed_on",
  "dpa_reference",
  "review_on",
  "location",
  "safeguard",
  "safeguard_note",
];

type FormProps = {
  processor: Processor | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
};

function ProcessorForm({ processor, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const purposes = usePurposes();
  const services = useQuery({ queryKey: queryKeys.processorServices, queryFn: processorServices });
  const [name, setName] = useState(processor?.name ?? "");
  const [service, setService] = useState<Service>(processor?.service ?? "other");
  const [contact, setContact] = useState(processor?.contact ?? "");
  const [chosen, setChosen] = useState<string[]>(processor?.purposes.map((r) => String(r.id)) ?? []);
  const [categories, setCategories] = useState(processor?.data_categories.join(", ") ?? "");
  const [signed, setSigned] = useState(shownDate(processor?.dpa_signed_on));
  const [reference, setReference] = useState(processor?.dpa_reference ?? "");
  const [sha256, setSha256] = useState<string | null>(null);
  const [review, setReview] = useState(shownDate(processor?.review_on));
  const [location, setLocation] = useState(processor?.location ?? "");
  const [outsideEu, setOutsideEu] = useState(processor?.outside_eu ?? false);
  const [safeguard, setSafeguard] = useState<Safeguard>(processor?.safeguard ?? "scc");
  const [safeguardNote, setSafeguardNote] = useState(processor?.safeguard_note ?? "");
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});

  const pick = useMutation({
    mutationFn: pickProcessingAgreement,
    onSuccess: (file) => {
      if (!file) return;
      setSha256(file.sha256);
      setReference(file.file_name);
    },
  });

  const save = useMutation({
    mutationFn: async (input: ProcessorInput) => {
      if (processor) await updateProcessor(processor.id, input);
      else await createProcessor(input);
      return input.name;
    },
    onSuccess: async (saved) => {
      await Promise.all([
        invalidatePrivacyData(queryClient),
        queryClient.invalidateQueries({ queryKey: queryKeys.processors }),
      ]);
      onSaved(processor ? t("processors.saved", { name: saved }) : t("processors.added", { name: saved }));
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input") || !error.field) return;
      const ref = parseField(error.field);
      if (!ref || !FIELD_NAMES.includes(ref.field)) return;
      const field = ref.field as FieldName;
      const text =
        field === "name" && /exists/i.test(error.message)
          ? t("processors.nameTaken")
          : field === "safeguard"
            ? t("processors.safeguardRequired")
            : field === "safeguard_note"
              ? t("processors.safeguardNoteRequired")
              : field === "dpa_signed_on" || field === "review_on"
                ? dateErrorText(t, error, stripFieldPrefix(error.message, error.field))
                : stripFieldPrefix(error.message, error.field);
      setErrors({ [field]: text });
    },
  });

  const edited = () => {
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (name.trim() === "") {
      setErrors({ name: t("processors.nameRequired") });
      return;
    }
    save.reset();
    save.mutate({
      name: name.trim(),
      service,
      contact: contact.trim(),
      purposes: chosen.map(Number),
      data_categories: splitList(categories),
      dpa_signed_on: signed.trim() || null,
      dpa_reference: reference.trim() || null,
      dpa_sha256: sha256,
      review_on: review.trim() || null,
      location: location.trim(),
      outside_eu: outsideEu,
      safeguard: outsideEu ? safeguard : null,
      safeguard_note: outsideEu && safeguard === "other" ? safeguardNote.trim() : "",
    });
  };

  const fieldError = isIpcError(save.error, "invalid_input") && Object.keys(errors).length > 0;
  const storedHash = sha256 ?? (reference === (processor?.dpa_reference ?? "") ? processor?.dpa_sha256 : null);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="processor-form-heading">
      <Stack gap="md" maw={640}>
        <TextInput
          label={t("processors.name")}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            edited();
          }}
          error={errors.name}
          required
          withAsterisk={false}
          autoComplete="off"
          autoFocus={processor !== null}
        />
        <NativeSelect
          label={t("processors.service")}
          aria-label={t("processors.service")}
          value={service}
          onChange={(e) => {
            setService(e.currentTarget.value as Service);
            edited();
          }}
          data={(services.data ?? [service]).map((s) => ({ value: s, label: serviceLabel(t, s) }))}
        />
        <TextInput
          label={t("processors.contact")}
          description={t("processors.contactHelp")}
          value={contact}
          onChange={(e) => {
            setContact(e.currentTarget.value);
            edited();
          }}
          error={errors.contact}
          autoComplete="off"
        />
        <Checkbox.Group
          label={t("processors.purposes")}
          description={t("processors.purposesHelp")}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            edited();
          }}
        >
          <Stack gap={6} mt={6}>
            {(purposes.data ?? []).map((p) => (
              <Checkbox key={p.id} value={String(p.id)} label={p.name} />
            ))}
            {purposes.data?.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("processors.noPurposes")}
              </Text>
            )}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label={t("processors.categories")}
          description={t("processors.categoriesHelp")}
          value={categories}
          onChange={(e) => {
            setCategories(e.currentTarget.value);
            edited();
          }}
          error={errors.data_categories}
          autoComplete="off"
        />
        <DateField
          label={t("processors.signed")}
          value={signed}
          onChange={(v) => {
            setSigned(v);
            edited();
          }}
          error={errors.dpa_signed_on}
          w={220}
        />
        <Stack gap={6}>
          <TextInput
            label={t("processors.reference")}
            description={t("processors.referenceHelp")}
            value={reference}
            onChange={(e) => {
              setReference(e.currentTarget.value);
              setSha256(null);
              edited();
            }}
            error={errors.dpa_reference}
            autoComplete="off"
          />
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileCheck size={16} aria-hidden />}
              onClick={() => pick.mutate()}
              loading={pick.isPending}
            >
              {t("processors.pickFile")}
            </Button>
            {storedHash && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {t("processors.hash", { hash: storedHash })}
              </Text>
            )}
          </Group>
          {pick.isError && <ErrorAlert error={pick.error} />}
        </Stack>
        <DateField
          label={t("processors.review")}
          value={review}
          onChange={(v) => {
            setReview(v);
            edited();
          }}
          error={errors.review_on}
          w={220}
        />
        <TextInput
          label={t("processors.location")}
          description={t("processors.locationHelp")}
          value={location}
          onChange={(e) => {
            setLocation(e.currentTarget.value);
            edited();
          }}
          error={errors.location}
          autoComplete="off"
        />
        <Checkbox
          label={t("processors.outsideEu")}
          checked={outsideEu}
          onChange={(e) => {
            setOutsideEu(e.currentTarget.checked);
            edited();
          }}
        />
        {outsideEu && (
          <>
            <NativeSelect
              label={t("processors.safeguard")}
              aria-label={t("processors.safeguard")}
              value={safeguard}
              onChange={(e) => {
                setSafeguard(e.currentTarget.value as Safeguard);
                edited();
              }}
              error={errors.safeguard}
              data={SAFEGUARDS.map((s) => ({ value: s, label: safeguardLabel(t, s) }))}
            />
            {safeguard === "other" && (
              <TextInput
                label={t("processors.safeguardNote")}
                value={safeguardNote}
                onChange={(e) => {
                  setSafeguardNote(e.currentTarget.value);
                  edited();
                }}
                error={errors.safeguard_note}
                autoComplete="off"
              />
            )}
          </>
        )}
        {save.isError && !fieldError && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" leftSection={processor ? undefined : <IconPlus size={18} aria-hidden />} loading={save.isPending}>
            {processor ? t("processors.saveChanges") : t("processors.add")}
          </Button>
          {processor && (
            <Button variant="default" onClick={onCancel} disabled={save.isPending}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
