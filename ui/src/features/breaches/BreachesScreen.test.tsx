import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Breach } from "../../bindings/Breach";
import { apiError, callsOf, DUTCH, installBackend, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";
import { CLOCK_REFRESH_MS } from "./queries";
import { breach, lostDeviceDraft } from "./examples";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

function backend(list: Breach[], handlers: Handlers = {}, settings = DUTCH) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => settings,
    list_contacts: () => ({ items: [], total: 0 }),
    list_requests: () => [],
    backup_status: () => ({ settings: { dir: null, keep: 10, every_hours: 24 }, last_backup_at: null, overdue: false, warning: null }),
    list_breaches: () => [...list],
    get_breach: (args) => list.find((b) => b.id === args.id) ?? list[0],
    ...handlers,
  });
}

async function openBreaches(name = "Datalekken") {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name }));
  return rendered;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the breach register", () => {
  it("shows each breach's clock in words from the core's minutes left", async () => {
    backend([
      breach({ id: 1, reference: "2026-001" }),
      breach({
        id: 2,
        reference: "2026-002",
        deadline: { notify_by: "2026-03-30T13:00:00+02:00", running: true, minutes_left: -185, overdue: true, text: "" },
      }),
      breach({
        id: 4,
        reference: "2026-004",
        ap_decision: "no-notify",
        deadline: { notify_by: "2026-03-30T13:00:00+02:00", running: false, minutes_left: -900, overdue: false, text: "" },
      }),
    ]);
    await openBreaches();
    await screen.findByRole("heading", { level: 1, name: "Datalekken" });
    const row = (ref: string) => screen.getByRole("button", { name: ref }).closest("tr") as HTMLElement;
    await screen.findByRole("button", { name: "2026-001" });
    expect(within(row("2026-001")).getByText("nog 52 u 30 min")).toBeInTheDocument();
    expect(within(row("2026-002")).getByText("te laat: 3 u 5 min")).toBeInTheDocument();
    expect(within(row("2026-004")).getByText("besluit genomen")).toBeInTheDocument();
  });

  it("says it in English too", async () => {
    backend([breach({ deadline: { notify_by: "", running: true, minutes_left: 45, overdue: false, text: "" } })], {}, {
      language: "en",
      auto_lock_minutes: 10,
    });
    await openBreaches("Breaches");
    expect(await screen.findByText("45 min left")).toBeInTheDocument();
  });

  it("fetches the clock again every 30 seconds while the AP decision is open, not after", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const running = [breach()];
    backend(running);
    await openBreaches();
    await screen.findByText("nog 52 u 30 min");
    const before = callsOf("list_breaches").length;
    running[0] = breach({ deadline: { ...breach().deadline, minutes_left: 52 * 60 } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CLOCK_REFRESH_MS + 100);
    });
    await screen.findByText("nog 52 u");
    expect(callsOf("list_breaches").length).toBeGreaterThan(before);

    running[0] = breach({ ap_decision: "notify", deadline: { ...breach().deadline, running: false } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CLOCK_REFRESH_MS + 100);
    });
    await screen.findByText("besluit genomen");
    const decided = callsOf("list_breaches").length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3 * CLOCK_REFRESH_MS);
    });
    expect(callsOf("list_breaches").length).toBe(decided);
  });

  it("the lost-device helper shows the core's draft and saves it with its details", async () => {
    backend([], { lost_device_draft: () => lostDeviceDraft(), add_breach: () => 3, get_breach: () => breach() });
    const { user } = await openBreaches();
    await user.click(await screen.findByRole("button", { name: "Laptop of back-upschijf kwijt of gestolen" }));
    const form = await screen.findByRole("form", { name: "Datalek: laptop of back-upschijf kwijt" });
    expect(callsOf("lost_device_draft")).toEqual([{ language: "nl" }]);
    expect(within(form).getByText(/Art\. 34 lid 3 onder a AVG/)).toBeInTheDocument();
    expect(within(form).getByText(/uitzondering \(a\) Gegevens onbegrijpelijk/)).toBeInTheDocument();
    expect(within(form).getByText("Er is geen recente back-up: ook beschikbaarheid is aangetast.")).toBeInTheDocument();
    expect(within(form).getByLabelText(/Ontdekt op/)).toHaveValue("27-03-2026 12:00");
    expect(within(form).getByLabelText("Beschikbaarheid")).toBeChecked();
    expect(within(form).getByLabelText("Vertrouwelijkheid")).toBeChecked();
    expect(within(form).getByLabelText("Integriteit")).not.toBeChecked();
    expect(within(form).getByLabelText("Maatregelen die er al waren")).toHaveValue(
      "De kluis is versleuteld met SQLCipher 4 (AES-256).",
    );
    await user.click(within(form).getByRole("button", { name: "Datalek registreren" }));
    await waitFor(() => expect(callsOf("add_breach")).toHaveLength(1));
    const [{ input, details }] = callsOf("add_breach") as [{ input: Record<string, unknown>; details: Record<string, unknown> }];
    expect(input).toMatchObject({ aware_at: "27-03-2026 12:00", nature: ["confidentiality", "availability"], approx_people: 12, risk: "risk" });
    expect(details).toMatchObject({
      data_categories: ["naam", "e-mail"],
      measures_before: "De kluis is versleuteld met SQLCipher 4 (AES-256).",
      risk_reasoning: "Versleuteld, maar geen recente back-up.",
    });
    // Nothing of the decisions: the helper only registers.
    expect(callsOf("notify_breach")).toHaveLength(0);
    expect(callsOf("inform_breach")).toHaveLength(0);
    await screen.findByRole("heading", { level: 1, name: "Datalek 2026-003" });
  });

  it("a new breach needs the moment of becoming aware and a description; the core's refusal shows at the field", async () => {
    backend([], { add_breach: () => Promise.reject(apiError("invalid_input", "lies in the future", "aware_at")) });
    const { user } = await openBreaches();
    await user.click(await screen.findByRole("button", { name: "Nieuw datalek" }));
    const form = await screen.findByRole("form", { name: "Nieuw datalek registreren" });
    const aware = within(form).getByLabelText(/Ontdekt op/);
    await user.clear(aware);
    await user.click(within(form).getByRole("button", { name: "Datalek registreren" }));
    expect(await within(form).findByText("Vul in wanneer je het lek ontdekte.")).toBeInTheDocument();
    expect(within(form).getByText("Beschrijf wat er gebeurd is.")).toBeInTheDocument();
    expect(callsOf("add_breach")).toHaveLength(0);
    await user.type(aware, "01-01-2099 10:00");
    await user.type(within(form).getByLabelText(/Omschrijving/), "USB-stick kwijt");
    await user.click(within(form).getByRole("button", { name: "Datalek registreren" }));
    expect(await within(form).findByText("Dit moment ligt in de toekomst.")).toBeInTheDocument();
    expect(callsOf("add_breach")[0]).toMatchObject({ input: { aware_at: "01-01-2099 10:00", description: "USB-stick kwijt", occurred_at: null } });
  });
});
