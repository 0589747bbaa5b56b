import { Alert, Checkbox, Code, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useId } from "react";

import type { Contact } from "../../bindings/Contact";
import type { Interaction } from "../../bindings/Interaction";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useContact } from "../contacts/queries";
import { kindLabel } from "../contacts/labels";

/** Where the answer goes: one of the contact's addresses, a new one, or not recorded. */
export type AddressChoice = { kind: "known"; address: string } | { kind: "new"; address: string } | { kind: "none" };

/** The address to record for a choice, or null. */
export function sendTo(choice: AddressChoice): string | null {
  return choice.kind === "none" ? null : choice.address.trim();
}

/** The first address of the contact, or "none" when it has none. */
export function defaultAddress(contact: Contact | undefined): AddressChoice {
  const first = contact?.emails[0];
  return first === undefined ? { kind: "none" } : { kind: "known", address: first };
}

type ContactPreviewProps = {
  contactId: number;
  redacted: ReadonlySet<number>;
  onToggle: (id: number, on: boolean) => void;
};

/**
 * The preview of the report's contacts and notes (Art. 15(4)): each line can be marked as
 * concerning someone else; the report then shows a neutral marker instead of the text.
 */
export function RedactionPreview({ contactId, redacted, onToggle }: ContactPreviewProps) {
  const { t, locale } = useI18n();
  const detail = useContact(contactId);
  const headingId = useId();
  const interactions: Interaction[] = detail.data?.interactions ?? [];
  return (
    <Stack gap="xs" role="group" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t("export.redact.title")}
      </Title>
      <Text size="sm">{t("export.redact.intro")}</Text>
      {detail.isError && <ErrorAlert error={detail.error} />}
      {detail.data && interactions.length === 0 && <Text size="sm">{t("export.redact.none")}</Text>}
      {interactions.map((i) => {
        const on = redacted.has(i.id);
        return (
          <Checkbox
            key={i.id}
            label={t("export.redact.line", { text: i.text })}
            description={
              on
                ? t("export.redact.marked", { marker: t("export.redact.marker") })
                : `${formatDateTime(locale, i.at)} · ${kindLabel(t, i.kind)}`
            }
            checked={on}
            onChange={(event) => onToggle(i.id, event.currentTarget.checked)}
            styles={{ label: { textDecoration: on ? "line-through" : undefined, overflowWrap: "anywhere" } }}
          />
        );
      })}
    </Stack>
  );
}

type ProtectProps = {
  contact: Contact | undefined;
  /** Whether the answer is recorded on a request (the address needs one). */
  withRequest: boolean;
  protect: boolean;
  onProtect: (on: boolean) => void;
  zip: boolean;
  address: AddressChoice;
  onAddress: (choice: AddressChoice) => void;
};

/** The protected copy (a one-time password) and the address the answer goes to. */
export function ProtectedCopyOptions({ contact, withRequest, protect, onProtect, zip, address, onAddress }: ProtectProps) {
  const { t } = useI18n();
  const helpId = useId();
  const emails = contact?.emails ?? [];
  const value = address.kind === "known" ? `known:${address.address}` : address.kind;
  return (
    <Stack gap="sm">
      <Checkbox
        label={t("export.protect")}
        description={<span id={helpId}>{t("export.protectHelp")}</span>}
        aria-describedby={helpId}
        checked={protect}
        onChange={(event) => onProtect(event.currentTarget.checked)}
      />
      {protect && zip && (
        <Alert role="note" color="orange" variant="light" icon={<IconAlertTriangle aria-hidden size={20} />} ml="lg">
          {t("export.protectZipWarning")}
        </Alert>
      )}
      {withRequest && (
        <>
          <NativeSelect
            label={t("export.sendTo")}
            aria-label={t("export.sendTo")}
            value={value}
            onChange={(event) => {
              const v = event.currentTarget.value;
              if (v === "none") onAddress({ kind: "none" });
              else if (v === "new") onAddress({ kind: "new", address: "" });
              else onAddress({ kind: "known", address: v.slice("known:".length) });
            }}
            data={[
              ...emails.map((e) => ({ value: `known:${e}`, label: e })),
              { value: "new", label: t("export.sendToNew") },
              { value: "none", label: t("export.sendToNone") },
            ]}
            maw={420}
          />
          {address.kind === "new" && (
            <>
              <TextInput
                label={t("export.newAddress")}
                type="email"
                value={address.address}
                onChange={(event) => onAddress({ kind: "new", address: event.currentTarget.value })}
                maw={420}
              />
              <Alert role="note" color="orange" variant="light" icon={<IconAlertTriangle aria-hidden size={20} />}>
                {t("export.newAddressWarning")}
              </Alert>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/** The one-time password of a protected copy, shown once, with how to pass it on. */
export function PasswordNotice({ password }: { password: string }) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <Alert color="green" variant="light" icon={<IconLock aria-hidden size={20} />} title={t("export.passwordTitle")}>
      <Stack gap="xs">
        <Text size="sm" id={labelId}>
          {t("export.passwordLabel")}
        </Text>
        <Code block fz="xl" aria-labelledby={labelId} data-password>
          {password}
        </Code>
        <Text size="sm">{t("export.passwordHowTo")}</Text>
        <Text size="sm">{t("export.passwordOnce")}</Text>
      </Stack>
    </Alert>
  );
}
