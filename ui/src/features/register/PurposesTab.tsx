import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconFileExport, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { Basis } from "../../bindings/Basis";
import type { Purpose } from "../../bindings/Purpose";
import type { PurposeInput } from "../../bindings/PurposeInput";
import type { Requirement } from "../../bindings/Requirement";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { QueryState } from "../../components/QueryState";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { parseField } from "../../lib/errors";
import { createPurpose, exportMailingList, isIpcError, updatePurpose } from "../../lib/ipc";
import { stripFieldPrefix } from "../contacts/validation";
import { basisLabel, basisOptions, splitList } from "./labels";
import { invalidatePrivacyData, usePurposes } from "./queries";
import { UnsubscribeImportButton } from "./UnsubscribeImport";


export function PurposesTab() {
  const { t } = useI18n();
  const purposes = usePurposes();
  const [editing, setEditing] = useState<Purpose | null>(null);
  const [exportNotice, setExportNotice] = useState<string | null>(null);
  const [formNotice, setFormNotice] = useState<string | null>(null);

  const exportList = useMutation({
    // The backend asks where to save; null: the user cancelled.
    mutationFn: (purpose: Purpose) => exportMailingList(purpose.id),
    onSuccess: (rows) => {
      if (rows === null) return;
      setExportNotice(rows === 1 ? t("purposes.exportedOne") : t("purposes.exported", { n: rows }));
    },
  });

  return (
    <Stack gap="lg">
      <TitledSection id="purposes-heading" title={t("purposes.heading")}>
        <QueryState query={purposes} empty={<Text c="dimmed">{t("purposes.empty")}</Text>}>
          {(list) => (
            <Stack gap="sm">
              <DataTable
                columns={[
                  t("purposes.col.name"),
                  t("purposes.col.basis"),
                  t("purposes.col.directMarketing"),
                  t("purposes.col.categories"),
                  t("purposes.col.recipients"),
                  t("purposes.col.actions"),
                ]}
              >
                {list.map((purpose) => (
                  <Table.Tr key={purpose.id}>
                    <Table.Th scope="row" miw={160} style={{ overflowWrap: "break-word" }}>
                      <Text fw={600}>{purpose.name}</Text>
                      {purpose.description !== "" && (
                        <Text size="sm" c="dimmed" fw={400}>
                          {purpose.description}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{basisLabel(t, purpose.basis)}</Table.Td>
                    <Table.Td>
                      {purpose.direct_marketing ? (
                        <Badge variant="light" color="grape" tt="none" fw={600} miw="max-content">
                          {t("purposes.directMarketing")}
                        </Badge>
                      ) : (
                        t("common.empty")
                      )}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "break-word" }}>
                      {purpose.data_categories.join(", ") || t("common.empty")}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "break-word" }}>
                      {purpose.recipients.join(", ") || t("common.empty")}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={6} align="flex-start">
                        <Button
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t("purposes.editLabel", { name: purpose.name })}
                          onClick={() => {
                            setFormNotice(null);
                            setEditing(purpose);
                          }}
                        >
                          {t("purposes.edit")}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          leftSection={<IconFileExport size={14} aria-hidden />}
                          aria-label={t("purposes.exportLabel", { name: purpose.name })}
                          loading={exportList.isPending && exportList.variables?.id === purpose.id}
                          disabled={exportList.isPending}
                          onClick={() => {
                            setExportNotice(null);
                            exportList.mutate(purpose);
                          }}
                        >
                          {t("purposes.export")}
                        </Button>
                        <UnsubscribeImportButton purpose={purpose} />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              {exportList.isError && <ErrorAlert error={exportList.error} />}
              {exportNotice && <StatusNote>{exportNotice}</StatusNote>}
            </Stack>
          )}
        </QueryState>
      </TitledSection>

      <TitledSection
        id="purpose-form-heading"
        title={editing ? t("purposes.editHeading") : t("purposes.addHeading")}
      >
        <Stack gap="md">
          <PurposeForm
            key={editing?.id ?? "new"}
            purpose={editing}
            onChange={() => setFormNotice(null)}
            onSaved={(message) => {
              setEditing(null);
              setFormNotice(message);
            }}
            onCancel={() => setEditing(null)}
          />
          {formNotice && <StatusNote>{formNotice}</StatusNote>}
        </Stack>
      </TitledSection>
    </Stack>
  );
}

type TextField = "description" | "data_categories" | "recipients" | "legitimate_interest" | "consequence" | "source";

const TEXT_FIELDS: readonly string[] = [
  "description",
  "data_categories",
  "recipients",
  "legitimate_interest",
  "consequence",
  "source",
];

const REQUIREMENTS: readonly Requirement[] = ["none", "contract", "law"];

type FormErrors = Partial<Record<"name" | TextField, string>>;

type FormProps = {
  purpose: Purpose | null;
  onChange: () => void;
  onSaved: (message: string) => void;
  onCancel: () => void;
};

