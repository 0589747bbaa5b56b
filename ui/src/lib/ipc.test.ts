import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { ConsentInput } from "../bindings/ConsentInput";
import type { ContactInput } from "../bindings/ContactInput";
import type { FieldDefInput } from "../bindings/FieldDefInput";
import type { PurposeInput } from "../bindings/PurposeInput";
import type { RestoreSecrets } from "../bindings/RestoreSecrets";
import * as ipc from "./ipc";
import { IpcError, toIpcError } from "./ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

const SECRETS: RestoreSecrets = {
  passphrase: null,
  recovery_key: "KEY-1",
  current_passphrase: null,
  current_recovery_key: "KEY-2",
  current_remembered: false,
  newer_passphrase: null,
};

const purposeInput: PurposeInput = {
  name: "Nieuwsbrief",
  description: "De nieuwsbrief per e-mail",
  basis: "consent",
  direct_marketing: true,
  data_categories: ["naam", "e-mail"],
  recipients: [],
  retention_rule: null,
  legitimate_interest: "",
  requirement: "none",
  consequence: "",
  source: "",
};

const fieldInput: FieldDefInput = {
  label: "Allergieën",
  kind: "text",
  purpose_id: 3,
  required: false,
  special_category: true,
};

const consentInput: ConsentInput = {
  purpose_id: 3,
  method: "form",
  text: "  Ja, ik wil de nieuwsbrief.\n",
  evidence: null,
};

const input: ContactInput = {
  name: "Jan",
  emails: ["jan@voorbeeld.nl"],
  phones: [],
  address: null,
  organisation: null,
  job_title: null,
  relationship: "client",
  relationship_ended: null,
};

beforeEach(() => {
  invokeMock.mockReset();
  invokeMock.mockResolvedValue(null);
});

