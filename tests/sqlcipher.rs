//! SQLCipher settings are pinned when the vault is keyed (issue 12): a library with other
//! defaults still reads the file the same way. In its own test binary, because it changes the
//! process-wide SQLCipher defaults.

mod common;

use common::*;
use kluis::app::unlock::unlock;
use kluis::domain::contacts::{self, ContactInput};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

fn pragma(conn: &Connection, name: &str) -> String {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| {
        Ok(match r.get_ref(0)? {
            ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            ValueRef::Integer(i) => i.to_string(),
            other => format!("{other:?}"),
        })
    })
    .unwrap()
}

fn assert_pinned(conn: &Connection) {
    assert_eq!(pragma(conn, "cipher_page_size"), "4096");
    assert_eq!(pragma(conn, "kdf_iter"), "256000");
    assert_eq!(pragma(conn, "cipher_hmac_algorithm"), "HMAC_SHA512");
    assert_eq!(pragma(conn, "cipher_kdf_algorithm"), "PBKDF2_HMAC_SHA512");
    assert_eq!(pragma(conn, "cipher_plaintext_header_size"), "0");
}

#[test]
fn cipher_settings_are_pinned_whatever_the_library_defaults() {
    let (t, mut v) = new_vault();
    let id = contacts::create(&mut v, &ContactInput::new("Pinda Vastgezet"), false).unwrap();
    assert_pinned(v.conn());
    v.lock();

    // Another SQLCipher default for every new connection of this process.
    let other = Connection::open_in_memory().unwrap();
    other
        .execute_batch(
            "PRAGMA cipher_default_page_size = 1024;
             PRAGMA cipher_default_kdf_iter = 4000;
             PRAGMA cipher_default_hmac_algorithm = HMAC_SHA1;
             PRAGMA cipher_default_kdf_algorithm = PBKDF2_HMAC_SHA1;",
        )
        .unwrap();

    let mut v = unlock(&t.dir(), PASS, clock(), "test").expect("opens with other defaults").vault;
    assert_pinned(v.conn());
    assert_eq!(contacts::show(&mut v, id).unwrap().contact.name, "Pinda Vastgezet");
    v.lock();

    // A vault created under those defaults is still written with the pinned settings.
    let (t2, mut v2) = new_vault();
    contacts::create(&mut v2, &ContactInput::new("Nieuw Onder Andere"), false).unwrap();
    assert_pinned(v2.conn());
    v2.lock();
    other
        .execute_batch(
            "PRAGMA cipher_default_page_size = 4096;
             PRAGMA cipher_default_kdf_iter = 256000;
             PRAGMA cipher_default_hmac_algorithm = HMAC_SHA512;
             PRAGMA cipher_default_kdf_algorithm = PBKDF2_HMAC_SHA512;",
        )
        .unwrap();
    assert!(unlock(&t2.dir(), PASS, clock(), "test").is_ok());
}
