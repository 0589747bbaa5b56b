// The one typed bridge between the UI and the Rust backend (see docs/IPC.md).
// Nothing else in the UI calls `invoke` or `listen` directly.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

import type { ApiError } from "../bindings/ApiError";
import type { ContactDetail } from "../bindings/ContactDetail";
import type { ContactInput } from "../bindings/ContactInput";
import type { ContactPage } from "../bindings/ContactPage";
import type { Created } from "../bindings/Created";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { InteractionInput } from "../bindings/InteractionInput";
import type { Settings } from "../bindings/Settings";
import type { Strength } from "../bindings/Strength";
import type { VaultStatus } from "../bindings/VaultStatus";

const ERROR_CODES: readonly ErrorCode[] = [
  "wrong_passphrase",
  "wrong_recovery_key",
  "weak_passphrase",
  "invalid_input",
  "not_found",
  "integrity",
  "newer_schema",
  "keyring_unavailable",
  "vault_exists",
  "no_vault",
  "locked",
  "internal",
];

/** A failed backend call. `field` names the input field at fault, when known. */
export class IpcError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly field: string | null;

  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "IpcError";
    this.code = code;
    this.field = field;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything a command rejected with into an IpcError. */
export function toIpcError(reason: unknown): IpcError {
  if (reason instanceof IpcError) return reason;
  if (isRecord(reason) && isErrorCode(reason.code)) {
    const message = typeof reason.message === "string" ? reason.message : "";
    const field = typeof reason.field === "string" ? reason.field : null;
    return new IpcError(reason.code, message, field);
  }
  if (reason instanceof Error) return new IpcError("internal", reason.message);
  if (typeof reason === "string") return new IpcError("internal", reason);
  return new IpcError("internal", "Unknown error");
}

export function isIpcError(value: unknown, code?: ErrorCode): value is IpcError {
  return value instanceof IpcError && (code === undefined || value.code === code);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return args === undefined ? await invoke<T>(command) : await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

// --- vault ---------------------------------------------------------------

export function vaultStatus(): Promise<VaultStatus> {
  return call("vault_status");
}

export function passphraseStrength(passphrase: string): Promise<Strength> {
  return call("passphrase_strength", { passphrase });
}

export function createVault(passphrase: string, remember: boolean): Promise<Created> {
  return call("create_vault", { passphrase, remember });
}

export function unlock(passphrase: string): Promise<null> {
  return call("unlock", { passphrase });
}

export function unlockRemembered(): Promise<null> {
  return call("unlock_remembered");
}

export function unlockWithRecovery(recoveryKey: string, newPassphrase: string): Promise<null> {
  return call("unlock_with_recovery", { recoveryKey, newPassphrase });
}

export function lock(): Promise<null> {
  return call("lock");
}

/** Reports user activity; resets the backend's idle timer. */
export function touch(): Promise<null> {
  return call("touch");
}

export function changePassphrase(current: string, next: string): Promise<null> {
  return call("change_passphrase", { current, next });
}

export function rememberDevice(): Promise<null> {
  return call("remember_device");
}

export function forgetDevice(): Promise<null> {
  return call("forget_device");
}

// --- contacts ------------------------------------------------------------

export function listContacts(
  query: string | null,
  limit: number,
  offset: number,
): Promise<ContactPage> {
  return call("list_contacts", { query, limit, offset });
}

export function getContact(id: number): Promise<ContactDetail> {
  return call("get_contact", { id });
}

export function createContact(input: ContactInput): Promise<number> {
  return call("create_contact", { input });
}

export function updateContact(id: number, input: ContactInput): Promise<null> {
  return call("update_contact", { id, input });
}

export function addInteraction(contactId: number, input: InteractionInput): Promise<number> {
  return call("add_interaction", { contactId, input });
}

// --- settings ------------------------------------------------------------

export function getSettings(): Promise<Settings> {
  return call("get_settings");
}

export function setSettings(settings: Settings): Promise<null> {
  return call("set_settings", { settings });
}

// --- events --------------------------------------------------------------

export const VAULT_LOCKED_EVENT = "vault-locked";

/**
 * Calls `handler` whenever the backend locks the vault by itself (idle timer).
 * Resolves to a function that stops listening.
 */
export async function onVaultLocked(handler: () => void): Promise<() => void> {
  return listen(VAULT_LOCKED_EVENT, () => handler());
}
