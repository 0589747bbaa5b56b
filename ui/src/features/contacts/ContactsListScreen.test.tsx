import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { ContactDetail } from "../../bindings/ContactDetail";
import { callsOf, DUTCH, summary, installBackend, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const TRICKY = 'Zoë <b>de</b> Vries & "Co"';

function detail(id: number, name: string): ContactDetail {
  return {
    contact: {
      id,
      name,
      emails: ["zoe@example.com"],
      phones: ["+31 6 12345678"],
      address: "Dorpsstraat 1\n1234 AB Ergens",
      organisation: "<i>Co</i>",
      job_title: null,
      relationship: "former-client",
      relationship_ended: "2024-03-31",
      created_at: "2024-01-02T09:00:00Z",
      updated_at: "2024-01-03T09:00:00Z",
      restricted_reason: null,
      objected_at: null,
    },
    interactions: [
      { id: 2, contact_id: id, kind: "call", at: "2024-03-01T10:00:00Z", text: "Eerste regel\nTweede <b>regel</b>" },
    ],
  };
}

describe("contacts list", () => {
  it("shows user data as literal text", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [summary({ id: 5, name: TRICKY, organisation: "<script>x</script>" })], total: 1 }),
    });
    renderApp();
    const table = await screen.findByRole("table");
    expect(within(table).getByRole("button", { name: TRICKY })).toHaveTextContent(TRICKY);
    expect(within(table).getByText("<script>x</script>")).toBeInTheDocument();
    expect(table.querySelector("b, script")).toBeNull();
    expect(screen.getByText("1–1 van 1")).toBeInTheDocument();
  });

  it("marks restricted contacts in the list", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({
        items: [summary({ id: 5, name: "Beperkt Persoon", restricted: true }), summary({ id: 6, name: "Vrij Persoon" })],
        total: 2,
      }),
    });
    renderApp();
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Verwerking beperkt");
    expect(rows[2]).not.toHaveTextContent("Verwerking beperkt");
  });

  it("searches as you type, debounced, and pages by 25", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: ({ offset }) => {
        const start = Number(offset);
        const items = Array.from({ length: 25 }, (_, i) =>
          summary({ id: start + i + 1, name: `Contact ${start + i + 1}` }),
        );
        return { items, total: 240 };
      },
    });
    const { user } = renderApp();
    expect(await screen.findByText("1–25 van 240")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Vorige" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(await screen.findByText("26–50 van 240")).toBeInTheDocument();
    expect(callsOf("list_contacts").at(-1)).toEqual({ query: null, limit: 25, offset: 25 });

    await user.type(screen.getByLabelText("Zoeken"), "jans");
    await waitFor(() =>
      expect(callsOf("list_contacts").at(-1)).toEqual({ query: "jans", limit: 25, offset: 0 }),
    );
    // Typing quickly sends one search, not one per key.
    const searches = callsOf("list_contacts").filter((args) => args.query !== null);
    expect(searches).toEqual([{ query: "jans", limit: 25, offset: 0 }]);
  });

  it("opens the detail with Enter on a name, and shows it as text", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [summary({ id: 5, name: TRICKY })], total: 1 }),
      list_documents: () => [],
      get_contact: ({ id }) => detail(Number(id), TRICKY),
    });
    const { user } = renderApp();
    const name = await screen.findByRole("button", { name: TRICKY });
    name.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: TRICKY })).toBeInTheDocument();
    expect(callsOf("get_contact")).toEqual([{ id: 5 }]);
    expect(screen.getByText("<i>Co</i>", { selector: "dd" })).toBeInTheDocument();
    expect(screen.getByText(/Tweede <b>regel<\/b>/)).toBeInTheDocument();
    expect(screen.getByText("Voormalig klant", { selector: "dd" })).toBeInTheDocument();
    expect(document.querySelector("main b, main i")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Terug naar contacten" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Contacten" })).toBeInTheDocument();
  });
});
