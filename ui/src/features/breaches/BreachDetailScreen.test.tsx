import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Breach } from "../../bindings/Breach";
import { apiError, callsOf, DUTCH, installBackend, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";
import { breach } from "./examples";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

function backend(b: Breach, handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    list_requests: () => [],
    backup_status: () => ({ settings: { dir: null, keep: 10, every_hours: 24 }, last_backup_at: null, overdue: false, warning: null }),
    list_breaches: () => [b],
    get_breach: () => b,
    ...handlers,
  });
}

async function openDetail() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Datalekken" }));
  await rendered.user.click(await screen.findByRole("button", { name: "2026-003" }));
  await screen.findByRole("heading", { level: 1, name: "Datalek 2026-003" });
  return rendered;
}

describe("a breach's page", () => {
  it("shows the running clock and sends only the fields that changed", async () => {
    backend(breach(), { edit_breach: () => null });
    const { user } = await openDetail();
    expect(screen.getByLabelText("72-uursklok")).toHaveTextContent("nog 52 u 30 min");
    const form = screen.getByRole("form", { name: "Het datalek" });
    await user.type(within(form).getByLabelText("Maatregelen om het lek te herstellen"), "Sleutel vervangen");
    await user.type(within(form).getByLabelText("Maatregelen om herhaling te voorkomen"), "Geen sleutel onthouden");
    await user.click(within(form).getByLabelText("Integriteit"));
    await user.click(within(form).getByRole("button", { name: "Wijzigingen opslaan" }));
    await waitFor(() => expect(callsOf("edit_breach")).toHaveLength(1));
    const { edit } = callsOf("edit_breach")[0] as { edit: Record<string, unknown> };
    expect(edit.corrective_measures).toBe("Sleutel vervangen");
    expect(edit.preventive_measures).toBe("Geen sleutel onthouden");
    expect(edit.nature).toEqual(["confidentiality", "integrity"]);
    const unchanged = Object.entries(edit).filter(([, v]) => v !== null).map(([k]) => k);
    expect(unchanged.sort()).toEqual(["corrective_measures", "nature", "preventive_measures"]);
  });

  it("records the notification to the AP with the case number, and shows the core's refusal of a late one", async () => {
    backend(breach(), {
      notify_breach: (args) =>
        args.lateReason === null ? Promise.reject(apiError("invalid_input", "later than 72 hours", "late_reason")) : null,
    });
    const { user } = await openDetail();
    const form = screen.getByRole("form", { name: "Besluit over de melding" });
    const at = within(form).getByLabelText(/Gemeld bij de AP op/);
    await user.clear(at);
    await user.type(at, "31-03-2026 09:00");
    await user.type(within(form).getByLabelText("Meldnummer van de AP"), "AP-123");
    await user.click(within(form).getByRole("button", { name: "Besluit vastleggen" }));
    expect(await within(form).findByRole("alert")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Reden voor een melding na 72 uur"), "Weekend");
    await user.click(within(form).getByRole("button", { name: "Besluit vastleggen" }));
    await waitFor(() => expect(callsOf("notify_breach")).toHaveLength(2));
    expect(callsOf("notify_breach")[1]).toEqual({ id: 3, at: "31-03-2026 09:00", caseNumber: "AP-123", lateReason: "Weekend" });
  });

  it("records not notifying with the reason, and the Art. 34(3) exception for the people", async () => {
    backend(breach(), { decide_breach_no_notify: () => null, inform_breach: () => null });
    const { user } = await openDetail();
    const ap = screen.getByRole("form", { name: "Besluit over de melding" });
    await user.click(within(ap).getByLabelText("Niet melden"));
    await user.type(within(ap).getByLabelText(/Waarom niet melden/), "Versleuteld, sleutel niet op de laptop");
    await user.click(within(ap).getByRole("button", { name: "Besluit vastleggen" }));
    await waitFor(() =>
      expect(callsOf("decide_breach_no_notify")).toEqual([{ id: 3, reason: "Versleuteld, sleutel niet op de laptop" }]),
    );
    const people = screen.getByRole("form", { name: "Betrokkenen" });
    await user.click(within(people).getByLabelText("Uitzondering (art. 34 lid 3)"));
    await user.click(within(people).getByRole("button", { name: "Vastleggen" }));
    await waitFor(() => expect(callsOf("inform_breach")).toEqual([{ id: 3, people: { exception: "encrypted" } }]));
  });

  it("saves the report through the backend's save dialog in the language chosen", async () => {
    backend(breach({ ap_decision: "notify", notified_at: "2026-03-28T10:00:00Z" }), {
      save_breach_report: () => "/home/test/datalek-2026-003.pdf",
    });
    const { user } = await openDetail();
    await user.selectOptions(screen.getByLabelText("Taal van het rapport"), "en");
    await user.click(screen.getByRole("button", { name: "Rapport opslaan (PDF)" }));
    expect(await screen.findByText("Rapport opgeslagen: /home/test/datalek-2026-003.pdf")).toBeInTheDocument();
    expect(callsOf("save_breach_report")).toEqual([{ id: 3, language: "en" }]);
    // Notified: follow-ups can be added; closing is possible.
    expect(screen.getByRole("form", { name: "Vervolgmelding toevoegen" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Datalek sluiten" })).toBeEnabled();
  });
});
