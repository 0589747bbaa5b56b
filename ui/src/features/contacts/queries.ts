import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import { getContact, listContacts } from "../../lib/ipc";

export const PAGE_SIZE = 25;

export function useContactList(query: string, page: number) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: queryKeys.contactList(trimmed, page),
    queryFn: () => listContacts(trimmed === "" ? null : trimmed, PAGE_SIZE, page * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: number) {
  return useQuery({ queryKey: queryKeys.contact(id), queryFn: () => getContact(id) });
}
