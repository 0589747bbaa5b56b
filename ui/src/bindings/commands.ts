// Generated from the command list in src-tauri/src/ipc.rs (its tests fail when this is stale and rewrite it with UPDATE_BINDINGS=1). Do not edit.
import type { Action } from "./Action";
import type { AddressBookFormat } from "./AddressBookFormat";
import type { AgreementFile } from "./AgreementFile";
import type { BackupStatus } from "./BackupStatus";
import type { Basis } from "./Basis";
import type { Breach } from "./Breach";
import type { BreachEdit } from "./BreachEdit";
import type { BreachInput } from "./BreachInput";
import type { BreachPeople } from "./BreachPeople";
import type { BulkList } from "./BulkList";
import type { BulkReport } from "./BulkReport";
import type { CheckReport } from "./CheckReport";
import type { ConsentInput } from "./ConsentInput";
import type { ContactDetail } from "./ContactDetail";
import type { ContactFlag } from "./ContactFlag";
import type { ContactInput } from "./ContactInput";
import type { ContactPage } from "./ContactPage";
import type { ContactPrivacy } from "./ContactPrivacy";
import type { Controller } from "./Controller";
import type { Created } from "./Created";
import type { DeletionLogEntry } from "./DeletionLogEntry";
import type { DocumentKind } from "./DocumentKind";
import type { ErasurePreview } from "./ErasurePreview";
import type { FieldDef } from "./FieldDef";
import type { FieldDefInput } from "./FieldDefInput";
import type { FiscalDocument } from "./FiscalDocument";
import type { Format } from "./Format";
import type { IdentityMethod } from "./IdentityMethod";
import type { ImportChoice } from "./ImportChoice";
import type { ImportReport } from "./ImportReport";
import type { InitialCount } from "./InitialCount";
import type { Inspection } from "./Inspection";
import type { InteractionChange } from "./InteractionChange";
import type { InteractionInput } from "./InteractionInput";
import type { Language } from "./Language";
import type { LikelyDuplicate } from "./LikelyDuplicate";
import type { LinkRef } from "./LinkRef";
import type { LostDeviceDraft } from "./LostDeviceDraft";
import type { Method } from "./Method";
import type { ObjectionReport } from "./ObjectionReport";
import type { Overview } from "./Overview";
import type { Processor } from "./Processor";
import type { ProcessorInput } from "./ProcessorInput";
import type { PurgeItem } from "./PurgeItem";
import type { PurgeReport } from "./PurgeReport";
import type { Purpose } from "./Purpose";
import type { PurposeInput } from "./PurposeInput";
import type { RecipientNotice } from "./RecipientNotice";
import type { Relationship } from "./Relationship";
import type { Request } from "./Request";
import type { RequestKind } from "./RequestKind";
import type { RestoreCheck } from "./RestoreCheck";
import type { RestoreReport } from "./RestoreReport";
import type { RestoreSecrets } from "./RestoreSecrets";
import type { ReviewItem } from "./ReviewItem";
import type { RotatedKey } from "./RotatedKey";
import type { Rule } from "./Rule";
import type { RuleKey } from "./RuleKey";
import type { SavedStatement } from "./SavedStatement";
import type { Service } from "./Service";
import type { Settings } from "./Settings";
import type { Source } from "./Source";
import type { StatementFormat } from "./StatementFormat";
import type { StatementVersion } from "./StatementVersion";
import type { Strength } from "./Strength";
import type { UnsubscribeReport } from "./UnsubscribeReport";
import type { VaultStatus } from "./VaultStatus";
import type { Written } from "./Written";

/**
 * Every command the backend registers: the arguments the window passes and what the call
 * resolves to. A failing call rejects with `ApiError`.
 */
