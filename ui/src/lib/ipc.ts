// The one typed bridge between the UI and the Rust backend (see docs/IPC.md). Every call goes
// through the command map generated from src-tauri/src/ipc.rs (../bindings/commands.ts).
// Nothing else in the UI calls `invoke` or `listen` directly. The UI never chooses a path: the
// commands that write or read a file open the save or open dialog in the backend and resolve to
// null when the user cancelled it.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

import type { Action } from "../bindings/Action";
import type { AutoBackup } from "../bindings/AutoBackup";
import type { ApiError } from "../bindings/ApiError";
import type { BackupStatus } from "../bindings/BackupStatus";
import type { Breach } from "../bindings/Breach";
import type { BreachEdit } from "../bindings/BreachEdit";
import type { BreachInput } from "../bindings/BreachInput";
import type { BreachPeople } from "../bindings/BreachPeople";
import type { LostDeviceDraft } from "../bindings/LostDeviceDraft";
import type { BulkList } from "../bindings/BulkList";
import type { BulkReport } from "../bindings/BulkReport";
import type { CheckReport } from "../bindings/CheckReport";
import type { Command, Commands } from "../bindings/commands";
import type { Basis } from "../bindings/Basis";
import type { ConsentInput } from "../bindings/ConsentInput";
import type { ContactDetail } from "../bindings/ContactDetail";
import type { ContactFlag } from "../bindings/ContactFlag";
import type { ContactInput } from "../bindings/ContactInput";
import type { ContactPage } from "../bindings/ContactPage";
import type { ContactPrivacy } from "../bindings/ContactPrivacy";
import type { Controller } from "../bindings/Controller";
import type { Created } from "../bindings/Created";
import type { RotatedKey } from "../bindings/RotatedKey";
import type { LikelyDuplicate } from "../bindings/LikelyDuplicate";
import type { DeletionLogEntry } from "../bindings/DeletionLogEntry";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { ErasurePreview } from "../bindings/ErasurePreview";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { FieldDef } from "../bindings/FieldDef";
import type { FieldDefInput } from "../bindings/FieldDefInput";
import type { FiscalDocument } from "../bindings/FiscalDocument";
import type { IdentityMethod } from "../bindings/IdentityMethod";
import type { InteractionChange } from "../bindings/InteractionChange";
import type { InitialCount } from "../bindings/InitialCount";
import type { InteractionInput } from "../bindings/InteractionInput";
import type { Language } from "../bindings/Language";
import type { LinkRef } from "../bindings/LinkRef";
import type { Overview } from "../bindings/Overview";
import type { Method } from "../bindings/Method";
import type { ObjectionReport } from "../bindings/ObjectionReport";
import type { Progress } from "../bindings/Progress";
import type { PurgeItem } from "../bindings/PurgeItem";
import type { PurgeReport } from "../bindings/PurgeReport";
import type { AgreementFile } from "../bindings/AgreementFile";
import type { Processor } from "../bindings/Processor";
import type { ProcessorInput } from "../bindings/ProcessorInput";
import type { Purpose } from "../bindings/Purpose";
import type { RecipientNotice } from "../bindings/RecipientNotice";
import type { Service } from "../bindings/Service";
import type { PurposeInput } from "../bindings/PurposeInput";
import type { SavedStatement } from "../bindings/SavedStatement";
import type { StatementFormat } from "../bindings/StatementFormat";
import type { StatementVersion } from "../bindings/StatementVersion";
import type { Request } from "../bindings/Request";
import type { RestoreCheck } from "../bindings/RestoreCheck";
import type { RestoreReport } from "../bindings/RestoreReport";
import type { RestoreSecrets } from "../bindings/RestoreSecrets";
import type { RequestKind } from "../bindings/RequestKind";
import type { Relationship } from "../bindings/Relationship";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { Rule } from "../bindings/Rule";
import type { RuleKey } from "../bindings/RuleKey";
import type { Settings } from "../bindings/Settings";
import type { Source } from "../bindings/Source";
import type { Strength } from "../bindings/Strength";
import type { VaultStatus } from "../bindings/VaultStatus";
import type { UnsubscribeReport } from "../bindings/UnsubscribeReport";
import type { Written } from "../bindings/Written";
import type { AddressBookFormat } from "../bindings/AddressBookFormat";
import type { Format } from "../bindings/Format";
import type { ImportChoice } from "../bindings/ImportChoice";
import type { ImportReport } from "../bindings/ImportReport";
import type { Inspection } from "../bindings/Inspection";

