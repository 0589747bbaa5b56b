//! Key derivation and key wrapping. The data key (32 random bytes) is SQLCipher's raw key; it
//! is stored only wrapped: under an Argon2id key from the passphrase, and under an HKDF key from
//! the recovery key. Wrapping is XChaCha20-Poly1305 with a random nonce and the vault id in the
//! associated data, so a wrapped key cannot be moved to another vault or slot.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::kernel::error::{Error, Result};

pub const KEY_LEN: usize = 32;
pub type SecretKey = Zeroizing<[u8; KEY_LEN]>;

/// Argon2id parameters, stored in vault.json.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    /// 128 MiB and 3 passes: about half a second on a 2-core laptop (docs/SECURITY.md).
    fn default() -> Self {
        KdfParams {
            algorithm: "argon2id".into(),
            memory_kib: 128 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

/// The most memory (KiB) a key file may ask Argon2 for: 1 GiB.
pub const MAX_KDF_MEMORY_KIB: u32 = 1024 * 1024;
/// The most Argon2 passes a key file may ask for.
pub const MAX_KDF_ITERATIONS: u32 = 10;

impl KdfParams {
    /// Refuses parameters this version would not write: too weak, or costly enough that a
    /// crafted vault.json or backup header could exhaust memory or make every attempt take
    /// minutes (capped at 1 GiB and 10 passes; Kluis writes 128 MiB and 3). Checked before
    /// any derivation starts.
    pub fn check(&self) -> Result<()> {
        let ok = self.algorithm == "argon2id"
            && self.memory_kib >= 64 * 1024
            && self.iterations >= 3
            && (1..=16).contains(&self.parallelism);
        if !ok {
            return Err(Error::Integrity("unsupported key-derivation parameters".into()));
        }
        if self.memory_kib > MAX_KDF_MEMORY_KIB || self.iterations > MAX_KDF_ITERATIONS {
            return Err(Error::Integrity(
                "the key-derivation parameters ask for more than 1 GiB of memory or 10 passes; \
                 refused (Kluis never writes these)"
                    .into(),
            ));
        }
        Ok(())
    }
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b
}

pub fn new_data_key() -> SecretKey {
    Zeroizing::new(random_bytes::<KEY_LEN>())
}

/// Derives the key-encryption key from a passphrase.
pub fn derive_from_passphrase(passphrase: &str, salt: &[u8], p: &KdfParams) -> Result<SecretKey> {
    p.check()?;
    let params = Params::new(p.memory_kib, p.iterations, p.parallelism, Some(KEY_LEN))
        .map_err(|e| Error::Internal(format!("key derivation parameters: {e}")))?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| Error::Internal(format!("key derivation: {e}")))?;
    Ok(out)
}

/// Derives the key-encryption key from the recovery key's 160 random bits.
pub fn derive_from_recovery(recovery: &[u8], salt: &[u8]) -> SecretKey {
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Hkdf::<Sha256>::new(Some(salt), recovery)
        .expand(b"kluis recovery key v1", out.as_mut())
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    out
}

/// A wrapped (encrypted and authenticated) key, as stored in vault.json.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapped {
    pub nonce: String,
    pub ciphertext: String,
}

pub fn wrap(kek: &SecretKey, key: &SecretKey, aad: &[u8]) -> Wrapped {
    let nonce = random_bytes::<24>();
    let ct = XChaCha20Poly1305::new(kek.as_ref().into())
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.as_ref(), aad })
        .expect("encrypting 32 bytes cannot fail");
    Wrapped { nonce: B64.encode(nonce), ciphertext: B64.encode(ct) }
}

/// Unwraps a key; `None` when the key-encryption key is wrong or the wrapped key was altered.
pub fn unwrap(kek: &SecretKey, w: &Wrapped, aad: &[u8]) -> Result<Option<SecretKey>> {
    let bad = || Error::Integrity("vault.json is damaged (wrapped key)".into());
    let nonce = B64.decode(&w.nonce).map_err(|_| bad())?;
    let ct = B64.decode(&w.ciphertext).map_err(|_| bad())?;
    if nonce.len() != 24 || ct.len() != KEY_LEN + 16 {
        return Err(bad());
    }
    let plain = XChaCha20Poly1305::new(kek.as_ref().into())
        .decrypt(XNonce::from_slice(&nonce), Payload { msg: &ct, aad });
    Ok(plain.ok().map(|p| {
        let p = Zeroizing::new(p);
        let mut k = Zeroizing::new([0u8; KEY_LEN]);
        k.copy_from_slice(&p);
        k
    }))
}