export type Commands = {
  /**
   * Whether a vault exists in the folder, is unlocked and has its key remembered on this
   * device; a restore a crash interrupted is finished first. Works while locked.
   */
  vault_status: { args: Record<string, never>; result: VaultStatus };
  /**
   * Counts "kluis", the vault folder's name and, once unlocked, the business name as
   * guessable (the core supplies them, not the window).
   */
  passphrase_strength: { args: { passphrase: string }; result: Strength };
  /**
   * The recovery key, shown once (`remembered` false when the OS secret store was not
   * reachable); the vault is left unlocked.
   */
  create_vault: { args: { passphrase: string; remember: boolean }; result: Created };
  /**
   * What the retention purge did when the vault opened, null when it did not run (for the
   * start-up notice; `stopped: "confirm"` asks the user to confirm a mass deletion with
   * `purge_now`).
   */
  unlock: { args: { passphrase: string }; result: PurgeReport | null };
  /**
   * As `unlock`, with the key remembered on this device.
   */
  unlock_remembered: { args: Record<string, never>; result: PurgeReport | null };
  /**
   * As `unlock`; sets the new passphrase and leaves the vault unlocked.
   */
  unlock_with_recovery: { args: { recoveryKey: string; newPassphrase: string }; result: PurgeReport | null };
  /**
   * Backs up what changed first (see the automatic backups below).
   */
  lock: { args: Record<string, never>; result: null };
  /**
   * Closes the app like the window's close button (the exit backup runs first).
   */
  quit: { args: Record<string, never>; result: null };
  /**
   * User activity: resets the idle timer; does nothing while locked.
   */
  touch: { args: Record<string, never>; result: null };
  /**
   * Copies the recovery key to the clipboard; it is wiped after 30 seconds, at a lock or when
   * the app closes, whichever comes first.
   */
  copy_sensitive: { args: { text: string }; result: null };
  change_passphrase: { args: { current: string; next: string }; result: null };
  /**
   * The new recovery key, shown once; new data key and passphrase, remembered keys
   * forgotten. Old backups keep their own key.
   */
  rotate_key: { args: { current: string; next: string }; result: RotatedKey };
  remember_device: { args: Record<string, never>; result: null };
  forget_device: { args: Record<string, never>; result: null };
  /**
   * SQLCipher's cipher_integrity_check, integrity_check, foreign_key_check and the audit
   * chain; `ok` false when any failed (the details name pages and tables, no values).
   */
  check_vault: { args: Record<string, never>; result: CheckReport };
  /**
   * Without a query by name (case-insensitive); with one, every word must match the start
   * of a word in the name, e-mail, organisation or interaction text, by relevance.
   * `limit` ≥ 1, `offset` ≥ 0; times are RFC 3339 UTC.
   */
  list_contacts: { args: { query: string | null; limit: number; offset: number }; result: ContactPage };
  get_contact: { args: { id: number }; result: ContactDetail };
  /**
   * Existing contacts the input likely duplicates (same e-mail, same phone number, or same
   * name at the same organisation), other than `except`; asked before saving a new contact.
   */
  likely_duplicates: { args: { input: ContactInput; except: number | null }; result: Array<LikelyDuplicate> };
  /**
   * The new id.
   */
  create_contact: { args: { input: ContactInput; confirmNotBsn: boolean }; result: number };
  /**
   * Refused with `restricted` on a restricted contact.
   */
  update_contact: { args: { id: number; input: ContactInput; confirmNotBsn: boolean }; result: null };
  /**
   * The new id.
   */
  add_interaction: { args: { contactId: number; input: InteractionInput; confirmNotBsn: boolean }; result: number };
  /**
   * Works while locked: the unlock screen needs the language.
   */
  get_settings: { args: Record<string, never>; result: Settings };
  set_settings: { args: { settings: Settings }; result: null };
  /**
   * The processing register, by name; the proposed data categories in `language`.
   */
  list_purposes: { args: { language: Language }; result: Array<Purpose> };
  /**
   * The usual purposes of a small business, in `language`; not stored.
   */
  purpose_proposals: { args: { language: Language }; result: Array<PurposeInput> };
  /**
   * The new id; `invalid_input` (`name`) when the name is taken.
   */
  create_purpose: { args: { input: PurposeInput }; result: number };
  update_purpose: { args: { id: number; input: PurposeInput }; result: null };
  list_fields: { args: Record<string, never>; result: Array<FieldDef> };
  /**
   * The new id.
   */
  define_field: { args: { input: FieldDefInput }; result: number };
  /**
   * Contacts with no purpose, or a purpose whose basis is unknown (`purpose` null = no
   * purpose at all).
   */
  triage_list: { args: Record<string, never>; result: Array<ContactFlag> };
  /**
   * Consent purposes whose consent is missing, withdrawn or older than `months` (`since` =
   * when given).
   */
  repermission_list: { args: { months: number }; result: Array<ContactFlag> };
  /**
   * Writes the mailing list of a purpose (CSV name,email) to a file chosen in the save
   * dialog; the number of people in it, null when the user cancelled.
   */
  export_mailing_list: { args: { purposeId: number }; result: number | null };
  /**
   * The processors, by name, with their flags (`no-agreement`, `review-overdue`) today.
   */
  list_processors: { args: Record<string, never>; result: Array<Processor> };
  get_processor: { args: { id: number }; result: Processor };
  /**
   * What a processor can do for the business, in the core's order.
   */
  processor_services: { args: Record<string, never>; result: Array<Service> };
  /**
   * The new id; `invalid_input` (`name`) when the name is taken, (`safeguard`) when a
   * transfer outside the EU/EEA has none.
   */
  create_processor: { args: { input: ProcessorInput }; result: number };
  /**
   * Without `dpa_sha256` the stored hash stays unless the reference changed.
   */
  update_processor: { args: { id: number; input: ProcessorInput }; result: null };
  remove_processor: { args: { id: number }; result: null };
  /**
   * Opens the dialog for the processing agreement's file and hashes it: its name and
   * SHA-256 (the file is not stored), null when the user cancelled.
   */
  pick_processing_agreement: { args: Record<string, never>; result: AgreementFile | null };
  /**
   * The recipients to tell of a request's rectification, erasure or restriction, told or
   * not (the contact's own list, for a restriction without a request, is on its Privacy tab).
   */
  request_recipients: { args: { requestId: number }; result: Array<RecipientNotice> };
  /**
   * Records the day (YYYY-MM-DD, not in the future) the recipient of a line was told.
   */
  recipient_told: { args: { noticeId: number; on: string }; result: null };
  /**
   * The Privacy tab: purpose links with basis and consent state, the consent ledger (oldest
   * first, with texts), flexible field values (special-category values null unless
   * `reveal`; revealing is audited).
   */
  contact_privacy: { args: { id: number; reveal: boolean }; result: ContactPrivacy };
  /**
   * `basis` null records the basis as unknown (triage); `restricted`, `suppressed` (direct
   * marketing after an objection).
   */
  link_purpose: { args: { contactId: number; purposeId: number; basis: Basis | null; source: Source }; result: null };
  unlink_purpose: { args: { contactId: number; purposeId: number }; result: null };
  /**
   * The ledger row id; `input.text` is stored byte for byte; `restricted`, `suppressed`.
   */
  give_consent: { args: { contactId: number; input: ConsentInput }; result: number };
  /**
   * The ledger row id; allowed on a restricted contact. `method`: how the person withdrew;
   * `evidence`: an optional note on it.
   */
  withdraw_consent: { args: { contactId: number; purposeId: number; method: Method; evidence: string | null }; result: number };
  /**
   * An empty value clears the field; special-category fields need a current consent for
   * the field's purpose (`invalid_input`, field `value`).
   */
  set_field: { args: { contactId: number; fieldId: number; value: string; confirmNotBsn: boolean }; result: null };
  restrict_contact: { args: { id: number; reason: string }; result: null };
  unrestrict_contact: { args: { id: number }; result: null };
  /**
   * An objection to direct marketing.
   */
  object_contact: { args: { id: number }; result: ObjectionReport };
  /**
   * The rules, with category and legal note in `language`.
   */
  retention_rules: { args: { language: Language }; result: Array<Rule> };
  /**
   * `period` like `24m`, `4w`, `7y`, `30d`; fiscal records at least 7 years.
   */
  set_retention_rule: { args: { key: RuleKey; period: string; action: Action }; result: null };
  /**
   * The dry run: everything due now, by rule. Changes nothing.
   */
  purge_plan: { args: Record<string, never>; result: Array<PurgeItem> };
  /**
   * Runs the purge now; `confirm` agrees to a mass deletion (else `stopped: "confirm"`).
   */
  purge_now: { args: { confirm: boolean }; result: PurgeReport };
  /**
   * The review queue, kept items included (with `kept_until`).
   */
  review_queue: { args: Record<string, never>; result: Array<ReviewItem> };
  /**
   * `until` is a calendar date (YYYY-MM-DD) in the future.
   */
  review_keep: { args: { id: number; reason: string; until: string }; result: null };
  /**
   * Refused with `restricted` until the restriction is lifted.
   */
  review_delete: { args: { id: number }; result: null };
  /**
   * Newest first.
   */
  deletion_log: { args: Record<string, never>; result: Array<DeletionLogEntry> };
  /**
   * The written retention policy (Markdown).
   */
  retention_policy: { args: { language: Language }; result: string };
  /**
   * Writes the retention policy (a PDF when `pdf`, else Markdown) to a file chosen in the
   * save dialog; the file written, null when the user cancelled.
   */
  save_retention_policy: { args: { language: Language; pdf: boolean }; result: string | null };
  /**
   * Writes the deletion log as CSV to a file chosen in the save dialog; the file written,
   * null when the user cancelled.
   */
  save_deletion_log: { args: Record<string, never>; result: string | null };
  list_documents: { args: { contactId: number }; result: Array<FiscalDocument> };
  /**
   * The new id; `date` YYYY-MM-DD, `amount` in euros exactly as typed ("1.250,50").
   * `bsn_suspected` when the number looks like a BSN, until `confirm_not_bsn`.
   */
  add_document: { args: { contactId: number; kind: DocumentKind; number: string; date: string; amount: string; confirmNotBsn: boolean }; result: number };
  /**
   * Open ones first, by deadline (`overdue`, `due_soon` for the home screen).
   */
  list_requests: { args: Record<string, never>; result: Array<Request> };
  /**
   * The request with its `due` date (one month, next working day); `received` YYYY-MM-DD,
   * not in the future.
   */
  add_request: { args: { contactId: number; kind: RequestKind; received: string }; result: Request };
  /**
   * Once per request; `notified` (YYYY-MM-DD) within the first month.
   */
  extend_request: { args: { id: number; reason: string; notified: string }; result: null };
  /**
   * How the identity was checked: the method only, never a copy of a document.
   */
  record_identity: { args: { id: number; method: IdentityMethod; note: string | null }; result: null };
  close_request: { args: { id: number; outcome: string }; result: null };
  /**
   * Writes the subject-access PDF (and the portability ZIP when `portability`) to files
   * chosen in save dialogs; where each was saved and its SHA-256 (recorded on the request
   * and in the audit trail); null when the user cancelled a dialog (nothing written).
   * `protect`: both encrypted with a one-time password, returned once and never kept;
   * `redactInteractions`: interaction ids withheld as concerning someone else; `sendTo`:
   * the address the answer goes to, recorded on the request.
   */
  export_subject_access: { args: { contactId: number; requestId: number | null; language: Language; portability: boolean; includeSpecial: boolean; protect: boolean; redactInteractions: Array<number>; sendTo: string | null }; result: Written | null };
  /**
   * What erasing the contact removes and what the legal hold keeps. Changes nothing.
   */
  erasure_preview: { args: { id: number }; result: ErasurePreview };
  /**
   * Erases the contact (restricted ones too); `requestId` links it to an erasure request.
   */
  erase_contact: { args: { id: number; requestId: number | null; keepOrganisation: boolean }; result: ErasurePreview };
  /**
   * The business details printed on documents: name, address, KvK, privacy contact.
   */
  get_controller: { args: Record<string, never>; result: Controller };
  set_controller: { args: { controller: Controller }; result: null };
  /**
   * Folder, keep, every_hours, last backup, overdue.
   */
  backup_status: { args: Record<string, never>; result: BackupStatus };
  /**
   * How many automatic backups to keep (1–365) and every how many hours (1–744); the
   * folder stays as it is.
   */
  set_backup_settings: { args: { keep: number; everyHours: number }; result: null };
  /**
   * Asks for the backup folder in the folder dialog and turns automatic backups on into it:
   * the folder, null when the user cancelled (nothing changed).
   */
  choose_backup_folder: { args: Record<string, never>; result: string | null };
  /**
   * Turns automatic backups off; the backups already made stay where they are.
   */
  stop_automatic_backups: { args: Record<string, never>; result: null };
  /**
   * A backup into the backup folder now (`force`) or when due: the file written, null when
   * none was due.
   */
  run_backup: { args: { force: boolean }; result: string | null };
  /**
   * A backup to a file chosen in the save dialog: the file written, null when the user
   * cancelled.
   */
  backup_to: { args: Record<string, never>; result: string | null };
  /**
   * Restores the newest automatic backup into a temporary folder and checks it; the live
   * vault is not touched. Either the passphrase or the recovery key (the other null).
   */
  test_restore: { args: { passphrase: string | null; recoveryKey: string | null }; result: RestoreReport };
  /**
   * Asks for a backup file in the open dialog, for `verify_backup` and `restore_backup`;
   * the file chosen, null when the user cancelled (an earlier choice stays). Works while
   * locked.
   */
  pick_backup: { args: Record<string, never>; result: string | null };
  /**
   * Checks the chosen backup file whole and says what restoring it would need: a backup of
   * another vault (`otherVault`), newer backups of its vault in the same folder that no
   * secret given opens (`unreadableNewer`: file, made, reason). Changes nothing; works while
   * locked (over a locked vault with its current secret).
   */
  verify_backup: { args: { secrets: RestoreSecrets }; result: RestoreCheck };
  /**
   * Restores the chosen backup file as the vault; works while locked (the first-run
   * "restore a backup"). Over a locked vault `secrets` holds its current secret (passphrase,
   * recovery key or the remembered key); an unlocked session counts as it. Another vault's
   * backup needs `confirmOtherVault`, a newer backup no secret opens
   * `acceptUnreadableNewer` (else `invalid_input`, field `other_vault` / `newer_backup`).
   * Locks the vault, which must be unlocked again.
   */
  restore_backup: { args: { secrets: RestoreSecrets; confirmOtherVault: boolean; acceptUnreadableNewer: boolean }; result: RestoreReport };
  /**
   * Corrects an interaction: the fields of `change` given replace the stored ones, checked
   * as when adding; `restricted`, `bsn_suspected` (a changed text), `invalid_input`.
   */
  edit_interaction: { args: { id: number; change: InteractionChange; confirmNotBsn: boolean }; result: null };
  /**
   * Deletes an interaction; it stays deleted when an older backup is restored.
   * `restricted`.
   */
  delete_interaction: { args: { id: number }; result: null };
  /**
   * Appends a correction of fiscal record `id` (the original stays, unaltered, under its
   * hold, marked corrected); the correction's id. `restricted`, `bsn_suspected`,
   * `invalid_input`.
   */
  correct_document: { args: { id: number; kind: DocumentKind; number: string; date: string; amount: string; confirmNotBsn: boolean }; result: number };
  /**
   * Deletes a fiscal record whose legal hold has ended; `legal_hold` (with the date) while
   * it lasts, `restricted`.
   */
  delete_document: { args: { id: number }; result: null };
  /**
   * Links the contacts to a purpose on its own basis, in one transaction (an unknown id
   * changes nothing). A consent-based purpose is refused (`invalid_input`, field
   * `purpose`): consent is recorded per person. Restricted contacts are skipped and listed.
   */
  bulk_link: { args: { contactIds: Array<number>; purposeId: number }; result: BulkReport };
  /**
   * Keeps the review items until `until` (YYYY-MM-DD, in the future) with one reason.
   */
  bulk_review_keep: { args: { ids: Array<number>; reason: string; until: string }; result: BulkReport };
  /**
   * Deletes the data of the review items; restricted contacts are skipped. Stops with
   * `stopped: "confirm"` (nothing deleted) at the purge's mass-deletion rule unless `confirm`.
   */
  bulk_review_delete: { args: { ids: Array<number>; confirm: boolean }; result: BulkReport };
  /**
   * Deletes the contacts of the triage or re-permission list, as `bulk_review_delete`.
   */
  bulk_delete_contacts: { args: { list: BulkList; contactIds: Array<number>; confirm: boolean }; result: BulkReport };
  /**
   * Marks links of consent purposes for a re-permission run; restricted contacts skipped.
   */
  bulk_mark_repermission: { args: { links: Array<LinkRef> }; result: BulkReport };
  /**
   * The purpose a new contact with this relationship is proposed a link to (a client: the
   * contract-basis purpose), or null.
   */
  proposed_purpose: { args: { relationship: Relationship }; result: Purpose | null };
  /**
   * Creates a contact and, with `linkPurpose`, links it to that (non-consent) purpose in the
   * same transaction; the new id.
   */
  add_contact: { args: { input: ContactInput; confirmNotBsn: boolean; linkPurpose: number | null }; result: number };
  /**
   * How many contacts each initial has: "A"–"Z", then "#" for the other names.
   */
  contact_initials: { args: Record<string, never>; result: Array<InitialCount> };
  /**
   * `list_contacts` of the contacts listed under `initial` ("A"–"Z" or "#"; null: all).
   */
  list_contacts_by_initial: { args: { query: string | null; initial: string | null; limit: number; offset: number }; result: ContactPage };
  /**
   * Copies text that is not secret (a file's fingerprint) to the clipboard, as it is: not
   * wiped later, unlike `copy_sensitive`.
   */
  copy_text: { args: { text: string }; result: null };
  /**
   * Asks for a newsletter tool's export of unsubscribes in the open dialog and reports what
   * importing it into the purpose would do (nothing written); null when cancelled.
   */
  preview_unsubscribes: { args: { purposeId: number }; result: UnsubscribeReport | null };
  /**
   * Imports the file previewed last: withdrawals for the purpose, bounced addresses marked
   * undeliverable, unmatched addresses on the suppression list when asked.
   */
  import_unsubscribes: { args: { purposeId: number; suppressUnmatched: boolean }; result: UnsubscribeReport };
  /**
   * Asks for an address-book file (vCard or CSV) in the open dialog and keeps it for the
   * wizard; its name, null when the user cancelled.
   */
  pick_import_file: { args: Record<string, never>; result: string | null };
  /**
   * What the chosen file holds, read as `format` (null: guessed) with the encoding,
   * delimiter and column mapping of `choice`: the detected settings, each column with its
   * automatic field and a sample, the first rows as they will be stored. Writes nothing; a
   * bad file is `invalid_input` (field `file`) naming the line.
   */
  inspect_import: { args: { format: Format | null; choice: ImportChoice; language: Language }; result: Inspection };
  /**
   * The import as chosen, run and rolled back: the counts, warnings per line and the rows
   * that need a decision (duplicates, BSN-like values, objected addresses).
   */
  preview_import: { args: { choice: ImportChoice; language: Language }; result: ImportReport };
  /**
   * Imports the chosen file as chosen, in one transaction, after an automatic backup for
   * more than a handful of rows; progress as `import-progress` events. A consent or
   * direct-marketing purpose is refused (`invalid_input`, field `purpose`).
   */
  run_import: { args: { choice: ImportChoice; language: Language }; result: ImportReport };
  /**
   * Removes every contact of an import while they are as imported; how many.
   */
  undo_import: { args: { id: number }; result: number };
  /**
   * The purposes a whole import may be linked to: neither consent nor direct marketing.
   */
  import_purposes: { args: { language: Language }; result: Array<Purpose> };
  /**
   * Writes the address book (vCard 4.0 or CSV) to a file chosen in the save dialog: the
   * contacts `search` finds (null: all), restricted ones only with `includeRestricted`;
   * how many, null when the user cancelled. Audited.
   */
  export_address_book: { args: { format: AddressBookFormat; search: string | null; includeRestricted: boolean }; result: number | null };
  /**
   * Writes the privacy statement made from the register (HTML, Markdown or PDF, in
   * `language`) to a file chosen in the save dialog and records its version (a changed text
   * gets the next one); the file and the version, null when the user cancelled.
   */
  save_privacy_statement: { args: { language: Language; format: StatementFormat }; result: SavedStatement | null };
  /**
   * The versions of the privacy statement generated, newest first.
   */
  privacy_statement_versions: { args: Record<string, never>; result: Array<StatementVersion> };
  /**
   * Writes the record of processing activities (Art. 30; a PDF when `pdf`, else CSV) to a
   * file chosen in the save dialog; the file written, null when the user cancelled. Audited.
   */
  save_register_record: { args: { language: Language; pdf: boolean }; result: string | null };
  /**
   * What needs attention at the vault's clock, each line with the place that fixes it:
   * requests due or overdue, open breaches and their 72-hour clock, contacts without a
   * lawful basis, re-permission, the review queue, processors, the last backup, the last
   * audit-trail check and the last retention purge. Reads only.
   */
  compliance_overview: { args: Record<string, never>; result: Overview };
  /**
   * Every breach, open ones first, newest awareness first; each with its clock
   * (`deadline`) computed at the app's now.
   */
  list_breaches: { args: Record<string, never>; result: Array<Breach> };
  /**
   * One breach with its follow-ups, linked contact ids and its clock at the app's now.
   */
  get_breach: { args: { id: number }; result: Breach };
  /**
   * Registers a breach (instants RFC 3339 or `31-03-2026 14:30` local time; became aware
   * not in the future) and sets the fields of `details` given, in one transaction; the id.
   */
  add_breach: { args: { input: BreachInput; details: BreachEdit }; result: number };
  /**
   * Sets the fields of `edit` given (not null); `invalid_input` when none is.
   */
  edit_breach: { args: { id: number; edit: BreachEdit }; result: null };
  /**
   * The decision not to notify the AP, with the reason; refused once notified.
   */
  decide_breach_no_notify: { args: { id: number; reason: string }; result: null };
  /**
   * The notification to the AP at `at`, with its case number; later than 72 hours after
   * becoming aware it needs `lateReason` (`invalid_input`, field `late_reason`).
   */
  notify_breach: { args: { id: number; at: string; caseNumber: string | null; lateReason: string | null }; result: null };
  /**
   * The people affected told (when, how), or the Art. 34(3) exception that applies.
   */
  inform_breach: { args: { id: number; people: BreachPeople }; result: null };
  /**
   * Appends a follow-up notification (Art. 33(4)); only after the first notification.
   */
  breach_follow_up: { args: { id: number; at: string; text: string }; result: null };
  link_breach_contact: { args: { id: number; contactId: number }; result: null };
  unlink_breach_contact: { args: { id: number; contactId: number }; result: null };
  /**
   * Closes a breach once the AP decision is made (its retention period starts).
   */
  close_breach: { args: { id: number }; result: null };
  /**
   * "Laptop or backup medium lost or stolen": a new breach pre-filled from the vault, its
   * contacts, fields and backups, with the Art. 34(3)(a) explanation; nothing is stored.
   */
  lost_device_draft: { args: { language: Language }; result: LostDeviceDraft };
  /**
   * Writes the breach report (PDF in `language`) to a file chosen in the save dialog; the
   * file written, null when the user cancelled. Audited.
   */
  save_breach_report: { args: { id: number; language: Language }; result: string | null };
};

export type Command = keyof Commands;