describe("command wrappers", () => {
  const cases: Array<[string, () => Promise<unknown>, string, Record<string, unknown> | undefined]> = [
    ["vaultStatus", () => ipc.vaultStatus(), "vault_status", undefined],
    ["passphraseStrength", () => ipc.passphraseStrength("geheim"), "passphrase_strength", { passphrase: "geheim" }],
    ["createVault", () => ipc.createVault("geheim", true), "create_vault", { passphrase: "geheim", remember: true }],
    ["unlock", () => ipc.unlock("geheim"), "unlock", { passphrase: "geheim" }],
    ["unlockRemembered", () => ipc.unlockRemembered(), "unlock_remembered", undefined],
    [
      "unlockWithRecovery",
      () => ipc.unlockWithRecovery("KEY-1", "nieuw geheim"),
      "unlock_with_recovery",
      { recoveryKey: "KEY-1", newPassphrase: "nieuw geheim" },
    ],
    ["lock", () => ipc.lock(), "lock", undefined],
    ["touch", () => ipc.touch(), "touch", undefined],
    ["listContacts", () => ipc.listContacts("jan", 25, 50), "list_contacts", { query: "jan", limit: 25, offset: 50 }],
    ["listContacts (no query)", () => ipc.listContacts(null, 25, 0), "list_contacts", { query: null, limit: 25, offset: 0 }],
    ["getContact", () => ipc.getContact(7), "get_contact", { id: 7 }],
    ["createContact", () => ipc.createContact(input, false), "create_contact", { input, confirmNotBsn: false }],
    [
      "createContact (not a BSN)",
      () => ipc.createContact(input, true),
      "create_contact",
      { input, confirmNotBsn: true },
    ],
    [
      "updateContact",
      () => ipc.updateContact(7, input, false),
      "update_contact",
      { id: 7, input, confirmNotBsn: false },
    ],
    [
      "addInteraction",
      () => ipc.addInteraction(7, { kind: "call", text: "Gebeld", at: null }, true),
      "add_interaction",
      { contactId: 7, input: { kind: "call", text: "Gebeld", at: null }, confirmNotBsn: true },
    ],
    ["listPurposes", () => ipc.listPurposes("nl"), "list_purposes", { language: "nl" }],
    ["purposeProposals", () => ipc.purposeProposals("en"), "purpose_proposals", { language: "en" }],
    ["createPurpose", () => ipc.createPurpose(purposeInput), "create_purpose", { input: purposeInput }],
    [
      "updatePurpose",
      () => ipc.updatePurpose(3, purposeInput),
      "update_purpose",
      { id: 3, input: purposeInput },
    ],
    ["listFields", () => ipc.listFields(), "list_fields", undefined],
    ["defineField", () => ipc.defineField(fieldInput), "define_field", { input: fieldInput }],
    ["triageList", () => ipc.triageList(), "triage_list", undefined],
    ["repermissionList", () => ipc.repermissionList(24), "repermission_list", { months: 24 }],
    [
      "exportMailingList",
      () => ipc.exportMailingList(3),
      "export_mailing_list",
      { purposeId: 3 },
    ],
    ["contactPrivacy", () => ipc.contactPrivacy(7, false), "contact_privacy", { id: 7, reveal: false }],
    ["contactPrivacy (reveal)", () => ipc.contactPrivacy(7, true), "contact_privacy", { id: 7, reveal: true }],
    [
      "linkPurpose",
      () => ipc.linkPurpose(7, 3, "legitimate-interest", "in-person"),
      "link_purpose",
      { contactId: 7, purposeId: 3, basis: "legitimate-interest", source: "in-person" },
    ],
    [
      "linkPurpose (unknown basis)",
      () => ipc.linkPurpose(7, 3, null, "imported"),
      "link_purpose",
      { contactId: 7, purposeId: 3, basis: null, source: "imported" },
    ],
    ["unlinkPurpose", () => ipc.unlinkPurpose(7, 3), "unlink_purpose", { contactId: 7, purposeId: 3 }],
    [
      "giveConsent",
      () => ipc.giveConsent(7, consentInput),
      "give_consent",
      { contactId: 7, input: consentInput },
    ],
    [
      "withdrawConsent",
      () => ipc.withdrawConsent(7, 3, "phone", "Belde zelf"),
      "withdraw_consent",
      { contactId: 7, purposeId: 3, method: "phone", evidence: "Belde zelf" },
    ],
    [
      "setField",
      () => ipc.setField(7, 2, "123456782", true),
      "set_field",
      { contactId: 7, fieldId: 2, value: "123456782", confirmNotBsn: true },
    ],
    [
      "restrictContact",
      () => ipc.restrictContact(7, "Juistheid betwist"),
      "restrict_contact",
      { id: 7, reason: "Juistheid betwist" },
    ],
    ["unrestrictContact", () => ipc.unrestrictContact(7), "unrestrict_contact", { id: 7 }],
    ["objectContact", () => ipc.objectContact(7), "object_contact", { id: 7 }],
    ["getSettings", () => ipc.getSettings(), "get_settings", undefined],
    [
      "setSettings",
      () => ipc.setSettings({ language: "en", auto_lock_minutes: 15 }),
      "set_settings",
      { settings: { language: "en", auto_lock_minutes: 15 } },
    ],
    ["changePassphrase", () => ipc.changePassphrase("oud", "nieuw"), "change_passphrase", { current: "oud", next: "nieuw" }],
    ["rotateKey", () => ipc.rotateKey("oud", "nieuw"), "rotate_key", { current: "oud", next: "nieuw" }],
    [
      "likelyDuplicates",
      () => ipc.likelyDuplicates(input, 3),
      "likely_duplicates",
      { input, except: 3 },
    ],
    ["copySensitive", () => ipc.copySensitive("GEHEIM"), "copy_sensitive", { text: "GEHEIM" }],
    ["rememberDevice", () => ipc.rememberDevice(), "remember_device", undefined],
    ["forgetDevice", () => ipc.forgetDevice(), "forget_device", undefined],
    ["retentionRules", () => ipc.retentionRules("en"), "retention_rules", { language: "en" }],
    [
      "setRetentionRule",
      () => ipc.setRetentionRule("former-clients", "36m", "review"),
      "set_retention_rule",
      { key: "former-clients", period: "36m", action: "review" },
    ],
    ["purgePlan", () => ipc.purgePlan(), "purge_plan", undefined],
    ["purgeNow", () => ipc.purgeNow(false), "purge_now", { confirm: false }],
    ["purgeNow (confirmed)", () => ipc.purgeNow(true), "purge_now", { confirm: true }],
    ["reviewQueue", () => ipc.reviewQueue(), "review_queue", undefined],
    [
      "reviewKeep",
      () => ipc.reviewKeep(5, "Lopend geschil", "2031-01-31"),
      "review_keep",
      { id: 5, reason: "Lopend geschil", until: "2031-01-31" },
    ],
    ["reviewDelete", () => ipc.reviewDelete(5), "review_delete", { id: 5 }],
    ["deletionLog", () => ipc.deletionLog(), "deletion_log", undefined],
    ["saveDeletionLog", () => ipc.saveDeletionLog(), "save_deletion_log", undefined],
    ["retentionPolicy", () => ipc.retentionPolicy("nl"), "retention_policy", { language: "nl" }],
    [
      "saveRetentionPolicy",
      () => ipc.saveRetentionPolicy("en", true),
      "save_retention_policy",
      { language: "en", pdf: true },
    ],
    ["listDocuments", () => ipc.listDocuments(7), "list_documents", { contactId: 7 }],
    [
      "addDocument",
      () => ipc.addDocument(7, "invoice", "2024-017", "2024-05-01", "1.250,50"),
      "add_document",
      { contactId: 7, kind: "invoice", number: "2024-017", date: "2024-05-01", amount: "1.250,50", confirmNotBsn: false },
    ],
    ["listRequests", () => ipc.listRequests(), "list_requests", undefined],
    [
      "addRequest",
      () => ipc.addRequest(7, "access", "2025-03-03"),
      "add_request",
      { contactId: 7, kind: "access", received: "2025-03-03" },
    ],
    [
      "extendRequest",
      () => ipc.extendRequest(4, "Veel gegevens", "2025-03-10"),
      "extend_request",
      { id: 4, reason: "Veel gegevens", notified: "2025-03-10" },
    ],
    [
      "recordIdentity",
      () => ipc.recordIdentity(4, "customer-number", "K-1001"),
      "record_identity",
      { id: 4, method: "customer-number", note: "K-1001" },
    ],
    [
      "recordIdentity (no note)",
      () => ipc.recordIdentity(4, "id-document-bsn-masked", null),
      "record_identity",
      { id: 4, method: "id-document-bsn-masked", note: null },
    ],
    ["closeRequest", () => ipc.closeRequest(4, "Inzage gestuurd"), "close_request", { id: 4, outcome: "Inzage gestuurd" }],
    [
      "exportSubjectAccess",
      () =>
        ipc.exportSubjectAccess({
          contactId: 7,
          requestId: 4,
          language: "nl",
          portability: true,
          includeSpecial: true,
          protect: true,
          redactInteractions: [12],
          sendTo: "anna@example.nl",
        }),
      "export_subject_access",
      {
        contactId: 7,
        requestId: 4,
        language: "nl",
        portability: true,
        includeSpecial: true,
        protect: true,
        redactInteractions: [12],
        sendTo: "anna@example.nl",
      },
    ],
    [
      "exportSubjectAccess (PDF only, no request)",
      () =>
        ipc.exportSubjectAccess({
          contactId: 7,
          requestId: null,
          language: "en",
          portability: false,
          includeSpecial: false,
          protect: false,
          redactInteractions: [],
          sendTo: null,
        }),
      "export_subject_access",
      {
        contactId: 7,
        requestId: null,
        language: "en",
        portability: false,
        includeSpecial: false,
        protect: false,
        redactInteractions: [],
        sendTo: null,
      },
    ],
    ["erasurePreview", () => ipc.erasurePreview(7), "erasure_preview", { id: 7 }],
    ["eraseContact", () => ipc.eraseContact(7, 4, false), "erase_contact", { id: 7, requestId: 4, keepOrganisation: false }],
    [
      "eraseContact (no request, keeping the organisation)",
      () => ipc.eraseContact(7, null, true),
      "erase_contact",
      { id: 7, requestId: null, keepOrganisation: true },
    ],
    ["getController", () => ipc.getController(), "get_controller", undefined],
    [
      "setController",
      () => ipc.setController({ name: "Bakkerij Jansen", address: "Dorpsstraat 1", kvk: "12345678", privacy_contact: "privacy@jansen.nl" }),
      "set_controller",
      {
        controller: { name: "Bakkerij Jansen", address: "Dorpsstraat 1", kvk: "12345678", privacy_contact: "privacy@jansen.nl" },
      },
    ],
    ["backupStatus", () => ipc.backupStatus(), "backup_status", undefined],
    [
      "setBackupSettings",
      () => ipc.setBackupSettings(10, 24),
      "set_backup_settings",
      { keep: 10, everyHours: 24 },
    ],
    ["chooseBackupFolder", () => ipc.chooseBackupFolder(), "choose_backup_folder", undefined],
    ["stopAutomaticBackups", () => ipc.stopAutomaticBackups(), "stop_automatic_backups", undefined],
    ["runBackup", () => ipc.runBackup(true), "run_backup", { force: true }],
    ["backupTo", () => ipc.backupTo(), "backup_to", undefined],
    ["pickBackup", () => ipc.pickBackup(), "pick_backup", undefined],
    ["testRestore", () => ipc.testRestore("geheim", null), "test_restore", { passphrase: "geheim", recoveryKey: null }],
    [
      "testRestore (recovery key)",
      () => ipc.testRestore(null, "KEY-1"),
      "test_restore",
      { passphrase: null, recoveryKey: "KEY-1" },
    ],
    [
      "verifyBackup",
      () => ipc.verifyBackup(SECRETS),
      "verify_backup",
      { secrets: SECRETS },
    ],
    [
      "restoreBackup",
      () => ipc.restoreBackup(SECRETS, true, false),
      "restore_backup",
      { secrets: SECRETS, confirmOtherVault: true, acceptUnreadableNewer: false },
    ],
  ];

  it.each(cases)("%s invokes the right command with camelCase args", async (_name, run, command, args) => {
    await run();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    if (args === undefined) expect(invokeMock).toHaveBeenCalledWith(command);
    else expect(invokeMock).toHaveBeenCalledWith(command, args);
  });

  it("hands back the purge report of an unlock", async () => {
    const report = {
      ran: true,
      stopped: null,
      contacts_deleted: 2,
      interactions_deleted: 5,
      documents_deleted: 0,
      records_deleted: 0,
      audit_rows_pruned: 0,
      queued_for_review: 1,
      contacts_due: 2,
      contacts_total: 40,
    };
    invokeMock.mockResolvedValueOnce(report);
    await expect(ipc.unlock("geheim")).resolves.toEqual(report);
    invokeMock.mockResolvedValueOnce(null);
    await expect(ipc.unlockRemembered()).resolves.toBeNull();
  });

  it("returns what the backend returns", async () => {
    invokeMock.mockResolvedValueOnce({ items: [], total: 0 });
    await expect(ipc.listContacts(null, 25, 0)).resolves.toEqual({ items: [], total: 0 });
  });
});

