//! The TypeScript bindings in ui/src/bindings are generated from the Rust types. This test
//! fails when a committed file is stale or missing, and rewrites them all with
//! `UPDATE_BINDINGS=1 cargo test --test bindings`.

use std::path::Path;

#[test]
fn typescript_bindings_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(kluis::bindings::DIR);
    let files = kluis::bindings::files().unwrap();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, text) in &files {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if on_disk == *text => {}
            _ => stale.push(name.clone()),
        }
    }
    let expected: Vec<&String> = files.iter().map(|(n, _)| n).collect();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        // commands.ts, the command map, is generated and checked by src-tauri/src/ipc.rs.
        if !expected.contains(&&name) && name != "commands.ts" {
            stale.push(format!("{name} (no longer generated)"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings: {stale:?}; run `UPDATE_BINDINGS=1 cargo test --test bindings`"
    );
}
