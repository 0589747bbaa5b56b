// Static answers to every command the UI calls, for `npm run dev:mock` (the UI in a plain
// browser, without the Rust backend). Rule-free on purpose: nothing here checks or derives
// anything — every rule of the app lives in the Rust core — so a command that would be refused
// there is simply accepted here. Each handler states its result with the generated bindings.
import type { BackupInfo } from "../bindings/BackupInfo";
import type { Breach } from "../bindings/Breach";
import type { LostDeviceDraft } from "../bindings/LostDeviceDraft";
import { breach, lostDeviceDraft } from "../features/breaches/examples";
import type { BulkReport } from "../bindings/BulkReport";
import type { InitialCount } from "../bindings/InitialCount";
import type { CheckReport } from "../bindings/CheckReport";
import type { Command, Commands } from "../bindings/commands";
import type { BackupSettings } from "../bindings/BackupSettings";
import type { BackupStatus } from "../bindings/BackupStatus";
import type { Contact } from "../bindings/Contact";
import type { RotatedKey } from "../bindings/RotatedKey";
import type { LikelyDuplicate } from "../bindings/LikelyDuplicate";
import type { ContactDetail } from "../bindings/ContactDetail";
import type { ContactFlag } from "../bindings/ContactFlag";
import type { ContactPage } from "../bindings/ContactPage";
import type { ContactPrivacy } from "../bindings/ContactPrivacy";
import type { ContactSummary } from "../bindings/ContactSummary";
import type { Controller } from "../bindings/Controller";
import type { Created } from "../bindings/Created";
import type { DeletionLogEntry } from "../bindings/DeletionLogEntry";
import type { ErasurePreview } from "../bindings/ErasurePreview";
import type { FieldDef } from "../bindings/FieldDef";
import type { FiscalDocument } from "../bindings/FiscalDocument";
import type { Interaction } from "../bindings/Interaction";
import type { ObjectionReport } from "../bindings/ObjectionReport";
import type { PurgeItem } from "../bindings/PurgeItem";
import type { PurgeReport } from "../bindings/PurgeReport";
import type { AgreementFile } from "../bindings/AgreementFile";
import type { Processor } from "../bindings/Processor";
import type { Purpose } from "../bindings/Purpose";
import type { RecipientNotice } from "../bindings/RecipientNotice";
import type { Service } from "../bindings/Service";
import type { PurposeInput } from "../bindings/PurposeInput";
import type { Request } from "../bindings/Request";
import type { RequestKind } from "../bindings/RequestKind";
import type { RestoreCheck } from "../bindings/RestoreCheck";
import type { RestoreReport } from "../bindings/RestoreReport";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { Rule } from "../bindings/Rule";
import type { SavedStatement } from "../bindings/SavedStatement";
import type { Settings } from "../bindings/Settings";
import type { StatementVersion } from "../bindings/StatementVersion";
import type { Strength } from "../bindings/Strength";
import type { VaultStatus } from "../bindings/VaultStatus";
import type { Written } from "../bindings/Written";
import type { UnsubscribeReport } from "../bindings/UnsubscribeReport";
import type { ImportReport } from "../bindings/ImportReport";
import type { Inspection } from "../bindings/Inspection";
import type { Overview } from "../bindings/Overview";

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;

const AT = "2026-03-02T10:00:00+01:00";

