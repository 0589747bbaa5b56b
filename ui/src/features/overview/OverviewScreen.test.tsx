import { act, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { App } from "../../app/App";
import type { Overview } from "../../bindings/Overview";
import { callsOf, DUTCH, installBackend, installEvents, overview, summary, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";
import { CLOCK_REFRESH_MS } from "./queries";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

beforeEach(() => installEvents());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** An unlocked app whose overview is `next()` at each call. */
function backend(next: () => Overview) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    compliance_overview: () => next(),
    list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
    list_requests: () => [],
    backup_status: () => overview().backup,
    triage_list: () => [],
    list_purposes: () => [],
    review_queue: () => [],
    retention_rules: () => [],
    touch: () => null,
  });
}

const breach = (patch: Partial<Overview["breaches"][number]> = {}): Overview["breaches"][number] => ({
  id: 7,
  reference: "2026-001",
  aware_at: "2026-03-07T04:00:00Z",
  notify_by: "2026-03-10T05:00:00+01:00",
  running: true,
  overdue: false,
  minutes_left: 2 * 60 + 30,
  hours: 2,
  minutes: 30,
  target: { view: "breaches", id: 7 },
  ...patch,
});

/** An overview with every kind of line (the counts as the core would give them). */
function busy(): Overview {
  const o = overview();
  return {
    ...o,
    counts: {
      ...o.counts,
      requests_due: 1,
      requests_overdue: 1,
      breaches_open: 1,
      contacts_without_basis: 3,
      repermission_due: 2,
      review_queue: 1,
      processors_without_agreement: 1,
      backup_overdue: true,
      all_in_order: false,
    },
    requests: [
      { id: 2, kind: "erasure", due: "2026-03-05", days_left: -5, overdue: true, target: { view: "requests" } },
      { id: 1, kind: "access", due: "2026-03-12", days_left: 2, overdue: false, target: { view: "requests" } },
    ],
    breaches: [breach()],
    contacts_without_basis: { count: 3, target: { view: "register", tab: "triage" } },
    repermission_due: { count: 2, target: { view: "register", tab: "repermission" } },
    review_queue: { count: 1, target: { view: "retention", tab: "review" } },
    processors: [
      { id: 4, name: "Boekhouder", no_agreement: true, review_overdue: false, target: { view: "register", tab: "processors" } },
    ],
    backup: { ...o.backup, settings: { ...o.backup.settings, dir: "/media/usb" }, overdue: true, warning: "none-yet" },
  };
}

