//! The `kluis` command line, one file per command group. Each group owns its clap
//! `Subcommand` enum (flattened into the top-level list in `src/main.rs`) and a `run` that
//! dispatches it; `common` holds what they share. The `display_order` on each top-level
//! command keeps `kluis --help` listing them in one fixed order across the groups.

pub mod audit;
pub mod backup;
pub mod breach;
pub mod common;
pub mod consent;
pub mod contact;
pub mod demo;
pub mod document;
pub mod export;
pub mod field;
pub mod import;
pub mod processor;
pub mod purpose;
pub mod request;
pub mod retention;
pub mod settings;
pub mod vault;