const ERROR_CODES: readonly ErrorCode[] = [
  "wrong_passphrase",
  "wrong_recovery_key",
  "weak_passphrase",
  "invalid_input",
  "not_found",
  "integrity",
  "newer_schema",
  "keyring_unavailable",
  "vault_exists",
  "no_vault",
  "locked",
  "restricted",
  "suppressed",
  "bsn_suspected",
  "internal",
  "legal_hold",
];

/** A failed backend call. `field` names the input field at fault, when known. */
export class IpcError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "IpcError";
    this.code = code;
    this.field = field;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything a command rejected with into an IpcError. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (isRecord(reason) && isErrorCode(reason.code)) {
    const message = typeof reason.message === "string" ? reason.message : "";
    const field = typeof reason.field === "string" ? reason.field : null;
    return new IpcError(reason.code, message, field);
  }
  if (reason instanceof Error) return new IpcError("internal", reason.message);
  if (typeof reason === "string") return new IpcError("internal", reason);
  return new IpcError("internal", "Unknown error");
}

export function isIpcError(value: unknown, code?: ErrorCode): value is IpcError {
  return value instanceof IpcError && (code === undefined || value.code === code);
}

/** What a command takes: nothing, or its arguments (keys and types from the generated map). */
type ArgsOf<K extends Command> = Commands[K]["args"] extends Record<string, never> ? [] : [args: Commands[K]["args"]];

/**
 * Calls a backend command by its name in the generated map: a wrong name, a missing or extra
 * argument or a wrong type is a type error, and the result has the command's type.
 */
