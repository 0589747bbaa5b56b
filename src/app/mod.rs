//! The application layer: one function per user action that spans domains or needs more than
//! one step (a transaction and a WAL checkpoint, an audit row beside a file, …). The front ends
//! (`src/cli/`, `src-tauri/src/commands/`) parse their input, call one function here or in
//! a domain module, and print or return the result.

pub mod breaches;
pub mod bulk;
pub mod check;
pub mod contacts;
pub mod controller;
pub mod erase;
pub mod import;
pub mod mailing;
pub mod overview;
pub mod privacy;
pub mod requests;
pub mod restore;
pub mod retention;
pub mod statement;
pub mod subject_access;
pub mod unlock;
