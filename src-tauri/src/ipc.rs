//! The IPC contract: every command the window can call, declared once, below. From this one
//! list come
//!
//! - the Tauri command adapters (each calls the function of the same name in `commands/`, so
//!   the compiler holds the declared argument and result types to the real ones),
//! - their registration with Tauri ([`handler`]),
//! - the permission list of the capability (`build.rs` reads the names from this file),
//! - the TypeScript map `ui/src/bindings/commands.ts` that `ui/src/lib/ipc.ts` calls through,
//!   and `docs/IPC.md` (both written by the tests in `ipc/contract.rs`, which fail when they
//!   are stale, when the capability or `ipc.ts` disagrees with this list).
//!
//! An entry is the command's signature as Tauri sees it. `app: AppHandle` and
//! `state: State<'_, AppState>` are handed in by Tauri; every other parameter is an argument the
//! window passes, under its camelCase name (`confirm_not_bsn` → `confirmNotBsn`). A result
//! `Res<T>` resolves to `T` or rejects with `ApiError`.
//!
//! Where it runs: `#[tauri::command(async)]` on a worker thread, which every command that
//! touches the database, the disk or the key derivation must use; plain `#[tauri::command]` on
//! the main thread (the window waits for it), for the few trivial ones only.
//!
//! Adding a command: write its function in `commands/<module>.rs`, declare it here, run
//! `UPDATE_BINDINGS=1 cargo test -p kluis-desktop --features kluis-desktop/custom-protocol ipc`,
//! grant `allow-<name>` in `capabilities/main.json` and call it from `ui/src/lib/ipc.ts`.

use kluis::app::breaches::LostDeviceDraft;
use kluis::app::bulk::{BulkList, BulkReport, LinkRef};
use kluis::app::check::CheckReport;
use kluis::app::erase::ErasurePreview;
use kluis::app::import::{ImportChoice, Inspection};
use kluis::app::overview::Overview;
use kluis::app::privacy::ContactPrivacy;
use kluis::app::restore::{RestoreReport, RestoreSecrets};
use kluis::app::statement::SavedStatement;
use kluis::app::subject_access::Written;
use kluis::domain::backup::auto::BackupStatus;
use kluis::domain::backup::restore::RestoreCheck;
use kluis::domain::breaches::{Breach, BreachEdit, BreachInput, People as BreachPeople};
use kluis::domain::consent::objection::ObjectionReport;
use kluis::domain::consent::{ConsentInput, ContactFlag, Method, Source};
use kluis::domain::contacts::duplicates::LikelyDuplicate;
use kluis::domain::contacts::initial::InitialCount;
use kluis::domain::contacts::{
    ContactDetail, ContactInput, ContactPage, InteractionChange, InteractionInput, Relationship,
};
use kluis::domain::controller::Controller;
use kluis::domain::export::contacts::AddressBookFormat;
use kluis::domain::fields::{FieldDef, FieldDefInput};
use kluis::domain::import::run::{Format, Report as ImportReport};
use kluis::domain::import::unsubscribes::UnsubscribeReport;
use kluis::domain::register::processors::{AgreementFile, Processor, ProcessorInput, Service};
use kluis::domain::register::purposes::{Basis, Purpose, PurposeInput};
use kluis::domain::requests::recipients::RecipientNotice;
use kluis::domain::requests::{IdentityMethod, Request, RequestKind};
use kluis::domain::retention::documents::{DocumentKind, FiscalDocument};
use kluis::domain::retention::purge::{PurgeItem, PurgeReport};
use kluis::domain::retention::rules::{Action, Rule, RuleKey};
use kluis::domain::retention::{DeletionLogEntry, ReviewItem};
use kluis::domain::statement::privacy::StatementFormat;
use kluis::domain::statement::versions::StatementVersion;
use kluis::kernel::language::Language;
use kluis::kernel::passphrase::Strength;
use kluis::vault::settings::Settings;
use kluis::vault::{Created, RotatedKey, VaultStatus};
use tauri::{AppHandle, State};

use crate::commands::Res;
use crate::state::AppState;

#[cfg(test)]
mod contract;

/// Expands the list into the adapters, [`handler`] and (in tests) the contract's description.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        #[tauri::command $(($mode:ident))?]
        fn $name:ident($($param:ident: $ty:ty),* $(,)?) $(-> $ret:ident $(<$($ret_arg:ty),+>)?)?
            in $module:ident;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command $(($mode))?]
            // The adapter takes what its command takes (export_subject_access: ten arguments).
            #[allow(clippy::too_many_arguments)]
            fn $name($($param: $ty),*) $(-> $ret $(<$($ret_arg),+>)?)? {
                crate::commands::$module::$name($($param),*)
            }
        )*

        /// Registers every command of the list with Tauri.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// The list as data, for the generated TypeScript and Markdown.
        #[cfg(test)]
        fn declared() -> Vec<contract::Command> {
            vec![$(contract::Command {
                name: stringify!($name),
                module: stringify!($module),
                on_main_thread: <[&str]>::is_empty(&[$(stringify!($mode)),*]),
                doc: &[$($doc),*],
                args: contract::args([$(ipc_arg!($param: $ty)),*]),
                result: contract::Ts::of::<answer!($($ret $([$($ret_arg),+])?)?)>(),
            }),*]
        }
    };
}

