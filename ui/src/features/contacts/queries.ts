import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { contactInitials, getContact, listContacts, listContactsByInitial } from "../../lib/ipc";

export const PAGE_SIZE = 25;
export const PAGE_SIZES = [25, 50, 100, 250] as const;

/** A page of the list; with `initial` only the names the backend files under that letter. */
export function useContactList(query: string, page: number, pageSize: number = PAGE_SIZE, initial: string | null = null) {
  const trimmed = query.trim();
  const q = trimmed === "" ? null : trimmed;
  return useQuery({
    queryKey: queryKeys.contactList(trimmed, page, pageSize, initial),
    queryFn: () =>
      initial === null
        ? listContacts(q, pageSize, page * pageSize)
        : listContactsByInitial(q, initial, pageSize, page * pageSize),
    placeholderData: keepPreviousData,
  });
}

/** How many contacts each initial has (A–Z, then "#"). */
export function useContactInitials() {
  return useQuery({ queryKey: queryKeys.contactInitials, queryFn: contactInitials });
}

export function useContact(id: number) {
  return useQuery({ queryKey: queryKeys.contact(id), queryFn: () => getContact(id) });
}
