import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { PurgeItem } from "../../bindings/PurgeItem";
import type { ReviewItem } from "../../bindings/ReviewItem";
import {
  apiError,
  callsOf,
  contact,
  DUTCH,
  installBackend,
  purgeReport,
  rule,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";
import { shownDate } from "../../components/DateField";
import { ymdAfter } from "./ReviewTab";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));


beforeEach(() => {
});

const RULES = [
  rule({
    key: "prospects",
    category: "Prospects zonder contact",
    period: "24m",
    period_text: "24 maanden",
    action: "delete",
    note: "Gerekend vanaf de laatste interactie.",
  }),
  rule({ changed: true, period: "36m", period_text: "36 maanden" }),
  rule({
    key: "fiscal-records",
    category: "Fiscale gegevens (offertes, facturen)",
    period: "7y",
    period_text: "7 jaar",
    action: "delete",
    note: "Fiscale bewaarplicht.",
  }),
];

function item(patch: Partial<PurgeItem> = {}): PurgeItem {
  return { rule: "prospects", category: "Prospects without contact", action: "delete", contact_id: 12, rows: 1, ...patch };
}

function review(patch: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 5,
    rule: "former-clients",
    category: "Former clients",
    contact_id: 9,
    name: "Sara Smit",
    reason: "rule",
    queued_at: "2025-01-06T08:00:00Z",
    kept_until: null,
    keep_reason: null,
    ...patch,
  };
}

function backend(handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    retention_rules: () => RULES,
    purge_plan: () => [],
    review_queue: () => [],
    deletion_log: () => [],
    retention_policy: () => "# Bewaarbeleid\n\nTekst.\n",
    ...handlers,
  });
}

async function openRetention(tab?: string) {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Bewaartermijnen" }));
  await screen.findByRole("heading", { level: 1, name: "Bewaarbeleid" });
  if (tab) await rendered.user.click(screen.getByRole("tab", { name: tab }));
  return rendered;
}

