// The requests half of the in-memory dev backend (`npm run dev:mock`): data-subject requests
// with their deadlines, the subject-access export, erasure and the controller's details.
// A rough imitation of the Rust core for trying the UI by hand; never part of a build.
import type { ApiError } from "../bindings/ApiError";
import type { Contact } from "../bindings/Contact";
import type { ContactPrivacy } from "../bindings/ContactPrivacy";
import type { Controller } from "../bindings/Controller";
import type { ErasurePreview } from "../bindings/ErasurePreview";
import type { FiscalDocument } from "../bindings/FiscalDocument";
import type { IdentityMethod } from "../bindings/IdentityMethod";
import type { Interaction } from "../bindings/Interaction";
import type { Request } from "../bindings/Request";
import type { RequestKind } from "../bindings/RequestKind";
import { toYmd } from "../lib/format";
import { looksLikeBsn } from "./mockPrivacy";

type Args = Record<string, unknown>;

export type RequestsDeps = {
  contacts: Map<number, Contact>;
  interactions: Interaction[];
  now: () => string;
  requireUnlocked: () => void;
  fail: (code: ApiError["code"], message: string, field?: string | null) => never;
  /** Asks another part of the mock (privacy, documents). */
  call: (command: string, args: Args) => unknown;
  /** Removes the contact for good (fiscal records stay, unlinked). */
  erase: (contactId: number, requestId: number | null) => void;
};

const KINDS: readonly RequestKind[] = ["access", "rectification", "erasure", "restriction", "portability", "objection"];
const METHODS: readonly IdentityMethod[] = ["customer-number", "recent-order", "id-document-bsn-masked", "known-email"];

type Stored = Omit<Request, "overdue" | "due_soon" | "due" | "extended"> & { extended_due: string | null };

const parse = (ymd: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return toYmd(date) === ymd ? date : null;
};

/** `months` after `ymd` (the last day of a shorter month), then past a weekend. */
function dueAfter(ymd: string, months: number): string {
  const start = parse(ymd) ?? new Date();
  const target = new Date(start.getFullYear(), start.getMonth() + months, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(start.getDate(), last));
  while (target.getDay() === 0 || target.getDay() === 6) target.setDate(target.getDate() + 1);
  return toYmd(target);
}

