import type { Language } from "../bindings/Language";

/** TanStack Query keys. Only the "public" ones survive a lock. */
export const queryKeys = {
  vaultStatus: ["vault-status"] as const,
  settings: ["settings"] as const,
  contacts: ["contacts"] as const,
  contactList: (query: string, page: number, pageSize = 25, initial: string | null = null) =>
    ["contacts", "list", query, page, pageSize, initial] as const,
  contactInitials: ["contacts", "initials"] as const,
  contact: (id: number) => ["contacts", "detail", id] as const,
  contactPrivacy: (id: number, reveal: boolean) => ["contacts", "privacy", id, reveal] as const,
  documents: (contactId: number) => ["contacts", "documents", contactId] as const,
  /** Every contact's name by id (for the requests table). */
  contactNames: ["contacts", "names"] as const,
  contactPicker: (query: string) => ["contacts", "picker", query] as const,
  erasurePreview: (id: number) => ["contacts", "erasure", id] as const,
  requests: ["requests"] as const,
  controller: ["controller"] as const,
  backupStatus: ["backup"] as const,
  register: ["register"] as const,
  purposes: (language: Language) => ["register", "purposes", language] as const,
  purposeProposals: (language: Language) => ["register", "proposals", language] as const,
  fields: ["register", "fields"] as const,
  triage: ["register", "triage"] as const,
  repermission: (months: number) => ["register", "repermission", months] as const,
  statementVersions: ["register", "statement-versions"] as const,
  processors: ["register", "processors"] as const,
  processorServices: ["register", "processor-services"] as const,
  /** The recipients to tell of a request (Art. 19). */
  requestRecipients: (id: number) => ["requests", "recipients", id] as const,
  retention: ["retention"] as const,
  retentionRules: (language: Language) => ["retention", "rules", language] as const,
  purgePlan: ["retention", "plan"] as const,
  reviewQueue: ["retention", "review"] as const,
  deletionLog: ["retention", "log"] as const,
  retentionPolicy: (language: Language) => ["retention", "policy", language] as const,
  overview: ["overview"] as const,
  breaches: ["breaches"] as const,
  breach: (id: number) => ["breaches", "detail", id] as const,
  lostDeviceDraft: (language: Language) => ["breaches", "lost-device", language] as const,
};

/** TanStack mutation keys, for telling from elsewhere that such work is running. */
export const mutationKeys = {
  /** Backup work the user started (in Settings): its progress shows there, not in the shell. */
  backupWork: ["backup-work"] as const,
};

/** Query roots that hold no personal data and may stay cached while locked. */
export const PUBLIC_QUERY_ROOTS: ReadonlySet<string> = new Set([
  queryKeys.vaultStatus[0],
  queryKeys.settings[0],
]);