describe("retention rules", () => {
  it("comes after Register in the menu and lists the rules", async () => {
    backend();
    await openRetention();
    const nav = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(nav).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Overzicht",
      "Contacten",
      "Register",
      "Bewaartermijnen",
      "Verzoeken",
      "Datalekken",
      "Instellingen",
    ]);
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual([
      "Regels",
      "Proefrun",
      "Beoordelen",
      "Verwijderlogboek",
      "Beleid",
    ]);

    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Prospects zonder contact");
    expect(rows[1]).toHaveTextContent("24 maanden");
    expect(rows[1]).toHaveTextContent("Verwijderen");
    expect(rows[1]).toHaveTextContent("Gerekend vanaf de laatste interactie.");
    expect(rows[1]).not.toHaveTextContent("gewijzigd");
    expect(rows[2]).toHaveTextContent("Voormalige klanten");
    expect(rows[2]).toHaveTextContent("gewijzigd");
    expect(rows[2]).toHaveTextContent("Beoordelen");
    expect(callsOf("retention_rules")).toContainEqual({ language: "nl" });
  });

  it("composes the period from number and unit", async () => {
    backend({ set_retention_rule: () => null });
    const { user } = await openRetention();
    await user.click(await screen.findByRole("button", { name: "Wijzigen: Voormalige klanten" }));
    const form = within(screen.getByRole("form", { name: "Wijzigen: Voormalige klanten" }));
    const period = form.getByLabelText("Termijn");
    expect(period).toHaveValue("36");
    expect(period).toHaveFocus();
    expect(form.getByLabelText("Eenheid")).toHaveValue("m");
    expect(form.getByLabelText("Actie")).toHaveValue("review");

    await user.clear(period);
    await user.type(period, "3");
    await user.selectOptions(form.getByLabelText("Eenheid"), "jaar");
    await user.selectOptions(form.getByLabelText("Actie"), "Verwijderen");
    await user.click(form.getByRole("button", { name: "Opslaan" }));

    expect(await screen.findByText("Regel “Voormalige klanten” opgeslagen.")).toBeInTheDocument();
    expect(callsOf("set_retention_rule")).toEqual([{ key: "former-clients", period: "3y", action: "delete" }]);
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("shows the fiscal minimum at the period field", async () => {
    backend({
      set_retention_rule: () => {
        throw apiError("invalid_input", "period: fiscal records must be kept at least 7 years", "period");
      },
    });
    const { user } = await openRetention();
    await user.click(await screen.findByRole("button", { name: "Wijzigen: Fiscale gegevens (offertes, facturen)" }));
    const form = within(screen.getByRole("form", { name: "Wijzigen: Fiscale gegevens (offertes, facturen)" }));
    await user.clear(form.getByLabelText("Termijn"));
    await user.type(form.getByLabelText("Termijn"), "5");
    await user.click(form.getByRole("button", { name: "Opslaan" }));

    expect(await form.findByText(/minstens 7 jaar bewaren/)).toBeInTheDocument();
    expect(form.getByLabelText("Termijn")).toHaveAccessibleDescription(/minstens 7 jaar/);
    expect(callsOf("set_retention_rule")).toEqual([{ key: "fiscal-records", period: "5y", action: "delete" }]);
  });

  it("refuses an empty period without asking the backend", async () => {
    backend({ set_retention_rule: () => null });
    const { user } = await openRetention();
    await user.click(await screen.findByRole("button", { name: "Wijzigen: Prospects zonder contact" }));
    const form = within(screen.getByRole("form", { name: "Wijzigen: Prospects zonder contact" }));
    await user.clear(form.getByLabelText("Termijn"));
    await user.click(form.getByRole("button", { name: "Opslaan" }));
    expect(await form.findByText("Vul een heel getal van 1 tot en met 1200 in.")).toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "Annuleren" }));
    expect(callsOf("set_retention_rule")).toEqual([]);
    expect(screen.queryByRole("form")).toBeNull();
  });
});

