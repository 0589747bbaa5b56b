// The privacy half of the in-memory dev backend (`npm run dev:mock`): the processing
// register, purpose links, the consent ledger, extra fields, restriction and objection.
// A rough imitation of the Rust core for trying the UI by hand; never part of a build.
import type { ApiError } from "../bindings/ApiError";
import type { Basis } from "../bindings/Basis";
import type { ConsentEvent } from "../bindings/ConsentEvent";
import type { ConsentInput } from "../bindings/ConsentInput";
import type { Contact } from "../bindings/Contact";
import type { ContactFlag } from "../bindings/ContactFlag";
import type { FieldDef } from "../bindings/FieldDef";
import type { FieldDefInput } from "../bindings/FieldDefInput";
import type { Method } from "../bindings/Method";
import type { Purpose } from "../bindings/Purpose";
import type { PurposeInput } from "../bindings/PurposeInput";
import type { PurposeLink } from "../bindings/PurposeLink";
import type { Source } from "../bindings/Source";

type Args = Record<string, unknown>;

export type PrivacyDeps = {
  contacts: Map<number, Contact>;
  now: () => string;
  requireUnlocked: () => void;
  fail: (code: ApiError["code"], message: string, field?: string | null) => never;
};

/** Nine digits (with optional single dots or spaces) passing the 11-test, as the core checks. */
export function looksLikeBsn(text: string): boolean {
  for (const match of text.matchAll(/(?<!\d)\d(?:[. ]?\d){8}(?!\d)/g)) {
    const digits = match[0].replace(/[. ]/g, "").split("").map(Number);
    if (digits.every((d) => d === 0)) continue;
    const sum = digits.reduce((acc, d, i) => acc + (i === 8 ? -d : (9 - i) * d), 0);
    if (sum % 11 === 0) return true;
  }
  return false;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

const PROPOSALS = {
  nl: [
    ["Klantadministratie", "Offertes, opdrachten en contact met klanten om de overeenkomst uit te voeren.", "contract", false],
    ["Facturatie", "Facturen en de fiscale bewaarplicht (7 jaar).", "legal-obligation", false],
    ["Nieuwsbrief", "De nieuwsbrief per e-mail, alleen met toestemming.", "consent", true],
    ["Relatiebeheer", "Contact onderhouden met relaties en bestaande klanten.", "legitimate-interest", false],
  ],
  en: [
    ["Client administration", "Quotes, orders and contact with clients to perform the contract.", "contract", false],
    ["Invoicing", "Invoices and the fiscal retention duty (7 years).", "legal-obligation", false],
    ["Newsletter", "The e-mail newsletter, only with consent.", "consent", true],
    ["Relationship management", "Keeping in touch with business relations and existing clients.", "legitimate-interest", false],
  ],
} as const;

type Link = { basis: Basis | null; source: Source; reviewed_at: string; ended_at: string | null };

export function privacyHandlers(deps: PrivacyDeps, seed: boolean): Record<string, (args: Args) => unknown> {
  const { contacts, now, requireUnlocked, fail } = deps;
  const purposes = new Map<number, Purpose>();
  const fields = new Map<number, FieldDef>();
  const links = new Map<string, Link>();
  const ledger: ConsentEvent[] = [];
  /** Ledger row → contact. */
  const eventContact = new Map<number, number>();
  const values = new Map<string, string>();
  const suppressed = new Set<string>();
  let nextId = 1;

  const key = (contactId: number, otherId: number) => `${contactId}:${otherId}`;
  const contact = (id: unknown) => contacts.get(Number(id)) ?? fail("not_found", "no such contact");
  const purpose = (id: unknown) => purposes.get(Number(id)) ?? fail("not_found", "no such purpose");
  const notRestricted = (c: Contact) => {
    if (c.restricted_reason !== null) fail("restricted", "processing of this contact is restricted");
  };
  const currentGiven = (contactId: number, purposeId: number): string | null => {
    const last = ledger.filter((e) => e.purpose_id === purposeId && eventContact.get(e.id) === contactId).at(-1);
    return last?.kind === "given" ? last.at : null;
  };

  const addPurpose = (input: PurposeInput, except: number | null = null): Purpose => {
    const name = input.name.trim();
    if (name === "") fail("invalid_input", "name: a purpose needs a name", "name");
    if ([...purposes.values()].some((p) => p.name === name && p.id !== except)) {
      fail("invalid_input", "name: a purpose with this name exists already", "name");
    }
    const id = except ?? nextId++;
    const stored: Purpose = { ...input, id, name, description: input.description.trim() };
    purposes.set(id, stored);
    return stored;
  };

  const linksOf = (c: Contact): PurposeLink[] =>
    [...links.entries()]
      .filter(([k]) => k.startsWith(`${c.id}:`))
      .map(([k, link]) => {
        const p = purpose(Number(k.split(":")[1]));
        const given = currentGiven(c.id, p.id);
        const basisOk = link.basis === null ? false : link.basis === "consent" ? given !== null : true;
        const usable =
          basisOk && link.ended_at === null && c.restricted_reason === null && !(p.direct_marketing && c.objected_at !== null);
        return { purpose: p, ...link, consent_given_at: given, usable };
      })
      .sort((a, b) => a.purpose.name.localeCompare(b.purpose.name));

  if (seed) {
    const [admin, , news] = PROPOSALS.nl.map(([name, description, basis, dm]) =>
      addPurpose({ name, description, basis, direct_marketing: dm, data_categories: ["naam", "e-mail"], recipients: [], retention_rule: null }),
    );
    if (admin && news) {
      const health: FieldDef = {
        id: nextId++,
        label: "Dieetwensen",
        kind: "text",
        purpose_id: admin.id,
        purpose: admin.name,
        required: false,
        special_category: true,
      };
      fields.set(health.id, health);
      const since: FieldDef = { id: nextId++, label: "Klant sinds", kind: "date", purpose_id: admin.id, purpose: admin.name, required: false, special_category: false };
      fields.set(since.id, since);
      links.set(key(1, admin.id), { basis: "contract", source: "in-person", reviewed_at: "2024-04-20T08:00:00Z", ended_at: null });
      links.set(key(1, news.id), { basis: "consent", source: "form", reviewed_at: "2022-01-10T08:00:00Z", ended_at: null });
      links.set(key(2, news.id), { basis: null, source: "imported", reviewed_at: "2024-01-10T08:00:00Z", ended_at: null });
      const event: ConsentEvent = {
        id: nextId++,
        kind: "given",
        purpose: news.name,
        purpose_id: news.id,
        at: "2022-01-10T08:00:00Z",
        method: "form",
        text_sha256: "9f2c0d1a7b3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c",
        text: "Ja, ik wil de maandelijkse nieuwsbrief van Voorbeeld BV ontvangen.",
        evidence: "Aanmeldformulier website",
        recorded_by: "demo",
      };
      ledger.push(event);
      eventContact.set(event.id, 1);
      values.set(key(1, health.id), "Geen noten");
    }
  }

  return {
    list_purposes: () => {
      requireUnlocked();
      return [...purposes.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    purpose_proposals: ({ language }) =>
      PROPOSALS[language === "en" ? "en" : "nl"].map(([name, description, basis, dm]) => ({
        name,
        description,
        basis,
        direct_marketing: dm,
        data_categories: [],
        recipients: [],
        retention_rule: null,
      })),
    create_purpose: ({ input }) => {
      requireUnlocked();
      return addPurpose(input as PurposeInput).id;
    },
    update_purpose: ({ id, input }) => {
      requireUnlocked();
      const stored = addPurpose(input as PurposeInput, purpose(id).id);
      fields.forEach((f) => {
        if (f.purpose_id === stored.id) fields.set(f.id, { ...f, purpose: stored.name });
      });
      return null;
    },
    list_fields: () => {
      requireUnlocked();
      return [...fields.values()].sort((a, b) => a.label.localeCompare(b.label));
    },
    define_field: ({ input }) => {
      requireUnlocked();
      const value = input as FieldDefInput;
      const label = value.label.trim();
      if (label === "") fail("invalid_input", "label: a field needs a label", "label");
      if ([...fields.values()].some((f) => f.label === label)) {
        fail("invalid_input", "label: a field with this label exists already", "label");
      }
      const p = purpose(value.purpose_id);
      const id = nextId++;
      fields.set(id, { ...value, id, label, purpose: p.name });
      return id;
    },
    triage_list: () => {
      requireUnlocked();
      const out: ContactFlag[] = [];
      for (const c of [...contacts.values()].sort((a, b) => a.name.localeCompare(b.name))) {
        const own = linksOf(c);
        if (own.length === 0) out.push({ contact_id: c.id, name: c.name, purpose: null, since: null });
        own
          .filter((l) => l.basis === null)
          .forEach((l) => out.push({ contact_id: c.id, name: c.name, purpose: l.purpose.name, since: null }));
      }
      return out;
    },
    repermission_list: ({ months }) => {
      requireUnlocked();
      const cutoff = new Date();
      cutoff.setMonth(cutoff.getMonth() - Number(months));
      const out: ContactFlag[] = [];
      for (const c of contacts.values()) {
        if (c.restricted_reason !== null) continue;
        for (const l of linksOf(c)) {
          if (l.purpose.basis !== "consent" || l.ended_at !== null) continue;
          if (l.purpose.direct_marketing && c.objected_at !== null) continue;
          const since = l.consent_given_at;
          if (since === null || new Date(since) < cutoff) {
            out.push({ contact_id: c.id, name: c.name, purpose: l.purpose.name, since });
          }
        }
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
    export_mailing_list: ({ purposeId }) => {
      requireUnlocked();
      const p = purpose(purposeId);
      return [...contacts.values()].filter(
        (c) =>
          linksOf(c).some((l) => l.purpose.id === p.id && l.usable) &&
          c.emails.length > 0 &&
          !c.emails.some((e) => suppressed.has(e.toLowerCase())),
      ).length;
    },
    contact_privacy: ({ id, reveal }) => {
      requireUnlocked();
      const c = contact(id);
      return {
        links: linksOf(c),
        history: ledger.filter((e) => eventContact.get(e.id) === c.id),
        fields: [...fields.values()]
          .sort((a, b) => a.label.localeCompare(b.label))
          .map((field) => {
            const value = values.get(key(c.id, field.id)) ?? null;
            return { field, value: field.special_category && reveal !== true ? null : value, filled: value !== null };
          }),
      };
    },
    link_purpose: ({ contactId, purposeId, basis, source }) => {
      requireUnlocked();
      const c = contact(contactId);
      notRestricted(c);
      const p = purpose(purposeId);
      if (p.direct_marketing && c.objected_at !== null) fail("suppressed", "objected to direct marketing");
      links.set(key(c.id, p.id), { basis: (basis as Basis | null) ?? null, source: source as Source, reviewed_at: now(), ended_at: null });
      return null;
    },
    unlink_purpose: ({ contactId, purposeId }) => {
      requireUnlocked();
      const c = contact(contactId);
      notRestricted(c);
      if (!links.delete(key(c.id, Number(purposeId)))) fail("not_found", "no such link");
      return null;
    },
    give_consent: async ({ contactId, input }) => {
      requireUnlocked();
      const c = contact(contactId);
      notRestricted(c);
      const value = input as ConsentInput;
      if (value.text.trim() === "") fail("invalid_input", "text: record the exact text the person agreed to", "text");
      const p = purpose(value.purpose_id);
      if (p.direct_marketing && c.objected_at !== null) fail("suppressed", "objected to direct marketing");
      const event: ConsentEvent = {
        id: nextId++,
        kind: "given",
        purpose: p.name,
        purpose_id: p.id,
        at: now(),
        method: value.method,
        text_sha256: await sha256(value.text),
        text: value.text,
        evidence: value.evidence,
        recorded_by: "demo",
      };
      ledger.push(event);
      eventContact.set(event.id, c.id);
      const old = links.get(key(c.id, p.id));
      const source: Source = value.method === "paper" ? "other" : value.method;
      links.set(key(c.id, p.id), {
        basis: p.basis === "consent" || !old ? p.basis : old.basis,
        source,
        reviewed_at: now(),
        ended_at: null,
      });
      return event.id;
    },
    withdraw_consent: ({ contactId, purposeId, method }) => {
      requireUnlocked();
      const c = contact(contactId);
      const p = purpose(purposeId);
      if (currentGiven(c.id, p.id) === null) fail("invalid_input", "purpose: there is no current consent to withdraw", "purpose");
      const event: ConsentEvent = {
        id: nextId++,
        kind: "withdrawn",
        purpose: p.name,
        purpose_id: p.id,
        at: now(),
        method: method as Method,
        text_sha256: null,
        text: null,
        evidence: null,
        recorded_by: "demo",
      };
      ledger.push(event);
      eventContact.set(event.id, c.id);
      return event.id;
    },
    set_field: ({ contactId, fieldId, value, confirmNotBsn }) => {
      requireUnlocked();
      const c = contact(contactId);
      notRestricted(c);
      const field = fields.get(Number(fieldId)) ?? fail("not_found", "no such field");
      const text = String(value).trim();
      if (text === "") {
        if (field.required) fail("invalid_input", "value: this field is required", "value");
        values.delete(key(c.id, field.id));
        return null;
      }
      if (field.kind === "number" && !Number.isFinite(Number(text.replace(",", ".")))) {
        fail("invalid_input", "value: expected a number", "value");
      }
      if (confirmNotBsn !== true && looksLikeBsn(text)) fail("bsn_suspected", "value: looks like a BSN", "value");
      if (field.special_category && currentGiven(c.id, field.purpose_id) === null) {
        fail("invalid_input", `value: special-category data needs the person's current explicit consent for "${field.purpose}"`, "value");
      }
      values.set(key(c.id, field.id), text);
      return null;
    },
    restrict_contact: ({ id, reason }) => {
      requireUnlocked();
      const c = contact(id);
      contacts.set(c.id, { ...c, restricted_reason: String(reason) });
      return null;
    },
    unrestrict_contact: ({ id }) => {
      requireUnlocked();
      const c = contact(id);
      contacts.set(c.id, { ...c, restricted_reason: null });
      return null;
    },
    object_contact: ({ id }) => {
      requireUnlocked();
      const c = contact(id);
      let withdrawn = 0;
      let ended = 0;
      for (const l of linksOf(c)) {
        if (!l.purpose.direct_marketing) continue;
        if (l.consent_given_at !== null) {
          const event: ConsentEvent = {
            id: nextId++,
            kind: "withdrawn",
            purpose: l.purpose.name,
            purpose_id: l.purpose.id,
            at: now(),
            method: "other",
            text_sha256: null,
            text: null,
            evidence: null,
            recorded_by: "demo",
          };
          ledger.push(event);
          eventContact.set(event.id, c.id);
          withdrawn += 1;
        } else if (l.ended_at === null) {
          ended += 1;
        }
        links.set(key(c.id, l.purpose.id), { basis: l.basis, source: l.source, reviewed_at: l.reviewed_at, ended_at: now() });
      }
      c.emails.forEach((e) => suppressed.add(e.toLowerCase()));
      contacts.set(c.id, { ...c, objected_at: c.objected_at ?? now() });
      return { withdrawn, ended, suppressed: c.emails.length };
    },
    "plugin:dialog|save": ({ options }) => {
      const { defaultPath } = (options ?? {}) as { defaultPath?: string };
      return `/home/demo/${defaultPath ?? "export.csv"}`;
    },
  };
}
