// The retention half of the in-memory dev backend (`npm run dev:mock`): rules, the purge
// (plan, run, the opening report), the review queue, the deletion log, the written policy
// and fiscal records. A rough imitation of the Rust core; never part of a build.
import type { Action } from "../bindings/Action";
import type { ApiError } from "../bindings/ApiError";
import type { Contact } from "../bindings/Contact";
import type { DeletionLogEntry } from "../bindings/DeletionLogEntry";
import type { DocumentKind } from "../bindings/DocumentKind";
import type { FiscalDocument } from "../bindings/FiscalDocument";
import type { Interaction } from "../bindings/Interaction";
import type { PurgeItem } from "../bindings/PurgeItem";
import type { PurgeReport } from "../bindings/PurgeReport";
import type { ReviewItem } from "../bindings/ReviewItem";
import type { Rule } from "../bindings/Rule";
import type { RuleKey } from "../bindings/RuleKey";

type Args = Record<string, unknown>;

export type RetentionDeps = {
  contacts: Map<number, Contact>;
  interactions: Interaction[];
  now: () => string;
  requireUnlocked: () => void;
  fail: (code: ApiError["code"], message: string, field?: string | null) => never;
};

type Preset = { period: string; action: Action; nl: [string, string]; en: [string, string] };

const PRESETS: Record<RuleKey, Preset> = {
  prospects: {
    period: "24m",
    action: "delete",
    nl: ["Prospects zonder contact", "Gerekend vanaf de laatste interactie."],
    en: ["Prospects without contact", "Counted from the last interaction."],
  },
  "former-client-notes": {
    period: "12m",
    action: "review",
    nl: ["Notities en interacties van voormalige klanten", "Na het einde van de relatie zijn notities niet meer nodig."],
    en: ["Notes and interactions of former clients", "After the relationship ends notes are no longer needed."],
  },
  "former-clients": {
    period: "24m",
    action: "review",
    nl: ["Voormalige klanten", "Bewaar basisgegevens alleen met een reden."],
    en: ["Former clients", "Keep basic details only with a reason."],
  },
  "rejected-applicants": {
    period: "4w",
    action: "delete",
    nl: ["Afgewezen sollicitanten", "Vier weken na afwijzing, tenzij er toestemming is."],
    en: ["Rejected applicants", "Four weeks after rejection, unless they consented."],
  },
  "fiscal-records": {
    period: "7y",
    action: "delete",
    nl: ["Fiscale gegevens (offertes, facturen)", "Fiscale bewaarplicht: zeven jaar na het einde van het boekjaar | art. 52 AWR."],
    en: ["Fiscal records (quotes, invoices)", "Fiscal retention duty: seven years after the end of the financial year | Art. 52 AWR."],
  },
  records: {
    period: "5y",
    action: "delete",
    nl: ["Verzoeken van betrokkenen en het verwijderlogboek", "Verantwoording (AVG art. 5(2))."],
    en: ["Data-subject requests and the deletion log", "Accountability (GDPR Art. 5(2))."],
  },
  audit: {
    period: "2y",
    action: "delete",
    nl: ["Audittrail", "Wie wat wanneer inzag of wijzigde."],
    en: ["Audit trail", "Who viewed or changed what, when."],
  },
};

const KEYS = Object.keys(PRESETS) as RuleKey[];

function describe(period: string, dutch: boolean): string {
  const n = Number(period.slice(0, -1));
  const unit = period.slice(-1);
  const words: Record<string, [string, string, string, string]> = {
    d: ["dag", "dagen", "day", "days"],
    w: ["week", "weken", "week", "weeks"],
    m: ["maand", "maanden", "month", "months"],
    y: ["jaar", "jaar", "year", "years"],
  };
  const [nl1, nl, en1, en] = words[unit] ?? ["", "", "", ""];
  return `${n} ${dutch ? (n === 1 ? nl1 : nl) : n === 1 ? en1 : en}`;
}

