import { NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IconSearch } from "@tabler/icons-react";
import { useId, useState } from "react";

import { queryKeys } from "../../app/queryKeys";
import { useI18n } from "../../i18n";
import { listContacts } from "../../lib/ipc";
import { contactLine } from "../contacts/contactLine";
import { SEARCH_DEBOUNCE_MS } from "../contacts/ContactsListScreen";

/** How many contacts the select offers at once (by name, or the best matches of a search). */
export const PICKER_LIMIT = 500;

/** The chosen person; e-mail and organisation, when known, tell namesakes apart. */
export type PickedContact = { id: number; name: string; email?: string | null; organisation?: string | null };

type Props = {
  value: PickedContact | null;
  onChange: (contact: PickedContact | null) => void;
  error?: string;
  disabled?: boolean;
};

/**
 * Choosing a contact: a native select of the first contacts by name, narrowed by a search
 * field above it. The chosen contact stays an option while the search shows others.
 */
export function ContactPicker({ value, onChange, error, disabled = false }: Props) {
  const { t } = useI18n();
  const hintId = useId();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const list = useQuery({
    queryKey: queryKeys.contactPicker(debounced),
    queryFn: () => listContacts(debounced === "" ? null : debounced, PICKER_LIMIT, 0),
    placeholderData: keepPreviousData,
  });

  const items = list.data?.items ?? [];
  const options = [{ value: "", label: t("picker.choose") }];
  if (value !== null && !items.some((c) => c.id === value.id)) {
    options.push({ value: String(value.id), label: value.name });
  }
  // Namesakes are told apart by e-mail, organisation and id: picking the wrong person would
  // send someone else's data.
  items.forEach((c) => options.push({ value: String(c.id), label: contactLine(c) }));
  const more = list.data !== undefined && list.data.total > items.length;
  const none = list.data !== undefined && list.data.total === 0 && debounced !== "";

  return (
    <Stack gap={6}>
      <TextInput
        label={t("picker.search")}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        aria-describedby={more || none ? hintId : undefined}
      />
      {(more || none) && (
        <Text size="xs" c="dimmed" id={hintId} aria-live="polite">
          {none ? t("picker.none") : t("picker.more", { n: PICKER_LIMIT })}
        </Text>
      )}
      <NativeSelect
        label={t("picker.contact")}
        aria-label={t("picker.contact")}
        value={value === null ? "" : String(value.id)}
        onChange={(event) => {
          const id = Number(event.currentTarget.value);
          const picked = items.find((c) => c.id === id) ?? (value?.id === id ? value : null);
          onChange(
            picked ? { id, name: picked.name, email: picked.email, organisation: picked.organisation } : null,
          );
        }}
        data={options}
        error={error}
        disabled={disabled}
      />
    </Stack>
  );
}
