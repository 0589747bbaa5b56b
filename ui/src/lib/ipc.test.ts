import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { ContactInput } from "../bindings/ContactInput";
import * as ipc from "./ipc";
import { IpcError, toIpcError } from "./ipc";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

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
    ["createContact", () => ipc.createContact(input), "create_contact", { input }],
    ["updateContact", () => ipc.updateContact(7, input), "update_contact", { id: 7, input }],
    [
      "addInteraction",
      () => ipc.addInteraction(7, { kind: "call", text: "Gebeld", at: null }),
      "add_interaction",
      { contactId: 7, input: { kind: "call", text: "Gebeld", at: null } },
    ],
    ["getSettings", () => ipc.getSettings(), "get_settings", undefined],
    [
      "setSettings",
      () => ipc.setSettings({ language: "en", auto_lock_minutes: 15 }),
      "set_settings",
      { settings: { language: "en", auto_lock_minutes: 15 } },
    ],
    ["changePassphrase", () => ipc.changePassphrase("oud", "nieuw"), "change_passphrase", { current: "oud", next: "nieuw" }],
    ["rememberDevice", () => ipc.rememberDevice(), "remember_device", undefined],
    ["forgetDevice", () => ipc.forgetDevice(), "forget_device", undefined],
  ];

  it.each(cases)("%s invokes the right command with camelCase args", async (_name, run, command, args) => {
    await run();
    expect(invokeMock).toHaveBeenCalledTimes(1);
    if (args === undefined) expect(invokeMock).toHaveBeenCalledWith(command);
    else expect(invokeMock).toHaveBeenCalledWith(command, args);
  });

  it("returns what the backend returns", async () => {
    invokeMock.mockResolvedValueOnce({ items: [], total: 0 });
    await expect(ipc.listContacts(null, 25, 0)).resolves.toEqual({ items: [], total: 0 });
  });
});

describe("errors", () => {
  it("turns an ApiError rejection into an IpcError with code, message and field", async () => {
    invokeMock.mockRejectedValueOnce({ code: "invalid_input", message: "bad e-mail", field: "emails" });
    const error = await ipc.createContact(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: "invalid_input", message: "bad e-mail", field: "emails" });
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
