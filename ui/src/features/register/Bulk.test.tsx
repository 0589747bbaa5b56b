// Bulk actions on the triage list, the re-permission list and the review queue (issue 13,
// item 10): rows are selected with labelled checkboxes, "select all N" takes every row, and one
// call carries all the ids; the backend's refusals and skips are said in words.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { BulkReport } from "../../bindings/BulkReport";
import type { ContactFlag } from "../../bindings/ContactFlag";
import type { ReviewItem } from "../../bindings/ReviewItem";
import { apiError, callsOf, DUTCH, installBackend, purpose, rule, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";
import { ymdAfter } from "../retention/ReviewTab";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const ADMIN = purpose({ id: 4, name: "Klantadministratie", basis: "contract", direct_marketing: false });
const NEWSLETTER = purpose({ id: 1, name: "Nieuwsbrief", basis: "consent", direct_marketing: true });

function flag(id: number, patch: Partial<ContactFlag> = {}): ContactFlag {
  return { contact_id: id, name: `Persoon ${id}`, purpose: null, purpose_id: null, since: null, marked_at: null, ...patch };
}

function report(patch: Partial<BulkReport> = {}): BulkReport {
  return {
    done: [],
    skipped_restricted: [],
    skipped_suppressed: [],
    stopped: null,
    contacts_due: 0,
    contacts_total: 0,
    ...patch,
  };
}

function backend(handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    list_purposes: () => [ADMIN, NEWSLETTER],
    list_fields: () => [],
    triage_list: () => [],
    repermission_list: () => [],
    retention_rules: () => [rule()],
    purge_plan: () => [],
    review_queue: () => [],
    deletion_log: () => [],
    retention_policy: () => "# Bewaarbeleid\n",
    ...handlers,
  });
}

async function open(menu: string, heading: string, tab: string) {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: menu }));
  await screen.findByRole("heading", { level: 1, name: heading });
  await rendered.user.click(screen.getByRole("tab", { name: tab }));
  return rendered;
}

const TRIAGE = Array.from({ length: 120 }, (_, i) => flag(i + 1));