/// A parameter the window passes, as an argument; the ones Tauri hands in are none.
#[cfg(test)]
macro_rules! ipc_arg {
    (app: $ty:ty) => {
        None
    };
    (state: $ty:ty) => {
        None
    };
    ($param:ident: $ty:ty) => {
        Some(contract::Arg::of::<$ty>(stringify!($param)))
    };
}

/// What a call resolves to: `T` for `Res<T>`, `null` for no result.
#[cfg(test)]
macro_rules! answer {
    () => { () };
    (Res [$ok:ty]) => { $ok };
    ($ret:ident $([$($arg:ty),+])?) => { $ret $(<$($arg),+>)? };
}

commands! {
    // --- vault -------------------------------------------------------------------------

    /// Whether a vault exists in the folder, is unlocked and has its key remembered on this
    /// device; a restore a crash interrupted is finished first. Works while locked.
    #[tauri::command(async)]
    fn vault_status(state: State<'_, AppState>) -> VaultStatus in vault;

    /// Counts "kluis", the vault folder's name and, once unlocked, the business name as
    /// guessable (the core supplies them, not the window).
    #[tauri::command]
    fn passphrase_strength(state: State<'_, AppState>, passphrase: String) -> Strength in vault;

    /// The recovery key, shown once (`remembered` false when the OS secret store was not
    /// reachable); the vault is left unlocked.
    #[tauri::command(async)]
    fn create_vault(state: State<'_, AppState>, passphrase: String, remember: bool) -> Res<Created>
        in vault;

    /// What the retention purge did when the vault opened, null when it did not run (for the
    /// start-up notice; `stopped: "confirm"` asks the user to confirm a mass deletion with
    /// `purge_now`).
    #[tauri::command(async)]
    fn unlock(app: AppHandle, state: State<'_, AppState>, passphrase: String)
        -> Res<Option<PurgeReport>> in vault;

    /// As `unlock`, with the key remembered on this device.
    #[tauri::command(async)]
    fn unlock_remembered(app: AppHandle, state: State<'_, AppState>) -> Res<Option<PurgeReport>>
        in vault;

    /// As `unlock`; sets the new passphrase and leaves the vault unlocked.
    #[tauri::command(async)]
    fn unlock_with_recovery(
        app: AppHandle,
        state: State<'_, AppState>,
        recovery_key: String,
        new_passphrase: String,
    ) -> Res<Option<PurgeReport>> in vault;

    /// Backs up what changed first (see the automatic backups below).
    #[tauri::command(async)]
    fn lock(app: AppHandle, state: State<'_, AppState>) -> Res<()> in vault;

    /// Closes the app like the window's close button (the exit backup runs first).
    #[tauri::command]
    fn quit(app: AppHandle) in vault;

    /// User activity: resets the idle timer; does nothing while locked.
    #[tauri::command]
    fn touch(state: State<'_, AppState>) in vault;

    /// Copies the recovery key to the clipboard; it is wiped after 30 seconds, at a lock or when
    /// the app closes, whichever comes first.
    #[tauri::command(async)]
    fn copy_sensitive(app: AppHandle, state: State<'_, AppState>, text: String) -> Res<()> in vault;

    #[tauri::command(async)]
    fn change_passphrase(state: State<'_, AppState>, current: String, next: String) -> Res<()>
        in vault;

    /// The new recovery key, shown once; new data key and passphrase, remembered keys
    /// forgotten. Old backups keep their own key.
    #[tauri::command(async)]
    fn rotate_key(state: State<'_, AppState>, current: String, next: String) -> Res<RotatedKey>
        in vault;

    #[tauri::command(async)]
    fn remember_device(state: State<'_, AppState>) -> Res<()> in vault;

    #[tauri::command(async)]
    fn forget_device(state: State<'_, AppState>) -> Res<()> in vault;

    /// SQLCipher's cipher_integrity_check, integrity_check, foreign_key_check and the audit
    /// chain; `ok` false when any failed (the details name pages and tables, no values).
    #[tauri::command(async)]
    fn check_vault(state: State<'_, AppState>) -> Res<CheckReport> in vault;

    // --- contacts ----------------------------------------------------------------------

    /// Without a query by name (case-insensitive); with one, every word must match the start
    /// of a word in the name, e-mail, organisation or interaction text, by relevance.
    /// `limit` ≥ 1, `offset` ≥ 0; times are RFC 3339 UTC.
    #[tauri::command(async)]
    fn list_contacts(
        state: State<'_, AppState>,
        query: Option<String>,
        limit: i64,
        offset: i64,
    ) -> Res<ContactPage> in contacts;

    #[tauri::command(async)]
    fn get_contact(state: State<'_, AppState>, id: i64) -> Res<ContactDetail> in contacts;

    /// Existing contacts the input likely duplicates (same e-mail, same phone number, or same
    /// name at the same organisation), other than `except`; asked before saving a new contact.
    #[tauri::command(async)]
    fn likely_duplicates(state: State<'_, AppState>, input: ContactInput, except: Option<i64>)
        -> Res<Vec<LikelyDuplicate>> in contacts;

    /// The new id.
    #[tauri::command(async)]
    fn create_contact(state: State<'_, AppState>, input: ContactInput, confirm_not_bsn: bool)
        -> Res<i64> in contacts;

    /// Refused with `restricted` on a restricted contact.
    #[tauri::command(async)]
    fn update_contact(
        state: State<'_, AppState>,
        id: i64,
        input: ContactInput,
        confirm_not_bsn: bool,
    ) -> Res<()> in contacts;

    /// The new id.
    #[tauri::command(async)]
    fn add_interaction(
        state: State<'_, AppState>,
        contact_id: i64,
        input: InteractionInput,
        confirm_not_bsn: bool,
    ) -> Res<i64> in contacts;

    // --- settings ----------------------------------------------------------------------

    /// Works while locked: the unlock screen needs the language.
    #[tauri::command(async)]
    fn get_settings(state: State<'_, AppState>) -> Settings in settings;

    #[tauri::command(async)]
    fn set_settings(state: State<'_, AppState>, settings: Settings) -> Res<()> in settings;

    // --- processing register -----------------------------------------------------------

    /// The processing register, by name; the proposed data categories in `language`.
    #[tauri::command(async)]
    fn list_purposes(state: State<'_, AppState>, language: Language) -> Res<Vec<Purpose>> in register;

    /// The usual purposes of a small business, in `language`; not stored.
    #[tauri::command]
    fn purpose_proposals(language: Language) -> Vec<PurposeInput> in register;

    /// The new id; `invalid_input` (`name`) when the name is taken.
    #[tauri::command(async)]
    fn create_purpose(state: State<'_, AppState>, input: PurposeInput) -> Res<i64> in register;

    #[tauri::command(async)]
    fn update_purpose(state: State<'_, AppState>, id: i64, input: PurposeInput) -> Res<()>
        in register;

    #[tauri::command(async)]
    fn list_fields(state: State<'_, AppState>) -> Res<Vec<FieldDef>> in register;

    /// The new id.
    #[tauri::command(async)]
    fn define_field(state: State<'_, AppState>, input: FieldDefInput) -> Res<i64> in register;

    /// Contacts with no purpose, or a purpose whose basis is unknown (`purpose` null = no
    /// purpose at all).
    #[tauri::command(async)]
    fn triage_list(state: State<'_, AppState>) -> Res<Vec<ContactFlag>> in register;

    /// Consent purposes whose consent is missing, withdrawn or older than `months` (`since` =
    /// when given).
    #[tauri::command(async)]
    fn repermission_list(state: State<'_, AppState>, months: u32) -> Res<Vec<ContactFlag>>
        in register;

    /// Writes the mailing list of a purpose (CSV name,email) to a file chosen in the save
    /// dialog; the number of people in it, null when the user cancelled.
    #[tauri::command(async)]
    fn export_mailing_list(app: AppHandle, state: State<'_, AppState>, purpose_id: i64)
        -> Res<Option<usize>> in register;

    // --- processor register (Art. 28) and telling recipients (Art. 19) -----------------

    /// The processors, by name, with their flags (`no-agreement`, `review-overdue`) today.
    #[tauri::command(async)]
    fn list_processors(state: State<'_, AppState>) -> Res<Vec<Processor>> in processors;

    #[tauri::command(async)]
    fn get_processor(state: State<'_, AppState>, id: i64) -> Res<Processor> in processors;

    /// What a processor can do for the business, in the core's order.
    #[tauri::command]
    fn processor_services() -> Vec<Service> in processors;

    /// The new id; `invalid_input` (`name`) when the name is taken, (`safeguard`) when a
    /// transfer outside the EU/EEA has none.
    #[tauri::command(async)]
    fn create_processor(state: State<'_, AppState>, input: ProcessorInput) -> Res<i64>
        in processors;

    /// Without `dpa_sha256` the stored hash stays unless the reference changed.
    #[tauri::command(async)]
    fn update_processor(state: State<'_, AppState>, id: i64, input: ProcessorInput) -> Res<()>
        in processors;

    #[tauri::command(async)]
    fn remove_processor(state: State<'_, AppState>, id: i64) -> Res<()> in processors;

    /// Opens the dialog for the processing agreement's file and hashes it: its name and
    /// SHA-256 (the file is not stored), null when the user cancelled.
    #[tauri::command(async)]
    fn pick_processing_agreement(app: AppHandle, state: State<'_, AppState>)
        -> Res<Option<AgreementFile>> in processors;

    /// The recipients to tell of a request's rectification, erasure or restriction, told or
    /// not (the contact's own list, for a restriction without a request, is on its Privacy tab).
    #[tauri::command(async)]
    fn request_recipients(state: State<'_, AppState>, request_id: i64)
        -> Res<Vec<RecipientNotice>> in processors;

    /// Records the day (YYYY-MM-DD, not in the future) the recipient of a line was told.
    #[tauri::command(async)]
    fn recipient_told(state: State<'_, AppState>, notice_id: i64, on: String) -> Res<()>
        in processors;

    // --- privacy of one contact --------------------------------------------------------

    /// The Privacy tab: purpose links with basis and consent state, the consent ledger (oldest
    /// first, with texts), flexible field values (special-category values null unless
    /// `reveal`; revealing is audited).
    #[tauri::command(async)]
    fn contact_privacy(state: State<'_, AppState>, id: i64, reveal: bool) -> Res<ContactPrivacy>
        in privacy;

    /// `basis` null records the basis as unknown (triage); `restricted`, `suppressed` (direct
    /// marketing after an objection).
    #[tauri::command(async)]
    fn link_purpose(
        state: State<'_, AppState>,
        contact_id: i64,
        purpose_id: i64,
        basis: Option<Basis>,
        source: Source,
    ) -> Res<()> in privacy;

    #[tauri::command(async)]
    fn unlink_purpose(state: State<'_, AppState>, contact_id: i64, purpose_id: i64) -> Res<()>
        in privacy;

    /// The ledger row id; `input.text` is stored byte for byte; `restricted`, `suppressed`.
    #[tauri::command(async)]
    fn give_consent(state: State<'_, AppState>, contact_id: i64, input: ConsentInput) -> Res<i64>
        in privacy;

    /// The ledger row id; allowed on a restricted contact. `method`: how the person withdrew;
    /// `evidence`: an optional note on it.
    #[tauri::command(async)]
    fn withdraw_consent(
        state: State<'_, AppState>,
        contact_id: i64,
        purpose_id: i64,
        method: Method,
        evidence: Option<String>,
    ) -> Res<i64> in privacy;

    /// An empty value clears the field; special-category fields need a current consent for
    /// the field's purpose (`invalid_input`, field `value`).
    #[tauri::command(async)]
    fn set_field(
        state: State<'_, AppState>,
        contact_id: i64,
        field_id: i64,
        value: String,
        confirm_not_bsn: bool,
    ) -> Res<()> in privacy;

    #[tauri::command(async)]
    fn restrict_contact(state: State<'_, AppState>, id: i64, reason: String) -> Res<()>
        in privacy;

    #[tauri::command(async)]
    fn unrestrict_contact(state: State<'_, AppState>, id: i64) -> Res<()> in privacy;

    /// An objection to direct marketing.
    #[tauri::command(async)]
    fn object_contact(state: State<'_, AppState>, id: i64) -> Res<ObjectionReport> in privacy;

    // --- retention ---------------------------------------------------------------------

    /// The rules, with category and legal note in `language`.
    #[tauri::command(async)]
    fn retention_rules(state: State<'_, AppState>, language: Language) -> Res<Vec<Rule>>
        in retention;

    /// `period` like `24m`, `4w`, `7y`, `30d`; fiscal records at least 7 years.
    #[tauri::command(async)]
    fn set_retention_rule(
        state: State<'_, AppState>,
        key: RuleKey,
        period: String,
        action: Action,
    ) -> Res<()> in retention;

    /// The dry run: everything due now, by rule. Changes nothing.
    #[tauri::command(async)]
    fn purge_plan(state: State<'_, AppState>) -> Res<Vec<PurgeItem>> in retention;

    /// Runs the purge now; `confirm` agrees to a mass deletion (else `stopped: "confirm"`).
    #[tauri::command(async)]
    fn purge_now(state: State<'_, AppState>, confirm: bool) -> Res<PurgeReport> in retention;

    /// The review queue, kept items included (with `kept_until`).
    #[tauri::command(async)]
    fn review_queue(state: State<'_, AppState>) -> Res<Vec<ReviewItem>> in retention;

    /// `until` is a calendar date (YYYY-MM-DD) in the future.
    #[tauri::command(async)]
    fn review_keep(state: State<'_, AppState>, id: i64, reason: String, until: String)
        -> Res<()> in retention;

    /// Refused with `restricted` until the restriction is lifted.
    #[tauri::command(async)]
    fn review_delete(state: State<'_, AppState>, id: i64) -> Res<()> in retention;

    /// Newest first.
    #[tauri::command(async)]
    fn deletion_log(state: State<'_, AppState>) -> Res<Vec<DeletionLogEntry>> in retention;

    /// The written retention policy (Markdown).
    #[tauri::command(async)]
    fn retention_policy(state: State<'_, AppState>, language: Language) -> Res<String>
        in retention;

    /// Writes the retention policy (a PDF when `pdf`, else Markdown) to a file chosen in the
    /// save dialog; the file written, null when the user cancelled.
    #[tauri::command(async)]
    fn save_retention_policy(
        app: AppHandle,
        state: State<'_, AppState>,
        language: Language,
        pdf: bool,
    ) -> Res<Option<String>> in retention;

    /// Writes the deletion log as CSV to a file chosen in the save dialog; the file written,
    /// null when the user cancelled.
    #[tauri::command(async)]
    fn save_deletion_log(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>>
        in retention;

    #[tauri::command(async)]
    fn list_documents(state: State<'_, AppState>, contact_id: i64) -> Res<Vec<FiscalDocument>>
        in retention;

    /// The new id; `date` YYYY-MM-DD, `amount` in euros exactly as typed ("1.250,50").
    /// `bsn_suspected` when the number looks like a BSN, until `confirm_not_bsn`.
    #[tauri::command(async)]
    fn add_document(
        state: State<'_, AppState>,
        contact_id: i64,
        kind: DocumentKind,
        number: String,
        date: String,
        amount: String,
        confirm_not_bsn: bool,
    ) -> Res<i64> in retention;

    // --- data-subject requests ---------------------------------------------------------

    /// Open ones first, by deadline (`overdue`, `due_soon` for the home screen).
    #[tauri::command(async)]
    fn list_requests(state: State<'_, AppState>) -> Res<Vec<Request>> in requests;

    /// The request with its `due` date (one month, next working day); `received` YYYY-MM-DD,
    /// not in the future.
    #[tauri::command(async)]
    fn add_request(
        state: State<'_, AppState>,
        contact_id: i64,
        kind: RequestKind,
        received: String,
    ) -> Res<Request> in requests;

    /// Once per request; `notified` (YYYY-MM-DD) within the first month.
    #[tauri::command(async)]
    fn extend_request(state: State<'_, AppState>, id: i64, reason: String, notified: String)
        -> Res<()> in requests;

    /// How the identity was checked: the method only, never a copy of a document.
    #[tauri::command(async)]
    fn record_identity(
        state: State<'_, AppState>,
        id: i64,
        method: IdentityMethod,
        note: Option<String>,
    ) -> Res<()> in requests;

    #[tauri::command(async)]
    fn close_request(state: State<'_, AppState>, id: i64, outcome: String) -> Res<()>
        in requests;

    /// Writes the subject-access PDF (and the portability ZIP when `portability`) to files
    /// chosen in save dialogs; where each was saved and its SHA-256 (recorded on the request
    /// and in the audit trail); null when the user cancelled a dialog (nothing written).
    /// `protect`: both encrypted with a one-time password, returned once and never kept;
    /// `redactInteractions`: interaction ids withheld as concerning someone else; `sendTo`:
    /// the address the answer goes to, recorded on the request.
    #[tauri::command(async)]
    fn export_subject_access(
        app: AppHandle,
        state: State<'_, AppState>,
        contact_id: i64,
        request_id: Option<i64>,
        language: Language,
        portability: bool,
        include_special: bool,
        protect: bool,
        redact_interactions: Vec<i64>,
        send_to: Option<String>,
    ) -> Res<Option<Written>> in requests;

    /// What erasing the contact removes and what the legal hold keeps. Changes nothing.
    #[tauri::command(async)]
    fn erasure_preview(state: State<'_, AppState>, id: i64) -> Res<ErasurePreview> in requests;

    /// Erases the contact (restricted ones too); `requestId` links it to an erasure request.
    #[tauri::command(async)]
    fn erase_contact(
        state: State<'_, AppState>,
        id: i64,
        request_id: Option<i64>,
        keep_organisation: bool,
    ) -> Res<ErasurePreview> in requests;

    /// The business details printed on documents: name, address, KvK, privacy contact.
    #[tauri::command(async)]
    fn get_controller(state: State<'_, AppState>) -> Res<Controller> in requests;

    #[tauri::command(async)]
    fn set_controller(state: State<'_, AppState>, controller: Controller) -> Res<()>
        in requests;

    // --- backups -----------------------------------------------------------------------

    /// Folder, keep, every_hours, last backup, overdue.
    #[tauri::command(async)]
    fn backup_status(state: State<'_, AppState>) -> Res<BackupStatus> in backup;

    /// How many automatic backups to keep (1–365) and every how many hours (1–744); the
    /// folder stays as it is.
    #[tauri::command(async)]
    fn set_backup_settings(state: State<'_, AppState>, keep: u32, every_hours: u32) -> Res<()>
        in backup;

    /// Asks for the backup folder in the folder dialog and turns automatic backups on into it:
    /// the folder, null when the user cancelled (nothing changed).
    #[tauri::command(async)]
    fn choose_backup_folder(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>>
        in backup;

    /// Turns automatic backups off; the backups already made stay where they are.
    #[tauri::command(async)]
    fn stop_automatic_backups(state: State<'_, AppState>) -> Res<()> in backup;

    /// A backup into the backup folder now (`force`) or when due: the file written, null when
    /// none was due.
    #[tauri::command(async)]
    fn run_backup(app: AppHandle, state: State<'_, AppState>, force: bool) -> Res<Option<String>>
        in backup;

    /// A backup to a file chosen in the save dialog: the file written, null when the user
    /// cancelled.
    #[tauri::command(async)]
    fn backup_to(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>> in backup;

    /// Restores the newest automatic backup into a temporary folder and checks it; the live
    /// vault is not touched. Either the passphrase or the recovery key (the other null).
    #[tauri::command(async)]
    fn test_restore(
        app: AppHandle,
        state: State<'_, AppState>,
        passphrase: Option<String>,
        recovery_key: Option<String>,
    ) -> Res<RestoreReport> in backup;

    /// Asks for a backup file in the open dialog, for `verify_backup` and `restore_backup`;
    /// the file chosen, null when the user cancelled (an earlier choice stays). Works while
    /// locked.
    #[tauri::command(async)]
    fn pick_backup(app: AppHandle, state: State<'_, AppState>) -> Option<String> in backup;

    /// Checks the chosen backup file whole and says what restoring it would need: a backup of
    /// another vault (`otherVault`), newer backups of its vault in the same folder that no
    /// secret given opens (`unreadableNewer`: file, made, reason). Changes nothing; works while
    /// locked (over a locked vault with its current secret).
    #[tauri::command(async)]
    fn verify_backup(app: AppHandle, state: State<'_, AppState>, secrets: RestoreSecrets)
        -> Res<RestoreCheck> in backup;

    /// Restores the chosen backup file as the vault; works while locked (the first-run
    /// "restore a backup"). Over a locked vault `secrets` holds its current secret (passphrase,
    /// recovery key or the remembered key); an unlocked session counts as it. Another vault's
    /// backup needs `confirmOtherVault`, a newer backup no secret opens
    /// `acceptUnreadableNewer` (else `invalid_input`, field `other_vault` / `newer_backup`).
    /// Locks the vault, which must be unlocked again.
    #[tauri::command(async)]
    fn restore_backup(
        app: AppHandle,
        state: State<'_, AppState>,
        secrets: RestoreSecrets,
        confirm_other_vault: bool,
        accept_unreadable_newer: bool,
    ) -> Res<RestoreReport> in backup;

    // --- rectification (Art. 16) -------------------------------------------------------

    /// Corrects an interaction: the fields of `change` given replace the stored ones, checked
    /// as when adding; `restricted`, `bsn_suspected` (a changed text), `invalid_input`.
    #[tauri::command(async)]
    fn edit_interaction(
        state: State<'_, AppState>,
        id: i64,
        change: InteractionChange,
        confirm_not_bsn: bool,
    ) -> Res<()> in contacts;

    /// Deletes an interaction; it stays deleted when an older backup is restored.
    /// `restricted`.
    #[tauri::command(async)]
    fn delete_interaction(state: State<'_, AppState>, id: i64) -> Res<()> in contacts;

    /// Appends a correction of fiscal record `id` (the original stays, unaltered, under its
    /// hold, marked corrected); the correction's id. `restricted`, `bsn_suspected`,
    /// `invalid_input`.
    #[tauri::command(async)]
    fn correct_document(
        state: State<'_, AppState>,
        id: i64,
        kind: DocumentKind,
        number: String,
        date: String,
        amount: String,
        confirm_not_bsn: bool,
    ) -> Res<i64> in retention;

    /// Deletes a fiscal record whose legal hold has ended; `legal_hold` (with the date) while
    /// it lasts, `restricted`.
    #[tauri::command(async)]
    fn delete_document(state: State<'_, AppState>, id: i64) -> Res<()> in retention;
    /// Links the contacts to a purpose on its own basis, in one transaction (an unknown id
    /// changes nothing). A consent-based purpose is refused (`invalid_input`, field
    /// `purpose`): consent is recorded per person. Restricted contacts are skipped and listed.
    #[tauri::command(async)]
    fn bulk_link(state: State<'_, AppState>, contact_ids: Vec<i64>, purpose_id: i64)
        -> Res<BulkReport> in bulk;

    /// Keeps the review items until `until` (YYYY-MM-DD, in the future) with one reason.
    #[tauri::command(async)]
    fn bulk_review_keep(state: State<'_, AppState>, ids: Vec<i64>, reason: String, until: String)
        -> Res<BulkReport> in bulk;

    /// Deletes the data of the review items; restricted contacts are skipped. Stops with
    /// `stopped: "confirm"` (nothing deleted) at the purge's mass-deletion rule unless `confirm`.
    #[tauri::command(async)]
    fn bulk_review_delete(state: State<'_, AppState>, ids: Vec<i64>, confirm: bool)
        -> Res<BulkReport> in bulk;

    /// Deletes the contacts of the triage or re-permission list, as `bulk_review_delete`.
    #[tauri::command(async)]
    fn bulk_delete_contacts(
        state: State<'_, AppState>,
        list: BulkList,
        contact_ids: Vec<i64>,
        confirm: bool,
    ) -> Res<BulkReport> in bulk;

    /// Marks links of consent purposes for a re-permission run; restricted contacts skipped.
    #[tauri::command(async)]
    fn bulk_mark_repermission(state: State<'_, AppState>, links: Vec<LinkRef>)
        -> Res<BulkReport> in bulk;

    /// The purpose a new contact with this relationship is proposed a link to (a client: the
    /// contract-basis purpose), or null.
    #[tauri::command(async)]
    fn proposed_purpose(state: State<'_, AppState>, relationship: Relationship)
        -> Res<Option<Purpose>> in bulk;

    /// Creates a contact and, with `linkPurpose`, links it to that (non-consent) purpose in the
    /// same transaction; the new id.
    #[tauri::command(async)]
    fn add_contact(
        state: State<'_, AppState>,
        input: ContactInput,
        confirm_not_bsn: bool,
        link_purpose: Option<i64>,
    ) -> Res<i64> in bulk;

    /// How many contacts each initial has: "A"–"Z", then "#" for the other names.
    #[tauri::command(async)]
    fn contact_initials(state: State<'_, AppState>) -> Res<Vec<InitialCount>> in bulk;

    /// `list_contacts` of the contacts listed under `initial` ("A"–"Z" or "#"; null: all).
    #[tauri::command(async)]
    fn list_contacts_by_initial(
        state: State<'_, AppState>,
        query: Option<String>,
        initial: Option<String>,
        limit: i64,
        offset: i64,
    ) -> Res<ContactPage> in bulk;

    /// Copies text that is not secret (a file's fingerprint) to the clipboard, as it is: not
    /// wiped later, unlike `copy_sensitive`.
    #[tauri::command]
    fn copy_text(app: AppHandle, text: String) -> Res<()> in vault;

    // --- unsubscribes ------------------------------------------------------------------

    /// Asks for a newsletter tool's export of unsubscribes in the open dialog and reports what
    /// importing it into the purpose would do (nothing written); null when cancelled.
    #[tauri::command(async)]
    fn preview_unsubscribes(app: AppHandle, state: State<'_, AppState>, purpose_id: i64)
        -> Res<Option<UnsubscribeReport>> in unsubscribes;

    /// Imports the file previewed last: withdrawals for the purpose, bounced addresses marked
    /// undeliverable, unmatched addresses on the suppression list when asked.
    #[tauri::command(async)]
    fn import_unsubscribes(
        state: State<'_, AppState>,
        purpose_id: i64,
        suppress_unmatched: bool,
    ) -> Res<UnsubscribeReport> in unsubscribes;

    // --- moving in and out: the import wizard, the address-book export -----------------

    /// Asks for an address-book file (vCard or CSV) in the open dialog and keeps it for the
    /// wizard; its name, null when the user cancelled.
    #[tauri::command(async)]
    fn pick_import_file(app: AppHandle, state: State<'_, AppState>) -> Res<Option<String>>
        in import;

    /// What the chosen file holds, read as `format` (null: guessed) with the encoding,
    /// delimiter and column mapping of `choice`: the detected settings, each column with its
    /// automatic field and a sample, the first rows as they will be stored. Writes nothing; a
    /// bad file is `invalid_input` (field `file`) naming the line.
    #[tauri::command(async)]
    fn inspect_import(
        state: State<'_, AppState>,
        format: Option<Format>,
        choice: ImportChoice,
        language: Language,
    ) -> Res<Inspection> in import;

    /// The import as chosen, run and rolled back: the counts, warnings per line and the rows
    /// that need a decision (duplicates, BSN-like values, objected addresses).
    #[tauri::command(async)]
    fn preview_import(state: State<'_, AppState>, choice: ImportChoice, language: Language)
        -> Res<ImportReport> in import;

    /// Imports the chosen file as chosen, in one transaction, after an automatic backup for
    /// more than a handful of rows; progress as `import-progress` events. A consent or
    /// direct-marketing purpose is refused (`invalid_input`, field `purpose`).
    #[tauri::command(async)]
    fn run_import(
        app: AppHandle,
        state: State<'_, AppState>,
        choice: ImportChoice,
        language: Language,
    ) -> Res<ImportReport> in import;

    /// Removes every contact of an import while they are as imported; how many.
    #[tauri::command(async)]
    fn undo_import(state: State<'_, AppState>, id: i64) -> Res<i64> in import;

    /// The purposes a whole import may be linked to: neither consent nor direct marketing.
    #[tauri::command(async)]
    fn import_purposes(state: State<'_, AppState>, language: Language) -> Res<Vec<Purpose>>
        in import;

    /// Writes the address book (vCard 4.0 or CSV) to a file chosen in the save dialog: the
    /// contacts `search` finds (null: all), restricted ones only with `includeRestricted`;
    /// how many, null when the user cancelled. Audited.
    #[tauri::command(async)]
    fn export_address_book(
        app: AppHandle,
        state: State<'_, AppState>,
        format: AddressBookFormat,
        search: Option<String>,
        include_restricted: bool,
    ) -> Res<Option<usize>> in import;

    /// Writes the privacy statement made from the register (HTML, Markdown or PDF, in
    /// `language`) to a file chosen in the save dialog and records its version (a changed text
    /// gets the next one); the file and the version, null when the user cancelled.
    #[tauri::command(async)]
    fn save_privacy_statement(
        app: AppHandle,
        state: State<'_, AppState>,
        language: Language,
        format: StatementFormat,
    ) -> Res<Option<SavedStatement>> in statement;

    /// The versions of the privacy statement generated, newest first.
    #[tauri::command(async)]
    fn privacy_statement_versions(state: State<'_, AppState>) -> Res<Vec<StatementVersion>>
        in statement;

    /// Writes the record of processing activities (Art. 30; a PDF when `pdf`, else CSV) to a
    /// file chosen in the save dialog; the file written, null when the user cancelled. Audited.
    #[tauri::command(async)]
    fn save_register_record(
        app: AppHandle,
        state: State<'_, AppState>,
        language: Language,
        pdf: bool,
    ) -> Res<Option<String>> in statement;

    // --- overview ----------------------------------------------------------------------

    /// What needs attention at the vault's clock, each line with the place that fixes it:
    /// requests due or overdue, open breaches and their 72-hour clock, contacts without a
    /// lawful basis, re-permission, the review queue, processors, the last backup, the last
    /// audit-trail check and the last retention purge. Reads only.
    #[tauri::command(async)]
    fn compliance_overview(state: State<'_, AppState>) -> Res<Overview> in overview;

    // --- the breach register (Art. 33(5)) and its 72-hour clock -----------------------

    /// Every breach, open ones first, newest awareness first; each with its clock
    /// (`deadline`) computed at the app's now.
    #[tauri::command(async)]
    fn list_breaches(state: State<'_, AppState>) -> Res<Vec<Breach>> in breaches;

    /// One breach with its follow-ups, linked contact ids and its clock at the app's now.
    #[tauri::command(async)]
    fn get_breach(state: State<'_, AppState>, id: i64) -> Res<Breach> in breaches;

    /// Registers a breach (instants RFC 3339 or `31-03-2026 14:30` local time; became aware
    /// not in the future) and sets the fields of `details` given, in one transaction; the id.
    #[tauri::command(async)]
    fn add_breach(state: State<'_, AppState>, input: BreachInput, details: BreachEdit)
        -> Res<i64> in breaches;

    /// Sets the fields of `edit` given (not null); `invalid_input` when none is.
    #[tauri::command(async)]
    fn edit_breach(state: State<'_, AppState>, id: i64, edit: BreachEdit) -> Res<()> in breaches;

    /// The decision not to notify the AP, with the reason; refused once notified.
    #[tauri::command(async)]
    fn decide_breach_no_notify(state: State<'_, AppState>, id: i64, reason: String) -> Res<()>
        in breaches;

    /// The notification to the AP at `at`, with its case number; later than 72 hours after
    /// becoming aware it needs `lateReason` (`invalid_input`, field `late_reason`).
    #[tauri::command(async)]
    fn notify_breach(
        state: State<'_, AppState>,
        id: i64,
        at: String,
        case_number: Option<String>,
        late_reason: Option<String>,
    ) -> Res<()> in breaches;

    /// The people affected told (when, how), or the Art. 34(3) exception that applies.
    #[tauri::command(async)]
    fn inform_breach(state: State<'_, AppState>, id: i64, people: BreachPeople) -> Res<()>
        in breaches;

    /// Appends a follow-up notification (Art. 33(4)); only after the first notification.
    #[tauri::command(async)]
    fn breach_follow_up(state: State<'_, AppState>, id: i64, at: String, text: String)
        -> Res<()> in breaches;

    #[tauri::command(async)]
    fn link_breach_contact(state: State<'_, AppState>, id: i64, contact_id: i64) -> Res<()>
        in breaches;

    #[tauri::command(async)]
    fn unlink_breach_contact(state: State<'_, AppState>, id: i64, contact_id: i64) -> Res<()>
        in breaches;

    /// Closes a breach once the AP decision is made (its retention period starts).
    #[tauri::command(async)]
    fn close_breach(state: State<'_, AppState>, id: i64) -> Res<()> in breaches;

    /// "Laptop or backup medium lost or stolen": a new breach pre-filled from the vault, its
    /// contacts, fields and backups, with the Art. 34(3)(a) explanation; nothing is stored.
    #[tauri::command(async)]
    fn lost_device_draft(state: State<'_, AppState>, language: Language) -> Res<LostDeviceDraft>
        in breaches;

    /// Writes the breach report (PDF in `language`) to a file chosen in the save dialog; the
    /// file written, null when the user cancelled. Audited.
    #[tauri::command(async)]
    fn save_breach_report(
        app: AppHandle,
        state: State<'_, AppState>,
        id: i64,
        language: Language,
    ) -> Res<Option<String>> in breaches;
}