/** "1.250,50", "1250.50", "€ 1250" → cents, as the core reads them. */
function parseAmount(text: string): number | null {
  const t = text.trim().replace(/^€/, "").trim();
  const comma = t.lastIndexOf(",");
  const normalised = comma >= 0 && t.length - comma <= 3 ? `${t.slice(0, comma).replace(/\./g, "")}.${t.slice(comma + 1)}` : t.replace(/,/g, "");
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(normalised);
  if (!match) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] === "-" ? -cents : cents;
}

const emptyReport = (): PurgeReport => ({
  ran: true,
  stopped: null,
  contacts_deleted: 0,
  interactions_deleted: 0,
  documents_deleted: 0,
  records_deleted: 0,
  audit_rows_pruned: 0,
  queued_for_review: 0,
  contacts_due: 0,
  contacts_total: 0,
});

/**
 * `purge` (from `?purge=`) decides what the first unlock reports: "removed", "confirm"
 * (a mass deletion waits for confirmation) or "clock"; anything else reports nothing.
 */
export function retentionHandlers(
  deps: RetentionDeps,
  seed: boolean,
  purge: string | null,
): {
  handlers: Record<string, (args: Args) => unknown>;
  openingReport: () => PurgeReport | null;
  /** Erasure at the person's request: the contact goes, its fiscal records stay (unlinked). */
  erase: (contactId: number, requestId: number | null) => void;
} {
  const { contacts, interactions, now, requireUnlocked, fail } = deps;
  const rules = new Map<RuleKey, { period: string; action: Action }>(
    KEYS.map((key) => [key, { period: PRESETS[key].period, action: PRESETS[key].action }]),
  );
  const queue: ReviewItem[] = [];
  const log: DeletionLogEntry[] = [];
  const documents: FiscalDocument[] = [];
  let nextId = 1;
  let opened = 0;

  const rule = (key: RuleKey) => rules.get(key) ?? PRESETS[key];
  const contact = (id: unknown) => contacts.get(Number(id)) ?? fail("not_found", "no such contact");
  const addLog = (trigger: string, key: RuleKey, ids: number[], count: number) => {
    log.unshift({
      id: nextId++,
      at: now(),
      trigger,
      rule: key,
      category: PRESETS[key].en[0],
      count,
      ids: ids.map((id) => `contact:${id}`),
    });
  };
  const deleteContact = (id: number) => {
    contacts.delete(id);
    for (let i = interactions.length - 1; i >= 0; i--) if (interactions[i]?.contact_id === id) interactions.splice(i, 1);
    for (const doc of documents) if (doc.contact_id === id) doc.contact_id = null;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.contact_id === id) queue.splice(i, 1);
  };

  // Due in the mock: prospects named "Demo Contact 5x" (they "had no contact for years").
  const plan = (): PurgeItem[] =>
    [...contacts.values()]
      .filter((c) => c.relationship === "prospect" && /^Demo Contact 5\d$/.test(c.name))
      .map((c) => ({
        rule: "prospects" as const,
        category: PRESETS.prospects.en[0],
        action: c.restricted_reason === null ? rule("prospects").action : ("review" as const),
        contact_id: c.id,
        rows: 1,
      }));

  const run = (trigger: string, confirm: boolean, massAlways: boolean): PurgeReport => {
    const items = plan();
    const deleting = items.filter((i) => i.action === "delete");
    const report = { ...emptyReport(), contacts_due: deleting.length, contacts_total: contacts.size };
    if ((massAlways || deleting.length > 50) && !confirm && deleting.length > 0) {
      return { ...report, ran: false, stopped: "confirm" };
    }
    for (const item of items) {
      const id = item.contact_id ?? 0;
      if (item.action === "delete") {
        deleteContact(id);
        report.contacts_deleted += 1;
      } else if (!queue.some((q) => q.contact_id === id && q.rule === item.rule)) {
        const c = contact(id);
        queue.push({
          id: nextId++,
          rule: item.rule,
          category: item.category,
          contact_id: id,
          name: c.name,
          reason: c.restricted_reason === null ? "rule" : "restricted",
          queued_at: now(),
          kept_until: null,
          keep_reason: null,
        });
        report.queued_for_review += 1;
      }
    }
    if (deleting.length > 0) addLog(trigger, "prospects", deleting.map((i) => i.contact_id ?? 0), deleting.length);
    return report;
  };

  if (seed) {
    const former = [...contacts.values()].find((c) => c.relationship === "former-client");
    if (former) {
      queue.push({
        id: nextId++,
        rule: "former-clients",
        category: PRESETS["former-clients"].en[0],
        contact_id: former.id,
        name: former.name,
        reason: "rule",
        queued_at: "2025-01-06T08:00:00Z",
        kept_until: null,
        keep_reason: null,
      });
    }
    log.push({
      id: nextId++,
      at: "2025-01-06T08:00:00Z",
      trigger: "startup",
      rule: "rejected-applicants",
      category: PRESETS["rejected-applicants"].en[0],
      count: 2,
      ids: ["contact:901", "contact:902"],
    });
    documents.push(
      { id: nextId++, contact_id: 1, kind: "quote", number: "OFF-2024-003", date: "2024-04-18", amount_cents: 125050, counterparty_name: "Voorbeeld BV", counterparty_address: null },
      { id: nextId++, contact_id: 1, kind: "invoice", number: "2024-017", date: "2024-05-02", amount_cents: 125050, counterparty_name: "Voorbeeld BV", counterparty_address: null },
    );
  }

  const openingReport = (): PurgeReport | null => {
    opened += 1;
    if (opened > 1) return null; // only the first opening has something to tell
    if (purge === "removed") {
      const report = run("startup", true, false);
      return { ...report, contacts_deleted: Math.max(report.contacts_deleted, 2), interactions_deleted: 3 };
    }
    if (purge === "confirm") return run("startup", false, true);
    if (purge === "clock") return { ...emptyReport(), ran: false, stopped: "clock" };
    return null;
  };

  const policy = (dutch: boolean): string => {
    const esc = (s: string) => s.replace(/\|/g, "\\|");
    const head = dutch
      ? "# Bewaarbeleid\n\nWe bewaren persoonsgegevens niet langer dan nodig is. Kluis voert dit automatisch uit bij elke start.\n\n| Gegevens | Bewaartermijn | Daarna | Toelichting |\n|---|---|---|---|\n"
      : "# Retention policy\n\nWe keep personal data no longer than needed. Kluis applies this automatically every time it starts.\n\n| Data | Retention period | Then | Note |\n|---|---|---|---|\n";
    const rows = KEYS.map((key) => {
      const { period, action } = rule(key);
      const [category, note] = dutch ? PRESETS[key].nl : PRESETS[key].en;
      const then = dutch ? (action === "delete" ? "verwijderen" : "beoordelen") : action;
      return `| ${esc(category)} | ${describe(period, dutch)} | ${then} | ${esc(note)} |\n`;
    }).join("");
    return `${head}${rows}\n${dutch ? "Opgesteld op" : "Drawn up on"} ${now().slice(0, 10)}\n`;
  };

  const handlers: Record<string, (args: Args) => unknown> = {
    retention_rules: ({ language }) => {
      requireUnlocked();
      const dutch = language !== "en";
      return KEYS.map((key): Rule => {
        const { period, action } = rule(key);
        const [category, note] = dutch ? PRESETS[key].nl : PRESETS[key].en;
        return {
          key,
          category,
          period,
          period_text: describe(period, dutch),
          action,
          note,
          changed: period !== PRESETS[key].period || action !== PRESETS[key].action,
        };
      });
    },
    set_retention_rule: ({ key, period, action }) => {
      requireUnlocked();
      const k = key as RuleKey;
      if (!KEYS.includes(k)) fail("invalid_input", "key: unknown rule", "key");
      const p = String(period);
      const match = /^(\d+)([dwmy])$/.exec(p);
      const n = Number(match?.[1] ?? 0);
      if (!match || n < 1 || n > 1200) fail("invalid_input", "period: expected a number and d, w, m or y, like 24m or 7y", "period");
      const days = n * ({ d: 1, w: 7, m: 30.4, y: 365.25 }[match?.[2] ?? "d"] ?? 1);
      if (k === "fiscal-records" && days < 7 * 365) fail("invalid_input", "period: fiscal records must be kept at least 7 years", "period");
      if (action !== "delete" && action !== "review") fail("invalid_input", "action: delete or review", "action");
      rules.set(k, { period: p, action: action as Action });
      return null;
    },
    purge_plan: () => {
      requireUnlocked();
      return plan();
    },
    purge_now: ({ confirm }) => {
      requireUnlocked();
      return run("manual", confirm === true, false);
    },
    review_queue: () => {
      requireUnlocked();
      return queue.map((item) => ({ ...item, name: contacts.get(item.contact_id)?.name ?? item.name }));
    },
    review_keep: ({ id, reason, until }) => {
      requireUnlocked();
      const item = queue.find((q) => q.id === Number(id)) ?? fail("not_found", "no such review item");
      const why = String(reason).trim();
      if (why === "") fail("invalid_input", "reason: give the reason to keep, at most 500 characters", "reason");
      const date = String(until);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date <= now().slice(0, 10)) {
        fail("invalid_input", "until: the next review date must be in the future", "until");
      }
      item.kept_until = date;
      item.keep_reason = why;
      return null;
    },
    review_delete: ({ id }) => {
      requireUnlocked();
      const index = queue.findIndex((q) => q.id === Number(id));
      const item = queue[index] ?? fail("not_found", "no such review item");
      if (contact(item.contact_id).restricted_reason !== null) fail("restricted", "processing of this contact is restricted");
      queue.splice(index, 1);
      if (item.rule === "former-client-notes") {
        const before = interactions.length;
        for (let i = interactions.length - 1; i >= 0; i--) if (interactions[i]?.contact_id === item.contact_id) interactions.splice(i, 1);
        addLog("review", item.rule, [item.contact_id], before - interactions.length);
      } else {
        deleteContact(item.contact_id);
        addLog("review", item.rule, [item.contact_id], 1);
      }
      return null;
    },
    deletion_log: () => {
      requireUnlocked();
      return log;
    },
    save_deletion_log: () => {
      requireUnlocked();
      return null;
    },
    retention_policy: ({ language }) => {
      requireUnlocked();
      return policy(language !== "en");
    },
    save_retention_policy: () => {
      requireUnlocked();
      return null;
    },
    list_documents: ({ contactId }) => {
      requireUnlocked();
      return documents
        .filter((d) => d.contact_id === Number(contactId))
        .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
    },
    add_document: ({ contactId, kind, number, date, amount }) => {
      requireUnlocked();
      const c = contact(contactId);
      if (c.restricted_reason !== null) fail("restricted", "processing of this contact is restricted");
      const num = String(number).trim();
      if (num === "" || num.length > 60) fail("invalid_input", "number: a document number of at most 60 characters", "number");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(date))) fail("invalid_input", "date: expected YYYY-MM-DD", "date");
      const cents = parseAmount(String(amount)) ?? fail("invalid_input", "amount: expected an amount like 1250.50", "amount");
      const id = nextId++;
      documents.push({
        id,
        contact_id: c.id,
        kind: kind as DocumentKind,
        number: num,
        date: String(date),
        amount_cents: cents,
        counterparty_name: c.organisation ?? c.name,
        counterparty_address: c.address,
      });
      return id;
    },
  };

  const erase = (contactId: number, requestId: number | null) => {
    deleteContact(contactId);
    const ids = [`contact:${contactId}`, ...(requestId === null ? [] : [`request:${requestId}`])];
    log.unshift({ id: nextId++, at: now(), trigger: "erasure", rule: "erasure", category: "Erasure at the person's request", count: 1, ids });
  };

  return { handlers, openingReport, erase };
}
