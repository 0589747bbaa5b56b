//! Every command the app registers gets an `allow-…` permission, which the capability in
//! capabilities/main.json grants. The names come from the one command list, src/ipc.rs: each
//! `fn name(` after a `#[tauri::command…]` line there. They are also handed to the crate as
//! `KLUIS_COMMANDS`, so a test checks this reading against the list itself.

const LIST: &str = "src/ipc.rs";

/// The command names declared in the list, in order.
fn commands(list: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut after_attribute = false;
    for line in list.lines().map(str::trim) {
        if line.starts_with("#[tauri::command") {
            after_attribute = true;
        } else if let (true, Some(rest)) = (after_attribute, line.strip_prefix("fn ")) {
            after_attribute = false;
            let name = rest.split('(').next().unwrap_or("");
            // The macro's own pattern (`fn $name:ident(`) is no command.
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                names.push(name);
            }
        }
    }
    names
}

fn main() {
    println!("cargo:rerun-if-changed={LIST}");
    let list = std::fs::read_to_string(LIST).expect("the command list src/ipc.rs");
    let names: &'static [&'static str] = commands(list.leak()).leak();
    println!("cargo:rustc-env=KLUIS_COMMANDS={}", names.join(","));
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("../tauri.conf.json")
            .app_manifest(tauri_build::AppManifest::new().commands(names)),
    )
    .expect("failed to run tauri-build");
}
