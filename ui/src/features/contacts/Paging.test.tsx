// The contacts list with larger pages and a jump by initial (issue 13, item 11), and a new
// client proposed a link to the contract purpose (item 10): the backend decides which letter a
// name is under and which purpose is proposed; the screen asks and shows.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { InitialCount } from "../../bindings/InitialCount";
import { callsOf, contact, DUTCH, installBackend, purpose, summary, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"];
const COUNTS: InitialCount[] = LETTERS.map((letter) => ({
  letter,
  count: letter === "O" ? 3 : letter === "Q" ? 0 : letter === "#" ? 2 : 60,
}));

function page(offset: unknown, limit: unknown, total: number, prefix = "Contact") {
  const start = Number(offset);
  const n = Math.max(0, Math.min(Number(limit), total - start));
  return { items: Array.from({ length: n }, (_, i) => summary({ id: start + i + 1, name: `${prefix} ${start + i + 1}` })), total };
}

describe("contacts list paging", () => {
  it("offers 25, 50, 100 and 250 rows per page", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: ({ offset, limit }) => page(offset, limit, 1611),
      contact_initials: () => COUNTS,
    });
    const { user } = renderApp();
    expect(await screen.findByText("1–25 van 1611")).toBeInTheDocument();
    expect(screen.getByText("Pagina 1 van 65")).toBeInTheDocument();
    const size = screen.getByLabelText("Rijen per pagina");
    expect(within(size).getAllByRole("option").map((o) => o.textContent)).toEqual(["25", "50", "100", "250"]);
    await user.selectOptions(size, "250");
    expect(await screen.findByText("1–250 van 1611")).toBeInTheDocument();
    expect(screen.getByText("Pagina 1 van 7")).toBeInTheDocument();
    expect(callsOf("list_contacts").at(-1)).toEqual({ query: null, limit: 250, offset: 0 });
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(await screen.findByText("251–500 van 1611")).toBeInTheDocument();
    expect(callsOf("list_contacts").at(-1)).toEqual({ query: null, limit: 250, offset: 250 });
  });

  it("jumps to an initial with the keyboard, the backend filing the names", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: ({ offset, limit }) => page(offset, limit, 1611),
      list_contacts_by_initial: ({ initial, offset, limit }) =>
        initial === "O"
          ? { items: ["Olsen", "ozturk", "Ölmez"].map((name, i) => summary({ id: 900 + i, name })), total: 3 }
          : page(offset, limit, 2, "Overig"),
      contact_initials: () => COUNTS,
    });
    const { user } = renderApp();
    await screen.findByText("1–25 van 1611");
    const letters = screen.getByRole("group", { name: "Naar beginletter" });
    expect(within(letters).getByRole("button", { name: "Namen met Q (0)" })).toBeDisabled();
    expect(within(letters).getByRole("button", { name: "Alle" })).toHaveAttribute("aria-pressed", "true");

    // Tab to the letter O and press Enter.
    within(letters).getByRole("button", { name: "Namen met N (60)" }).focus();
    await user.tab();
    expect(within(letters).getByRole("button", { name: "Namen met O (3)" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(callsOf("list_contacts_by_initial").at(-1)).toEqual({ query: null, initial: "O", limit: 25, offset: 0 }),
    );
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows.slice(1).map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["Olsen", "ozturk", "Ölmez"]);
    expect(within(letters).getByRole("button", { name: "Namen met O (3)" })).toHaveAttribute("aria-pressed", "true");

    await user.click(within(letters).getByRole("button", { name: "Namen die niet met een letter beginnen (2)" }));
    await waitFor(() => expect(callsOf("list_contacts_by_initial").at(-1)).toMatchObject({ initial: "#" }));
    await user.click(within(letters).getByRole("button", { name: "Alle" }));
    expect(await screen.findByText("1–25 van 1611")).toBeInTheDocument();
  });
});

describe("a new client", () => {
  it("is proposed the contract purpose, ticked, and saved with the link in one call", async () => {
    const admin = purpose({ id: 4, name: "Klantadministratie", basis: "contract", direct_marketing: false });
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      proposed_purpose: ({ relationship }) => (relationship === "client" ? admin : null),
      add_contact: () => 42,
      list_documents: () => [],
      get_contact: ({ id }) => ({ contact: contact({ id: Number(id), name: "Nieuwe Klant" }), interactions: [] }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Nieuw contact" }));
    await screen.findByRole("heading", { level: 1, name: "Nieuw contact" });
    expect(screen.queryByRole("checkbox", { name: /Koppelen aan/ })).toBeNull();
    await user.type(screen.getByLabelText("Naam"), "Nieuwe Klant");
    await user.selectOptions(screen.getByLabelText("Relatie"), "Klant");
    const link = await screen.findByRole("checkbox", { name: "Koppelen aan Klantadministratie (overeenkomst)" });
    expect(link).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    await screen.findByRole("heading", { level: 1, name: "Nieuwe Klant" });
    expect(callsOf("add_contact")).toHaveLength(1);
    expect(callsOf("add_contact")[0]).toMatchObject({ linkPurpose: 4, confirmNotBsn: false });
    expect(callsOf("create_contact")).toHaveLength(0);
  });
});