/** A fixed overview with one request due and one breach's clock running (rule-free data). */
const OVERVIEW: Overview = {
  now: "2026-03-02T09:00:00Z",
  counts: {
    requests_due: 1,
    requests_overdue: 0,
    breaches_open: 1,
    breaches_overdue: 0,
    contacts_without_basis: 2,
    repermission_due: 0,
    review_queue: 0,
    processors_without_agreement: 0,
    processors_review_overdue: 0,
    backup_overdue: false,
    last_backup_at: AT,
    last_audit_check_at: null,
    audit_check_failed: false,
    last_purge_at: "2026-03-02T09:00:00Z",
    purge_stopped: null,
    all_in_order: false,
  },
  requests: [{ id: 1, kind: "access", due: "2026-03-05", days_left: 3, overdue: false, target: { view: "requests" } }],
  breaches: [
    {
      id: 1,
      reference: "2026-001",
      aware_at: "2026-03-01T08:00:00Z",
      notify_by: "2026-03-04T09:00:00+01:00",
      running: true,
      overdue: false,
      minutes_left: 2820,
      hours: 47,
      minutes: 0,
      target: { view: "breaches", id: 1 },
    },
  ],
  contacts_without_basis: { count: 2, target: { view: "register", tab: "triage" } },
  repermission_due: { count: 0, target: { view: "register", tab: "repermission" } },
  review_queue: { count: 0, target: { view: "retention", tab: "review" } },
  processors: [],
  backup: { settings: { dir: "/media/demo/usb", keep: 10, every_hours: 24 }, last_backup_at: AT, overdue: false, warning: null },
  backup_target: { view: "settings" },
  audit_check: null,
  audit_target: { view: "settings" },
  purge: null,
  purge_target: { view: "retention", tab: "log" },
  deletion_log_target: { view: "retention", tab: "log" },
};
const HASH = "9f2c0d1a7b3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c";
const RECOVERY_KEY = "K7QF-2M9X-PL4D-88ZW-TR3N-HC6V-Q2JE-5BUA";

const contact = (id: number, name: string, patch: Partial<Contact> = {}): Contact => ({
  id,
  name,
  emails: [`${name.split(" ")[0]?.toLowerCase() ?? "demo"}@voorbeeld.nl`],
  phones: [],
  address: null,
  organisation: null,
  job_title: null,
  relationship: "prospect",
  relationship_ended: null,
  created_at: AT,
  updated_at: AT,
  restricted_reason: null,
  objected_at: null,
  ...patch,
});

const CONTACTS: Contact[] = [
  contact(1, "Anna de Boer", {
    phones: ["06 12345678"],
    address: "Dorpsstraat 1\n1234 AB Ergens",
    organisation: "Voorbeeld BV",
    job_title: "Eigenaar",
    relationship: "client",
  }),
  contact(2, "Bram Visser", { relationship: "client" }),
  contact(3, 'Zoë <b>de</b> Vries & "Co"', { relationship: "former-client", relationship_ended: "2024-03-31" }),
  contact(4, "Daan Smit", { relationship: "supplier", restricted_reason: "Betwist de gegevens" }),
  contact(5, "Eva Mulder", { relationship: "applicant" }),
  ...Array.from({ length: 30 }, (_, i) => contact(6 + i, `Demo Contact ${String(i + 1).padStart(2, "0")}`)),
];

const INTERACTIONS: Interaction[] = [
  { id: 1, contact_id: 1, kind: "call", at: AT, text: "Offerte besproken.\nStuurt volgende week akkoord." },
  { id: 2, contact_id: 1, kind: "meeting", at: "2026-02-20T10:00:00+01:00", text: "Kennismaking op kantoor." },
];

const proposal = (name: string, patch: Partial<PurposeInput>): PurposeInput => ({
  name,
  description: "",
  basis: "contract",
  direct_marketing: false,
  data_categories: ["naam", "e-mail"],
  recipients: [],
  retention_rule: null,
  legitimate_interest: "",
  requirement: "none",
  consequence: "",
  source: "",
  ...patch,
});

const PROPOSALS: PurposeInput[] = [
  proposal("Klantadministratie", { description: "Offertes, opdrachten en contact met klanten." }),
  proposal("Facturatie", { basis: "legal-obligation", description: "Facturen en de fiscale bewaarplicht." }),
  proposal("Nieuwsbrief", { basis: "consent", direct_marketing: true, description: "De nieuwsbrief per e-mail." }),
  proposal("Relatiebeheer", { basis: "legitimate-interest", description: "Contact met bestaande relaties." }),
];

const PURPOSES: Purpose[] = PROPOSALS.slice(0, 3).map((p, i) => ({ ...p, id: i + 1 }));

const FIELDS: FieldDef[] = [
  { id: 1, label: "Dieetwensen", kind: "text", purpose_id: 1, purpose: "Klantadministratie", required: false, special_category: true },
  { id: 2, label: "Klant sinds", kind: "date", purpose_id: 1, purpose: "Klantadministratie", required: false, special_category: false },
];

