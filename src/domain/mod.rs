//! The domain: one module per subject, each owning its tables. A module imports only the
//! modules before it in this order (and the layers below: kernel, store, vault):
//! controller < contacts < suppression < register < consent < fields < requests < retention
//! < breaches < import < export < backup < statement.

pub mod backup;
pub mod breaches;
pub mod consent;
pub mod contacts;
pub mod controller;
pub mod export;
pub mod fields;
pub mod import;
pub mod register;
pub mod requests;
pub mod retention;
pub mod statement;
pub mod suppression;
