//! The documents made from the register for the outside world and the supervisor: the privacy
//! statement (Art. 13/14, with its versions) and the record of processing activities (Art. 30).
//! Both read the controller, the purposes, the processors and the retention rules; the record
//! also what the vault and its backups really do (the security measures).

pub mod doc;
pub mod privacy;
pub mod record;
pub mod versions;