/// A short public fingerprint of the data key, so a remembered key can be checked against
/// the vault before the database is touched.
pub fn key_check(key: &SecretKey) -> String {
    let mut h = Sha256::new();
    h.update(b"kluis key check v1");
    h.update(key.as_ref());
    hex::encode(&h.finalize()[..16])
}

/// RFC 4648 base32 alphabet; the recovery key is 20 random bytes = 32 characters.
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
pub const RECOVERY_LEN: usize = 20;

/// Formats recovery-key bytes as eight groups of four characters: `ABCD-EFGH-…`.
pub fn format_recovery(bytes: &[u8; RECOVERY_LEN]) -> Zeroizing<String> {
    let mut chars = Zeroizing::new(String::with_capacity(40));
    let mut buffer: u64 = 0;
    let mut bits = 0;
    let mut n = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u64::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            if n > 0 && n % 4 == 0 {
                chars.push('-');
            }
            chars.push(B32[((buffer >> bits) & 31) as usize] as char);
            n += 1;
        }
    }
    chars
}

/// Parses a recovery key typed by a person: case, spaces and dashes do not matter.
pub fn parse_recovery(s: &str) -> Result<Zeroizing<[u8; RECOVERY_LEN]>> {
    let mut out = Zeroizing::new([0u8; RECOVERY_LEN]);
    let mut buffer: u64 = 0;
    let mut bits = 0;
    let mut i = 0;
    for c in s.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = c.to_ascii_uppercase();
        let v = B32.iter().position(|&a| a as char == c).ok_or(Error::WrongRecoveryKey)?;
        buffer = (buffer << 5) | v as u64;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            if i == RECOVERY_LEN {
                return Err(Error::WrongRecoveryKey);
            }
            out[i] = (buffer >> bits) as u8;
            i += 1;
        }
    }
    if i != RECOVERY_LEN {
        return Err(Error::WrongRecoveryKey);
    }
    Ok(out)
}

/// The letters and digits of a one-time password: lower case, without the look-alikes
/// (0/o, 1/l/i), so it can be read out over the phone.
pub const OTP_ALPHABET: &[u8; 31] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// Four groups of four characters, joined by dashes: about 79 bits of randomness.
pub const OTP_GROUPS: usize = 4;
pub const OTP_GROUP_LEN: usize = 4;

/// A one-time password for a protected copy (`kfmw-7rhx-q3pt-a9ne`), from the kernel's
/// randomness (rejection sampling, so every character is equally likely). The dashes are part
/// of it. Kept in memory only and wiped when dropped.
pub fn one_time_password() -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(OTP_GROUPS * (OTP_GROUP_LEN + 1)));
    let mut n = 0;
    while n < OTP_GROUPS * OTP_GROUP_LEN {
        let [b] = random_bytes::<1>();
        // 248 = 8 × 31: bytes above it would favour the first characters.
        if b >= 248 {
            continue;
        }
        if n > 0 && n % OTP_GROUP_LEN == 0 {
            out.push('-');
        }
        out.push(char::from(OTP_ALPHABET[usize::from(b % 31)]));
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_key_round_trips_in_any_case_and_spacing() {
        let bytes = random_bytes::<RECOVERY_LEN>();
        let text = format_recovery(&bytes);
        assert_eq!(text.len(), 39);
        assert_eq!(*parse_recovery(&text).unwrap(), bytes);
        let sloppy = text.to_lowercase().replace('-', " ");
        assert_eq!(*parse_recovery(&sloppy).unwrap(), bytes);
    }

    #[test]
    fn malformed_recovery_key_is_refused() {
        assert!(matches!(parse_recovery("ABCD-EFGH"), Err(Error::WrongRecoveryKey)));
        assert!(matches!(parse_recovery(&"A".repeat(40)), Err(Error::WrongRecoveryKey)));
        assert!(matches!(parse_recovery(&"1".repeat(32)), Err(Error::WrongRecoveryKey)));
    }

    #[test]
    fn wrapped_key_opens_only_with_the_right_kek_and_aad() {
        let kek = new_data_key();
        let key = new_data_key();
        let w = wrap(&kek, &key, b"slot a");
        assert_eq!(*unwrap(&kek, &w, b"slot a").unwrap().unwrap(), *key);
        assert!(unwrap(&kek, &w, b"slot b").unwrap().is_none());
        assert!(unwrap(&new_data_key(), &w, b"slot a").unwrap().is_none());
    }

    #[test]
    fn absurd_kdf_parameters_are_refused() {
        let p = KdfParams { memory_kib: u32::MAX, ..KdfParams::default() };
        assert!(matches!(p.check(), Err(Error::Integrity(_))));
        let weak = KdfParams { iterations: 1, ..KdfParams::default() };
        assert!(weak.check().is_err());
    }
}