const PRIVACY: ContactPrivacy = {
  links: [
    { purpose: PURPOSES[0]!, basis: "contract", source: "in-person", reviewed_at: AT, ended_at: null, consent_given_at: null, usable: true, repermission_marked_at: null },
    { purpose: PURPOSES[2]!, basis: "consent", source: "form", reviewed_at: AT, ended_at: null, consent_given_at: AT, usable: true, repermission_marked_at: null },
  ],
  history: [
    {
      id: 1,
      kind: "given",
      purpose: "Nieuwsbrief",
      purpose_id: 3,
      at: AT,
      method: "form",
      text_sha256: HASH,
      text: "Ja, ik wil de maandelijkse nieuwsbrief ontvangen.",
      evidence: "Aanmeldformulier website",
      recorded_by: "demo",
    },
  ],
  fields: [
    { field: FIELDS[0]!, value: null, filled: true },
    { field: FIELDS[1]!, value: "2024-04-20", filled: true },
  ],
  undeliverable: [],
  recipient_notices: [],
};

const PROCESSORS: Processor[] = [
  {
    id: 1,
    name: "Boekhouder Jansen",
    service: "accounting",
    contact: "info@jansen-boekhouding.nl",
    purposes: [{ id: 1, name: "Klantadministratie" }],
    data_categories: ["naam", "facturen"],
    dpa_signed_on: "2025-01-15",
    dpa_reference: "verwerkersovereenkomst-jansen.pdf",
    dpa_sha256: HASH,
    review_on: "2027-01-15",
    location: "Utrecht",
    outside_eu: false,
    safeguard: null,
    safeguard_note: "",
    flags: [],
  },
  {
    id: 2,
    name: "Nieuwsbriefdienst",
    service: "newsletter",
    contact: "",
    purposes: [{ id: 3, name: "Nieuwsbrief" }],
    data_categories: ["naam", "e-mailadres"],
    dpa_signed_on: null,
    dpa_reference: null,
    dpa_sha256: null,
    review_on: "2025-06-01",
    location: "Verenigde Staten",
    outside_eu: true,
    safeguard: "scc",
    safeguard_note: "",
    flags: ["no-agreement", "review-overdue"],
  },
];

const NOTICES: RecipientNotice[] = [
  { id: 1, request_id: 2, contact_id: null, processor_id: 1, processor_name: "Boekhouder Jansen", action: "erasure", created_at: AT, told_at: null },
];

const FLAGS: ContactFlag[] = [
  { contact_id: 2, name: "Bram Visser", purpose: "Nieuwsbrief", purpose_id: 1, since: null, marked_at: null },
  { contact_id: 5, name: "Eva Mulder", purpose: null, purpose_id: null, since: null, marked_at: null },
];

const RULES: Rule[] = [
  ["prospects", "Prospects", "12m", "12 maanden", "delete", "Een jaar na het laatste contact."],
  ["former-client-notes", "Notities van oud-klanten", "24m", "24 maanden", "review", "Twee jaar na het einde van de relatie."],
  ["former-clients", "Voormalige klanten", "24m", "24 maanden", "review", "Twee jaar na het einde van de relatie."],
  ["rejected-applicants", "Afgewezen sollicitanten", "4w", "4 weken", "delete", "Vier weken na de afwijzing."],
  ["fiscal-records", "Fiscale administratie", "7y", "7 jaar", "delete", "De fiscale bewaarplicht."],
  ["records", "Verzoeken en bestanden", "5y", "5 jaar", "delete", "Vijf jaar na het afsluiten."],
  ["audit", "Audittrail", "7y", "7 jaar", "delete", "Zeven jaar."],
].map(([key, category, period, period_text, action, note]) => ({ key, category, period, period_text, action, note, changed: false }) as Rule);

const PLAN: PurgeItem[] = [
  { rule: "prospects", category: "Prospects", action: "delete", contact_id: 7, rows: 1 },
  { rule: "prospects", category: "Prospects", action: "delete", contact_id: 8, rows: 1 },
  { rule: "former-clients", category: "Voormalige klanten", action: "review", contact_id: 3, rows: 1 },
];

const PURGED: PurgeReport = {
  ran: true,
  stopped: null,
  contacts_deleted: 2,
  interactions_deleted: 0,
  documents_deleted: 0,
  records_deleted: 0,
  audit_rows_pruned: 60,
  audit_older_than: "2y",
  records_older_than: null,
  queued_for_review: 1,
  contacts_due: 2,
  contacts_total: CONTACTS.length,
};