describe("errors", () => {
  it("turns an ApiError rejection into an IpcError with code, message and field", async () => {
    invokeMock.mockRejectedValueOnce({ code: "invalid_input", message: "bad e-mail", field: "emails" });
    const error = await ipc.createContact(input, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: "invalid_input", message: "bad e-mail", field: "emails" });
  });

  it("knows the privacy error codes", async () => {
    for (const code of ["restricted", "suppressed", "bsn_suspected"] as const) {
      invokeMock.mockRejectedValueOnce({ code, message: "x", field: code === "bsn_suspected" ? "text" : null });
      await expect(ipc.giveConsent(7, consentInput)).rejects.toMatchObject({ code });
    }
  });

  it("keeps a null field", async () => {
    invokeMock.mockRejectedValueOnce({ code: "wrong_passphrase", message: "nope", field: null });
    await expect(ipc.unlock("x")).rejects.toMatchObject({ code: "wrong_passphrase", field: null });
  });

  it("turns a plain string rejection into code internal", async () => {
    invokeMock.mockRejectedValueOnce("command unlock not found");
    const error = await ipc.unlock("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: "internal", message: "command unlock not found", field: null });
  });

  it("turns an unknown code or shape into code internal", () => {
    expect(toIpcError({ code: "made_up", message: "x" }).code).toBe("internal");
    expect(toIpcError(new TypeError("boom"))).toMatchObject({ code: "internal", message: "boom" });
    expect(toIpcError(undefined).code).toBe("internal");
  });
});

