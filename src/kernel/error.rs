//! One error type for the whole core. It crosses the IPC boundary as `{ code, message, field }`
//! and maps to the CLI's exit codes. Messages never carry personal data: they name fields, never
//! their values.

use serde::Serialize;
use ts_rs::TS;

/// The stable error codes the UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongPassphrase,
    WrongRecoveryKey,
    WeakPassphrase,
    InvalidInput,
    NotFound,
    Integrity,
    NewerSchema,
    KeyringUnavailable,
    VaultExists,
    NoVault,
    Locked,
    Restricted,
    Suppressed,
    BsnSuspected,
    Internal,
    LegalHold,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("wrong recovery key")]
    WrongRecoveryKey,
    #[error("the passphrase is too weak: use at least {min_len} characters and several words")]
    WeakPassphrase { min_len: usize },
    #[error("{field}: {message}")]
    InvalidInput { field: &'static str, message: String },
    #[error("{0} not found")]
    NotFound(String),
    #[error("integrity check failed: {0}")]
    Integrity(String),
    #[error(
        "this vault was written by a newer version of Kluis (schema {found}, this version \
         supports up to {supported}); update Kluis to open it"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("the OS secret store is not available: {0}")]
    KeyringUnavailable(String),
    #[error("a vault already exists in {0}")]
    VaultExists(String),
    #[error("no vault found in {0}; create one first (kluis init)")]
    NoVault(String),
    #[error("the vault is locked")]
    Locked,
    #[error("this contact's processing is restricted: lift the restriction first")]
    Restricted,
    #[error("this person objected to direct marketing; their address may not be used for it")]
    Suppressed,
    #[error(
        "{field}: this looks like a Dutch citizen service number (BSN), which a business may not \
         store without a legal basis; confirm that it is not a BSN to save it"
    )]
    BsnSuspected { field: &'static str },
    #[error(
        "this fiscal record must be kept unaltered until {until} (the fiscal retention duty, \
         art. 52 AWR), so it cannot be deleted before then; add a correction instead"
    )]
    LegalHold { until: String },
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Internal(String),
}

impl From<rusqlite::Error> for Error {
    /// A damaged or tampered database page is an integrity failure, not an internal error.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseCorrupt | C::NotADatabase) => {
                Error::Integrity("the database file is damaged or was changed outside Kluis".into())
            }
            _ => Error::Database(e),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidInput { field, message: message.into() }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::WrongPassphrase => ErrorCode::WrongPassphrase,
            Error::WrongRecoveryKey => ErrorCode::WrongRecoveryKey,
            Error::WeakPassphrase { .. } => ErrorCode::WeakPassphrase,
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Integrity(_) => ErrorCode::Integrity,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::KeyringUnavailable(_) => ErrorCode::KeyringUnavailable,
            Error::VaultExists(_) => ErrorCode::VaultExists,
            Error::NoVault(_) => ErrorCode::NoVault,
            Error::Locked => ErrorCode::Locked,
            Error::Restricted => ErrorCode::Restricted,
            Error::Suppressed => ErrorCode::Suppressed,
            Error::BsnSuspected { .. } => ErrorCode::BsnSuspected,
            Error::LegalHold { .. } => ErrorCode::LegalHold,
            Error::Database(_) | Error::Io(_) | Error::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The field at fault, for input errors.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::InvalidInput { field, .. } | Error::BsnSuspected { field } => Some(field),
            _ => None,
        }
    }

    /// The CLI exit code (README.md, "The `kluis` command"): 3 wrong passphrase or key, 4
    /// integrity failure, else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::WrongPassphrase | Error::WrongRecoveryKey => 3,
            Error::Integrity(_) => 4,
            _ => 1,
        }
    }
}

/// The serialised form of an error, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for ApiError {
    fn from(e: &Error) -> Self {
        ApiError { code: e.code(), message: e.to_string(), field: e.field().map(str::to_owned) }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError::from(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_error_serialises_as_code_message_field() {
        let json = serde_json::to_string(&ApiError::from(Error::invalid(
            "emails",
            "not an e-mail address",
        )))
        .unwrap();
        assert_eq!(
            json,
            r#"{"code":"invalid_input","message":"emails: not an e-mail address","field":"emails"}"#
        );
        let json = serde_json::to_string(&ApiError::from(Error::WrongPassphrase)).unwrap();
        assert_eq!(
            json,
            r#"{"code":"wrong_passphrase","message":"wrong passphrase","field":null}"#
        );
    }

    #[test]
    fn exit_codes_follow_the_cli_contract() {
        assert_eq!(Error::WrongPassphrase.exit_code(), 3);
        assert_eq!(Error::WrongRecoveryKey.exit_code(), 3);
        assert_eq!(Error::Integrity("x".into()).exit_code(), 4);
        assert_eq!(Error::NotFound("contact 1".into()).exit_code(), 1);
    }
}