describe("the overview", () => {
  it("is the first screen after unlock, first in the menu, and says plainly when all is in order", async () => {
    backend(() => overview());
    renderApp(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overzicht" });
    const nav = screen.getByRole("navigation", { name: "Hoofdmenu" });
    const items = within(nav).getAllByRole("button");
    expect(items[0]).toHaveAccessibleName("Overzicht");
    expect(items[0]).toHaveAttribute("aria-current", "page");
    expect(await screen.findByText("Alles op orde")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Vraagt aandacht" })).toBeNull();
    // How things stand is shown too.
    const state = screen.getByRole("list", { name: "Stand van zaken" });
    expect(state).toHaveTextContent("Automatische back-ups staan uit");
    expect(state).toHaveTextContent("De audittrail is nog nooit gecontroleerd");
  });

  it("lists each thing that needs attention with the count the core gave", async () => {
    backend(busy);
    renderApp(<App />);
    const list = await screen.findByRole("list", { name: "Vraagt aandacht" });
    expect(screen.queryByText("Alles op orde")).toBeNull();
    for (const text of [
      "1 verzoek te laat",
      "1 verzoek binnen een week af te handelen",
      "Inzage: uiterlijk 12 maart 2026, nog 2 dagen",
      "Datalek 2026-001: nog 2 u 30 min om te beslissen over melden aan de AP",
      "3 contacten zonder grondslag",
      "2 toestemmingen toe aan hertoestemming",
      "1 contact wacht op je beoordeling (bewaartermijn)",
      "Verwerker Boekhouder: geen verwerkersovereenkomst vastgelegd",
      "Er is nog geen back-up gemaakt.",
    ]) {
      expect(list).toHaveTextContent(text);
    }
    expect(list).toHaveTextContent(/Wissing: uiterlijk 5 maart 2026, 5 dag\(en\) te laat/);
  });

  it("opens the place that fixes each line", async () => {
    backend(busy);
    const { user } = renderApp(<App />);
    await screen.findByRole("list", { name: "Vraagt aandacht" });
    await user.click(screen.getByRole("button", { name: "Naar te beoordelen" }));
    expect(await screen.findByRole("tab", { name: "Te beoordelen", selected: true })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Overzicht" }));
    await user.click(await screen.findByRole("button", { name: "Naar hertoestemming" }));
    expect(await screen.findByRole("tab", { name: "Hertoestemming", selected: true })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Overzicht" }));
    await user.click(await screen.findByRole("button", { name: "Naar de beoordelingslijst" }));
    expect(await screen.findByRole("tab", { name: "Beoordelen", selected: true })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Overzicht" }));
    await user.click(await screen.findByRole("button", { name: "Naar verzoeken" }));
    await screen.findByRole("heading", { level: 1, name: "Verzoeken van betrokkenen" });

    await user.click(screen.getByRole("button", { name: "Overzicht" }));
    await user.click(await screen.findByRole("button", { name: "Naar back-ups" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });

    // Processors are in the register.
    await user.click(screen.getByRole("button", { name: "Overzicht" }));
    await user.click(await screen.findByRole("button", { name: "Naar verwerkers" }));
    await screen.findByRole("heading", { level: 1, name: "Verwerkingsregister" });
  });

  it("refreshes the breach clock every 30 seconds by asking the core again", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    backend(() => {
      calls += 1;
      return { ...busy(), breaches: [calls === 1 ? breach() : breach({ minutes_left: 150 - 1, hours: 2, minutes: 29 })] };
    });
    renderApp(<App />);
    const list = await screen.findByRole("list", { name: "Vraagt aandacht" });
    expect(list).toHaveTextContent("nog 2 u 30 min");
    const before = callsOf("compliance_overview").length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CLOCK_REFRESH_MS);
    });
    expect(callsOf("compliance_overview").length).toBe(before + 1);
    expect(await screen.findByText(/nog 2 u 29 min/)).toBeInTheDocument();
  });

  it("shows an overdue breach and a purge waiting for confirmation", async () => {
    const o = overview();
    backend(() => ({
      ...o,
      counts: { ...o.counts, breaches_open: 1, breaches_overdue: 1, purge_stopped: "confirm", all_in_order: false },
      breaches: [breach({ overdue: true, minutes_left: -8 * 60, hours: 8, minutes: 0 })],
      purge: {
        at: "2026-03-10T12:00:00Z",
        trigger: "startup",
        removed: 0,
        report: {
          ran: false,
          stopped: "confirm",
          contacts_deleted: 0,
          interactions_deleted: 0,
          documents_deleted: 0,
          records_deleted: 0,
          audit_rows_pruned: 0,
          audit_older_than: null,
          records_older_than: null,
          queued_for_review: 0,
          contacts_due: 60,
          contacts_total: 70,
        },
      },
      purge_target: { view: "retention", tab: "plan" },
    }));
    const { user } = renderApp(<App />);
    const list = await screen.findByRole("list", { name: "Vraagt aandacht" });
    expect(list).toHaveTextContent("Datalek 2026-001: de 72 uur voor de melding aan de AP zijn 8 u 0 min voorbij");
    expect(list).toHaveTextContent("het zou 60 van 70 contacten verwijderen");
    await user.click(screen.getByRole("button", { name: "Naar de proefrun" }));
    expect(await screen.findByRole("tab", { name: "Proefrun", selected: true })).toBeInTheDocument();
  });

  it("is in English too", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => ({ ...DUTCH, language: "en" }),
      compliance_overview: () => overview(),
      touch: () => null,
    });
    renderApp(<App />);
    await screen.findByRole("heading", { level: 1, name: "Overview" });
    expect(await screen.findByText("All in order")).toBeInTheDocument();
  });
});
