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
    ...patch,
  };
}

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
});
