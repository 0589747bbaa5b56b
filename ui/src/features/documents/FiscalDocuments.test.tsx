import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { FiscalDocument } from "../../bindings/FiscalDocument";
import { ContactDetailScreen } from "../contacts/ContactDetailScreen";
import { apiError, callsOf, contact, DUTCH, installBackend, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

function doc(patch: Partial<FiscalDocument> = {}): FiscalDocument {
  return {
    id: 1,
    contact_id: 7,
    kind: "invoice",
    number: "2024-017",
    date: "2024-05-02",
    amount_cents: 125050,
    counterparty_name: "Jansen BV",
    counterparty_address: null,
    corrects: null,
    corrected_by: null,
    held_until: "2031-12-31",
    under_hold: true,
    ...patch,
  };
}

/** The first render of the contact page can take a while on a busy machine. */
const SLOW = { timeout: 5000 };

function backend(handlers: Handlers = {}, restricted: string | null = null) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    get_contact: () => ({ contact: contact({ id: 7, restricted_reason: restricted }), interactions: [] }),
    list_documents: () => [],
    ...handlers,
  });
}

function renderContact() {
  return renderApp(<ContactDetailScreen id={7} onBack={() => undefined} onEdit={() => undefined} />);
}

describe("fiscal records on the contact page", () => {
  it("lists quotes and invoices with the amount in euros", async () => {
    backend({ list_documents: () => [doc(), doc({ id: 2, kind: "quote", number: "OFF-3", date: "2024-04-18", amount_cents: 99 })] });
    renderContact();
    const section = await screen.findByRole("region", { name: "Fiscale gegevens" });
    expect(section).toHaveTextContent("7 jaar, gerekend vanaf het einde van het boekjaar");
    expect(section).toHaveTextContent("ook bewaard als het contact wordt gewist");
    const rows = within(await within(section).findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Factuur");
    expect(rows[1]).toHaveTextContent("2024-017");
    expect(rows[1]).toHaveTextContent("2 mei 2024");
    expect(rows[1]?.textContent?.replace(/\u00a0/g, " ")).toContain("€ 1.250,50");
    expect(rows[2]).toHaveTextContent("Offerte");
    expect(rows[2]?.textContent?.replace(/\u00a0/g, " ")).toContain("€ 0,99");
    expect(callsOf("list_documents")).toEqual([{ contactId: 7 }]);
  });

  it("adds a document with the amount as typed", async () => {
    const docs: FiscalDocument[] = [];
    backend({
      list_documents: () => [...docs],
      add_document: (args) => {
        docs.push(doc({ id: 3, number: String(args.number) }));
        return 3;
      },
    });
    const { user } = renderContact();
    const form = within(await screen.findByRole("form", { name: "Document toevoegen" }));
    expect(await screen.findByText("Nog geen offertes of facturen.")).toBeInTheDocument();
    await user.selectOptions(form.getByLabelText("Soort"), "Offerte");
    await user.type(form.getByLabelText("Nummer"), " OFF-2024-003 ");
    await user.type(form.getByLabelText("Datum"), "2024-04-18");
    await user.type(form.getByLabelText("Bedrag (€)"), "1.250,50");
    await user.click(form.getByRole("button", { name: "Document toevoegen" }));

    expect(await screen.findByText("Document toegevoegd.")).toBeInTheDocument();
    expect(callsOf("add_document")).toEqual([
      {
        contactId: 7,
        kind: "quote",
        number: "OFF-2024-003",
        date: "2024-04-18",
        amount: "1.250,50",
        confirmNotBsn: false,
      },
    ]);
    expect(await screen.findByText("OFF-2024-003")).toBeInTheDocument();
    expect(form.getByLabelText("Nummer")).toHaveValue("");
  });

  it("checks the fields and shows the backend's amount error at the field", async () => {
    backend({
      add_document: () => {
        throw apiError("invalid_input", "amount: expected an amount like 1250.50", "amount");
      },
    });
    const { user } = renderContact();
    const form = within(await screen.findByRole("form", { name: "Document toevoegen" }));
    await user.click(form.getByRole("button", { name: "Document toevoegen" }));
    expect(form.getByText("Vul een nummer in.")).toBeInTheDocument();
    expect(
      form.getByText("Vul een geldige datum in: niet vóór 1900 en hoogstens een jaar vooruit."),
    ).toBeInTheDocument();
    expect(callsOf("add_document")).toEqual([]);

    await user.type(form.getByLabelText("Nummer"), "F-1");
    await user.type(form.getByLabelText("Datum"), "2024-04-18");
    await user.type(form.getByLabelText("Bedrag (€)"), "12 34,5");
    await user.click(form.getByRole("button", { name: "Document toevoegen" }));
    expect(await form.findByText("Vul een bedrag in, zoals 1.250,50.")).toBeInTheDocument();
    expect(callsOf("add_document")).toHaveLength(1);
    expect(form.queryByRole("alert")).toBeNull();
  });

  it("asks whether a number that looks like a BSN is one, and sends the confirmation", async () => {
    backend({
      add_document: (args) => {
        if (!args.confirmNotBsn) throw apiError("bsn_suspected", "looks like a BSN", "number");
        return 4;
      },
    });
    const { user } = renderContact();
    const form = within(await screen.findByRole("form", { name: "Document toevoegen" }));
    await user.type(form.getByLabelText("Nummer"), "111222333");
    await user.type(form.getByLabelText("Datum"), "2024-04-18");
    await user.type(form.getByLabelText("Bedrag (€)"), "10");
    await user.click(form.getByRole("button", { name: "Document toevoegen" }));
    const question = await screen.findByRole("alert");
    expect(callsOf("add_document")).toHaveLength(1);
    await user.click(within(question).getByRole("button", { name: "Het is geen BSN, opslaan" }));
    expect(await screen.findByText("Document toegevoegd.")).toBeInTheDocument();
    expect(callsOf("add_document").map((a) => a.confirmNotBsn)).toEqual([false, true]);
  });

  it("cannot add while processing is restricted", async () => {
    backend({}, "Juistheid betwist");
    renderContact();
    const form = within(await screen.findByRole("form", { name: "Document toevoegen" }));
    expect(form.getByText("Je kunt geen documenten toevoegen zolang de verwerking beperkt is.")).toBeInTheDocument();
    expect(form.getByRole("button", { name: "Document toevoegen" })).toBeDisabled();
    expect(form.getByLabelText("Nummer")).toBeDisabled();
  });

  it("marks a corrected record and its correction, and refuses delete under the hold with the reason", async () => {
    backend({
      list_documents: () => [
        doc({ id: 2, number: "2024-017C", corrects: 1 }),
        doc({ id: 1, corrected_by: 2 }),
      ],
    });
    renderContact();
    const section = await screen.findByRole("region", { name: "Fiscale gegevens" }, SLOW);
    const rows = within(await within(section).findByRole("table")).getAllByRole("row");
    expect(rows[0]).toHaveTextContent("Status");
    expect(rows[1]).toHaveTextContent("correctie van 2024-017");
    expect(rows[2]).toHaveTextContent("gecorrigeerd (zie 2024-017C)");
    expect(rows[2]).toHaveTextContent("bewaarplicht tot 31 december 2031");
    const remove = within(rows[2]!).getByRole("button", { name: "Document 2024-017 verwijderen" });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription(
      "2024-017 kan nog niet worden verwijderd: de fiscale bewaarplicht (art. 52 AWR) loopt tot 31 december 2031. Voeg zo nodig een correctie toe.",
    );
    // A corrected record is corrected through its latest correction.
    expect(within(rows[2]!).getByRole("button", { name: "Correctie toevoegen op 2024-017" })).toBeDisabled();
    expect(within(rows[1]!).getByRole("button", { name: "Correctie toevoegen op 2024-017C" })).toBeEnabled();
  });

  it("appends a correction pre-filled with the original's values", async () => {
    let docs = [doc()];
    backend({
      list_documents: () => [...docs],
      correct_document: (args) => {
        docs = [doc({ id: 2, amount_cents: 99900, corrects: 1 }), doc({ corrected_by: 2 })];
        return Number(args.id) + 1;
      },
    });
    const { user } = renderContact();
    await user.click(await screen.findByRole("button", { name: "Correctie toevoegen op 2024-017" }, SLOW));
    const form = within(await screen.findByRole("form", { name: "Correctie op 2024-017" }));
    expect(form.getByText(/Het origineel blijft ongewijzigd bewaard/)).toBeInTheDocument();
    expect(form.getByLabelText("Nummer")).toHaveValue("2024-017");
    expect(form.getByLabelText("Datum")).toHaveValue("02-05-2024");
    expect(form.getByLabelText("Bedrag (€)")).toHaveValue("1250,50");
    await user.clear(form.getByLabelText("Bedrag (€)"));
    await user.type(form.getByLabelText("Bedrag (€)"), "999");
    await user.click(form.getByRole("button", { name: "Correctie toevoegen" }));

    expect(await screen.findByText("Correctie toegevoegd. Het origineel is gemarkeerd als gecorrigeerd.")).toBeInTheDocument();
    expect(callsOf("correct_document")).toEqual([
      { id: 1, kind: "invoice", number: "2024-017", date: "02-05-2024", amount: "999", confirmNotBsn: false },
    ]);
    expect(callsOf("add_document")).toEqual([]);
    expect(await screen.findByText("gecorrigeerd (zie 2024-017)")).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Document toevoegen" })).toBeInTheDocument();
  });

  it("deletes a record whose hold has ended after confirmation, and says plainly when the hold refuses", async () => {
    let docs = [doc({ under_hold: false, held_until: "2023-12-31" })];
    let refuse = true;
    backend({
      list_documents: () => [...docs],
      delete_document: () => {
        if (refuse) throw apiError("legal_hold", "this fiscal record must be kept unaltered until 2031-12-31");
        docs = [];
        return null;
      },
    });
    const { user } = renderContact();
    const remove = await screen.findByRole("button", { name: "Document 2024-017 verwijderen" }, SLOW);
    expect(remove).toBeEnabled();
    await user.click(remove);
    let dialog = within(await screen.findByRole("dialog", { name: "Document verwijderen?" }));
    expect(dialog.getByText("De bewaarplicht van 2024-017 is voorbij. Het document wordt definitief verwijderd.")).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Definitief verwijderen" }));
    expect(await dialog.findByRole("alert")).toHaveTextContent(
      "Dit fiscale document valt nog onder de wettelijke bewaarplicht (art. 52 AWR)",
    );
    refuse = false;
    await user.click(dialog.getByRole("button", { name: "Annuleren" }));
    await user.click(screen.getByRole("button", { name: "Document 2024-017 verwijderen" }));
    dialog = within(await screen.findByRole("dialog", { name: "Document verwijderen?" }));
    await user.click(dialog.getByRole("button", { name: "Definitief verwijderen" }));
    expect(await screen.findByText("Document verwijderd.")).toBeInTheDocument();
    expect(callsOf("delete_document")).toEqual([{ id: 1 }, { id: 1 }]);
    expect(await screen.findByText("Nog geen offertes of facturen.")).toBeInTheDocument();
  });

  it("says so when a correction changes nothing", async () => {
    backend({
      list_documents: () => [doc()],
      correct_document: () => {
        throw apiError("invalid_input", "correction: the correction is the same as the original", "correction");
      },
    });
    const { user } = renderContact();
    await user.click(await screen.findByRole("button", { name: "Correctie toevoegen op 2024-017" }, SLOW));
    const form = within(await screen.findByRole("form", { name: "Correctie op 2024-017" }));
    await user.click(form.getByRole("button", { name: "Correctie toevoegen" }));
    expect(await form.findByRole("alert")).toHaveTextContent(
      "Deze correctie is gelijk aan het origineel. Wijzig minstens één veld.",
    );
    expect(form.queryByText("Vul een nummer in.")).toBeNull();
  });
});
