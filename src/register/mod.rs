//! The processing register: purposes (Art. 30) and the flexible fields defined for them.

pub mod fields;
pub mod purposes;
