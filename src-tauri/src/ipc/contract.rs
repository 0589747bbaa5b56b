//! The command list of `ipc.rs` as data, and the tests that hold everything else to it: the
//! generated `ui/src/bindings/commands.ts` and `docs/IPC.md` (stale → fail; rewritten with
//! `UPDATE_BINDINGS=1`), the capability's permissions, build.rs's reading of the list, and the
//! calls in `ui/src/lib/ipc.ts` (a command registered but never called, or called but not
//! registered, fails).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ts_rs::{TypeVisitor, TS};

pub struct Command {
    pub name: &'static str,
    /// The file in `commands/` that holds its function.
    pub module: &'static str,
    pub on_main_thread: bool,
    pub doc: &'static [&'static str],
    pub args: Vec<Arg>,
    pub result: Ts,
}

/// An argument the window passes: its key (camelCase, as Tauri expects it) and type.
pub struct Arg {
    key: String,
    ts: Ts,
    /// The type written out one level deep (a struct's fields), for `no_command_takes_a_path`.
    inline: String,
}

impl Arg {
    pub fn of<T: TS + 'static>(param: &str) -> Arg {
        Arg { key: camel_case(param), ts: Ts::of::<T>(), inline: T::inline() }
    }
}

/// The words of an identifier: `zipPath`, `zip_path` → `zip`, `path`.
fn words(identifier: &str) -> Vec<String> {
    let mut words = vec![String::new()];
    for c in identifier.chars() {
        if c == '_' || c.is_uppercase() {
            words.push(String::new());
        }
        if let (true, Some(word)) = (c != '_', words.last_mut()) {
            word.extend(c.to_lowercase());
        }
    }
    words.retain(|w| !w.is_empty());
    words
}

/// A name that says it holds a place in the file system.
fn path_like(identifier: &str) -> bool {
    const WORDS: [&str; 7] = ["path", "file", "filename", "dir", "directory", "folder", "url"];
    words(identifier).iter().any(|w| WORDS.contains(&w.as_str()))
}

/// The argument keys and, for a struct argument, its field names that look like a path.
fn path_like_keys(arg: &Arg) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    if path_like(&arg.key) {
        found.push(arg.key.clone());
    }
    // Field names in the inlined type: `{ /** doc */ dir: string | null, keep: number, }`.
    let mut text = arg.inline.clone();
    while let (Some(start), Some(end)) = (text.find("/*"), text.find("*/")) {
        if end < start {
            break;
        }
        text.replace_range(start..end + 2, " ");
    }
    for part in text.split(['{', ',', ';']) {
        if let Some((name, _)) = part.split_once(':') {
            let name = name.trim().trim_matches('"');
            if path_like(name) {
                found.push(format!("{}.{name}", arg.key));
            }
        }
    }
    found
}

/// The arguments among a command's parameters.
pub fn args<const N: usize>(params: [Option<Arg>; N]) -> Vec<Arg> {
    params.into_iter().flatten().collect()
}

/// A type as TypeScript writes it, and the binding files it needs.
pub struct Ts {
    text: String,
    imports: BTreeSet<String>,
}

impl Ts {
    pub fn of<T: TS + 'static>() -> Ts {
        struct Imports(BTreeSet<String>);
        impl TypeVisitor for Imports {
            fn visit<U: TS + 'static + ?Sized>(&mut self) {
                // Only the types of ui/src/bindings have a file; primitives have none.
                if U::output_path().is_some() {
                    self.0.insert(U::ident());
                }
            }
        }
        let mut imports = Imports(BTreeSet::new());
        imports.visit::<T>();
        T::visit_generics(&mut imports);
        // JSON has one kind of number: what ts-rs writes as `bigint` (i64) arrives as a number.
        Ts { text: T::name().replace("bigint", "number"), imports: imports.0 }
    }
}

/// `confirm_not_bsn` → `confirmNotBsn`, Tauri's default for argument keys.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn doc_lines(c: &Command) -> impl Iterator<Item = &str> {
    c.doc.iter().map(|l| l.strip_prefix(' ').unwrap_or(l))
}

fn args_ts(c: &Command) -> String {
    if c.args.is_empty() {
        return "Record<string, never>".into();
    }
    let fields: Vec<String> = c.args.iter().map(|a| format!("{}: {}", a.key, a.ts.text)).collect();
    format!("{{ {} }}", fields.join("; "))
}

const GENERATED: &str = "Generated from the command list in src-tauri/src/ipc.rs (its tests fail \
                         when this is stale and rewrite it with UPDATE_BINDINGS=1). Do not edit.";

