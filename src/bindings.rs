//! The TypeScript types the UI shares with the core, generated with ts-rs into
//! `ui/src/bindings/`. `tests/bindings.rs` fails when the committed files are stale and
//! rewrites them with `UPDATE_BINDINGS=1`.

use ts_rs::TS;

use crate::app::breaches::{LostDeviceDraft, LostDeviceFacts};
use crate::app::bulk::{BulkList, BulkReport, LinkRef};
use crate::app::check::{CheckItem, CheckName, CheckReport};
use crate::app::erase::ErasurePreview;
use crate::app::import::{
    ColumnChoice, ColumnGuess, ImportChoice, Inspection, RowChoice, RowPreview,
};
use crate::app::overview::{
    Counts, DueRequest, FlaggedProcessor, OpenBreach, Overview, OverviewCount, Target,
};
use crate::app::privacy::ContactPrivacy;
use crate::app::restore::{RestoreReport, RestoreSecrets};
use crate::app::statement::SavedStatement;
use crate::app::subject_access::Written;
use crate::domain::backup::auto::{AutoBackup, BackupSettings, BackupStatus, BackupWarning};
use crate::domain::backup::restore::{RestoreCheck, UnreadableBackup, UnreadableReason};
use crate::domain::backup::{BackupInfo, Progress, Step};
use crate::domain::breaches::deadline::Deadline;
use crate::domain::breaches::{
    ApDecision, Breach, BreachEdit, BreachInput, Exception as BreachException, FollowUp,
    Nature as BreachNature, People as BreachPeople, Risk as BreachRisk, Status as BreachStatus,
};
use crate::domain::consent::objection::ObjectionReport;
use crate::domain::consent::{
    ConsentEvent, ConsentInput, ContactFlag, EventKind, Method, PurposeLink, Source,
};
use crate::domain::contacts::duplicates::{LikelyDuplicate, MatchReason};
use crate::domain::contacts::initial::InitialCount;
use crate::domain::contacts::model::{
    Contact, ContactDetail, ContactInput, ContactPage, ContactSummary, Interaction,
    InteractionChange, InteractionInput, InteractionKind, Relationship,
};
use crate::domain::contacts::undeliverable::UndeliverableAddress;
use crate::domain::controller::Controller;
use crate::domain::export::contacts::AddressBookFormat;
use crate::domain::fields::{FieldDef, FieldDefInput, FieldKind, FieldValue};
use crate::domain::import::run::{
    Format as ImportFormat, LineWarning, OnDuplicate, Report as ImportReport, RowNote, RowOutcome,
};
use crate::domain::import::unsubscribes::{
    UnsubscribeLayout, UnsubscribeReport, UnsubscribeWarning,
};
use crate::domain::register::processors::{
    AgreementFile, Flag as ProcessorFlag, Processor, ProcessorInput, PurposeRef, Safeguard, Service,
};
use crate::domain::register::purposes::{Basis, Purpose, PurposeInput, Requirement};
use crate::domain::requests::recipients::{NoticeAction, RecipientNotice};
use crate::domain::requests::{Delivery, IdentityMethod, Request, RequestFile, RequestKind};
use crate::domain::retention::documents::{DocumentKind, FiscalDocument};
use crate::domain::retention::purge::{LastPurge, PurgeItem, PurgeReport};
use crate::domain::retention::rules::{Action, Rule, RuleKey};
use crate::domain::retention::{DeletionLogEntry, ReviewItem};
use crate::domain::statement::privacy::StatementFormat;
use crate::domain::statement::versions::StatementVersion;
use crate::kernel::error::{ApiError, ErrorCode};
use crate::kernel::language::Language;
use crate::kernel::passphrase::Strength;
use crate::store::audit::{AuditCheck, AuditReport};
use crate::vault::settings::Settings;
use crate::vault::{Created, RotatedKey, VaultStatus};

/// Where the files live, relative to the repository root.
pub const DIR: &str = "ui/src/bindings";

fn file<T: TS + 'static>() -> Result<(String, String), ts_rs::ExportError> {
    Ok((format!("{}.ts", T::name()), T::export_to_string()?))
}

