import {
  Alert,
  Badge,
  Button,
  Center,
  Divider,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconFileText, IconHandStop, IconPencil, IconTrash } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

import type { Contact } from "../../bindings/Contact";
import type { Interaction } from "../../bindings/Interaction";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import { useI18n } from "../../i18n";
import { formatDate, formatDateTime } from "../../lib/format";
import { FiscalDocuments } from "../documents/FiscalDocuments";
import { PrivacyTab } from "../privacy/PrivacyTab";
import { ErasureDialog } from "../requests/ErasureDialog";
import { InteractionForm } from "./InteractionForm";
import { RELATIONSHIP_COLORS, relationshipLabel } from "./labels";
import { useContact } from "./queries";
import { Timeline } from "./Timeline";

export type ContactTab = "details" | "privacy";

type Props = {
  id: number;
  /** The tab shown first. */
  tab?: ContactTab;
  /** Where "back" goes: the contact list, or the section the contact was opened from. */
  backTo?: "contacts" | "register" | "retention" | "requests";
  onBack: () => void;
  onEdit: (id: number) => void;
  /** Opens the access and export wizard for the contact (no button without it). */
  onExport?: (contact: Contact) => void;
  /** The contact was erased; `withRequest` tells whether an erasure request was linked. */
  onErased?: (withRequest: boolean) => void;
};

export function ContactDetailScreen({
  id,
  tab: initialTab = "details",
  backTo = "contacts",
  onBack,
  onEdit,
  onExport,
  onErased,
}: Props) {
  const { t } = useI18n();
  const detail = useContact(id);
  const [tab, setTab] = useState<ContactTab>(initialTab);
  const [erasing, setErasing] = useState(false);

  const back = (
    <Group>
      <Button variant="subtle" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={onBack} px="xs">
        {backTo === "register"
          ? t("detail.backToRegister")
          : backTo === "retention"
            ? t("detail.backToRetention")
            : backTo === "requests"
              ? t("detail.backToRequests")
              : t("detail.back")}
      </Button>
    </Group>
  );

  if (detail.isPending) {
    return (
      <Stack>
        {back}
        <Center py="xl" role="status">
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text c="dimmed">{t("detail.loading")}</Text>
          </Group>
        </Center>
      </Stack>
    );
  }

  if (detail.isError) {
    return (
      <Stack>
        {back}
        <PageTitle focusOnMount>{t("contacts.title")}</PageTitle>
        <ErrorAlert error={detail.error} />
      </Stack>
    );
  }

  const { contact, interactions } = detail.data;
  const restricted = contact.restricted_reason !== null;

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <PageTitle focusOnMount style={{ overflowWrap: "anywhere" }}>
            {contact.name}
          </PageTitle>
          <Group gap="xs">
            <Badge variant="light" color={RELATIONSHIP_COLORS[contact.relationship]} tt="none" fw={500}>
              {relationshipLabel(t, contact.relationship)}
            </Badge>
            {contact.organisation && <Text c="dimmed">{contact.organisation}</Text>}
          </Group>
        </Stack>
        <Group gap="sm" justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconPencil size={18} aria-hidden />}
            onClick={() => onEdit(contact.id)}
            disabled={restricted}
            aria-describedby={restricted ? "restricted-banner" : undefined}
          >
            {t("detail.edit")}
          </Button>
          {onExport && (
            <Button
              variant="default"
              leftSection={<IconFileText size={18} aria-hidden />}
              onClick={() => onExport(contact)}
            >
              {t("detail.export")}
            </Button>
          )}
          {/* Erasure is the person's own request: possible on a restricted contact too. */}
          <Button
            variant="outline"
            color="red"
            leftSection={<IconTrash size={18} aria-hidden />}
            onClick={() => setErasing(true)}
            aria-haspopup="dialog"
          >
            {t("detail.erase")}
          </Button>
        </Group>
      </Group>
      <ErasureDialog
        contact={contact}
        opened={erasing}
        onClose={() => setErasing(false)}
        onErased={(withRequest) => {
          setErasing(false);
          onErased?.(withRequest);
        }}
      />

      {contact.restricted_reason !== null && (
        <Alert
          id="restricted-banner"
          role="status"
          color="orange"
          variant="light"
          icon={<IconHandStop aria-hidden size={20} />}
          title={t("detail.restrictedTitle")}
        >
          <Stack gap={4}>
            <Text size="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
              {t("detail.restrictedReason", { reason: contact.restricted_reason })}
            </Text>
            <Text size="sm">{t("detail.restrictedExplain")}</Text>
          </Stack>
        </Alert>
      )}

      <Tabs value={tab} onChange={(value) => setTab(value === "privacy" ? "privacy" : "details")} keepMounted={false}>
        <Tabs.List aria-label={t("detail.tabs")}>
          <Tabs.Tab value="details">{t("detail.tabDetails")}</Tabs.Tab>
          <Tabs.Tab value="privacy">{t("detail.tabPrivacy")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="lg">
          <DetailsTab contact={contact} interactions={interactions} restricted={restricted} />
        </Tabs.Panel>
        <Tabs.Panel value="privacy" pt="lg">
          <PrivacyTab contact={contact} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function DetailsTab({
  contact,
  interactions,
  restricted,
}: {
  contact: Contact;
  interactions: Interaction[];
  restricted: boolean;
}) {
  const { t } = useI18n();
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="details-heading">
            <Title order={2} size="h4" id="details-heading" mb="md">
              {t("detail.details")}
            </Title>
            <ContactFields contact={contact} />
          </Paper>
          <FiscalDocuments contactId={contact.id} restricted={restricted} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="lg" component="section" aria-labelledby="timeline-heading">
          <Title order={2} size="h4" id="timeline-heading" mb="md">
            {t("detail.timeline")}
          </Title>
          <InteractionForm contactId={contact.id} restricted={restricted} />
          <Divider my="lg" />
          <Timeline interactions={interactions} restricted={restricted} />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

function ContactFields({ contact }: { contact: Contact }) {
  const { t, locale } = useI18n();
  const none = t("common.empty");
  return (
    <Stack component="dl" gap="sm" m={0}>
      <Field label={t("detail.emails")}>
        {contact.emails.length === 0
          ? none
          : contact.emails.map((email, index) => (
              <span key={index} style={{ display: "block" }}>
                {email}
              </span>
            ))}
      </Field>
      <Field label={t("detail.phones")}>
        {contact.phones.length === 0
          ? none
          : contact.phones.map((phone, index) => (
              <span key={index} style={{ display: "block" }}>
                {phone}
              </span>
            ))}
      </Field>
      <Field label={t("detail.address")}>
        <span style={{ whiteSpace: "pre-line" }}>{contact.address ?? none}</span>
      </Field>
      <Field label={t("detail.organisation")}>{contact.organisation ?? none}</Field>
      <Field label={t("detail.jobTitle")}>{contact.job_title ?? none}</Field>
      <Field label={t("detail.relationship")}>{relationshipLabel(t, contact.relationship)}</Field>
      {contact.relationship_ended && (
        <Field label={t("detail.relationshipEnded")}>
          {formatDate(locale, contact.relationship_ended)}
        </Field>
      )}
      <Divider />
      <Group gap="xl">
        <Field label={t("detail.createdAt")}>{formatDateTime(locale, contact.created_at)}</Field>
        <Field label={t("detail.updatedAt")}>{formatDateTime(locale, contact.updated_at)}</Field>
      </Group>
    </Stack>
  );
}