/// `ui/src/bindings/commands.ts`: the map from command name to arguments and result.
pub fn typescript(commands: &[Command]) -> String {
    let mut out = format!("// {GENERATED}\n");
    let imports: BTreeSet<&String> = commands
        .iter()
        .flat_map(|c| c.args.iter().map(|a| &a.ts).chain([&c.result]))
        .flat_map(|t| &t.imports)
        .collect();
    for name in imports {
        let _ = writeln!(out, "import type {{ {name} }} from \"./{name}\";");
    }
    out.push_str(
        "\n/**\n * Every command the backend registers: the arguments the window passes and what \
         the call\n * resolves to. A failing call rejects with `ApiError`.\n */\n\
         export type Commands = {\n",
    );
    for c in commands {
        let mut doc = doc_lines(c).peekable();
        if doc.peek().is_some() {
            out.push_str("  /**\n");
            for line in doc {
                let _ = writeln!(out, "   *{}{line}", if line.is_empty() { "" } else { " " });
            }
            out.push_str("   */\n");
        }
        let _ =
            writeln!(out, "  {}: {{ args: {}; result: {} }};", c.name, args_ts(c), c.result.text);
    }
    out.push_str("};\n\nexport type Command = keyof Commands;\n");
    out
}

const INTRO: &str = "\
Every command is `invoke(name, args)`, made only through `ui/src/lib/ipc.ts`, whose calls are typed
by the generated map `ui/src/bindings/commands.ts`. Rust snake_case parameters are passed from JS in
camelCase (Tauri 2 default). A failing command rejects with `ApiError` `{ code, message, field }`.
All types live in `ui/src/bindings/` (generated from Rust by ts-rs; one file per type).

\"Thread\": `main` commands run on the main thread (the window waits for them; only trivial ones),
`worker` commands on a worker thread (everything touching the database, the disk or the key
derivation).
";

const NOTES: &str = "\
A number that looks like a Dutch citizen service number (nine digits passing the 11-test) in
a contact's free text, an interaction or a field is refused with `bsn_suspected` (`field` names
where); the UI asks \"this is not a BSN\" and repeats the call with `confirmNotBsn: true`.

The backend emits the event `vault-locked` (no payload) when the idle timer locks the vault; a
`lock` command does not emit it (the UI that called it knows). A minute before (half the limit
when it is under two minutes) it emits `idle-warning` once, with the whole seconds left as
payload; any `touch` (or other command) starts the idle time again.

`backup-progress` (payload `Progress`: `step`, `done`, `total`) accompanies every backup,
verification, test restore and restore, whether the user asked for it or it is automatic: at
most one event per step and per cent. Steps: `snapshot`, `encrypt` (bytes) for a backup;
`verify` (bytes), `write`, `check`, `erasures`, `purge`, `swap` for a restore.

Automatic backups (only when a backup folder is set): after every unlock when one is due (in
the background; its outcome is the event `auto-backup`, payload `AutoBackup`: the `file`
written or the `error`), and before the vault locks (the `lock` command or the idle timer) and
when the app exits: then when one is due or the data changed since the last one (unlocks, reads
and a purge with nothing due are not changes); a failure before a lock is reported as
`auto-backup` after the lock.

No command takes a path, a file or a folder from the window (a test in `ipc/contract.rs`
fails on any such argument or struct field): the commands that save or open a file run the save,
open or folder dialog in the backend (`src-tauri/src/dialog.rs`) and resolve to `null` when the
user cancelled it. The capability grants no dialog permission.

`invalid_input` errors carry `field` (the input field at fault, e.g. `emails`) and an English
message prefixed with the field name; the UI shows its own translated text where it knows the
field.
";

