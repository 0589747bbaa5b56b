import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconAddressBook,
  IconChevronLeft,
  IconChevronRight,
  IconFileExport,
  IconFileImport,
  IconPlus,
  IconSearch,
} from "@tabler/icons-react";
import { useState, type ReactNode } from "react";

import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageTitle } from "../../components/PageTitle";
import type { ContactSummary } from "../../bindings/ContactSummary";
import type { InitialCount } from "../../bindings/InitialCount";
import { useI18n } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { AddressBookExport } from "../import/AddressBookExport";
import { RELATIONSHIP_COLORS, relationshipLabel } from "./labels";
import { PAGE_SIZE, PAGE_SIZES, useContactInitials, useContactList } from "./queries";

export const SEARCH_DEBOUNCE_MS = 200;

/** `pageSize` 25 and no `initial` (every name) unless chosen. */
export type ListState = { search: string; page: number; pageSize?: number; initial?: string | null };

type Props = {
  state: ListState;
  onStateChange: (state: ListState) => void;
  onOpen: (id: number) => void;
  onNew: () => void;
  /** Opens the import wizard (moving in from another program). */
  onImport?: () => void;
  /** Shown below the title, e.g. the start-up notice of the retention purge. */
  notice?: ReactNode;
};

export function ContactsListScreen({ state, onStateChange, onOpen, onNew, onImport, notice }: Props) {
  const { t, locale } = useI18n();
  const [debounced] = useDebouncedValue(state.search, SEARCH_DEBOUNCE_MS);
  const pageSize = state.pageSize ?? PAGE_SIZE;
  const initial = state.initial ?? null;
  const list = useContactList(debounced, state.page, pageSize, initial);
  const initials = useContactInitials();
  const page = list.data;
  const searching = debounced.trim() !== "";
  const empty = page !== undefined && page.total === 0 && !searching && state.search === "" && initial === null;

  const [exporting, setExporting] = useState(false);
  const newButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onNew}>
      {t("contacts.new")}
    </Button>
  );
  const importButton = onImport && (
    <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={onImport}>
      {t("importWizard.open")}
    </Button>
  );

  const from = state.page * pageSize + 1;
  const to = state.page * pageSize + (page?.items.length ?? 0);
  const pages = page === undefined ? 1 : Math.max(1, Math.ceil(page.total / pageSize));
  const hasPrevious = state.page > 0;
  const hasNext = page !== undefined && to < page.total;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <PageTitle focusOnMount>{t("contacts.title")}</PageTitle>
        {page !== undefined && !empty && (
          <Group gap="xs">
            {importButton}
            <Button variant="default" leftSection={<IconFileExport size={18} aria-hidden />} onClick={() => setExporting(true)}>
              {t("addressExport.open")}
            </Button>
            {newButton}
          </Group>
        )}
      </Group>
      <AddressBookExport opened={exporting} onClose={() => setExporting(false)} search={debounced} />

      {notice}

      {!empty && (
        <TextInput
          label={t("contacts.search")}
          placeholder={t("contacts.searchPlaceholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={state.search}
          onChange={(event) => onStateChange({ ...state, search: event.currentTarget.value, page: 0 })}
          type="search"
          autoComplete="off"
          spellCheck={false}
          maw={420}
        />
      )}

      {!empty && initials.data !== undefined && initials.data.length > 0 && (
        <LetterBar
          counts={initials.data}
          current={initial}
          onChoose={(letter) => onStateChange({ ...state, initial: letter, page: 0 })}
        />
      )}

      {list.isError && <ErrorAlert error={list.error} />}

      {list.isPending && (
        <Center py="xl" role="status">
          <Group gap="sm">
            <Loader size="sm" aria-hidden />
            <Text c="dimmed">{t("contacts.loading")}</Text>
          </Group>
        </Center>
      )}

      {empty && (
        <Paper withBorder p="xl">
          <Stack align="center" gap="sm" py="lg">
            <ThemeIcon size={56} radius="xl" variant="light" aria-hidden>
              <IconAddressBook size={30} />
            </ThemeIcon>
            <Text fw={600} fz="lg">
              {t("contacts.emptyTitle")}
            </Text>
            <Text c="dimmed" ta="center" maw={420}>
              {t("contacts.emptyText")}
            </Text>
            <Group gap="xs">
              {newButton}
              {importButton}
            </Group>
          </Stack>
        </Paper>
      )}

      {page && !empty && page.total === 0 && (
        <Text c="dimmed" role="status">
          {t("contacts.noResults", { query: debounced.trim() })}
        </Text>
      )}

      {page && page.items.length > 0 && (
        <>
          <DataTable
            highlightOnHover
            aria-busy={list.isFetching}
            columns={[
              t("contacts.col.name"),
              t("contacts.col.email"),
              t("contacts.col.organisation"),
              t("contacts.col.relationship"),
              t("contacts.col.lastActivity"),
            ]}
          >
            {page.items.map((contact) => (
              <ContactRow key={contact.id} contact={contact} locale={locale} onOpen={onOpen} />
            ))}
          </DataTable>
          <Group justify="space-between" component="nav" aria-label={t("contacts.pagination")}>
            <Group gap="md">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("contacts.range", { from, to, total: page.total })}
              </Text>
              <Text size="sm" c="dimmed">
                {t("contactsPaging.page", { page: state.page + 1, pages })}
              </Text>
            </Group>
            <Group gap="xs" align="flex-end">
              <NativeSelect
                label={t("contactsPaging.pageSize")}
                aria-label={t("contactsPaging.pageSize")}
                size="xs"
                data={PAGE_SIZES.map((n) => String(n))}
                value={String(pageSize)}
                onChange={(event) =>
                  onStateChange({ ...state, pageSize: Number(event.currentTarget.value), page: 0 })
                }
              />
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={16} aria-hidden />}
                disabled={!hasPrevious}
                onClick={() => onStateChange({ ...state, page: state.page - 1 })}
              >
                {t("contacts.previous")}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={16} aria-hidden />}
                disabled={!hasNext}
                onClick={() => onStateChange({ ...state, page: state.page + 1 })}
              >
                {t("contacts.next")}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}

