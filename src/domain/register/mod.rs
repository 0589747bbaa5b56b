//! The processing register: the purposes (Art. 30) personal data is kept for, and the
//! processors and other recipients (Art. 28, Art. 30(1)(d)) that receive data of them.

pub mod processors;
pub mod purposes;