/// `docs/IPC.md`: the commands by file, with their arguments, results and notes.
pub fn markdown(commands: &[Command]) -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = format!("# Desktop IPC contract (Tauri commands)\n\n<!-- {GENERATED} -->\n\n");
    out.push_str(INTRO);
    let mut module = "";
    for c in commands {
        if c.module != module {
            module = c.module;
            let _ = write!(
                out,
                "\n## {module} (`src-tauri/src/commands/{module}.rs`)\n\n\
                 | command | args | resolves to | thread | notes |\n|---|---|---|---|---|\n"
            );
        }
        let args = if c.args.is_empty() { "–".to_string() } else { format!("`{}`", args_ts(c)) };
        let notes: Vec<&str> = doc_lines(c).collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | `{}` | {} | {} |",
            c.name,
            cell(&args),
            cell(&c.result.text),
            if c.on_main_thread { "main" } else { "worker" },
            cell(&notes.join(" ")),
        );
    }
    out.push('\n');
    out.push_str(NOTES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::declared;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn names() -> BTreeSet<&'static str> {
        declared().iter().map(|c| c.name).collect()
    }

    #[test]
    fn generated_typescript_and_docs_are_up_to_date() {
        let commands = declared();
        let files = [
            ("ui/src/bindings/commands.ts", typescript(&commands)),
            ("docs/IPC.md", markdown(&commands)),
        ];
        let mut stale = Vec::new();
        for (path, text) in &files {
            let path = root().join(path);
            if std::env::var_os("UPDATE_BINDINGS").is_some() {
                std::fs::write(&path, text).unwrap();
            }
            if std::fs::read_to_string(&path).ok().as_ref() != Some(text) {
                stale.push(path.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale: {stale:?}; run `UPDATE_BINDINGS=1 cargo test -p kluis-desktop \
             --features kluis-desktop/custom-protocol ipc`"
        );
    }

    #[test]
    fn every_command_is_declared_once_and_few_run_on_the_main_thread() {
        let commands = declared();
        assert_eq!(names().len(), commands.len(), "a command is declared twice");
        let main: Vec<&str> =
            commands.iter().filter(|c| c.on_main_thread).map(|c| c.name).collect();
        assert!(main.len() <= 8, "too many commands on the main thread: {main:?}");
    }

    #[test]
    fn build_script_reads_the_same_list() {
        let from_build: BTreeSet<&str> = env!("KLUIS_COMMANDS").split(',').collect();
        assert_eq!(from_build, names());
    }

    #[test]
    fn the_capability_grants_exactly_the_declared_commands() {
        let text =
            std::fs::read_to_string(root().join("src-tauri/capabilities/main.json")).unwrap();
        let granted: BTreeSet<String> = text
            .split('"')
            .filter_map(|s| s.strip_prefix("allow-"))
            .map(|s| s.replace('-', "_"))
            .collect();
        let declared: BTreeSet<String> = names().into_iter().map(String::from).collect();
        assert_eq!(granted, declared, "capabilities/main.json and src-tauri/src/ipc.rs differ");
    }

    /// The command names `ipc.ts` passes to `call("…")`.
    fn called(ipc_ts: &str) -> BTreeSet<String> {
        ipc_ts
            .split("call(")
            .skip(1)
            .filter_map(|rest| {
                let rest = rest.trim_start().strip_prefix('"')?;
                Some(rest[..rest.find('"')?].to_string())
            })
            .collect()
    }

    #[test]
    fn ipc_ts_calls_every_registered_command_and_no_other() {
        let ipc_ts = std::fs::read_to_string(root().join("ui/src/lib/ipc.ts")).unwrap();
        let called = called(&ipc_ts);
        let registered: BTreeSet<String> = names().into_iter().map(String::from).collect();
        let unused: Vec<&String> = registered.difference(&called).collect();
        let unregistered: Vec<&String> = called.difference(&registered).collect();
        assert!(
            unused.is_empty() && unregistered.is_empty(),
            "registered but never called in ui/src/lib/ipc.ts: {unused:?}; \
             called there but not registered in src-tauri/src/ipc.rs: {unregistered:?}"
        );
    }

    /// The webview never chooses a path: no argument of any command (nor a field of a struct
    /// argument) names a file, folder or path; files are chosen in dialogs the backend runs.
    #[test]
    fn no_command_takes_a_path_from_the_window() {
        let found: Vec<String> = declared()
            .iter()
            .flat_map(|c| {
                c.args.iter().flat_map(path_like_keys).map(|k| format!("{}({k})", c.name))
            })
            .collect();
        assert!(found.is_empty(), "commands that take a path from the window: {found:?}");
    }

    #[test]
    fn path_like_names_are_recognised() {
        for name in ["path", "pdfPath", "zip_path", "dir", "backupFolder", "fileName", "file"] {
            assert!(path_like(name), "{name}");
        }
        for name in ["profile", "purposeId", "directMarketing", "filed", "language", "pdf"] {
            assert!(!path_like(name), "{name}");
        }
        // A struct argument's fields count too.
        let arg = Arg::of::<kluis::domain::backup::auto::BackupSettings>("settings");
        assert_eq!(path_like_keys(&arg), ["settings.dir"]);
        assert_eq!(path_like_keys(&Arg::of::<Option<String>>("zip_path")), ["zipPath"]);
        assert!(
            path_like_keys(&Arg::of::<kluis::domain::contacts::ContactInput>("input")).is_empty()
        );
    }

    /// The window gets no dialog (nor any other plugin) permission: only Kluis's own commands
    /// and listening for its events.
    #[test]
    fn the_capability_grants_no_dialog_permission() {
        let text =
            std::fs::read_to_string(root().join("src-tauri/capabilities/main.json")).unwrap();
        let start = text.find("\"permissions\"").expect("a permissions list");
        let list = &text[start..];
        let list = &list[..list.find(']').expect("the end of the list")];
        let granted: Vec<&str> = list.split('"').skip(1).step_by(2).skip(1).collect();
        let foreign: Vec<&&str> = granted
            .iter()
            .filter(|p| {
                !p.starts_with("allow-")
                    && !["core:event:allow-listen", "core:event:allow-unlisten"].contains(p)
            })
            .collect();
        assert!(foreign.is_empty(), "capabilities/main.json grants more: {foreign:?}");
        assert!(!text.contains("dialog:"), "capabilities/main.json grants a dialog permission");
    }

    #[test]
    fn keys_are_camel_case_and_wide_integers_are_numbers() {
        assert_eq!(camel_case("confirm_not_bsn"), "confirmNotBsn");
        assert_eq!(camel_case("id"), "id");
        assert_eq!(Ts::of::<Option<i64>>().text, "number | null");
        assert_eq!(Ts::of::<Vec<kluis::domain::register::purposes::Purpose>>().imports.len(), 1);
    }
}
