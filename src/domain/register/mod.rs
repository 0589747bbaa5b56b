//! The processing register: the purposes (Art. 30) personal data is kept for.

pub mod purposes;