function PurposeForm({ purpose, onChange, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState(purpose?.name ?? "");
  const [description, setDescription] = useState(purpose?.description ?? "");
  const [basis, setBasis] = useState<Basis>(purpose?.basis ?? "consent");
  const [directMarketing, setDirectMarketing] = useState(purpose?.direct_marketing ?? false);
  const [categories, setCategories] = useState(purpose?.data_categories.join(", ") ?? "");
  const [recipients, setRecipients] = useState(purpose?.recipients.join(", ") ?? "");
  const [interest, setInterest] = useState(purpose?.legitimate_interest ?? "");
  const [requirement, setRequirement] = useState<Requirement>(purpose?.requirement ?? "none");
  const [consequence, setConsequence] = useState(purpose?.consequence ?? "");
  const [source, setSource] = useState(purpose?.source ?? "");
  const [errors, setErrors] = useState<FormErrors>({});

  const save = useMutation({
    mutationFn: async (input: PurposeInput) => {
      if (purpose) await updatePurpose(purpose.id, input);
      else await createPurpose(input);
      return input.name;
    },
    onSuccess: async (saved) => {
      await invalidatePrivacyData(queryClient);
      if (!purpose) {
        setName("");
        setDescription("");
        setBasis("consent");
        setDirectMarketing(false);
        setCategories("");
        setRecipients("");
        setInterest("");
        setRequirement("none");
        setConsequence("");
        setSource("");
      }
      onSaved(purpose ? t("purposes.saved", { name: saved }) : t("purposes.added", { name: saved }));
    },
    onError: (error) => {
      if (!isIpcError(error, "invalid_input") || !error.field) return;
      const ref = parseField(error.field);
      if (!ref) return;
      if (ref.field === "name") {
        setErrors({
          name: /exists|taken/i.test(error.message)
            ? t("purposes.nameTaken")
            : stripFieldPrefix(error.message, error.field),
        });
      } else if (TEXT_FIELDS.includes(ref.field)) {
        setErrors({ [ref.field as TextField]: stripFieldPrefix(error.message, error.field) });
      }
    },
  });

  const edited = () => {
    onChange();
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    onChange();
    if (name.trim() === "") {
      setErrors({ name: t("purposes.nameRequired") });
      return;
    }
    save.reset();
    save.mutate({
      name: name.trim(),
      description: description.trim(),
      basis,
      direct_marketing: directMarketing,
      data_categories: splitList(categories),
      recipients: splitList(recipients),
      // Not edited here; an existing rule is kept as it is.
      retention_rule: purpose?.retention_rule ?? null,
      // Only a purpose on legitimate interest pursues one (the backend drops it otherwise).
      legitimate_interest: basis === "legitimate-interest" ? interest.trim() : "",
      requirement,
      consequence: consequence.trim(),
      source: source.trim(),
    });
  };

  const fieldError = isIpcError(save.error, "invalid_input") && Object.keys(errors).length > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        <TextInput
          label={t("purposes.name")}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            edited();
          }}
          error={errors.name}
          required
          withAsterisk={false}
          autoComplete="off"
          autoFocus={purpose !== null}
        />
        <Textarea
          label={t("purposes.description")}
          value={description}
          onChange={(event) => {
            setDescription(event.currentTarget.value);
            edited();
          }}
          error={errors.description}
          autosize
          minRows={2}
          maxRows={6}
        />
        <NativeSelect
          label={t("purposes.basis")}
          aria-label={t("purposes.basis")}
          value={basis}
          onChange={(event) => {
            setBasis(event.currentTarget.value as Basis);
            edited();
          }}
          data={basisOptions(t)}
        />
        {basis === "legitimate-interest" && (
          <Textarea
            label={t("purposes.legitimateInterest")}
            description={t("purposes.legitimateInterestHelp")}
            value={interest}
            onChange={(event) => {
              setInterest(event.currentTarget.value);
              edited();
            }}
            error={errors.legitimate_interest}
            autosize
            minRows={2}
            maxRows={6}
          />
        )}
        <Checkbox
          label={t("purposes.dm")}
          description={t("purposes.dmHelp")}
          checked={directMarketing}
          onChange={(event) => {
            setDirectMarketing(event.currentTarget.checked);
            edited();
          }}
        />
        <TextInput
          label={t("purposes.categories")}
          description={t("purposes.categoriesHelp")}
          value={categories}
          onChange={(event) => {
            setCategories(event.currentTarget.value);
            edited();
          }}
          error={errors.data_categories}
          autoComplete="off"
        />
        <TextInput
          label={t("purposes.recipients")}
          description={t("purposes.recipientsHelp")}
          value={recipients}
          onChange={(event) => {
            setRecipients(event.currentTarget.value);
            edited();
          }}
          error={errors.recipients}
          autoComplete="off"
        />
        <NativeSelect
          label={t("purposes.requirement")}
          aria-label={t("purposes.requirement")}
          value={requirement}
          onChange={(event) => {
            setRequirement(event.currentTarget.value as Requirement);
            edited();
          }}
          data={REQUIREMENTS.map((value) => ({ value, label: t(`purposes.requirement.${value}`) }))}
        />
        <Textarea
          label={t("purposes.consequence")}
          description={t("purposes.consequenceHelp")}
          value={consequence}
          onChange={(event) => {
            setConsequence(event.currentTarget.value);
            edited();
          }}
          error={errors.consequence}
          autosize
          minRows={1}
          maxRows={4}
        />
        <TextInput
          label={t("purposes.source")}
          description={t("purposes.sourceHelp")}
          value={source}
          onChange={(event) => {
            setSource(event.currentTarget.value);
            edited();
          }}
          error={errors.source}
          autoComplete="off"
        />
        {save.isError && !fieldError && <ErrorAlert error={save.error} />}
        <Group>
          <Button
            type="submit"
            leftSection={purpose ? undefined : <IconPlus size={18} aria-hidden />}
            loading={save.isPending}
          >
            {purpose ? t("purposes.saveChanges") : t("purposes.add")}
          </Button>
          {purpose && (
            <Button variant="default" onClick={onCancel} disabled={save.isPending}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