const daysFromToday = (days: number): string => {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return toYmd(date);
};

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function requestsHandlers(deps: RequestsDeps, seed: boolean): Record<string, (args: Args) => unknown> {
  const { contacts, interactions, now, requireUnlocked, fail, call, erase } = deps;
  const requests: Stored[] = [];
  let controller: Controller = { name: "", address: "", kvk: "", privacy_contact: "" };
  let nextId = 1;

  const contact = (id: unknown) => contacts.get(Number(id)) ?? fail("not_found", "no such contact");
  const stored = (id: unknown) => requests.find((r) => r.id === Number(id)) ?? fail("not_found", `request ${String(id)}`);
  const view = (r: Stored): Request => {
    const today = toYmd(new Date());
    const due = r.extended_due ?? r.original_due;
    const { extended_due, ...rest } = r;
    return {
      ...rest,
      due,
      extended: extended_due !== null,
      overdue: r.open && due < today,
      due_soon: r.open && due >= today && due <= daysFromToday(7),
    };
  };
  const add = (contactId: number | null, kind: RequestKind, received: string): Stored => {
    const request: Stored = {
      id: nextId++,
      contact_id: contactId,
      kind,
      received,
      original_due: dueAfter(received, 1),
      extended_due: null,
      extension_reason: null,
      extension_notified: null,
      identity_method: null,
      identity_note: null,
      handler: "demo",
      open: true,
      outcome: null,
      closed_at: null,
      files: [],
    };
    requests.push(request);
    return request;
  };

  if (seed) {
    const ids = [...contacts.keys()];
    const [first, second, third, fourth] = ids;
    if (first !== undefined) add(first, "access", daysFromToday(-40));
    if (second !== undefined) add(second, "erasure", daysFromToday(-27));
    if (third !== undefined) {
      const portability = add(third, "portability", daysFromToday(-3));
      portability.identity_method = "known-email";
    }
    if (fourth !== undefined) {
      const closed = add(fourth, "rectification", daysFromToday(-60));
      Object.assign(closed, { open: false, outcome: "Adres gecorrigeerd en bevestigd per e-mail.", closed_at: now() });
    }
    const erased = add(null, "erasure", daysFromToday(-90));
    Object.assign(erased, { open: false, outcome: "Gewist; facturen blijven 7 jaar bewaard.", closed_at: now() });
  }

  const preview = (id: unknown): ErasurePreview => {
    const c = contact(id);
    const privacy = call("contact_privacy", { id: c.id, reveal: true }) as ContactPrivacy;
    const documents = call("list_documents", { contactId: c.id }) as FiscalDocument[];
    const years = documents.map((d) => Number(d.date.slice(0, 4))).filter((y) => Number.isInteger(y));
    return {
      contact_id: c.id,
      interactions: interactions.filter((i) => i.contact_id === c.id).length,
      consent_events: privacy.history.length,
      purpose_links: privacy.links.length,
      field_values: privacy.fields.filter((f) => f.filled).length,
      fiscal_records_kept: documents.length,
      kept_until: years.length === 0 ? null : `${Math.max(...years) + 7}-12-31`,
      suppression_kept: c.objected_at !== null,
      consent_texts: 0,
      organisation_orphaned:
        c.organisation !== null &&
        ![...contacts.values()].some((o) => o.id !== c.id && o.organisation === c.organisation),
      organisation_removed: false,
      requests_redacted: requests.filter((r) => r.contact_id === c.id).length,
      tombstone: `contact:${c.id}`,
      erased_at: null,
    };
  };

  return {
    list_requests: () => {
      requireUnlocked();
      return [...requests]
        .map(view)
        .sort((a, b) => Number(!a.open) - Number(!b.open) || a.due.localeCompare(b.due) || a.id - b.id);
    },
    add_request: ({ contactId, kind, received }) => {
      requireUnlocked();
      const c = contact(contactId);
      if (!KINDS.includes(kind as RequestKind)) fail("invalid_input", "type: unknown request type", "type");
      const date = String(received);
      if (parse(date) === null) fail("invalid_input", "received: expected YYYY-MM-DD", "received");
      if (date > toYmd(new Date())) fail("invalid_input", "received: the received date is in the future", "received");
      return view(add(c.id, kind as RequestKind, date));
    },
    extend_request: ({ id, reason, notified }) => {
      requireUnlocked();
      const r = stored(id);
      if (!r.open) fail("invalid_input", "id: the request is closed", "id");
      if (r.extended_due !== null) fail("invalid_input", "id: the request was extended already", "id");
      const why = String(reason).trim();
      if (why === "" || why.length > 1000) fail("invalid_input", "reason: required, at most 1000 characters", "reason");
      const told = String(notified);
      if (parse(told) === null || told < r.received || told > r.original_due) {
        fail("invalid_input", "notified: the person must be told of the extension within the first month", "notified");
      }
      Object.assign(r, { extended_due: dueAfter(r.received, 3), extension_reason: why, extension_notified: told });
      return null;
    },
    record_identity: ({ id, method, note }) => {
      requireUnlocked();
      const r = stored(id);
      if (!METHODS.includes(method as IdentityMethod)) fail("invalid_input", "method: unknown method", "method");
      const text = typeof note === "string" && note.trim() !== "" ? note.trim() : null;
      if (text !== null && text.length > 500) fail("invalid_input", "note: at most 500 characters", "note");
      if (text !== null && looksLikeBsn(text)) fail("bsn_suspected", "note: looks like a BSN", "note");
      Object.assign(r, { identity_method: method as IdentityMethod, identity_note: text });
      return null;
    },
    close_request: ({ id, outcome }) => {
      requireUnlocked();
      const r = stored(id);
      if (!r.open) fail("invalid_input", "id: the request is closed already", "id");
      const text = String(outcome).trim();
      if (text === "" || text.length > 2000) fail("invalid_input", "outcome: required, at most 2000 characters", "outcome");
      Object.assign(r, { open: false, outcome: text, closed_at: now() });
      return null;
    },
    export_subject_access: async ({ contactId, requestId, pdfPath, zipPath }) => {
      requireUnlocked();
      const c = contact(contactId);
      if (requestId !== null && requestId !== undefined) stored(requestId);
      const hashes = [await fingerprint(`pdf:${c.id}:${String(pdfPath)}:${now()}`)];
      if (typeof zipPath === "string") hashes.push(await fingerprint(`zip:${c.id}:${zipPath}:${now()}`));
      return hashes;
    },
    erasure_preview: ({ id }) => {
      requireUnlocked();
      return preview(id);
    },
    erase_contact: ({ id, requestId }) => {
      requireUnlocked();
      const result = preview(id);
      const request = requestId === null || requestId === undefined ? null : stored(requestId).id;
      for (const r of requests) if (r.contact_id === result.contact_id) r.contact_id = null;
      erase(result.contact_id, request);
      return result;
    },
    get_controller: () => {
      requireUnlocked();
      return controller;
    },
    set_controller: ({ controller: next }) => {
      requireUnlocked();
      const value = next as Controller;
      for (const text of Object.values(value)) {
        if (String(text).trim().length > 500) fail("invalid_input", "value: at most 500 characters", "value");
      }
      const kvk = value.kvk.trim();
      if (kvk !== "" && !/^\d{8}$/.test(kvk)) fail("invalid_input", "value: a KvK number has 8 digits", "value");
      controller = {
        name: value.name.trim(),
        address: value.address.trim(),
        kvk,
        privacy_contact: value.privacy_contact.trim(),
      };
      return null;
    },
  };
}
