import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { apiError, callsOf, contact, DUTCH, installBackend, summary, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const QUESTION =
  "Dit lijkt op een burgerservicenummer (BSN). Een bedrijf mag geen BSN opslaan zonder wettelijke grondslag. Weet je zeker dat dit géén BSN is?";

/** Refuses with bsn_suspected unless the call confirms it is not a BSN. */
function suspicious(field: string, result: unknown) {
  return ({ confirmNotBsn }: Record<string, unknown>) => {
    if (confirmNotBsn !== true) throw apiError("bsn_suspected", `${field}: looks like a BSN`, field);
    return result;
  };
}

describe("BSN check", () => {
  it("asks before saving a new contact and repeats create_contact with confirmNotBsn", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      create_contact: suspicious("address", 42),
      list_documents: () => [],
      get_contact: ({ id }) => ({ contact: contact({ id: Number(id), address: "123456782" }), interactions: [] }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Nieuw contact" }));
    await user.type(await screen.findByLabelText("Naam"), "Jan Jansen");
    await user.type(screen.getByLabelText("Adres"), "123456782");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));

    const question = await screen.findByRole("alert");
    expect(question).toHaveTextContent(QUESTION);
    expect(callsOf("create_contact")).toHaveLength(1);
    expect(callsOf("create_contact")[0]?.confirmNotBsn).toBe(false);

    await user.click(within(question).getByRole("button", { name: "Het is geen BSN, opslaan" }));
    await screen.findByRole("heading", { level: 1, name: "Jan Jansen" });
    const calls = callsOf("create_contact");
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ ...calls[0], confirmNotBsn: true });
  });

  it("lets the user cancel, and asks again on the next attempt at an interaction", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [summary()], total: 1 }),
      list_documents: () => [],
      get_contact: () => ({ contact: contact(), interactions: [] }),
      add_interaction: suspicious("text", 9),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    const form = within(await screen.findByRole("form", { name: "Nieuwe interactie" }));
    await user.type(form.getByLabelText("Tekst"), "BSN 1234.56.782 genoteerd");
    await user.click(form.getByRole("button", { name: "Interactie toevoegen" }));

    await user.click(within(await form.findByRole("alert")).getByRole("button", { name: "Annuleren" }));
    expect(form.queryByRole("alert")).toBeNull();
    expect(form.getByLabelText("Tekst")).toHaveValue("BSN 1234.56.782 genoteerd");

    await user.click(form.getByRole("button", { name: "Interactie toevoegen" }));
    await user.click(within(await form.findByRole("alert")).getByRole("button", { name: "Het is geen BSN, opslaan" }));
    expect(await form.findByText("Interactie toegevoegd.")).toBeInTheDocument();

    const input = { kind: "note", text: "BSN 1234.56.782 genoteerd", at: null };
    expect(callsOf("add_interaction")).toEqual([
      { contactId: 1, input, confirmNotBsn: false },
      { contactId: 1, input, confirmNotBsn: false },
      { contactId: 1, input, confirmNotBsn: true },
    ]);
  });
});