describe("dry run", () => {
  it("says when nothing is due", async () => {
    backend();
    await openRetention("Proefrun");
    expect(await screen.findByText("Er is nu niets te verwijderen")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Nu opschonen" })).toBeDisabled();
    expect(screen.getByText(/automatisch, bij elke start/)).toBeInTheDocument();
  });

  it("groups by rule with the translated category and opens a contact", async () => {
    backend({
      purge_plan: () => [
        item({ contact_id: 12 }),
        item({ contact_id: 14 }),
        item({ contact_id: 15, action: "review" }),
        item({ rule: "audit", category: "Audit trail", contact_id: null, rows: 120 }),
      ],
      get_contact: ({ id }) => ({ contact: contact({ id: Number(id), name: "Piet Prospect" }), interactions: [] }),
      list_documents: () => [],
    });
    const { user } = await openRetention("Proefrun");

    const prospects = await screen.findByRole("region", { name: "Prospects zonder contact" });
    expect(prospects).toHaveTextContent("Verwijderen");
    expect(prospects).toHaveTextContent("2 items");
    expect(prospects).toHaveTextContent("Beoordelen");
    expect(prospects).toHaveTextContent("1 item");
    const deleteList = within(prospects).getByRole("list", { name: "Contacten: Verwijderen" });
    expect(within(deleteList).getAllByRole("button").map((b) => b.textContent)).toEqual(["Contact #12", "Contact #14"]);
    // No translation known for the audit rule here: the plan's own category is shown.
    const audit = screen.getByRole("region", { name: "Audit trail" });
    expect(audit).toHaveTextContent("120 items");
    expect(within(audit).queryByRole("button")).toBeNull();

    await user.click(within(prospects).getByRole("button", { name: "Contact #14" }));
    await screen.findByRole("heading", { level: 1, name: "Piet Prospect" });
    expect(callsOf("get_contact")).toEqual([{ id: 14 }]);
    await user.click(screen.getByRole("button", { name: "Terug naar bewaarbeleid" }));
    await screen.findByRole("heading", { level: 1, name: "Bewaarbeleid" });
    expect(screen.getByRole("tab", { name: "Proefrun" })).toHaveAttribute("aria-selected", "true");
  });

  it("cleans up after a confirmation, and asks again before a mass deletion", async () => {
    backend({
      purge_plan: () => [item()],
      purge_now: ({ confirm }) =>
        confirm === true
          ? purgeReport({ contacts_deleted: 60, interactions_deleted: 4 })
          : purgeReport({ ran: false, stopped: "confirm", contacts_due: 60, contacts_total: 70 }),
    });
    const { user } = await openRetention("Proefrun");
    await user.click(await screen.findByRole("button", { name: "Nu opschonen" }));

    const first = await screen.findByRole("dialog", { name: "Nu opschonen?" });
    expect(within(first).getByRole("button", { name: "Annuleren" })).toHaveFocus();
    await user.click(within(first).getByRole("button", { name: "Opschonen" }));

    const second = await screen.findByRole("dialog", { name: "Toch opschonen?" });
    expect(second).toHaveTextContent("60 van 70 contacten worden definitief verwijderd");
    await user.click(within(second).getByRole("button", { name: "Toch opschonen" }));

    await screen.findByText("Verwijderd volgens je bewaarbeleid: 60 contacten en 4 interacties");
    expect(callsOf("purge_now")).toEqual([{ confirm: false }, { confirm: true }]);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("does nothing when the confirmation is cancelled", async () => {
    backend({ purge_plan: () => [item()], purge_now: () => purgeReport() });
    const { user } = await openRetention("Proefrun");
    await user.click(await screen.findByRole("button", { name: "Nu opschonen" }));
    const dialog = await screen.findByRole("dialog", { name: "Nu opschonen?" });
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("purge_now")).toEqual([]);
  });
});

describe("review queue", () => {
  it("lists items with reason and kept date", async () => {
    backend({
      review_queue: () => [
        review(),
        review({
          id: 6,
          contact_id: 10,
          name: "Kees Kwast",
          reason: "restricted",
          kept_until: "2031-03-01",
          keep_reason: "Lopend geschil",
        }),
      ],
    });
    await openRetention("Beoordelen");
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Sara Smit");
    expect(rows[1]).toHaveTextContent("Voormalige klanten");
    expect(rows[1]).toHaveTextContent("Regel");
    expect(rows[1]).toHaveTextContent("6 januari 2025");
    expect(rows[2]).toHaveTextContent("Beperkt");
    expect(rows[2]).toHaveTextContent("1 maart 2031");
    expect(rows[2]).toHaveTextContent("Reden: Lopend geschil");
    expect(screen.getByRole("button", { name: "Bewaren: Kees Kwast" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Verwijderen: Kees Kwast" })).toBeInTheDocument();
  });

  it("keeps an item with a reason until a future date", async () => {
    backend({
      review_queue: () => [review()],
      // The core says whether the date is ahead (one rule for the CLI and the app).
      review_keep: ({ until }) => {
        if (until === shownDate(ymdAfter(0))) {
          throw apiError("invalid_input", "until: the next review date must be in the future", "until");
        }
        return null;
      },
    });
    const { user } = await openRetention("Beoordelen");
    await user.click(await screen.findByRole("button", { name: "Bewaren: Sara Smit" }));
    const form = within(screen.getByRole("form", { name: "Bewaren: Sara Smit" }));

    // Today is not in the future.
    await user.type(form.getByLabelText("Reden"), "Garantie loopt nog");
    expect(form.getByLabelText("Opnieuw beoordelen op")).toHaveAttribute("placeholder", "dd-mm-jjjj");
    await user.type(form.getByLabelText("Opnieuw beoordelen op"), shownDate(ymdAfter(0)));
    await user.click(form.getByRole("button", { name: "Bewaren" }));
    expect(await form.findByText("Kies een datum in de toekomst.")).toBeInTheDocument();

    const until = shownDate(ymdAfter(400));
    await user.clear(form.getByLabelText("Opnieuw beoordelen op"));
    await user.type(form.getByLabelText("Opnieuw beoordelen op"), until);
    await user.click(form.getByRole("button", { name: "Bewaren" }));
    expect(await screen.findByText(/Sara Smit blijft bewaard tot/)).toBeInTheDocument();
    expect(callsOf("review_keep").at(-1)).toEqual({ id: 5, reason: "Garantie loopt nog", until });
  });

  it("asks before deleting and names what goes", async () => {
    let queue = [review(), review({ id: 7, rule: "former-client-notes", name: "Lot Notitie", contact_id: 11 })];
    backend({
      review_queue: () => queue,
      review_delete: ({ id }) => {
        queue = queue.filter((q) => q.id !== id);
        return null;
      },
    });
    const { user } = await openRetention("Beoordelen");

    await user.click(await screen.findByRole("button", { name: "Verwijderen: Lot Notitie" }));
    let dialog = await screen.findByRole("dialog", { name: "Lot Notitie verwijderen?" });
    expect(dialog).toHaveTextContent("Alleen de notities en interacties van Lot Notitie");
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await user.click(screen.getByRole("button", { name: "Verwijderen: Sara Smit" }));
    dialog = await screen.findByRole("dialog", { name: "Sara Smit verwijderen?" });
    expect(dialog).toHaveTextContent("Het contact Sara Smit wordt definitief verwijderd");
    await user.click(within(dialog).getByRole("button", { name: "Definitief verwijderen" }));

    expect(await screen.findByText("Verwijderd. Dit staat nu in het verwijderlogboek.")).toBeInTheDocument();
    expect(callsOf("review_delete")).toEqual([{ id: 5 }]);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Verwijderen: Sara Smit" })).toBeNull());
  });

  it("explains that a restriction must be lifted first", async () => {
    backend({
      review_queue: () => [review({ reason: "restricted" })],
      review_delete: () => {
        throw apiError("restricted", "processing of this contact is restricted");
      },
      get_contact: ({ id }) => ({
        contact: contact({ id: Number(id), name: "Sara Smit", restricted_reason: "Betwist" }),
        interactions: [],
      }),
      list_documents: () => [],
      contact_privacy: () => ({ links: [], history: [], fields: [], undeliverable: [], recipient_notices: [] }),
      list_purposes: () => [],
    });
    const { user } = await openRetention("Beoordelen");
    await user.click(await screen.findByRole("button", { name: "Verwijderen: Sara Smit" }));
    const dialog = await screen.findByRole("dialog", { name: "Sara Smit verwijderen?" });
    await user.click(within(dialog).getByRole("button", { name: "Definitief verwijderen" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "De verwerking van Sara Smit is beperkt. Hef eerst de beperking op",
    );
    await user.click(within(dialog).getByRole("button", { name: "Naar de privacy van Sara Smit" }));
    await screen.findByRole("heading", { level: 1, name: "Sara Smit" });
    expect(screen.getByRole("tab", { name: "Privacy" })).toHaveAttribute("aria-selected", "true");
  });
});

describe("deletion log", () => {
  it("shows trigger, translated rule, count and ids, and says it holds no names", async () => {
    backend({
      deletion_log: () => [
        {
          id: 2,
          at: "2025-02-01T09:15:00Z",
          trigger: "review",
          rule: "former-clients",
          category: "Former clients",
          count: 1,
          ids: ["contact:9"],
        },
        {
          id: 1,
          at: "2025-01-06T08:00:00Z",
          trigger: "startup",
          rule: "rejected-applicants",
          category: "Rejected applicants",
          count: 2,
          ids: ["contact:12", "contact:13"],
        },
      ],
    });
    await openRetention("Verwijderlogboek");
    expect(screen.getByText(/geen namen of andere persoonsgegevens/)).toBeInTheDocument();
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Na beoordeling");
    expect(rows[1]).toHaveTextContent("Voormalige klanten");
    expect(rows[1]).toHaveTextContent("contact:9");
    expect(rows[2]).toHaveTextContent("Bij opstarten");
    // Not in the rules list: the entry's own category.
    expect(rows[2]).toHaveTextContent("Rejected applicants");
    expect(rows[2]).toHaveTextContent("2");
    expect(rows[2]).toHaveTextContent("contact:12, contact:13");
  });

  it("exports the log as CSV to the chosen file", async () => {
    // The backend asks where to save (no path from the window) and answers the file written.
    backend({ save_deletion_log: () => "/home/jan/verwijderlogboek.csv" });
    const { user } = await openRetention("Verwijderlogboek");
    await user.click(screen.getByRole("button", { name: "Exporteren (CSV)" }));
    expect(await screen.findByText("Verwijderlogboek opgeslagen.")).toBeInTheDocument();
    expect(callsOf("save_deletion_log")).toEqual([{}]);
  });

  it("says nothing, and shows no error, when the save dialog is cancelled", async () => {
    backend({ save_deletion_log: () => null });
    const { user } = await openRetention("Verwijderlogboek");
    await user.click(screen.getByRole("button", { name: "Exporteren (CSV)" }));
    await waitFor(() => expect(callsOf("save_deletion_log")).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole("button", { name: "Exporteren (CSV)" })).toBeEnabled());
    expect(screen.queryByText("Verwijderlogboek opgeslagen.")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("written policy", () => {
  const POLICY = [
    "# Bewaarbeleid",
    "",
    "We bewaren persoonsgegevens niet langer dan nodig.",
    "",
    "| Gegevens | Bewaartermijn | Daarna | Toelichting |",
    "|---|---|---|---|",
    "| Voormalige klanten | 24 maanden | beoordelen | <b>x</b> en a \\| b |",
    "| Audittrail | 2 jaar | verwijderen | <img src=x onerror=alert(1)> |",
    "",
    "Opgesteld op 2025-02-01",
    "",
  ].join("\n");

  it("renders headings, text and the table as text only", async () => {
    backend({ retention_policy: () => POLICY });
    await openRetention("Beleid");
    expect(await screen.findByRole("heading", { level: 2, name: "Bewaarbeleid" })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByText("We bewaren persoonsgegevens niet langer dan nodig.")).toBeInTheDocument();

    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Gegevens",
      "Bewaartermijn",
      "Daarna",
      "Toelichting",
    ]);
    const cells = within(table).getAllByRole("cell");
    expect(cells.map((c) => c.textContent)).toEqual([
      "Voormalige klanten",
      "24 maanden",
      "beoordelen",
      "<b>x</b> en a | b",
      "Audittrail",
      "2 jaar",
      "verwijderen",
      "<img src=x onerror=alert(1)>",
    ]);
    expect(table.querySelector("b")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
    expect(screen.getByText("Opgesteld op 2025-02-01")).toBeInTheDocument();
    expect(callsOf("retention_policy")).toEqual([{ language: "nl" }]);
  });

  it("exports the policy as Markdown", async () => {
    backend({ save_retention_policy: () => "/home/jan/bewaarbeleid.md" });
    const { user } = await openRetention("Beleid");
    await user.click(screen.getByRole("button", { name: "Exporteren (Markdown)" }));
    expect(await screen.findByText("Bewaarbeleid opgeslagen.")).toBeInTheDocument();
    expect(callsOf("save_retention_policy")).toEqual([{ language: "nl", pdf: false }]);
  });
});
