import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Interaction } from "../../bindings/Interaction";
import { apiError, callsOf, contact, DUTCH, installBackend, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";
import { ContactDetailScreen } from "./ContactDetailScreen";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const NOTE: Interaction = { id: 11, contact_id: 7, kind: "note", at: "2024-05-01T08:30:00Z", text: "Verkeerd genoteerd" };

/** A contact whose timeline the handlers keep, like the backend would. */
function backend(handlers: Handlers = {}, restricted: string | null = null) {
  let interactions = [NOTE];
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    get_contact: () => ({ contact: contact({ id: 7, restricted_reason: restricted }), interactions }),
    list_documents: () => [],
    edit_interaction: ({ change }) => {
      const c = change as { text: string | null };
      interactions = interactions.map((i) => ({ ...i, text: c.text ?? i.text }));
      return null;
    },
    delete_interaction: ({ id }) => {
      interactions = interactions.filter((i) => i.id !== id);
      return null;
    },
    ...handlers,
  });
}

/** The first render of the contact page can take a while on a busy machine. */
const SLOW = { timeout: 5000 };

function renderContact() {
  return renderApp(<ContactDetailScreen id={7} onBack={() => undefined} onEdit={() => undefined} />);
}

describe("rectifying the timeline", () => {
  it("edits an interaction in place and sends only what changed", async () => {
    backend();
    const { user } = renderContact();
    const timeline = within(await screen.findByRole("list", {}, SLOW));
    await user.click(timeline.getByRole("button", { name: /^Notitie van .* bewerken$/ }));
    const form = within(await screen.findByRole("form", { name: "Interactie bewerken" }));
    expect(form.getByLabelText("Tekst")).toHaveValue("Verkeerd genoteerd");
    expect(form.getByLabelText("Soort")).toHaveValue("note");
    await user.clear(form.getByLabelText("Tekst"));
    await user.type(form.getByLabelText("Tekst"), "Belde over de offerte");
    await user.click(form.getByRole("button", { name: "Wijziging opslaan" }));

    expect(await screen.findByText(/Interactie gewijzigd/)).toBeInTheDocument();
    expect(callsOf("edit_interaction")).toEqual([
      { id: 11, change: { kind: null, text: "Belde over de offerte", at: null }, confirmNotBsn: false },
    ]);
    expect(await screen.findByText("Belde over de offerte")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Interactie bewerken" })).toBeNull();
  });

  it("asks about a BSN-like text and shows a date the backend refuses at the field", async () => {
    backend({
      edit_interaction: ({ change, confirmNotBsn }) => {
        const c = change as { at: string | null };
        if (c.at !== null) throw apiError("invalid_input", "at: at most a day ahead (a planned meeting is a follow-up)", "at");
        if (confirmNotBsn !== true) throw apiError("bsn_suspected", "text: looks like a BSN", "text");
        return null;
      },
    });
    const { user } = renderContact();
    await user.click(await screen.findByRole("button", { name: /bewerken$/ }, SLOW));
    const form = within(await screen.findByRole("form", { name: "Interactie bewerken" }));
    const stored = form.getByLabelText<HTMLInputElement>("Datum en tijd").value;
    expect(stored).toMatch(/^01-05-2024 \d\d:30$/);
    await user.clear(form.getByLabelText("Datum en tijd"));
    await user.type(form.getByLabelText("Datum en tijd"), "01-06-2999 10:00");
    await user.click(form.getByRole("button", { name: "Wijziging opslaan" }));
    expect(await form.findByText("At most a day ahead (a planned meeting is a follow-up)")).toBeInTheDocument();

    await user.clear(form.getByLabelText("Datum en tijd"));
    await user.type(form.getByLabelText("Datum en tijd"), stored);
    await user.clear(form.getByLabelText("Tekst"));
    await user.type(form.getByLabelText("Tekst"), "Ordernummer 123456782");
    // Back to the stored moment: the date is not sent, only the text.
    await user.click(form.getByRole("button", { name: "Wijziging opslaan" }));
    const question = await screen.findByRole("alert");
    await user.click(within(question).getByRole("button", { name: "Het is geen BSN, opslaan" }));
    expect(await screen.findByText(/Interactie gewijzigd/)).toBeInTheDocument();
    const calls = callsOf("edit_interaction");
    expect(calls.slice(1).map((c) => c.confirmNotBsn)).toEqual([false, true]);
    expect(calls[2]?.change).toEqual({ kind: null, text: "Ordernummer 123456782", at: null });
  });

  it("deletes an interaction only after confirmation", async () => {
    backend();
    const { user } = renderContact();
    await user.click(await screen.findByRole("button", { name: /^Notitie van .* verwijderen$/ }, SLOW));
    const dialog = within(await screen.findByRole("dialog", { name: "Interactie verwijderen?" }));
    expect(dialog.getByText(/Ook na het terugzetten van een oudere back-up blijft hij weg/)).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Annuleren" }));
    expect(callsOf("delete_interaction")).toEqual([]);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await user.click(screen.getByRole("button", { name: /^Notitie van .* verwijderen$/ }));
    const again = within(await screen.findByRole("dialog", { name: "Interactie verwijderen?" }));
    await user.click(again.getByRole("button", { name: "Definitief verwijderen" }));
    expect(await screen.findByText("Interactie verwijderd.")).toBeInTheDocument();
    expect(callsOf("delete_interaction")).toEqual([{ id: 11 }]);
    expect(await screen.findByText("Nog geen interacties vastgelegd.")).toBeInTheDocument();
  });

  it("offers neither while processing is restricted, and says why", async () => {
    backend({}, "Juistheid betwist");
    renderContact();
    const edit = await screen.findByRole("button", { name: /bewerken$/ }, SLOW);
    const remove = screen.getByRole("button", { name: /^Notitie van .* verwijderen$/ });
    expect(edit).toBeDisabled();
    expect(remove).toBeDisabled();
    expect(edit).toHaveAccessibleDescription(
      "Je kunt interacties niet wijzigen of verwijderen zolang de verwerking beperkt is.",
    );
  });
});