async function call<K extends Command>(command: K, ...args: ArgsOf<K>): Promise<Commands[K]["result"]> {
  const [payload] = args;
  try {
    return payload === undefined
      ? await invoke<Commands[K]["result"]>(command)
      : await invoke<Commands[K]["result"]>(command, payload);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

// --- vault ---------------------------------------------------------------

export function vaultStatus(): Promise<VaultStatus> {
  return call("vault_status");
}

export function passphraseStrength(passphrase: string): Promise<Strength> {
  return call("passphrase_strength", { passphrase });
}

export function createVault(passphrase: string, remember: boolean): Promise<Created> {
  return call("create_vault", { passphrase, remember });
}

// The unlock commands resolve to what the retention purge did when the vault opened
// (null when it did not run), for the start-up notice.

export function unlock(passphrase: string): Promise<PurgeReport | null> {
  return call("unlock", { passphrase });
}

export function unlockRemembered(): Promise<PurgeReport | null> {
  return call("unlock_remembered");
}

/** Sets the new passphrase and leaves the vault unlocked. */
export function unlockWithRecovery(recoveryKey: string, newPassphrase: string): Promise<PurgeReport | null> {
  return call("unlock_with_recovery", { recoveryKey, newPassphrase });
}

export function lock(): Promise<null> {
  return call("lock");
}

/**
 * Copies the recovery key to the clipboard. The backend wipes it after 30 seconds, at a lock or
 * when the app closes (a timer in the window would die with it).
 */
export function copySensitive(text: string): Promise<null> {
  return call("copy_sensitive", { text });
}

/** Closes the app, like the window's close button; the backend backs up what changed first. */
export function quit(): Promise<null> {
  return call("quit");
}

/** Reports user activity; resets the backend's idle timer. */
export function touch(): Promise<null> {
  return call("touch");
}

export function changePassphrase(current: string, next: string): Promise<null> {
  return call("change_passphrase", { current, next });
}

/**
 * New data key, new passphrase `next` and a new recovery key (the resolved string, to be shown
 * once); keys remembered on this device are forgotten. Old backups keep their own key.
 */
export function rotateKey(current: string, next: string): Promise<RotatedKey> {
  return call("rotate_key", { current, next });
}

export function rememberDevice(): Promise<null> {
  return call("remember_device");
}

export function forgetDevice(): Promise<null> {
  return call("forget_device");
}

/** Every integrity check of the unlocked vault; changes nothing. */
export function checkVault(): Promise<CheckReport> {
  return call("check_vault");
}

// --- contacts ------------------------------------------------------------

export function listContacts(
  query: string | null,
  limit: number,
  offset: number,
): Promise<ContactPage> {
  return call("list_contacts", { query, limit, offset });
}

export function getContact(id: number): Promise<ContactDetail> {
  return call("get_contact", { id });
}

// `confirmNotBsn`: call with false first; after a `bsn_suspected` error and the user's
// confirmation that the number is not a BSN, repeat the call with true.

/** Existing contacts the input likely duplicates, and why (the match is the backend's rule). */
export function likelyDuplicates(input: ContactInput, except: number | null = null): Promise<LikelyDuplicate[]> {
  return call("likely_duplicates", { input, except });
}

export function createContact(input: ContactInput, confirmNotBsn: boolean): Promise<number> {
  return call("create_contact", { input, confirmNotBsn });
}

/** Refused with `restricted` while processing of the contact is restricted. */
export function updateContact(id: number, input: ContactInput, confirmNotBsn: boolean): Promise<null> {
  return call("update_contact", { id, input, confirmNotBsn });
}

export function addInteraction(
  contactId: number,
  input: InteractionInput,
  confirmNotBsn: boolean,
): Promise<number> {
  return call("add_interaction", { contactId, input, confirmNotBsn });
}

// --- privacy of one contact ------------------------------------------------

/** The Privacy tab; `reveal` returns special-category values too (the backend audits that). */
export function contactPrivacy(id: number, reveal: boolean): Promise<ContactPrivacy> {
  return call("contact_privacy", { id, reveal });
}

/** `basis` null records the basis as unknown (the contact then waits in the triage list). */
export function linkPurpose(
  contactId: number,
  purposeId: number,
  basis: Basis | null,
  source: Source,
): Promise<null> {
  return call("link_purpose", { contactId, purposeId, basis, source });
}

export function unlinkPurpose(contactId: number, purposeId: number): Promise<null> {
  return call("unlink_purpose", { contactId, purposeId });
}

/** Records consent; `input.text` is stored byte for byte, so pass it exactly as given. */
export function giveConsent(contactId: number, input: ConsentInput): Promise<number> {
  return call("give_consent", { contactId, input });
}

/** Allowed on a restricted contact too. */
export function withdrawConsent(
  contactId: number,
  purposeId: number,
  method: Method,
  evidence: string | null = null,
): Promise<number> {
  return call("withdraw_consent", { contactId, purposeId, method, evidence });
}

/** An empty value clears the field. */
export function setField(
  contactId: number,
  fieldId: number,
  value: string,
  confirmNotBsn: boolean,
): Promise<null> {
  return call("set_field", { contactId, fieldId, value, confirmNotBsn });
}

export function restrictContact(id: number, reason: string): Promise<null> {
  return call("restrict_contact", { id, reason });
}

export function unrestrictContact(id: number): Promise<null> {
  return call("unrestrict_contact", { id });
}

export function objectContact(id: number): Promise<ObjectionReport> {
  return call("object_contact", { id });
}

// --- processing register -------------------------------------------------

export function listPurposes(language: Language): Promise<Purpose[]> {
  return call("list_purposes", { language });
}

/** The usual purposes of a small business, in `language`; nothing is stored. */
export function purposeProposals(language: Language): Promise<PurposeInput[]> {
  return call("purpose_proposals", { language });
}

export function createPurpose(input: PurposeInput): Promise<number> {
  return call("create_purpose", { input });
}

export function updatePurpose(id: number, input: PurposeInput): Promise<null> {
  return call("update_purpose", { id, input });
}

export function listFields(): Promise<FieldDef[]> {
  return call("list_fields");
}

export function defineField(input: FieldDefInput): Promise<number> {
  return call("define_field", { input });
}

export function triageList(): Promise<ContactFlag[]> {
  return call("triage_list");
}

export function repermissionList(months: number): Promise<ContactFlag[]> {
  return call("repermission_list", { months });
}

// --- processor register (Art. 28) and telling recipients (Art. 19) -------

export function listProcessors(): Promise<Processor[]> {
  return call("list_processors");
}

export function getProcessor(id: number): Promise<Processor> {
  return call("get_processor", { id });
}

/** What a processor can do for the business, in the core's order. */
export function processorServices(): Promise<Service[]> {
  return call("processor_services");
}

export function createProcessor(input: ProcessorInput): Promise<number> {
  return call("create_processor", { input });
}

export function updateProcessor(id: number, input: ProcessorInput): Promise<null> {
  return call("update_processor", { id, input });
}

export function removeProcessor(id: number): Promise<null> {
  return call("remove_processor", { id });
}

/**
 * The backend opens the dialog for the processing agreement's file and hashes it: its name
 * and SHA-256 (the file is not stored), or null when the user cancelled.
 */
export function pickProcessingAgreement(): Promise<AgreementFile | null> {
  return call("pick_processing_agreement");
}

/** The recipients to tell of a request's rectification, erasure or restriction. */
export function requestRecipients(requestId: number): Promise<RecipientNotice[]> {
  return call("request_recipients", { requestId });
}

/** Records the day (YYYY-MM-DD) the recipient of a checklist line was told. */
export function recipientTold(noticeId: number, on: string): Promise<null> {
  return call("recipient_told", { noticeId, on });
}

/**
 * Writes the mailing list for a purpose as CSV to a file the user chooses in the save dialog;
 * resolves to the number of people, or null when the user cancelled.
 */
export function exportMailingList(purposeId: number): Promise<number | null> {
  return call("export_mailing_list", { purposeId });
}

// --- retention ---------------------------------------------------------------

/** The rules, with category and legal note in `language`. */
export function retentionRules(language: Language): Promise<Rule[]> {
  return call("retention_rules", { language });
}

/** `period` like "24m", "4w", "7y", "30d"; fiscal records at least 7 years. */
export function setRetentionRule(key: RuleKey, period: string, action: Action): Promise<null> {
  return call("set_retention_rule", { key, period, action });
}

/** The dry run: everything due now, by rule. Changes nothing. */
export function purgePlan(): Promise<PurgeItem[]> {
  return call("purge_plan");
}

/** Runs the purge; `confirm` agrees to a mass deletion (else the report says `stopped: "confirm"`). */
export function purgeNow(confirm: boolean): Promise<PurgeReport> {
  return call("purge_now", { confirm });
}

/** The review queue, kept items included. */
export function reviewQueue(): Promise<ReviewItem[]> {
  return call("review_queue");
}

/** `until` is a calendar date (YYYY-MM-DD) in the future. */
export function reviewKeep(id: number, reason: string, until: string): Promise<null> {
  return call("review_keep", { id, reason, until });
}

/** Refused with `restricted` until the restriction is lifted. */
export function reviewDelete(id: number): Promise<null> {
  return call("review_delete", { id });
}

/** Newest first. */
export function deletionLog(): Promise<DeletionLogEntry[]> {
  return call("deletion_log");
}

/** Writes the deletion log as CSV to a file chosen in the save dialog: the file, null when cancelled. */
export function saveDeletionLog(): Promise<string | null> {
  return call("save_deletion_log");
}

/** The written retention policy (Markdown). */
export function retentionPolicy(language: Language): Promise<string> {
  return call("retention_policy", { language });
}

/**
 * Writes the retention policy, as a PDF (`pdf`) or Markdown, to a file chosen in the save
 * dialog: the file, null when cancelled.
 */
export function saveRetentionPolicy(language: Language, pdf: boolean): Promise<string | null> {
  return call("save_retention_policy", { language, pdf });
}

// --- fiscal records ------------------------------------------------------------

export function listDocuments(contactId: number): Promise<FiscalDocument[]> {
  return call("list_documents", { contactId });
}

/** `date` YYYY-MM-DD; `amount` in euros exactly as typed ("1.250,50"). */
export function addDocument(
  contactId: number,
  kind: DocumentKind,
  number: string,
  date: string,
  amount: string,
  confirmNotBsn = false,
): Promise<number> {
  return call("add_document", { contactId, kind, number, date, amount, confirmNotBsn });
}

// --- data-subject requests ----------------------------------------------------

/** Open ones first, by deadline. */
export function listRequests(): Promise<Request[]> {
  return call("list_requests");
}

/** `received` YYYY-MM-DD (not in the future); resolves to the request with its deadline. */
export function addRequest(contactId: number, kind: RequestKind, received: string): Promise<Request> {
  return call("add_request", { contactId, kind, received });
}

/** Once per request; `notified` (YYYY-MM-DD) must lie within the first month. */
export function extendRequest(id: number, reason: string, notified: string): Promise<null> {
  return call("extend_request", { id, reason, notified });
}

/** Records how the identity was checked (the method only, never a copy of a document). */
export function recordIdentity(id: number, method: IdentityMethod, note: string | null): Promise<null> {
  return call("record_identity", { id, method, note });
}

export function closeRequest(id: number, outcome: string): Promise<null> {
  return call("close_request", { id, outcome });
}

export type SubjectAccessExport = {
  contactId: number;
  /** The request it answers; null for an export without a request. */
  requestId: number | null;
  /** The language of the PDF. */
  language: Language;
  /** Also the portability ZIP (a second save dialog). */
  portability: boolean;
  /** Special-category data in the ZIP too (the PDF always holds everything). */
  includeSpecial: boolean;
  /** A protected copy: both files encrypted with a one-time password, returned once. */
  protect: boolean;
  /** Interactions withheld as concerning someone else (Art. 15(4)), by id. */
  redactInteractions: number[];
  /** The e-mail address the answer goes to, recorded on the request; null: not recorded. */
  sendTo: string | null;
};

/**
 * Writes the subject-access PDF (and the portability ZIP) to files the user chooses in save
 * dialogs; resolves to their SHA-256 fingerprints, which the backend also records on the
 * request and in the audit trail, or null when the user cancelled (nothing was written).
 */
export function exportSubjectAccess(options: SubjectAccessExport): Promise<Written | null> {
  const { contactId, requestId, language, portability, includeSpecial, protect, redactInteractions, sendTo } = options;
  return call("export_subject_access", {
    contactId,
    requestId,
    language,
    portability,
    includeSpecial,
    protect,
    redactInteractions,
    sendTo,
  });
}

/** What erasing the contact removes and what the legal hold keeps. Changes nothing. */
export function erasurePreview(id: number): Promise<ErasurePreview> {
  return call("erasure_preview", { id });
}

/** Erases the contact (restricted ones too); `requestId` links it to an erasure request. */
export function eraseContact(
  id: number,
  requestId: number | null,
  keepOrganisation: boolean,
): Promise<ErasurePreview> {
  return call("erase_contact", { id, requestId, keepOrganisation });
}

// --- the business (controller) -------------------------------------------------

/** The business details printed on documents. */
export function getController(): Promise<Controller> {
  return call("get_controller");
}

export function setController(controller: Controller): Promise<null> {
  return call("set_controller", { controller });
}

// --- backups -------------------------------------------------------------------

export function backupStatus(): Promise<BackupStatus> {
  return call("backup_status");
}

/** How many automatic backups to keep and every how many hours; the folder stays as it is. */
export function setBackupSettings(keep: number, everyHours: number): Promise<null> {
  return call("set_backup_settings", { keep, everyHours });
}

/**
 * Asks for the backup folder in the folder dialog and turns automatic backups on into it:
 * the folder, or null when the user cancelled (nothing changed).
 */
export function chooseBackupFolder(): Promise<string | null> {
  return call("choose_backup_folder");
}

/** Turns automatic backups off; the backups already made stay. */
export function stopAutomaticBackups(): Promise<null> {
  return call("stop_automatic_backups");
}

/** Resolves to the file written into the backup folder; null when none was due. */
export function runBackup(force: boolean): Promise<string | null> {
  return call("run_backup", { force });
}

/** Writes a backup to a file chosen in the save dialog: the file, null when cancelled. */
export function backupTo(): Promise<string | null> {
  return call("backup_to");
}

/**
 * Restores the newest backup into a temporary folder; the live vault is not touched.
 * Pass either the passphrase or the recovery key (the other null).
 */
export function testRestore(passphrase: string | null, recoveryKey: string | null): Promise<RestoreReport> {
  return call("test_restore", { passphrase, recoveryKey });
}

/**
 * Asks for a backup file in the open dialog; the backend keeps it for `verifyBackup` and
 * `restoreBackup`. Resolves to the file chosen, or null when the user cancelled (an earlier
 * choice stays). Works while locked.
 */
export function pickBackup(): Promise<string | null> {
  return call("pick_backup");
}

/**
 * Checks the chosen backup file whole and resolves to what restoring it would need: the user's
 * confirmation for another vault's backup (`other_vault`), and for each newer backup of its
 * vault that no secret given opens (`unreadable_newer`) its passphrase or the user's
 * acceptance. Changes nothing. Over a locked vault `secrets` must hold its current secret.
 */
export function verifyBackup(secrets: RestoreSecrets): Promise<RestoreCheck> {
  return call("verify_backup", { secrets });
}

/**
 * Restores the chosen backup file as the vault; works while locked and leaves the vault locked.
 * Over a locked vault `secrets` holds its current secret (an unlocked session counts as it).
 * The backend refuses another vault's backup without `confirmOtherVault` and a restore past an
 * unreadable newer backup without `acceptUnreadableNewer` (`invalid_input`, field
 * `other_vault` / `newer_backup`).
 */
export function restoreBackup(
  secrets: RestoreSecrets,
  confirmOtherVault: boolean,
  acceptUnreadableNewer: boolean,
): Promise<RestoreReport> {
  return call("restore_backup", { secrets, confirmOtherVault, acceptUnreadableNewer });
}

// --- settings ------------------------------------------------------------

export function getSettings(): Promise<Settings> {
  return call("get_settings");
}

export function setSettings(settings: Settings): Promise<null> {
  return call("set_settings", { settings });
}

// --- bulk actions, the proposed link, the list by initial -------------------
// Each bulk action is one transaction in the backend: an unknown id changes nothing.
// Restricted contacts are skipped and listed in the report (`skipped_restricted`).

/** Refused with `invalid_input` (field `purpose`) for a consent-based purpose. */
export function bulkLink(contactIds: number[], purposeId: number): Promise<BulkReport> {
  return call("bulk_link", { contactIds, purposeId });
}

export function bulkReviewKeep(ids: number[], reason: string, until: string): Promise<BulkReport> {
  return call("bulk_review_keep", { ids, reason, until });
}

/** `stopped: "confirm"`: too many at once for the purge's rule; ask, then repeat with `confirm`. */
export function bulkReviewDelete(ids: number[], confirm: boolean): Promise<BulkReport> {
  return call("bulk_review_delete", { ids, confirm });
}

export function bulkDeleteContacts(list: BulkList, contactIds: number[], confirm: boolean): Promise<BulkReport> {
  return call("bulk_delete_contacts", { list, contactIds, confirm });
}

export function bulkMarkRepermission(links: LinkRef[]): Promise<BulkReport> {
  return call("bulk_mark_repermission", { links });
}

/** The purpose the backend proposes for a new contact with this relationship, or null. */
export function proposedPurpose(relationship: Relationship): Promise<Purpose | null> {
  return call("proposed_purpose", { relationship });
}

/** Creates a contact and links it to `linkPurpose` in one go (both or neither). */
export function addContact(input: ContactInput, confirmNotBsn: boolean, linkPurpose: number | null): Promise<number> {
  return call("add_contact", { input, confirmNotBsn, linkPurpose });
}

export function contactInitials(): Promise<InitialCount[]> {
  return call("contact_initials");
}

/** `initial`: "A"–"Z" or "#" (names that start with no letter); null lists everyone. */
export function listContactsByInitial(
  query: string | null,
  initial: string | null,
  limit: number,
  offset: number,
): Promise<ContactPage> {
  return call("list_contacts_by_initial", { query, initial, limit, offset });
}

// --- events --------------------------------------------------------------

export const VAULT_LOCKED_EVENT = "vault-locked";

/**
 * Calls `handler` whenever the backend locks the vault by itself (idle timer).
 * Resolves to a function that stops listening.
 */
export async function onVaultLocked(handler: () => void): Promise<() => void> {
  return listen(VAULT_LOCKED_EVENT, () => handler());
}

export const BACKUP_PROGRESS_EVENT = "backup-progress";

/**
 * Calls `handler` with the progress of every backup, verification and restore the backend
 * runs (asked for by the user or automatic). Resolves to a function that stops listening.
 */
export async function onBackupProgress(handler: (progress: Progress) => void): Promise<() => void> {
  return listen<Progress>(BACKUP_PROGRESS_EVENT, (event) => handler(event.payload));
}

export const AUTO_BACKUP_EVENT = "auto-backup";

/**
 * Calls `handler` when an automatic backup (after unlocking when one is due, or before an idle
 * lock) has finished or failed. Resolves to a function that stops listening.
 */
export async function onAutoBackup(handler: (outcome: AutoBackup) => void): Promise<() => void> {
  return listen<AutoBackup>(AUTO_BACKUP_EVENT, (event) => handler(event.payload));
}

// --- rectification (Art. 16) ----------------------------------------------

/** The fields of `change` given (not null) replace the interaction's; checked as when adding. */
export function editInteraction(id: number, change: InteractionChange, confirmNotBsn: boolean): Promise<null> {
  return call("edit_interaction", { id, change, confirmNotBsn });
}

/** Deletes an interaction for good (it stays deleted when an older backup is restored). */
export function deleteInteraction(id: number): Promise<null> {
  return call("delete_interaction", { id });
}

/** Appends a correction of fiscal record `id` (which stays, unaltered); the correction's id. */
export function correctDocument(
  id: number,
  kind: DocumentKind,
  number: string,
  date: string,
  amount: string,
  confirmNotBsn = false,
): Promise<number> {
  return call("correct_document", { id, kind, number, date, amount, confirmNotBsn });
}

/** Deletes a fiscal record whose legal hold has ended (`legal_hold` while it lasts). */
export function deleteDocument(id: number): Promise<null> {
  return call("delete_document", { id });
}

/** Copies text that is not secret (a file's fingerprint) to the clipboard; it is not wiped later. */
export function copyText(text: string): Promise<null> {
  return call("copy_text", { text });
}

export const IDLE_WARNING_EVENT = "idle-warning";

/**
 * Registers a handler for the backend's warning that the idle lock is near; the payload is
 * the whole seconds left. Resolves to a function that stops listening.
 */
export async function onIdleWarning(handler: (secondsLeft: number) => void): Promise<() => void> {
  return listen<number>(IDLE_WARNING_EVENT, (event) => handler(event.payload));
}

// --- unsubscribes ------------------------------------------------------------

/**
 * Asks for a newsletter tool's export of unsubscribes in the open dialog and reports what
 * importing it into the purpose would do (nothing is written); null when the user cancelled.
 */
export function previewUnsubscribes(purposeId: number): Promise<UnsubscribeReport | null> {
  return call("preview_unsubscribes", { purposeId });
}

/** Imports the file previewed last into the purpose; what it did. */
export function importUnsubscribes(purposeId: number, suppressUnmatched: boolean): Promise<UnsubscribeReport> {
  return call("import_unsubscribes", { purposeId, suppressUnmatched });
}

// --- moving in and out: the import wizard, the address-book export -----------

/** Opens the open dialog in the backend, which keeps the chosen file; its name, null when cancelled. */
export function pickImportFile(): Promise<string | null> {
  return call("pick_import_file");
}

/**
 * What the chosen file holds (format null: guessed by the backend), read with the encoding,
 * delimiter and column mapping of `choice`. Writes nothing.
 */
export function inspectImport(format: Format | null, choice: ImportChoice, language: Language): Promise<Inspection> {
  return call("inspect_import", { format, choice, language });
}

/** The import as chosen, run and rolled back in the backend: what it would do. */
export function previewImport(choice: ImportChoice, language: Language): Promise<ImportReport> {
  return call("preview_import", { choice, language });
}

/** Imports the chosen file; progress arrives as `import-progress` events. */
export function runImport(choice: ImportChoice, language: Language): Promise<ImportReport> {
  return call("run_import", { choice, language });
}

/** Removes the contacts of an import while they are as imported; how many. */
export function undoImport(id: number): Promise<number> {
  return call("undo_import", { id });
}

/** The purposes the backend allows for a whole import (never consent or direct marketing). */
export function importPurposes(language: Language): Promise<Purpose[]> {
  return call("import_purposes", { language });
}

/** Saves the address book where the save dialog says; how many contacts, null when cancelled. */
export function exportAddressBook(
  format: AddressBookFormat,
  search: string | null,
  includeRestricted: boolean,
): Promise<number | null> {
  return call("export_address_book", { format, search, includeRestricted });
}

export const IMPORT_PROGRESS_EVENT = "import-progress";

export type ImportProgress = { done: number; total: number };

/** Calls `handler` with the rows done of a running import. Resolves to a function that stops listening. */
export async function onImportProgress(handler: (progress: ImportProgress) => void): Promise<() => void> {
  return listen<ImportProgress>(IMPORT_PROGRESS_EVENT, (event) => handler(event.payload));
}

/**
 * Writes the privacy statement made from the register (HTML, Markdown or PDF) to a file chosen
 * in the save dialog and records its version: the file and the version, null when cancelled.
 */
export function savePrivacyStatement(
  language: Language,
  format: StatementFormat,
): Promise<SavedStatement | null> {
  return call("save_privacy_statement", { language, format });
}

/** The versions of the privacy statement generated, newest first. */
export function privacyStatementVersions(): Promise<StatementVersion[]> {
  return call("privacy_statement_versions");
}

/** Writes the Art. 30 record (PDF when `pdf`, else CSV) where the save dialog says; null when cancelled. */
export function saveRegisterRecord(language: Language, pdf: boolean): Promise<string | null> {
  return call("save_register_record", { language, pdf });
}

// --- overview ------------------------------------------------------------------

/** What needs attention at the vault's clock, each line with the place that fixes it. */
export function complianceOverview(): Promise<Overview> {
  return call("compliance_overview");
}

// --- the breach register (Art. 33(5)) and its 72-hour clock ---------------------

/** Every breach, open ones first; each with its clock computed by the core at the app's now. */
export function listBreaches(): Promise<Breach[]> {
  return call("list_breaches");
}

export function getBreach(id: number): Promise<Breach> {
  return call("get_breach", { id });
}

/** Registers a breach with the details given (null: not set); the new id. */
export function addBreach(input: BreachInput, details: BreachEdit): Promise<number> {
  return call("add_breach", { input, details });
}

/** Sets the fields of `edit` that are not null. */
export function editBreach(id: number, edit: BreachEdit): Promise<null> {
  return call("edit_breach", { id, edit });
}

export function decideBreachNoNotify(id: number, reason: string): Promise<null> {
  return call("decide_breach_no_notify", { id, reason });
}

export function notifyBreach(
  id: number,
  at: string,
  caseNumber: string | null,
  lateReason: string | null,
): Promise<null> {
  return call("notify_breach", { id, at, caseNumber, lateReason });
}

export function informBreach(id: number, people: BreachPeople): Promise<null> {
  return call("inform_breach", { id, people });
}

export function breachFollowUp(id: number, at: string, text: string): Promise<null> {
  return call("breach_follow_up", { id, at, text });
}

export function linkBreachContact(id: number, contactId: number): Promise<null> {
  return call("link_breach_contact", { id, contactId });
}

export function unlinkBreachContact(id: number, contactId: number): Promise<null> {
  return call("unlink_breach_contact", { id, contactId });
}

export function closeBreach(id: number): Promise<null> {
  return call("close_breach", { id });
}

/** The lost-device helper's pre-filled breach and its explanation; nothing is stored. */
export function lostDeviceDraft(language: Language): Promise<LostDeviceDraft> {
  return call("lost_device_draft", { language });
}

/** Saves the breach report (PDF) where the save dialog says; the file, null when cancelled. */
export function saveBreachReport(id: number, language: Language): Promise<string | null> {
  return call("save_breach_report", { id, language });
}
