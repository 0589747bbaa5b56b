import { useQuery, type QueryClient } from "@tanstack/react-query";

import { queryKeys } from "../../app/queryKeys";
import type { Request } from "../../bindings/Request";
import { getController, listContacts, listRequests } from "../../lib/ipc";

export function useRequests() {
  return useQuery({ queryKey: queryKeys.requests, queryFn: listRequests });
}

/** The open requests of one contact, by deadline. */
export function openRequestsOf(requests: Request[] | undefined, contactId: number): Request[] {
  return (requests ?? []).filter((r) => r.open && r.contact_id === contactId);
}

const NAME_PAGE = 500;

/**
 * Every contact's name by id, for the requests table. `Request` carries the contact id only,
 * and `get_contact` records a read in the audit trail, so the names come from the (unaudited)
 * contact list, page by page.
 */
async function allContactNames(): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let offset = 0; ; offset += NAME_PAGE) {
    const page = await listContacts(null, NAME_PAGE, offset);
    page.items.forEach((c) => names.set(c.id, c.name));
    if (page.items.length < NAME_PAGE || offset + NAME_PAGE >= page.total) return names;
  }
}

export function useContactNames(enabled = true) {
  return useQuery({ queryKey: queryKeys.contactNames, queryFn: allContactNames, enabled });
}

export function useController() {
  return useQuery({ queryKey: queryKeys.controller, queryFn: getController });
}

/** After a change to a request. */
export async function invalidateRequests(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: queryKeys.requests });
}