const review = (id: number, who: Contact, reason: string): ReviewItem => ({
  id,
  rule: "former-clients",
  category: "Voormalige klanten",
  contact_id: who.id,
  name: who.name,
  reason,
  queued_at: AT,
  kept_until: null,
  keep_reason: null,
});

const REVIEW: ReviewItem[] = [review(1, CONTACTS[2]!, "rule"), review(2, CONTACTS[3]!, "restricted")];

const LOG: DeletionLogEntry[] = [
  { id: 2, at: AT, trigger: "erasure", rule: "erasure", category: "Gewist op verzoek", count: 1, ids: ["contact:41"] },
  {
    id: 1,
    at: "2026-02-01T09:00:00+01:00",
    trigger: "automatic",
    rule: "prospects",
    category: "Prospects",
    count: 2,
    ids: ["contact:39", "contact:40"],
  },
];

const POLICY = [
  "# Bewaarbeleid",
  "Voorbeeld BV bewaart persoonsgegevens niet langer dan nodig.",
  "## Prospects",
  "12 maanden na het laatste contact.",
].join("\n\n");

const DOCUMENT: FiscalDocument = {
  id: 1,
  contact_id: 1,
  kind: "invoice",
  number: "2026-001",
  date: "2026-02-01",
  amount_cents: 125050,
  counterparty_name: "Anna de Boer",
  counterparty_address: null,
  corrects: null,
  corrected_by: null,
  held_until: "2033-12-31",
  under_hold: true,
};

const request = (id: number, contactId: number | null, kind: RequestKind, patch: Partial<Request>): Request => ({
  id,
  contact_id: contactId,
  kind,
  received: "2026-02-02",
  due: "2026-03-02",
  original_due: "2026-03-02",
  extended: false,
  extension_reason: null,
  extension_notified: null,
  identity_method: null,
  identity_note: null,
  handler: "demo",
  open: true,
  outcome: null,
  closed_at: null,
  overdue: false,
  due_soon: false,
  files: [],
  deliveries: [],
  ...patch,
});

const REQUESTS: Request[] = [
  request(1, 1, "access", { overdue: true }),
  request(2, 2, "erasure", { received: "2026-02-25", due: "2026-03-25", original_due: "2026-03-25", due_soon: true }),
  request(3, null, "erasure", { open: false, outcome: "Gewist", closed_at: AT, identity_method: "known-email" }),
];

const ERASURE: ErasurePreview = {
  contact_id: 1,
  interactions: 2,
  consent_events: 1,
  purpose_links: 2,
  field_values: 1,
  fiscal_records_kept: 1,
  kept_until: "2033-12-31",
  suppression_kept: false,
  consent_texts: 1,
  organisation_orphaned: false,
  organisation_removed: false,
  requests_redacted: 0,
  tombstone: "contact:3",
  erased_at: null,
};

const RESTORED: RestoreReport = {
  backup_created_at: AT,
  contacts: CONTACTS.length,
  interactions: 2,
  erasures_reapplied: 0,
  interaction_deletions_reapplied: 0,
  purge: { ...PURGED, ran: false, contacts_deleted: 0, queued_for_review: 0, contacts_due: 0 },
  unreadable_newer: [],
  ignored_files: [],
};

const BACKUP_INFO: BackupInfo = { created_at: AT, app_version: "0.1.0", schema_version: 1, bytes: 1_250_000, vault_id: "demo" };

/** The vault's state as the UI sees it: the only thing the handlers keep besides the lists. */
export type Start = { exists: boolean; unlocked: boolean; remembered: boolean; language: Settings["language"] };

/** A fixture for every command of the contract, with its arguments and result types. */
export type FixtureHandlers = { [K in Command]: (args: Commands[K]["args"]) => Commands[K]["result"] };

/** The handlers by a command name known only at run time (what the IPC mock receives). */
export function byName(handlers: FixtureHandlers): Record<string, Handler | undefined> {
  return handlers as unknown as Record<string, Handler | undefined>;
}