describe("file dialogs", () => {
  it("are the backend's: a cancelled dialog resolves to null, not an error", async () => {
    invokeMock.mockResolvedValueOnce(null);
    await expect(ipc.exportMailingList(3)).resolves.toBeNull();
    invokeMock.mockResolvedValueOnce(null);
    await expect(ipc.pickBackup()).resolves.toBeNull();
    invokeMock.mockResolvedValueOnce("/media/usb/kluis.kluisbackup");
    await expect(ipc.backupTo()).resolves.toBe("/media/usb/kluis.kluisbackup");
  });
});

describe("vault-locked event", () => {
  it("listens to vault-locked and hands back the unlisten function", async () => {
    const unlisten = vi.fn();
    listenMock.mockResolvedValueOnce(unlisten);
    const handler = vi.fn();
    const stop = await ipc.onVaultLocked(handler);
    expect(listenMock).toHaveBeenCalledWith("vault-locked", expect.any(Function));
    const callback = listenMock.mock.calls[0]?.[1];
    callback?.({ event: "vault-locked", id: 1, payload: null });
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
    expect(unlisten).toHaveBeenCalledTimes(1);
  });
});

describe("backup events", () => {
  it("hands the payloads of backup-progress and auto-backup to the handlers", async () => {
    const unlisten = vi.fn();
    listenMock.mockReset();
    listenMock.mockResolvedValue(unlisten);
    const onProgress = vi.fn();
    const onOutcome = vi.fn();
    const stops = [await ipc.onBackupProgress(onProgress), await ipc.onAutoBackup(onOutcome)];
    expect(listenMock.mock.calls.map(([event]) => event)).toEqual(["backup-progress", "auto-backup"]);

    const progress = { step: "encrypt", done: 45, total: 100 };
    listenMock.mock.calls[0]?.[1]({ event: "backup-progress", id: 1, payload: progress });
    expect(onProgress).toHaveBeenCalledWith(progress);
    const outcome = { file: "/media/usb/kluis.kluisbackup", error: null };
    listenMock.mock.calls[1]?.[1]({ event: "auto-backup", id: 2, payload: outcome });
    expect(onOutcome).toHaveBeenCalledWith(outcome);

    stops.forEach((stop) => stop());
    expect(unlisten).toHaveBeenCalledTimes(2);
  });
});
