//! The TypeScript types the UI shares with the core, generated with ts-rs into
//! `ui/src/bindings/`. `tests/bindings.rs` fails when the committed files are stale and
//! rewrites them with `UPDATE_BINDINGS=1`.

use ts_rs::TS;

use crate::audit::AuditReport;
use crate::backup::auto::{AutoBackup, BackupSettings, BackupStatus};
use crate::backup::restore::RestoreReport;
use crate::backup::{BackupInfo, Progress, Step};
use crate::consent::{
    ConsentEvent, ConsentInput, ContactFlag, ContactPrivacy, EventKind, Method, PurposeLink, Source,
};
use crate::contacts::erase::ErasurePreview;
use crate::contacts::model::{
    Contact, ContactDetail, ContactInput, ContactPage, ContactSummary, Interaction,
    InteractionInput, InteractionKind, Relationship,
};
use crate::contacts::privacy::ObjectionReport;
use crate::controller::Controller;
use crate::error::{ApiError, ErrorCode};
use crate::passphrase::Strength;
use crate::register::fields::{FieldDef, FieldDefInput, FieldKind, FieldValue};
use crate::register::purposes::{Basis, Purpose, PurposeInput};
use crate::requests::{IdentityMethod, Request, RequestFile, RequestKind};
use crate::retention::documents::{DocumentKind, FiscalDocument};
use crate::retention::purge::{PurgeItem, PurgeReport};
use crate::retention::rules::{Action, Rule, RuleKey};
use crate::retention::{DeletionLogEntry, ReviewItem};
use crate::settings::{Language, Settings};
use crate::vault::{Created, VaultStatus};

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
        file::<AutoBackup>()?,
        file::<BackupInfo>()?,
        file::<BackupSettings>()?,
        file::<BackupStatus>()?,
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
        file::<Controller>()?,
        file::<Created>()?,
        file::<DeletionLogEntry>()?,
        file::<DocumentKind>()?,
        file::<ErasurePreview>()?,
        file::<ErrorCode>()?,
        file::<Interaction>()?,
        file::<IdentityMethod>()?,
        file::<InteractionInput>()?,
        file::<InteractionKind>()?,
        file::<PurgeItem>()?,
        file::<Language>()?,
        file::<Relationship>()?,
        file::<Request>()?,
        file::<RestoreReport>()?,
        file::<RequestFile>()?,
        file::<RequestKind>()?,
        file::<ReviewItem>()?,
        file::<Rule>()?,
        file::<RuleKey>()?,
        file::<Settings>()?,
        file::<Strength>()?,
        file::<Step>()?,
        file::<VaultStatus>()?,
    ])
}