/** The handlers, by command name; a fresh copy of the demo data for each call. */
export function fixtureHandlers(start: Start): FixtureHandlers {
  const vault = { ...start };
  let settings: Settings = { language: start.language, auto_lock_minutes: 10 };
  let controller: Controller = { name: "", address: "", kvk: "", privacy_contact: "" };
  let backup: BackupSettings = { dir: "/media/usb/kluis-back-ups", keep: 10, every_hours: 24 };
  const contacts = [...CONTACTS];
  const interactions = [...INTERACTIONS];
  const purposes = [...PURPOSES];
  const fields = [...FIELDS];
  const documents = [DOCUMENT];
  const requests = [...REQUESTS];
  const processors = [...PROCESSORS];
  const notices = NOTICES.map((n) => ({ ...n }));
  const nextId = (list: { id: number }[]) => Math.max(0, ...list.map((x) => x.id)) + 1;
  const opened = (): PurgeReport | null => {
    vault.exists = vault.unlocked = true;
    return null;
  };
  const summary = (c: Contact): ContactSummary => ({
    id: c.id,
    name: c.name,
    email: c.emails[0] ?? null,
    organisation: c.organisation,
    relationship: c.relationship,
    last_activity_at: c.updated_at,
    restricted: c.restricted_reason !== null,
  });

  return {
    vault_status: (): VaultStatus => ({ ...vault, vault_dir: "/home/demo/.local/share/kluis" }),
    passphrase_strength: (): Strength => ({ score: 4, acceptable: true }),
    create_vault: ({ remember }): Created => {
      opened();
      vault.remembered = remember === true;
      return { recovery_key: RECOVERY_KEY, vault_id: "demo-vault", remembered: vault.remembered };
    },
    unlock: opened,
    unlock_remembered: opened,
    unlock_with_recovery: opened,
    lock: (): null => ((vault.unlocked = false), null),
    quit: (): null => ((vault.unlocked = false), null), // a browser tab cannot close the app
    touch: (): null => null,
    likely_duplicates: (): LikelyDuplicate[] => [],
    copy_sensitive: (): null => null, // the browser preview has no system clipboard to wipe
    change_passphrase: (): null => null,
    rotate_key: (): RotatedKey => ({ recovery_key: RECOVERY_KEY, vault_id: "demo-vault" }),
    remember_device: (): null => ((vault.remembered = true), null),
    forget_device: (): null => ((vault.remembered = false), null),
    check_vault: (): CheckReport => ({
      ok: true,
      checks: (["cipher_integrity", "integrity", "foreign_keys", "audit_chain"] as const).map((check) => ({
        check,
        ok: true,
        detail: null,
      })),
    }),

    list_contacts: ({ query, limit, offset }): ContactPage => {
      const q = typeof query === "string" ? query.toLowerCase() : "";
      const found = contacts.filter((c) => c.name.toLowerCase().includes(q));
      return { items: found.slice(Number(offset), Number(offset) + Number(limit)).map(summary), total: found.length };
    },
    get_contact: ({ id }): ContactDetail => {
      const found = contacts.find((c) => c.id === Number(id)) ?? contacts[0]!;
      return { contact: found, interactions: interactions.filter((i) => i.contact_id === found.id) };
    },
    create_contact: ({ input }): number => {
      const id = nextId(contacts);
      contacts.push({ ...contact(id, ""), ...(input) });
      return id;
    },
    update_contact: ({ id, input }): null => {
      const i = contacts.findIndex((c) => c.id === Number(id));
      if (i >= 0) contacts[i] = { ...contacts[i]!, ...(input) };
      return null;
    },
    add_interaction: ({ contactId, input }): number => {
      const id = nextId(interactions);
      const value = input;
      interactions.unshift({ id, contact_id: Number(contactId), kind: value.kind, at: value.at ?? AT, text: value.text });
      return id;
    },

    contact_privacy: (): ContactPrivacy => PRIVACY,
    link_purpose: (): null => null,
    unlink_purpose: (): null => null,
    give_consent: (): number => 2,
    withdraw_consent: (): number => 3,
    set_field: (): null => null,
    restrict_contact: (): null => null,
    unrestrict_contact: (): null => null,
    object_contact: (): ObjectionReport => ({ withdrawn: 1, ended: 0, suppressed: 1 }),

    list_purposes: (): Purpose[] => purposes,
    purpose_proposals: (): PurposeInput[] => PROPOSALS,
    create_purpose: ({ input }): number => {
      const id = nextId(purposes);
      purposes.push({ ...(input), id });
      return id;
    },
    update_purpose: ({ id, input }): null => {
      const i = purposes.findIndex((p) => p.id === Number(id));
      if (i >= 0) purposes[i] = { ...(input), id: Number(id) };
      return null;
    },
    list_processors: (): Processor[] => processors,
    get_processor: ({ id }): Processor => processors.find((p) => p.id === Number(id)) ?? PROCESSORS[0]!,
    processor_services: (): Service[] => ["accounting", "payroll", "hosting", "newsletter", "it-support", "other"],
    create_processor: ({ input }): number => {
      const id = nextId(processors);
      const linked = purposes.filter((p) => input.purposes.includes(p.id)).map((p) => ({ id: p.id, name: p.name }));
      processors.push({ ...input, id, purposes: linked, flags: [] });
      return id;
    },
    update_processor: ({ id, input }): null => {
      const i = processors.findIndex((p) => p.id === Number(id));
      const linked = purposes.filter((p) => input.purposes.includes(p.id)).map((p) => ({ id: p.id, name: p.name }));
      if (i >= 0) processors[i] = { ...processors[i]!, ...input, dpa_sha256: input.dpa_sha256 ?? processors[i]!.dpa_sha256, purposes: linked };
      return null;
    },
    remove_processor: ({ id }): null => {
      const i = processors.findIndex((p) => p.id === Number(id));
      if (i >= 0) processors.splice(i, 1);
      return null;
    },
    pick_processing_agreement: (): AgreementFile | null => ({ file_name: "verwerkersovereenkomst.pdf", sha256: HASH }),
    request_recipients: ({ requestId }): RecipientNotice[] => notices.filter((n) => n.request_id === Number(requestId)),
    recipient_told: ({ noticeId, on }): null => {
      const n = notices.find((x) => x.id === Number(noticeId));
      if (n) n.told_at = String(on);
      return null;
    },
    list_fields: (): FieldDef[] => fields,
    define_field: ({ input }): number => {
      const id = nextId(fields);
      const value = input;
      fields.push({ ...value, id, purpose: purposes.find((p) => p.id === value.purpose_id)?.name ?? "" });
      return id;
    },
    triage_list: (): ContactFlag[] => FLAGS,
    repermission_list: (): ContactFlag[] => FLAGS.slice(0, 1),
    export_mailing_list: (): number => 12,

    retention_rules: (): Rule[] => RULES,
    set_retention_rule: (): null => null,
    purge_plan: (): PurgeItem[] => PLAN,
    purge_now: (): PurgeReport => PURGED,
    review_queue: (): ReviewItem[] => REVIEW,
    review_keep: (): null => null,
    review_delete: (): null => null,
    deletion_log: (): DeletionLogEntry[] => LOG,
    // The dialogs run in the backend; a browser has none, so the fixtures answer a demo file.
    save_deletion_log: (): string | null => "/home/demo/verwijderlogboek.csv",
    retention_policy: (): string => POLICY,
    save_retention_policy: ({ pdf }): string | null => `/home/demo/bewaarbeleid.${pdf ? "pdf" : "md"}`,

    list_documents: ({ contactId }): FiscalDocument[] => documents.filter((d) => d.contact_id === Number(contactId)),
    add_document: ({ contactId, kind, number, date }): number => {
      const id = nextId(documents);
      documents.unshift({ ...DOCUMENT, id, contact_id: Number(contactId), kind, number, date });
      return id;
    },

    list_requests: (): Request[] => requests,
    add_request: ({ contactId, kind, received }): Request => {
      const added = request(nextId(requests), Number(contactId), kind, { received: String(received) });
      requests.push(added);
      return added;
    },
    extend_request: (): null => null,
    record_identity: (): null => null,
    close_request: (): null => null,
    export_subject_access: ({ portability, protect, redactInteractions, sendTo }): Written | null => ({
      pdf_path: "/home/demo/Documenten/inzage.pdf",
      pdf_sha256: HASH,
      zip_path: portability ? "/home/demo/Documenten/export.zip" : null,
      zip_sha256: portability ? HASH.split("").reverse().join("") : null,
      password: protect ? "kfmw-7rhx-q3pt-a9ne" : null,
      // The fixture test calls every command without arguments.
      redactions: Array.isArray(redactInteractions) ? redactInteractions.length : 0,
      address_known: typeof sendTo === "string" ? sendTo === "anna@example.nl" : null,
    }),
    erasure_preview: ({ id }): ErasurePreview => ({ ...ERASURE, contact_id: Number(id) }),
    erase_contact: ({ id }): ErasurePreview => {
      const i = contacts.findIndex((c) => c.id === Number(id));
      if (i >= 0) contacts.splice(i, 1);
      return { ...ERASURE, contact_id: Number(id) };
    },
    get_controller: (): Controller => controller,
    set_controller: ({ controller: next }): null => ((controller = next), null),

    backup_status: (): BackupStatus => ({ settings: backup, last_backup_at: AT, overdue: false, warning: null }),
    compliance_overview: (): Overview => OVERVIEW,
    set_backup_settings: ({ keep, everyHours }): null => ((backup = { ...backup, keep, every_hours: everyHours }), null),
    choose_backup_folder: (): string | null => ((backup = { ...backup, dir: "/media/demo/usb" }), backup.dir),
    stop_automatic_backups: (): null => ((backup = { ...backup, dir: null }), null),
    run_backup: (): string | null => `${backup.dir ?? "/tmp"}/kluis-2026-03-02.kluisbackup`,
    backup_to: (): string | null => "/home/demo/kluis.kluisbackup",
    pick_backup: (): string | null => "/media/demo/usb/kluis.kluisbackup",
    test_restore: (): RestoreReport => RESTORED,
    verify_backup: (): RestoreCheck => ({ backup: BACKUP_INFO, other_vault: false, unreadable_newer: [], ignored_files: [] }),
    restore_backup: (): RestoreReport => ((vault.exists = true), (vault.unlocked = false), RESTORED),
    copy_text: (): null => null,

    get_settings: (): Settings => settings,
    set_settings: ({ settings: next }): null => ((settings = next), null),

    edit_interaction: ({ id, change }): null => {
      const i = interactions.findIndex((x) => x.id === Number(id));
      const old = interactions[i];
      if (old) {
        interactions[i] = { ...old, kind: change.kind ?? old.kind, text: change.text ?? old.text, at: change.at ?? old.at };
      }
      return null;
    },
    delete_interaction: ({ id }): null => {
      const i = interactions.findIndex((x) => x.id === Number(id));
      if (i >= 0) interactions.splice(i, 1);
      return null;
    },
    correct_document: ({ id, kind, number, date }): number => {
      const next = nextId(documents);
      const original = documents.find((d) => d.id === Number(id));
      documents.unshift({ ...DOCUMENT, id: next, contact_id: original?.contact_id ?? null, kind, number, date, corrects: Number(id) });
      if (original) original.corrected_by = next;
      return next;
    },
    delete_document: ({ id }): null => {
      const i = documents.findIndex((d) => d.id === Number(id));
      if (i >= 0) documents.splice(i, 1);
      return null;
    },
    // Bulk actions: the preview reports everything as done (the rules live in the backend).
    bulk_link: ({ contactIds }): BulkReport => bulkReport(contactIds),
    bulk_review_keep: ({ ids }): BulkReport => bulkReport(ids),
    bulk_review_delete: ({ ids }): BulkReport => bulkReport(ids),
    bulk_delete_contacts: ({ contactIds }): BulkReport => bulkReport(contactIds),
    bulk_mark_repermission: ({ links }): BulkReport =>
      bulkReport(Array.isArray(links) ? links.map((l) => l.contact_id) : []),
    proposed_purpose: (): Purpose | null => null,
    add_contact: ({ input }): number => {
      const id = nextId(contacts);
      contacts.push({ ...contact(id, ""), ...input });
      return id;
    },
    contact_initials: (): InitialCount[] => [],
    list_contacts_by_initial: ({ query, limit, offset }): ContactPage => {
      const q = typeof query === "string" ? query.toLowerCase() : "";
      const found = contacts.filter((c) => c.name.toLowerCase().includes(q));
      return { items: found.slice(Number(offset), Number(offset) + Number(limit)).map(summary), total: found.length };
    },
    // Unsubscribes: a fixed preview and result (the matching lives in the backend).
    preview_unsubscribes: (): UnsubscribeReport => UNSUBSCRIBES,
    import_unsubscribes: ({ suppressUnmatched }): UnsubscribeReport => ({
      ...UNSUBSCRIBES,
      suppressed: suppressUnmatched ? UNSUBSCRIBES.unmatched : 0,
    }),
    // Moving in and out: a demo sheet as the backend would read it; the preview and the import
    // answer the same counts (the rules live in the backend).
    pick_import_file: (): string | null => "klanten.csv",
    inspect_import: (): Inspection => IMPORT_INSPECTION,
    preview_import: (): ImportReport => ({ ...IMPORT_REPORT, id: null }),
    run_import: (): ImportReport => IMPORT_REPORT,
    undo_import: (): number => IMPORT_REPORT.added,
    import_purposes: (): Purpose[] => purposes.filter((p) => p.basis !== "consent" && !p.direct_marketing),
    export_address_book: (): number | null => contacts.length,
    save_privacy_statement: ({ language, format }): SavedStatement | null => {
      const next: StatementVersion = {
        id: statementVersions.length + 1,
        language,
        version: statementVersions.filter((v) => v.language === language).length + 1,
        sha256: "3f".repeat(32),
        created_at: AT,
        last_generated_at: AT,
      };
      statementVersions.unshift(next);
      return { path: `/home/demo/privacyverklaring.${format}`, version: next };
    },
    privacy_statement_versions: (): StatementVersion[] => statementVersions,
    save_register_record: ({ pdf }): string | null => `/home/demo/verwerkingsregister.${pdf ? "pdf" : "csv"}`,
    list_breaches: (): Breach[] => [breach()],
    get_breach: (): Breach => breach(),
    add_breach: (): number => breach().id,
    edit_breach: (): null => null,
    decide_breach_no_notify: (): null => null,
    notify_breach: (): null => null,
    inform_breach: (): null => null,
    breach_follow_up: (): null => null,
    link_breach_contact: (): null => null,
    unlink_breach_contact: (): null => null,
    close_breach: (): null => null,
    lost_device_draft: (): LostDeviceDraft => lostDeviceDraft(),
    save_breach_report: (): string | null => "/home/demo/datalek-2026-003.pdf",
  };
}

