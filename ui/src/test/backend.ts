// A fake backend for component tests: the mocked `invoke` dispatches to handlers, the mocked
// `listen` registers handlers that `emitEvent` calls.
import { invoke } from "@tauri-apps/api/core";
import { listen, type EventCallback } from "@tauri-apps/api/event";
import { act } from "@testing-library/react";
import { vi } from "vitest";

import type { ApiError } from "../bindings/ApiError";
import type { Contact } from "../bindings/Contact";
import type { ContactPrivacy } from "../bindings/ContactPrivacy";
import type { ContactSummary } from "../bindings/ContactSummary";
import type { Overview } from "../bindings/Overview";
import type { PurgeReport } from "../bindings/PurgeReport";
import type { Purpose } from "../bindings/Purpose";
import type { Request } from "../bindings/Request";
import type { Rule } from "../bindings/Rule";
import type { Settings } from "../bindings/Settings";
import type { VaultStatus } from "../bindings/VaultStatus";

export type Args = Record<string, unknown>;
export type Handler = (args: Args) => unknown;
export type Handlers = Record<string, Handler>;

export const invokeMock = vi.mocked(invoke);
const listenMock = vi.mocked(listen);

/** A rejection the way the backend sends it. */
export function apiError(code: ApiError["code"], message = "", field: string | null = null): ApiError {
  return { code, message, field };
}

export function vaultStatus(patch: Partial<VaultStatus> = {}): VaultStatus {
  return { exists: true, unlocked: true, remembered: false, vault_dir: "/home/test/.local/share/kluis", ...patch };
}

export const DUTCH: Settings = { language: "nl", auto_lock_minutes: 10 };

export function summary(patch: Partial<ContactSummary> = {}): ContactSummary {
  return {
    id: 1,
    name: "Jan Jansen",
    email: "jan@voorbeeld.nl",
    organisation: "Jansen BV",
    relationship: "client",
    last_activity_at: "2024-05-01T10:30:00+02:00",
    restricted: false,
    ...patch,
  };
}

export function contact(patch: Partial<Contact> = {}): Contact {
  return {
    id: 1,
    name: "Jan Jansen",
    emails: ["jan@voorbeeld.nl"],
    phones: [],
    address: null,
    organisation: "Jansen BV",
    job_title: null,
    relationship: "client",
    relationship_ended: null,
    created_at: "2024-01-02T09:00:00Z",
    updated_at: "2024-01-03T09:00:00Z",
    restricted_reason: null,
    objected_at: null,
    ...patch,
  };
}

export function purpose(patch: Partial<Purpose> = {}): Purpose {
  return {
    id: 3,
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
    ...patch,
  };
}

/** A purge report that removed nothing. */
export function purgeReport(patch: Partial<PurgeReport> = {}): PurgeReport {
  return {
    ran: true,
    stopped: null,
    contacts_deleted: 0,
    interactions_deleted: 0,
    documents_deleted: 0,
    records_deleted: 0,
    audit_rows_pruned: 0,
    audit_older_than: null,
    records_older_than: null,
    queued_for_review: 0,
    contacts_due: 0,
    contacts_total: 0,
    ...patch,
  };
}

export function rule(patch: Partial<Rule> = {}): Rule {
  return {
    key: "former-clients",
    category: "Voormalige klanten",
    period: "24m",
    period_text: "24 maanden",
    action: "review",
    note: "Twee jaar na het einde van de relatie.",
    changed: false,
    ...patch,
  };
}

/** An open access request of contact 7, nothing recorded yet. */
export function request(patch: Partial<Request> = {}): Request {
  return {
    id: 4,
    contact_id: 7,
    kind: "access",
    received: "2025-03-03",
    due: "2025-04-03",
    original_due: "2025-04-03",
    extended: false,
    extension_reason: null,
    extension_notified: null,
    identity_method: null,
    identity_note: null,
    handler: "jan",
    open: true,
    outcome: null,
    closed_at: null,
    overdue: false,
    due_soon: false,
    files: [],
    deliveries: [],
    ...patch,
  };
}

export function privacy(patch: Partial<ContactPrivacy> = {}): ContactPrivacy {
  return { links: [], history: [], fields: [], undeliverable: [], recipient_notices: [], ...patch };
}

/** Answers a test need not give: no namesakes, no letter counts, no proposed link, no
 * recipients to tell. */