describe("bulk actions on the triage list", () => {
  it("selects all 120 rows, not only some, and links them in one call", async () => {
    backend({
      triage_list: () => TRIAGE,
      bulk_link: ({ contactIds }) => report({ done: contactIds as number[] }),
    });
    const { user } = await open("Register", "Verwerkingsregister", "Te beoordelen");
    await user.click(await screen.findByRole("checkbox", { name: "Alle 120 selecteren" }));
    expect(screen.getByText("Geselecteerd: 120")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Persoon 120 selecteren" })).toBeChecked();

    await user.selectOptions(screen.getByLabelText("Koppelen aan doel"), "Klantadministratie (Overeenkomst)");
    await user.click(screen.getByRole("button", { name: "Koppelen (120)" }));

    await waitFor(() => expect(callsOf("bulk_link")).toHaveLength(1));
    const [call] = callsOf("bulk_link");
    expect(call!.purposeId).toBe(4);
    expect(call!.contactIds).toEqual(TRIAGE.map((f) => f.contact_id));
    expect(await screen.findByText("Gekoppeld: 120. (Klantadministratie)")).toBeInTheDocument();
  });

  it("acts on the rows ticked one by one, names restricted ones skipped, and explains a consent refusal", async () => {
    let refuse = true;
    backend({
      triage_list: () => [flag(8, { name: "Piet Pieters" }), flag(9, { name: "Sara Smit" }), flag(10)],
      bulk_link: ({ contactIds }) => {
        if (refuse) throw apiError("invalid_input", "consent is recorded per person", "purpose");
        return report({ done: [8], skipped_restricted: (contactIds as number[]).filter((id) => id === 9) });
      },
    });
    const { user } = await open("Register", "Verwerkingsregister", "Te beoordelen");
    await user.click(await screen.findByRole("checkbox", { name: "Piet Pieters selecteren" }));
    await user.click(screen.getByRole("checkbox", { name: "Sara Smit selecteren" }));
    expect(screen.getByRole("checkbox", { name: "Alle 3 selecteren" })).toHaveAttribute("data-indeterminate", "true");

    await user.selectOptions(screen.getByLabelText("Koppelen aan doel"), "Nieuwsbrief (Toestemming)");
    await user.click(screen.getByRole("button", { name: "Koppelen (2)" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Toestemming leg je per persoon vast");

    refuse = false;
    await user.selectOptions(screen.getByLabelText("Koppelen aan doel"), "Klantadministratie (Overeenkomst)");
    await user.click(screen.getByRole("button", { name: "Koppelen (2)" }));
    expect(callsOf("bulk_link").at(-1)).toEqual({ contactIds: [8, 9], purposeId: 4 });
    expect(await screen.findByText(/Overgeslagen omdat de verwerking beperkt is \(alleen-lezen\): Sara Smit/)).toBeInTheDocument();
  });

  it("deletes after the question, and asks the purge's second question at a mass deletion", async () => {
    backend({
      triage_list: () => TRIAGE,
      bulk_delete_contacts: ({ contactIds, confirm }) =>
        confirm
          ? report({ done: contactIds as number[] })
          : report({ stopped: "confirm", contacts_due: 120, contacts_total: 150 }),
    });
    const { user } = await open("Register", "Verwerkingsregister", "Te beoordelen");
    await user.click(await screen.findByRole("checkbox", { name: "Alle 120 selecteren" }));
    await user.click(screen.getByRole("button", { name: "Verwijderen (120)" }));
    const first = await screen.findByRole("dialog", { name: "120 verwijderen?" });
    await user.click(within(first).getByRole("button", { name: "Verwijderen (120)" }));
    const second = await screen.findByRole("dialog", { name: "Toch opschonen?" });
    expect(second).toHaveTextContent("120 van 150 contacten worden definitief verwijderd");
    expect(callsOf("bulk_delete_contacts")).toHaveLength(1);
    await user.click(within(second).getByRole("button", { name: "Toch opschonen" }));
    await waitFor(() => expect(callsOf("bulk_delete_contacts")).toHaveLength(2));
    expect(callsOf("bulk_delete_contacts")[1]).toMatchObject({ list: "triage", confirm: true });
    expect(await screen.findByText("Verwijderd: 120.")).toBeInTheDocument();
  });
});

describe("bulk actions on the re-permission list", () => {
  it("marks the selected links for a re-permission run", async () => {
    backend({
      repermission_list: () => [
        flag(2, { name: "Bram Visser", purpose: "Nieuwsbrief", purpose_id: 1 }),
        flag(3, { name: "Eva Mulder", purpose: "Nieuwsbrief", purpose_id: 1, marked_at: "2026-11-02T10:00:00Z" }),
      ],
      bulk_mark_repermission: ({ links }) => report({ done: (links as { contact_id: number }[]).map((l) => l.contact_id) }),
    });
    const { user } = await open("Register", "Verwerkingsregister", "Hertoestemming");
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[2]).toHaveTextContent("2 november 2026");
    await user.click(screen.getByRole("checkbox", { name: "Alle 2 selecteren" }));
    await user.click(screen.getByRole("button", { name: "Markeren voor hertoestemming (2)" }));
    await waitFor(() =>
      expect(callsOf("bulk_mark_repermission")).toEqual([
        {
          links: [
            { contact_id: 2, purpose_id: 1 },
            { contact_id: 3, purpose_id: 1 },
          ],
        },
      ]),
    );
    expect(await screen.findByText("Gemarkeerd voor hertoestemming: 2.")).toBeInTheDocument();
  });
});

function review(id: number, patch: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id,
    rule: "prospects",
    category: "Prospects",
    contact_id: 100 + id,
    name: `Prospect ${id}`,
    reason: "rule",
    queued_at: "2026-01-06T08:00:00Z",
    kept_until: null,
    keep_reason: null,
    ...patch,
  };
}

describe("bulk actions on the review queue", () => {
  it("keeps all selected items until one date with one reason", async () => {
    backend({
      review_queue: () => [review(1), review(2), review(3)],
      bulk_review_keep: ({ ids }) => report({ done: (ids as number[]).map((id) => 100 + id) }),
    });
    const { user } = await open("Bewaartermijnen", "Bewaarbeleid", "Beoordelen");
    await user.click(await screen.findByRole("checkbox", { name: "Prospect 1 selecteren" }));
    await user.click(screen.getByRole("checkbox", { name: "Prospect 3 selecteren" }));
    const form = screen.getByRole("form", { name: "Geselecteerde items bewaren" });
    await user.click(within(form).getByRole("button", { name: "Bewaren (2)" }));
    expect(within(form).getByText("Vul een reden in.")).toBeInTheDocument();
    expect(callsOf("bulk_review_keep")).toHaveLength(0);

    const until = ymdAfter(60);
    await user.type(within(form).getByLabelText("Reden"), "Lopende offerte");
    await user.type(within(form).getByLabelText("Opnieuw beoordelen op"), until);
    await user.click(within(form).getByRole("button", { name: "Bewaren (2)" }));
    await waitFor(() =>
      expect(callsOf("bulk_review_keep")).toEqual([{ ids: [1, 3], reason: "Lopende offerte", until }]),
    );
    expect(await screen.findByText(/^Bewaard: 2\. Ze komen terug ter beoordeling op/)).toBeInTheDocument();
  });

  it("deletes the selected items and names a restricted contact it skipped", async () => {
    backend({
      review_queue: () => [review(1), review(2, { reason: "restricted", name: "Beperkt Persoon" })],
      bulk_review_delete: () => report({ done: [101], skipped_restricted: [102] }),
    });
    const { user } = await open("Bewaartermijnen", "Bewaarbeleid", "Beoordelen");
    await user.click(await screen.findByRole("checkbox", { name: "Alle 2 selecteren" }));
    await user.click(screen.getByRole("button", { name: "Verwijderen (2)" }));
    const dialog = await screen.findByRole("dialog", { name: "2 verwijderen?" });
    await user.click(within(dialog).getByRole("button", { name: "Verwijderen (2)" }));
    await waitFor(() => expect(callsOf("bulk_review_delete")).toEqual([{ ids: [1, 2], confirm: false }]));
    expect(
      await screen.findByText("Verwijderd: 1. Overgeslagen omdat de verwerking beperkt is (alleen-lezen): Beperkt Persoon."),
    ).toBeInTheDocument();
  });
});