/** The privacy statement versions the dev backend made this session (not rules: every save is
 * a new version here). */
const statementVersions: StatementVersion[] = [];

const UNSUBSCRIBES: UnsubscribeReport = {
  file_name: "unsubscribed_members_export_8f3c2a1b.csv",
  layout: "mailchimp-unsubscribed",
  withdrawn: 3,
  already_withdrawn: 1,
  unmatched: 2,
  undeliverable: 0,
  already_undeliverable: 0,
  consent_given_later: 0,
  restricted: 0,
  suppressed: 2,
  ignored: 0,
  warnings: [{ line: 7, message: "geen geldig e-mailadres; overgeslagen" }],
};

const IMPORT_INSPECTION: Inspection = {
  file_name: "klanten.csv",
  format: "csv",
  encoding: "windows-1252",
  delimiter: ";",
  columns: [
    { header: "Naam", field: "name", sample: ["René Dijkstra", "Noël Visser"] },
    { header: "E-mailadres", field: "email", sample: ["rene@voorbeeld.nl", "noel@voorbeeld.nl"] },
    { header: "Telefoon", field: "phone", sample: ["06-12345678", ""] },
    { header: "Bedrijf", field: "organisation", sample: ["Café Ëlla", "Bakkerij € en Zo"] },
  ],
  rows: 2,
  photos_skipped: 0,
  first_rows: [
    {
      line: 2,
      name: "René Dijkstra",
      emails: ["rene@voorbeeld.nl"],
      phones: ["06-12345678"],
      organisation: "Café Ëlla",
      job_title: null,
      address: null,
      notes: null,
      fields: [],
      warnings: [],
    },
  ],
};

const IMPORT_REPORT: ImportReport = {
  id: 1,
  added: 2,
  updated: 0,
  skipped: 0,
  duplicates: 0,
  suppressed: 0,
  warnings: [],
  backup: null,
  rows: [],
};

function bulkReport(ids: number[]): BulkReport {
  return {
    done: ids,
    skipped_restricted: [],
    skipped_suppressed: [],
    stopped: null,
    contacts_due: 0,
    contacts_total: 0,
  };
}