const DEFAULTS: Handlers = {
  likely_duplicates: () => [],
  contact_initials: () => [],
  proposed_purpose: () => null,
  request_recipients: () => [],
};

/**
 * Installs handlers. A handler that throws makes the command reject with what
 * it threw. A command without a handler rejects with an `internal` error.
 */
export function installBackend(handlers: Handlers): void {
  invokeMock.mockReset();
  invokeMock.mockImplementation((command: string, args?: unknown) => {
    // No namesakes, unless a test gives some.
    const handler = handlers[command] ?? DEFAULTS[command];
    if (!handler) return Promise.reject(apiError("internal", `no handler for ${command}`));
    try {
      return Promise.resolve(handler((args ?? {}) as Args));
    } catch (error) {
      return Promise.reject(error);
    }
  });
}

/** The argument objects of every call of `command`, in order. */
export function callsOf(command: string): Args[] {
  return invokeMock.mock.calls
    .filter(([name]) => name === command)
    .map(([, args]) => (args ?? {}) as Args);
}

/**
 * The passphrase commands of an unlocked vault whose passphrase is `passphrase`: the strength
 * check (20 characters or more is strong) and `rotate_key`, which refuses a wrong current
 * passphrase (as `change_passphrase` does) and answers with `recoveryKey(n)` for the n-th new key.
 */
export function passphraseHandlers(passphrase: string): Handlers {
  let current = passphrase;
  let rotations = 0;
  return {
    passphrase_strength: ({ passphrase: p }) =>
      String(p).length >= 20 ? { score: 4, acceptable: true } : { score: 1, acceptable: false },
    rotate_key: ({ current: given, next }) => {
      if (given !== current) throw apiError("wrong_passphrase", "wrong passphrase");
      current = String(next);
      rotations += 1;
      return { recovery_key: recoveryKey(rotations), vault_id: "test-vault-id" };
    },
  };
}

/** The recovery key `passphraseHandlers` hands out with its n-th new key. */
export function recoveryKey(n: number): string {
  return `N3WK-${String(n).padStart(4, "0")}-PL4D-88ZW-TR3N-HC6V`;
}

const listeners = new Map<string, Set<EventCallback<unknown>>>();
let eventId = 0;

/**
 * Makes the mocked `listen` keep its handlers, for `emitEvent` (the test file must mock
 * `@tauri-apps/api/event`). Forgets the handlers of an earlier test.
 */
export function installEvents(): void {
  listeners.clear();
  listenMock.mockReset();
  listenMock.mockImplementation((event, handler) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(handler);
    return Promise.resolve(() => {
      set.delete(handler);
    });
  });
}

/** Sends a backend event to everything listening now, as Tauri would. */
export function emitEvent(event: string, payload: unknown): void {
  act(() => {
    for (const handler of [...(listeners.get(event) ?? [])]) {
      eventId += 1;
      handler({ event, id: eventId, payload });
    }
  });
}

/** How many handlers listen to `event` now. */
export function listenerCount(event: string): number {
  return listeners.get(event)?.size ?? 0;
}

/** A promise settled by hand: the answer of a command that is still running. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

/** An overview where nothing needs attention (the counts are the core's, given as data). */
export function overview(patch: Partial<Overview> = {}): Overview {
  return {
    now: "2026-03-10T12:00:00Z",
    counts: {
      requests_due: 0,
      requests_overdue: 0,
      breaches_open: 0,
      breaches_overdue: 0,
      contacts_without_basis: 0,
      repermission_due: 0,
      review_queue: 0,
      processors_without_agreement: 0,
      processors_review_overdue: 0,
      backup_overdue: false,
      last_backup_at: null,
      last_audit_check_at: null,
      audit_check_failed: false,
      last_purge_at: "2026-03-10T12:00:00Z",
      purge_stopped: null,
      all_in_order: true,
    },
    requests: [],
    breaches: [],
    contacts_without_basis: { count: 0, target: { view: "register", tab: "triage" } },
    repermission_due: { count: 0, target: { view: "register", tab: "repermission" } },
    review_queue: { count: 0, target: { view: "retention", tab: "review" } },
    processors: [],
    backup: { settings: { dir: null, keep: 10, every_hours: 24 }, last_backup_at: null, overdue: false, warning: null },
    backup_target: { view: "settings" },
    audit_check: null,
    audit_target: { view: "settings" },
    purge: null,
    purge_target: { view: "retention", tab: "log" },
    deletion_log_target: { view: "retention", tab: "log" },
    ...patch,
  };
}