/// Every bindings file: (file name, contents).
pub fn files() -> Result<Vec<(String, String)>, ts_rs::ExportError> {
    Ok(vec![
        file::<Action>()?,
        file::<ApiError>()?,
        file::<AuditReport>()?,
        file::<CheckItem>()?,
        file::<CheckName>()?,
        file::<CheckReport>()?,
        file::<AutoBackup>()?,
        file::<BackupInfo>()?,
        file::<RestoreCheck>()?,
        file::<RestoreSecrets>()?,
        file::<UnreadableBackup>()?,
        file::<UnreadableReason>()?,
        file::<BackupSettings>()?,
        file::<BackupStatus>()?,
        file::<BackupWarning>()?,
        file::<Basis>()?,
        file::<ConsentEvent>()?,
        file::<ConsentInput>()?,
        file::<ContactFlag>()?,
        file::<ContactPrivacy>()?,
        file::<EventKind>()?,
        file::<FieldDef>()?,
        file::<FieldDefInput>()?,
        file::<FieldKind>()?,
        file::<FieldValue>()?,
        file::<FiscalDocument>()?,
        file::<Method>()?,
        file::<ObjectionReport>()?,
        file::<Purpose>()?,
        file::<PurposeInput>()?,
        file::<Progress>()?,
        file::<PurgeReport>()?,
        file::<PurposeLink>()?,
        file::<Source>()?,
        file::<Contact>()?,
        file::<ContactDetail>()?,
        file::<ContactInput>()?,
        file::<ContactPage>()?,
        file::<ContactSummary>()?,
        file::<LikelyDuplicate>()?,
        file::<MatchReason>()?,
        file::<Controller>()?,
        file::<Created>()?,
        file::<RotatedKey>()?,
        file::<DeletionLogEntry>()?,
        file::<DocumentKind>()?,
        file::<ErasurePreview>()?,
        file::<ErrorCode>()?,
        file::<Interaction>()?,
        file::<IdentityMethod>()?,
        file::<InteractionInput>()?,
        file::<InteractionChange>()?,
        file::<InteractionKind>()?,
        file::<PurgeItem>()?,
        file::<Language>()?,
        file::<Relationship>()?,
        file::<Request>()?,
        file::<RestoreReport>()?,
        file::<RequestFile>()?,
        file::<Delivery>()?,
        file::<RequestKind>()?,
        file::<ReviewItem>()?,
        file::<Rule>()?,
        file::<RuleKey>()?,
        file::<Settings>()?,
        file::<Strength>()?,
        file::<Step>()?,
        file::<VaultStatus>()?,
        file::<BulkList>()?,
        file::<BulkReport>()?,
        file::<LinkRef>()?,
        file::<InitialCount>()?,
        file::<Written>()?,
        file::<UndeliverableAddress>()?,
        file::<UnsubscribeReport>()?,
        file::<UnsubscribeLayout>()?,
        file::<UnsubscribeWarning>()?,
        // Moving in and out: the import wizard and the address-book export.
        file::<ImportChoice>()?,
        file::<ColumnChoice>()?,
        file::<RowChoice>()?,
        file::<Inspection>()?,
        file::<ColumnGuess>()?,
        file::<RowPreview>()?,
        file::<ImportFormat>()?,
        file::<OnDuplicate>()?,
        file::<RowNote>()?,
        file::<RowOutcome>()?,
        file::<LineWarning>()?,
        file::<ImportReport>()?,
        file::<AddressBookFormat>()?,
        // The privacy statement and the Art. 30 record.
        file::<Requirement>()?,
        file::<StatementFormat>()?,
        file::<StatementVersion>()?,
        file::<SavedStatement>()?,
        // The processor register and telling recipients (Art. 28, 19).
        file::<AgreementFile>()?,
        file::<Processor>()?,
        file::<ProcessorFlag>()?,
        file::<ProcessorInput>()?,
        file::<PurposeRef>()?,
        file::<Safeguard>()?,
        file::<Service>()?,
        file::<NoticeAction>()?,
        file::<RecipientNotice>()?,
        // The compliance overview.
        file::<Overview>()?,
        file::<Counts>()?,
        file::<OverviewCount>()?,
        file::<DueRequest>()?,
        file::<OpenBreach>()?,
        file::<FlaggedProcessor>()?,
        file::<Target>()?,
        file::<AuditCheck>()?,
        file::<LastPurge>()?,
        // The breach register and the lost-device helper.
        file::<Breach>()?,
        file::<BreachInput>()?,
        file::<BreachEdit>()?,
        file::<BreachNature>()?,
        file::<BreachRisk>()?,
        file::<BreachException>()?,
        file::<BreachPeople>()?,
        file::<BreachStatus>()?,
        file::<ApDecision>()?,
        file::<Deadline>()?,
        file::<FollowUp>()?,
        file::<LostDeviceFacts>()?,
        file::<LostDeviceDraft>()?,
    ])
}