function ContactRow({
  contact,
  locale,
  onOpen,
}: {
  contact: ContactSummary;
  locale: string;
  onOpen: (id: number) => void;
}) {
  const { t } = useI18n();
  const none = t("common.empty");
  return (
    <Table.Tr style={{ cursor: "pointer" }} onClick={() => onOpen(contact.id)}>
      <Table.Td>
        <Anchor
          component="button"
          type="button"
          fw={600}
          ta="left"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(contact.id);
          }}
        >
          {contact.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{contact.email ?? none}</Table.Td>
      <Table.Td>{contact.organisation ?? none}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={RELATIONSHIP_COLORS[contact.relationship]} tt="none" fw={500}>
          {relationshipLabel(t, contact.relationship)}
        </Badge>
        {contact.restricted && (
          <Badge variant="outline" color="orange" tt="none" fw={500} ml={6}>
            {t("detail.restrictedTitle")}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <time dateTime={contact.last_activity_at}>
          {formatDateTime(locale, contact.last_activity_at)}
        </time>
      </Table.Td>
    </Table.Tr>
  );
}

const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"];

/** Jumps to the names under one initial (the backend decides which letter a name is under). */
function LetterBar({
  counts,
  current,
  onChoose,
}: {
  counts: InitialCount[];
  current: string | null;
  onChoose: (letter: string | null) => void;
}) {
  const { t } = useI18n();
  const countOf = (letter: string) => counts.find((c) => c.letter === letter)?.count ?? 0;
  return (
    <Group gap={4} role="group" aria-label={t("contactsPaging.letters")} wrap="wrap">
      <Button size="compact-sm" variant={current === null ? "filled" : "default"} aria-pressed={current === null} onClick={() => onChoose(null)}>
        {t("contactsPaging.all")}
      </Button>
      {LETTERS.map((letter) => {
        const n = countOf(letter);
        const label =
          letter === "#"
            ? t("contactsPaging.otherLabel", { n })
            : t("contactsPaging.letterLabel", { letter, n });
        return (
          <Button
            key={letter}
            size="compact-sm"
            variant={current === letter ? "filled" : "default"}
            aria-pressed={current === letter}
            aria-label={label}
            title={label}
            disabled={n === 0}
            onClick={() => onChoose(letter)}
            miw={30}
            px={6}
          >
            {letter === "#" ? t("contactsPaging.other") : letter}
          </Button>
        );
      })}
    </Group>
  );
}
