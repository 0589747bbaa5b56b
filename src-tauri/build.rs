/// Every command the app registers: each gets an `allow-…` permission, and the capability in
/// capabilities/main.json grants exactly these.
const COMMANDS: &[&str] = &[
    "vault_status",
    "passphrase_strength",
    "create_vault",
    "unlock",
    "unlock_remembered",
    "unlock_with_recovery",
    "lock",
    "touch",
    "list_contacts",
    "get_contact",
    "create_contact",
    "update_contact",
    "add_interaction",
    "get_settings",
    "set_settings",
    "change_passphrase",
    "remember_device",
    "forget_device",
    "list_purposes",
    "purpose_proposals",
    "create_purpose",
    "update_purpose",
    "list_fields",
    "define_field",
    "triage_list",
    "repermission_list",
    "export_mailing_list",
    "contact_privacy",
    "link_purpose",
    "unlink_purpose",
    "give_consent",
    "withdraw_consent",
    "set_field",
    "restrict_contact",
    "unrestrict_contact",
    "object_contact",
    "retention_rules",
    "set_retention_rule",
    "purge_plan",
    "purge_now",
    "review_queue",
    "review_keep",
    "review_delete",
    "deletion_log",
    "retention_policy",
    "save_retention_policy",
    "save_deletion_log",
    "list_documents",
    "add_document",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("../tauri.conf.json")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
