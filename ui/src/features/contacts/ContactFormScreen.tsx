import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";

import { queryKeys } from "../../app/queryKeys";
import type { Contact } from "../../bindings/Contact";
import type { ContactInput } from "../../bindings/ContactInput";
import type { Relationship } from "../../bindings/Relationship";
import { BsnConfirm, useBsnCheck } from "../../components/BsnConfirm";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { useI18n, type Translate } from "../../i18n";
import { parseField } from "../../lib/errors";
import { DateField, dateErrorText, shownDate } from "../../components/DateField";
import { toYmd } from "../../lib/format";
import type { LikelyDuplicate } from "../../bindings/LikelyDuplicate";
import { addContact, createContact, isIpcError, likelyDuplicates, updateContact } from "../../lib/ipc";
import { DuplicateWarning } from "./DuplicateWarning";
import { hasEndDate, RELATIONSHIPS, relationshipLabel } from "./labels";
import { ProposedLink, useProposedPurpose } from "./ProposedLink";
import { isEmail, isPhone, stripFieldPrefix } from "./validation";
import { useContact } from "./queries";

// --- form model -----------------------------------------------------------

type Row = { key: number; value: string };

let lastRowKey = 0;
function row(value = ""): Row {
  lastRowKey += 1;
  return { key: lastRowKey, value };
}

type Values = {
  name: string;
  emails: Row[];
  phones: Row[];
  address: string;
  organisation: string;
  jobTitle: string;
  relationship: Relationship;
  ended: string;
};

type ScalarField = "name" | "address" | "organisation" | "job_title" | "relationship" | "relationship_ended";

type Errors = {
  fields: Partial<Record<ScalarField, string>>;
  /** By row key. */
  emails: Record<number, string>;
  phones: Record<number, string>;
};

const NO_ERRORS: Errors = { fields: {}, emails: {}, phones: {} };

function hasErrors(errors: Errors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.keys(errors.emails).length > 0 ||
    Object.keys(errors.phones).length > 0
  );
}

function valuesFrom(contact: Contact | null): Values {
  const rows = (list: string[]) => (list.length === 0 ? [row()] : list.map((v) => row(v)));
  return {
    name: contact?.name ?? "",
    emails: rows(contact?.emails ?? []),
    phones: rows(contact?.phones ?? []),
    address: contact?.address ?? "",
    organisation: contact?.organisation ?? "",
    jobTitle: contact?.job_title ?? "",
    relationship: contact?.relationship ?? "prospect",
    ended: shownDate(contact?.relationship_ended),
  };
}

const optional = (value: string) => (value.trim() === "" ? null : value.trim());

/** The rows sent to the backend (non-empty), with the row each came from. */
function filledRows(rows: Row[]): Row[] {
  return rows
    .map((r) => ({ key: r.key, value: r.value.trim() }))
    .filter((r) => r.value !== "");
}

function validate(values: Values, t: Translate): Errors {
  const errors: Errors = { fields: {}, emails: {}, phones: {} };
  if (values.name.trim() === "") errors.fields.name = t("form.nameRequired");
  for (const r of filledRows(values.emails)) {
    if (!isEmail(r.value)) errors.emails[r.key] = t("form.emailInvalid");
  }
  for (const r of filledRows(values.phones)) {
    if (!isPhone(r.value)) errors.phones[r.key] = t("form.phoneInvalid");
  }
  return errors;
}

function toInput(values: Values): ContactInput {
  return {
    name: values.name.trim(),
    emails: filledRows(values.emails).map((r) => r.value),
    phones: filledRows(values.phones).map((r) => r.value),
    address: optional(values.address),
    organisation: optional(values.organisation),
    job_title: optional(values.jobTitle),
    relationship: values.relationship,
    relationship_ended: hasEndDate(values.relationship) ? optional(values.ended) : null,
  };
}

/** Places a backend invalid_input error at its field; null when the field is unknown. */
function backendFieldError(values: Values, field: string | null, rawMessage: string): Errors | null {
  const ref = parseField(field);
  if (!ref || field === null) return null;
  const message = stripFieldPrefix(rawMessage, field);
  const errors: Errors = { fields: {}, emails: {}, phones: {} };
  if (ref.field === "emails" || ref.field === "phones") {
    const rows = filledRows(values[ref.field]);
    const valid = ref.field === "emails" ? isEmail : isPhone;
    const target =
      (ref.index !== null ? rows[ref.index] : rows.find((r) => !valid(r.value))) ??
      rows[0] ??
      values[ref.field][0];
    if (!target) return null;
    errors[ref.field][target.key] = message;
    return errors;
  }
  const scalar: Record<string, ScalarField> = {
    name: "name",
    address: "address",
    organisation: "organisation",
    job_title: "job_title",
    relationship: "relationship",
    relationship_ended: "relationship_ended",
  };
  const known = scalar[ref.field];
  if (!known) return null;
  errors.fields[known] = message;
  return errors;
}

// --- screens --------------------------------------------------------------

type ScreenProps = {
  /** The contact to edit; absent for a new contact. */
  id?: number;
  onSaved: (id: number) => void;
  onCancel: () => void;
};

