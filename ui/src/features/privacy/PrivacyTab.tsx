import { Center, Group, Loader, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import type { Contact } from "../../bindings/Contact";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusNote } from "../../components/StatusNote";
import { TitledSection } from "../../components/TitledSection";
import { useI18n } from "../../i18n";
import { formatInstantDate } from "../../lib/format";
import { invalidatePrivacyData, usePurposes } from "../register/queries";
import { RecipientsChecklist } from "../requests/RecipientsChecklist";
import { ConsentForm } from "./ConsentForm";
import { ConsentHistory } from "./ConsentHistory";
import { FieldValues } from "./FieldValues";
import { LinkPurposeForm, PurposeLinksTable } from "./PurposeLinks";
import { useContactPrivacy } from "./queries";
import { RestrictionSection } from "./RestrictionSection";

/**
 * The contact's privacy: purposes and basis, consent (record, withdraw, history), extra
 * fields, restriction and objection. While processing is restricted only withdrawing
 * consent, objecting and lifting the restriction stay available.
 */
export function PrivacyTab({ contact }: { contact: Contact }) {
  const { t, locale } = useI18n();
  // Special-category values stay hidden until asked for, each time the tab is opened.
  const [reveal, setReveal] = useState(false);
  const privacy = useContactPrivacy(contact.id, reveal);
  const purposes = usePurposes();
  const queryClient = useQueryClient();
  const restricted = contact.restricted_reason !== null;

  if (privacy.isPending) {
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" aria-hidden />
          <Text c="dimmed">{t("privacy.loading")}</Text>
        </Group>
      </Center>
    );
  }
  if (privacy.isError && privacy.data === undefined) return <ErrorAlert error={privacy.error} />;

  const data = privacy.data;
  const purposeList = purposes.data ?? [];
  const revealed = reveal && !privacy.isPlaceholderData;

  return (
    <Stack gap="lg">
      {restricted && <StatusNote tone="info">{t("privacy.restrictedNote")}</StatusNote>}
      {privacy.isError && <ErrorAlert error={privacy.error} />}
      {purposes.isError && <ErrorAlert error={purposes.error} />}
      {data.undeliverable.length > 0 && (
        <StatusNote tone="warning" title={t("undeliverable.heading")}>
          <Stack gap={4}>
            <Text size="sm">{t("undeliverable.intro")}</Text>
            {data.undeliverable.map((u) => (
              <Text size="sm" key={u.email} style={{ overflowWrap: "anywhere" }}>
                {t("undeliverable.item", {
                  email: u.email,
                  date: formatInstantDate(locale, u.marked_at),
                  evidence: u.evidence,
                })}
              </Text>
            ))}
          </Stack>
        </StatusNote>
      )}

      <TitledSection id="privacy-links" title={t("links.heading")}>
        <Stack gap="lg">
          <PurposeLinksTable contactId={contact.id} links={data.links} />
          <LinkPurposeForm contactId={contact.id} purposes={purposeList} disabled={restricted} />
        </Stack>
      </TitledSection>

      <TitledSection id="privacy-consent" title={t("consent.heading")}>
        <ConsentForm contactId={contact.id} purposes={purposeList} disabled={restricted} />
      </TitledSection>

      <TitledSection id="privacy-history" title={t("history.heading")}>
        <ConsentHistory events={data.history} />
      </TitledSection>

      <TitledSection id="privacy-fields" title={t("fields.heading")}>
        <FieldValues
          contactId={contact.id}
          fields={data.fields}
          revealed={revealed}
          revealing={reveal && privacy.isFetching}
          onReveal={() => setReveal(true)}
          disabled={restricted}
        />
      </TitledSection>

      <TitledSection id="privacy-restriction" title={t("restriction.heading")}>
        <Stack gap="lg">
          <RestrictionSection contact={contact} />
          <RecipientsChecklist
            notices={data.recipient_notices}
            onChanged={() => invalidatePrivacyData(queryClient)}
          />
        </Stack>
      </TitledSection>
    </Stack>
  );
}
