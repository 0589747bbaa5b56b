// An in-memory stand-in for the Rust backend, for working on the UI in a plain
// browser (`npm run dev:mock`). Only loaded in that mode; never in a build.
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";

import type { ApiError } from "../bindings/ApiError";
import type { Contact } from "../bindings/Contact";
import type { ContactInput } from "../bindings/ContactInput";
import type { ContactSummary } from "../bindings/ContactSummary";
import type { Interaction } from "../bindings/Interaction";
import type { InteractionInput } from "../bindings/InteractionInput";
import type { Settings } from "../bindings/Settings";
import { toRfc3339 } from "../lib/format";
import { backupHandlers } from "./mockBackup";
import { looksLikeBsn, privacyHandlers } from "./mockPrivacy";
import { requestsHandlers } from "./mockRequests";
import { retentionHandlers } from "./mockRetention";

type Args = Record<string, unknown>;

const fail = (code: ApiError["code"], message: string, field: string | null = null): never => {
  throw { code, message, field } satisfies ApiError;
};

export function installMockBackend(): void {
  const params = new URLSearchParams(window.location.search);
  // ?state=new (first run), ?state=locked, otherwise unlocked with demo data.
  const state = params.get("state");
  let exists = state !== "new";
  let unlocked = state !== "new" && state !== "locked";
  let remembered = params.get("remembered") === "1";
  let passphrase = "paard batterij nietje correct";
  let settings: Settings = { language: params.get("lang") === "en" ? "en" : "nl", auto_lock_minutes: 10 };
  const contacts = new Map<number, Contact>();
  const interactions: Interaction[] = [];
  let nextId = 1;

  const now = () => toRfc3339(new Date());
  const addContact = (input: ContactInput): number => {
    const id = nextId++;
    const stamp = now();
    contacts.set(id, { id, ...input, created_at: stamp, updated_at: stamp, restricted_reason: null, objected_at: null });
    return id;
  };
  if (exists && params.get("empty") !== "1") {
    const names = ["Anna de Boer", "Bram Visser", 'Zoë <b>de</b> Vries & "Co"', "Daan Smit", "Eva Mulder"];
    names.forEach((name, i) =>
      addContact({
        name,
        emails: [`${name.split(" ")[0]?.toLowerCase() ?? "x"}@voorbeeld.nl`],
        phones: i % 2 === 0 ? ["06 12345678"] : [],
        address: i === 0 ? "Dorpsstraat 1\n1234 AB Ergens" : null,
        organisation: i % 2 === 0 ? "Voorbeeld BV" : null,
        job_title: i === 0 ? "Eigenaar" : null,
        relationship: (["client", "prospect", "former-client", "supplier", "applicant"] as const)[i] ?? "client",
        relationship_ended: i === 2 ? "2024-03-31" : null,
      }),
    );
    for (let i = 0; i < 57; i++) {
      addContact({
        name: `Demo Contact ${String(i + 1).padStart(2, "0")}`,
        emails: [],
        phones: [],
        address: null,
        organisation: null,
        job_title: null,
        relationship: "prospect",
        relationship_ended: null,
      });
    }
    interactions.push(
      { id: 1, contact_id: 1, kind: "call", at: "2024-05-02T14:30:00+02:00", text: "Offerte besproken.\nStuurt volgende week akkoord." },
      { id: 2, contact_id: 1, kind: "meeting", at: "2024-04-20T10:00:00+02:00", text: "Kennismaking op kantoor." },
    );
  }

  const requireUnlocked = () => {
    if (!unlocked) fail("locked", "vault is locked");
  };
  const backup = backupHandlers(
    {
      now,
      fail,
      requireUnlocked,
      passphrase: () => passphrase,
      contactCount: () => contacts.size,
      lockedVault: () => exists && !unlocked,
      lock: () => {
        unlocked = false;
      },
      restored: () => {
        exists = true;
        unlocked = false;
      },
    },
    params,
  );
  // ?purge=removed|confirm|clock: what the first unlock reports (try it with ?state=locked).
  const retention = retentionHandlers(
    { contacts, interactions, now, requireUnlocked, fail },
    exists && params.get("empty") !== "1",
    params.get("purge"),
  );
  /** What every unlock does: the retention purge's report, and an automatic backup when due. */
  const opened = () => {
    unlocked = true;
    backup.afterUnlock();
    return retention.openingReport();
  };
  const lastActivity = (c: Contact) =>
    interactions.filter((i) => i.contact_id === c.id).map((i) => i.at).sort().at(-1) ?? c.updated_at;
  const validate = (input: ContactInput, confirmNotBsn: unknown) => {
    if (input.name.trim() === "") fail("invalid_input", "name is required", "name");
    input.emails.forEach((e, i) => {
      if (!e.includes("@")) fail("invalid_input", "not an e-mail address", `emails[${i}]`);
    });
    if (confirmNotBsn !== true) {
      const free = { name: input.name, address: input.address, organisation: input.organisation, job_title: input.job_title };
      for (const [field, text] of Object.entries(free)) {
        if (text && looksLikeBsn(text)) fail("bsn_suspected", `${field}: looks like a BSN`, field);
      }
    }
  };
  const notRestricted = (contact: Contact) => {
    if (contact.restricted_reason !== null) fail("restricted", "processing of this contact is restricted");
  };

  const handlers: Record<string, (args: Args) => unknown> = {
    vault_status: () => ({ exists, unlocked, remembered, vault_dir: "/home/demo/.local/share/kluis" }),
    passphrase_strength: ({ passphrase: p }) => {
      const length = String(p).length;
      const score = Math.min(4, Math.floor(length / 5));
      return { score, acceptable: score >= 3 };
    },
    create_vault: (args) => {
      if (exists) fail("vault_exists", "a vault exists");
      exists = true;
      unlocked = true;
      remembered = args.remember === true;
      passphrase = String(args.passphrase);
      return { recovery_key: "K7QF-2M9X-PL4D-88ZW-TR3N-HC6V-Q2JE-5BUA" };
    },
    unlock: (args) => {
      if (args.passphrase !== passphrase) fail("wrong_passphrase", "wrong passphrase");
      return opened();
    },
    unlock_remembered: () => {
      if (!remembered) fail("keyring_unavailable", "no remembered key");
      return opened();
    },
    unlock_with_recovery: (args) => {
      if (String(args.recoveryKey).length < 8) fail("wrong_recovery_key", "wrong recovery key");
      passphrase = String(args.newPassphrase);
      return opened();
    },
    lock: () => {
      unlocked = false;
      return null;
    },
    // A browser tab cannot close the app; the mock locks instead.
    quit: () => {
      unlocked = false;
      return null;
    },
    touch: () => {
      requireUnlocked();
      return null;
    },
    list_contacts: ({ query, limit, offset }) => {
      requireUnlocked();
      const q = typeof query === "string" ? query.toLowerCase() : "";
      const all: ContactSummary[] = [...contacts.values()]
        .filter((c) => q === "" || c.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)))
        .map((c) => ({
          id: c.id,
          name: c.name,
          email: c.emails[0] ?? null,
          organisation: c.organisation,
          relationship: c.relationship,
          last_activity_at: lastActivity(c),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const start = Number(offset);
      return { items: all.slice(start, start + Number(limit)), total: all.length };
    },
    get_contact: ({ id }) => {
      requireUnlocked();
      const contact = contacts.get(Number(id)) ?? fail("not_found", "no such contact");
      const list = interactions.filter((i) => i.contact_id === contact.id).sort((a, b) => b.at.localeCompare(a.at));
      return { contact, interactions: list };
    },
    create_contact: ({ input, confirmNotBsn }) => {
      requireUnlocked();
      validate(input as ContactInput, confirmNotBsn);
      return addContact(input as ContactInput);
    },
    update_contact: ({ id, input, confirmNotBsn }) => {
      requireUnlocked();
      const old = contacts.get(Number(id)) ?? fail("not_found", "no such contact");
      notRestricted(old);
      validate(input as ContactInput, confirmNotBsn);
      contacts.set(old.id, { ...old, ...(input as ContactInput), updated_at: now() });
      return null;
    },
    add_interaction: ({ contactId, input, confirmNotBsn }) => {
      requireUnlocked();
      notRestricted(contacts.get(Number(contactId)) ?? fail("not_found", "no such contact"));
      const value = input as InteractionInput;
      if (value.text.trim() === "") fail("invalid_input", "text is required", "text");
      if (confirmNotBsn !== true && looksLikeBsn(value.text)) fail("bsn_suspected", "text: looks like a BSN", "text");
      const id = interactions.length + 1;
      interactions.push({ id, contact_id: Number(contactId), kind: value.kind, at: value.at ?? now(), text: value.text });
      return id;
    },
    get_settings: () => settings,
    save_path_override: () => null,
    set_settings: (args) => {
      settings = args.settings as Settings;
      return null;
    },
    change_passphrase: ({ current, next }) => {
      requireUnlocked();
      if (current !== passphrase) fail("wrong_passphrase", "wrong passphrase");
      passphrase = String(next);
      return null;
    },
    rotate_key: ({ current, next }) => {
      requireUnlocked();
      if (current !== passphrase) fail("wrong_passphrase", "wrong passphrase");
      passphrase = String(next);
      remembered = false;
      return "R0T8-4K3Y-PL4D-88ZW-TR3N-HC6V-Q2JE-5BUA";
    },
    remember_device: () => {
      if (params.get("keyring") === "0") fail("keyring_unavailable", "no secret service");
      remembered = true;
      return null;
    },
    forget_device: () => {
      remembered = false;
      return null;
    },
    ...privacyHandlers({ contacts, now, requireUnlocked, fail }, exists && params.get("empty") !== "1"),
    ...retention.handlers,
    ...backup.handlers,
  };
  Object.assign(
    handlers,
    requestsHandlers(
      {
        contacts,
        interactions,
        now,
        requireUnlocked,
        fail,
        call: (command, args) => handlers[command]?.(args),
        erase: retention.erase,
      },
      exists && params.get("empty") !== "1",
    ),
  );

  mockIPC(
    (command, args) => {
      const handler = handlers[command];
      if (!handler) return undefined;
      return handler((args ?? {}) as Args);
    },
    { shouldMockEvents: true },
  );

  // For trying the idle lock by hand: window.kluisMockIdleLock() in the console.
  Object.assign(window, {
    kluisMockIdleLock: () => {
      unlocked = false;
      void emit("vault-locked");
    },
  });
}
