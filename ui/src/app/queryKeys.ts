/** TanStack Query keys. Only the "public" ones survive a lock. */
export const queryKeys = {
  vaultStatus: ["vault-status"] as const,
  settings: ["settings"] as const,
  contacts: ["contacts"] as const,
  contactList: (query: string, page: number) => ["contacts", "list", query, page] as const,
  contact: (id: number) => ["contacts", "detail", id] as const,
};

/** Query roots that hold no personal data and may stay cached while locked. */
export const PUBLIC_QUERY_ROOTS: ReadonlySet<string> = new Set([
  queryKeys.vaultStatus[0],
  queryKeys.settings[0],
]);