export function ContactFormScreen({ id, onSaved, onCancel }: ScreenProps) {
  if (id === undefined) return <ContactForm contact={null} onSaved={onSaved} onCancel={onCancel} />;
  return <EditContact id={id} onSaved={onSaved} onCancel={onCancel} />;
}

function EditContact({ id, onSaved, onCancel }: ScreenProps & { id: number }) {
  const { t } = useI18n();
  const detail = useContact(id);
  if (detail.isPending) {
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text c="dimmed">{t("detail.loading")}</Text>
        </Group>
      </Center>
    );
  }
  if (detail.isError) {
    return (
      <Stack>
        <PageTitle focusOnMount>{t("form.editTitle")}</PageTitle>
        <ErrorAlert error={detail.error} />
        <Group>
          <Button variant="default" onClick={onCancel}>
            {t("form.cancel")}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <ContactForm contact={detail.data.contact} onSaved={onSaved} onCancel={onCancel} />;
}

type FormProps = { contact: Contact | null; onSaved: (id: number) => void; onCancel: () => void };

function ContactForm({ contact, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => valuesFrom(contact));
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [generalError, setGeneralError] = useState<unknown>(null);
  const bsn = useBsnCheck<ContactInput>();
  // A new client is proposed a link (the backend picks the purpose), ticked beforehand.
  const proposal = useProposedPurpose(contact === null ? values.relationship : null);
  const [linkProposed, setLinkProposed] = useState(true);
  const proposed = contact === null ? (proposal.data ?? null) : null;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // The question was about what was sent; after an edit, saving asks again.
    bsn.clear();
  };

  const clearFieldError = (field: ScalarField) =>
    setErrors((e) => {
      if (!(field in e.fields)) return e;
      const fields = { ...e.fields };
      delete fields[field];
      return { ...e, fields };
    });

  const focusFirstError = () => {
    // After React has rendered the error states.
    setTimeout(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }, 0);
  };

  const save = useMutation({
    mutationFn: async ({ input, confirmNotBsn }: { input: ContactInput; confirmNotBsn: boolean }) => {
      if (contact) {
        await updateContact(contact.id, input, confirmNotBsn);
        return contact.id;
      }
      if (proposed !== null && linkProposed) return addContact(input, confirmNotBsn, proposed.id);
      return createContact(input, confirmNotBsn);
    },
    onSuccess: async (id) => {
      bsn.clear();
      await queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
      // A new contact is in the triage list, or linked to the proposed purpose.
      if (contact === null) void queryClient.invalidateQueries({ queryKey: queryKeys.register });
      onSaved(id);
    },
    onError: (error, { input }) => {
      if (bsn.ask(error, input)) return;
      if (isIpcError(error, "invalid_input")) {
        // A refused date gets the date field's words (the core parses what was typed).
        const message =
          error.field === "relationship_ended"
            ? dateErrorText(t, error, error.message || t("form.dateInvalid"))
            : error.message || t("error.invalid_input");
        const placed = backendFieldError(values, error.field, message);
        if (placed) {
          setErrors(placed);
          focusFirstError();
          return;
        }
      }
      setGeneralError(error);
    },
  });

  // A new contact that looks like an existing one waits for the user's word (the match is the
  // backend's rule); what was checked is saved as checked.
  const [twins, setTwins] = useState<{ input: ContactInput; matches: LikelyDuplicate[] } | null>(null);
  const check = useMutation({
    mutationFn: (input: ContactInput) => likelyDuplicates(input, null),
    onSuccess: (matches, input) => {
      if (matches.length > 0) setTwins({ input, matches });
      else save.mutate({ input, confirmNotBsn: false });
    },
    onError: (error) => setGeneralError(error),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || check.isPending) return;
    setGeneralError(null);
    bsn.clear();
    setTwins(null);
    const found = validate(values, t);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstError();
      return;
    }
    if (contact) save.mutate({ input: toInput(values), confirmNotBsn: false });
    else check.mutate(toInput(values));
  };

  const saveAnyway = () => {
    if (twins && !save.isPending) {
      save.mutate({ input: twins.input, confirmNotBsn: false });
      setTwins(null);
    }
  };

  const confirmNotBsn = () => {
    if (bsn.pending && !save.isPending) save.mutate({ input: bsn.pending.vars, confirmNotBsn: true });
  };

  const title = contact ? t("form.editTitle") : t("form.newTitle");

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <PageTitle focusOnMount>{title}</PageTitle>
        <Paper withBorder p="lg">
          <Stack gap="md">
            <TextInput
              label={t("form.name")}
              description={t("form.nameHelp")}
              required
              withAsterisk={false}
              value={values.name}
              onChange={(event) => {
                set("name", event.currentTarget.value);
                clearFieldError("name");
              }}
              error={errors.fields.name}
              autoComplete="off"
              maw={520}
            />

            <RowList
              kind="emails"
              rows={values.emails}
              errors={errors.emails}
              firstLabel={t("form.email")}
              nthLabel={(n) => t("form.emailN", { n })}
              addLabel={t("form.addEmail")}
              inputType="email"
              onChange={(rows) => set("emails", rows)}
              onClearError={(key) =>
                setErrors((e) => ({ ...e, emails: withoutKey(e.emails, key) }))
              }
            />

            <RowList
              kind="phones"
              rows={values.phones}
              errors={errors.phones}
              firstLabel={t("form.phone")}
              nthLabel={(n) => t("form.phoneN", { n })}
              addLabel={t("form.addPhone")}
              inputType="tel"
              onChange={(rows) => set("phones", rows)}
              onClearError={(key) =>
                setErrors((e) => ({ ...e, phones: withoutKey(e.phones, key) }))
              }
            />

            <Textarea
              label={t("form.address")}
              value={values.address}
              onChange={(event) => {
                set("address", event.currentTarget.value);
                clearFieldError("address");
              }}
              error={errors.fields.address}
              autosize
              minRows={2}
              maxRows={6}
              maw={520}
            />

            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
              <TextInput
                label={t("form.organisation")}
                value={values.organisation}
                onChange={(event) => {
                  set("organisation", event.currentTarget.value);
                  clearFieldError("organisation");
                }}
                error={errors.fields.organisation}
                autoComplete="off"
              />
              <TextInput
                label={t("form.jobTitle")}
                value={values.jobTitle}
                onChange={(event) => {
                  set("jobTitle", event.currentTarget.value);
                  clearFieldError("job_title");
                }}
                error={errors.fields.job_title}
                autoComplete="off"
              />
            </SimpleGrid>

            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
              <NativeSelect
                label={t("form.relationship")}
                aria-label={t("form.relationship")}
                value={values.relationship}
                onChange={(event) => {
                  const next = event.currentTarget.value as Relationship;
                  set("relationship", next);
                  clearFieldError("relationship");
                  // A former client needs the end date (the backend refuses one without): today,
                  // shown in the field, for the user to confirm or change.
                  if (next === "former-client" && values.ended === "") set("ended", shownDate(toYmd(new Date())));
                }}
                data={RELATIONSHIPS.map((value) => ({ value, label: relationshipLabel(t, value) }))}
                error={errors.fields.relationship}
              />
              {hasEndDate(values.relationship) && (
                <DateField
                  label={t("form.relationshipEnded")}
                  description={`${t("form.relationshipEndedHelp")} ${t("dateField.help")}`}
                  inputWrapperOrder={["label", "input", "description", "error"]}
                  value={values.ended}
                  onChange={(text) => {
                    set("ended", text);
                    clearFieldError("relationship_ended");
                  }}
                  error={errors.fields.relationship_ended}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Paper>

        {proposed !== null && <ProposedLink purpose={proposed} checked={linkProposed} onChange={setLinkProposed} />}

        {generalError !== null && <ErrorAlert error={generalError} />}
        {bsn.pending && (
          <BsnConfirm onConfirm={confirmNotBsn} onCancel={bsn.clear} busy={save.isPending} />
        )}
        {twins && (
          <DuplicateWarning
            matches={twins.matches}
            onSave={saveAnyway}
            onCancel={() => setTwins(null)}
            busy={save.isPending}
          />
        )}

        <Group>
          <Button
            type="submit"
            loading={save.isPending || check.isPending}
            disabled={bsn.pending !== null || twins !== null}
          >
            {t("form.save")}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={save.isPending}>
            {t("form.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function withoutKey(record: Record<number, string>, key: number): Record<number, string> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

type RowListProps = {
  kind: "emails" | "phones";
  rows: Row[];
  errors: Record<number, string>;
  firstLabel: string;
  nthLabel: (n: number) => string;
  addLabel: string;
  inputType: "email" | "tel";
  onChange: (rows: Row[]) => void;
  onClearError: (key: number) => void;
};

/** One or more e-mail addresses or phone numbers, with add and remove. */
function RowList({
  kind,
  rows,
  errors,
  firstLabel,
  nthLabel,
  addLabel,
  inputType,
  onChange,
  onClearError,
}: RowListProps) {
  const { t } = useI18n();
  const addRef = useRef<HTMLButtonElement>(null);

  const add = () => {
    const next = row();
    onChange([...rows, next]);
    setTimeout(() => document.getElementById(`${kind}-${next.key}`)?.focus(), 0);
  };

  const remove = (key: number) => {
    onChange(rows.filter((r) => r.key !== key));
    onClearError(key);
    setTimeout(() => addRef.current?.focus(), 0);
  };

  return (
    <Stack gap="xs" maw={520}>
      {rows.map((r, index) => {
        const label = index === 0 ? firstLabel : nthLabel(index + 1);
        return (
          <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              id={`${kind}-${r.key}`}
              style={{ flex: 1 }}
              type={inputType}
              label={label}
              value={r.value}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onChange(rows.map((x) => (x.key === r.key ? { ...x, value } : x)));
                onClearError(r.key);
              }}
              error={errors[r.key]}
              autoComplete="off"
              spellCheck={false}
            />
            {rows.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mt={25}
                aria-label={t("form.remove", { label })}
                onClick={() => remove(r.key)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      <Group>
        <Button
          ref={addRef}
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
