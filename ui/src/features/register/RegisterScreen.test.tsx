import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { FieldDef } from "../../bindings/FieldDef";
import {
  callsOf,
  contact,
  DUTCH,
  installBackend,
  privacy,
  purpose,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));


beforeEach(() => {
});

const NEWSLETTER = purpose();
const ADMIN = purpose({
  id: 4,
  name: "Klantadministratie",
  basis: "contract",
  direct_marketing: false,
  data_categories: ["naam", "adres"],
  recipients: ["boekhouder"],
});

function backend(handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    list_purposes: () => [ADMIN, NEWSLETTER],
    list_fields: () => [],
    triage_list: () => [],
    repermission_list: () => [],
    ...handlers,
  });
}

async function openRegister(tab?: string) {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Register" }));
  await screen.findByRole("heading", { level: 1, name: "Verwerkingsregister" });
  if (tab) await rendered.user.click(screen.getByRole("tab", { name: tab }));
  return rendered;
}

describe("processing register", () => {
  it("sits between Contacten and Bewaartermijnen and lists the purposes", async () => {
    backend();
    await openRegister();
    const nav = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(nav).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Overzicht",
      "Contacten",
      "Register",
      "Bewaartermijnen",
      "Verzoeken",
      "Datalekken",
      "Instellingen",
    ]);
    expect(within(nav).getByRole("button", { name: "Register" })).toHaveAttribute("aria-current", "page");

    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Klantadministratie");
    expect(rows[1]).toHaveTextContent("Overeenkomst");
    expect(rows[1]).toHaveTextContent("naam, adres");
    expect(rows[1]).toHaveTextContent("boekhouder");
    expect(rows[2]).toHaveTextContent("Toestemming");
    expect(within(rows[2] as HTMLElement).getByText("Direct marketing")).toBeInTheDocument();
  });

  it("adds a purpose and edits one", async () => {
    backend({ create_purpose: () => 9, update_purpose: () => null });
    const { user } = await openRegister();
    await screen.findByRole("table");
    const form = within(screen.getByRole("region", { name: "Doel toevoegen" }));
    await user.type(form.getByLabelText("Naam"), "  Evenementen ");
    await user.type(form.getByLabelText("Omschrijving"), "Uitnodigingen voor evenementen");
    // The legitimate interest is asked for only on that basis.
    expect(form.queryByLabelText("Gerechtvaardigd belang")).not.toBeInTheDocument();
    await user.selectOptions(form.getByLabelText("Grondslag"), "Gerechtvaardigd belang");
    await user.type(form.getByLabelText("Gerechtvaardigd belang"), "Klanten uitnodigen");
    await user.click(form.getByRole("checkbox", { name: "Direct marketing" }));
    await user.type(form.getByLabelText("Gegevenscategorieën"), "naam, e-mail,, ");
    await user.type(form.getByLabelText("Ontvangers"), "drukker");
    await user.selectOptions(form.getByLabelText("Moeten mensen deze gegevens geven?"), "Nee, het is vrijwillig");
    await user.type(form.getByLabelText("Waar de gegevens vandaan komen"), "Beurs");
    await user.click(form.getByRole("button", { name: "Doel toevoegen" }));

    expect(await screen.findByText("Doel “Evenementen” toegevoegd.")).toBeInTheDocument();
    expect(callsOf("create_purpose")).toEqual([
      {
        input: {
          name: "Evenementen",
          description: "Uitnodigingen voor evenementen",
          basis: "legitimate-interest",
          direct_marketing: true,
          data_categories: ["naam", "e-mail"],
          recipients: ["drukker"],
          retention_rule: null,
          legitimate_interest: "Klanten uitnodigen",
          requirement: "none",
          consequence: "",
          source: "Beurs",
        },
      },
    ]);

    await user.click(screen.getByRole("button", { name: "Bewerken: Klantadministratie" }));
    const edit = within(screen.getByRole("region", { name: "Doel bewerken" }));
    expect(edit.getByLabelText("Naam")).toHaveValue("Klantadministratie");
    expect(edit.getByLabelText("Naam")).toHaveFocus();
    expect(edit.getByLabelText("Gegevenscategorieën")).toHaveValue("naam, adres");
    await user.type(edit.getByLabelText("Ontvangers"), ", administratiekantoor");
    await user.selectOptions(edit.getByLabelText("Moeten mensen deze gegevens geven?"), "Ja, voor de overeenkomst");
    await user.type(edit.getByLabelText("Wat er gebeurt als ze dat niet doen"), "Geen offerte");
    await user.click(edit.getByRole("button", { name: "Wijzigingen opslaan" }));

    expect(await screen.findByText("Doel “Klantadministratie” opgeslagen.")).toBeInTheDocument();
    expect(callsOf("update_purpose")).toEqual([
      {
        id: 4,
        input: {
          name: "Klantadministratie",
          description: ADMIN.description,
          basis: "contract",
          direct_marketing: false,
          data_categories: ["naam", "adres"],
          recipients: ["boekhouder", "administratiekantoor"],
          retention_rule: null,
          legitimate_interest: "",
          requirement: "contract",
          consequence: "Geen offerte",
          source: "",
        },
      },
    ]);
    expect(screen.getByRole("region", { name: "Doel toevoegen" })).toBeInTheDocument();
  });

  it("exports a mailing list to the file chosen in the save dialog", async () => {
    // The backend asks where to save; the window sends no path.
    backend({ export_mailing_list: () => 12 });
    const { user } = await openRegister();
    await user.click(await screen.findByRole("button", { name: "Mailinglijst exporteren: Nieuwsbrief" }));

    expect(await screen.findByText("12 personen geëxporteerd")).toBeInTheDocument();
    expect(callsOf("export_mailing_list")).toEqual([{ purposeId: 3 }]);
  });

  it("exports nothing when the save dialog is cancelled", async () => {
    backend({ export_mailing_list: () => null });
    const { user } = await openRegister();
    await user.click(await screen.findByRole("button", { name: "Mailinglijst exporteren: Klantadministratie" }));
    await waitFor(() => expect(callsOf("export_mailing_list")).toHaveLength(1));
    expect(screen.queryByText(/geëxporteerd/)).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("defines a field and warns about special categories", async () => {
    const defined: FieldDef[] = [];
    backend({
      list_fields: () => defined,
      define_field: ({ input }) => {
        const value = input as Omit<FieldDef, "id" | "purpose">;
        defined.push({ ...value, id: 7, purpose: "Klantadministratie" });
        return 7;
      },
    });
    const { user } = await openRegister("Velden");
    expect(await screen.findByText("Nog geen extra velden.")).toBeInTheDocument();
    const form = within(screen.getByRole("region", { name: "Veld toevoegen" }));
    await user.type(form.getByLabelText("Label"), "Allergieën");
    await user.selectOptions(form.getByLabelText("Type"), "Ja-nee");
    await user.selectOptions(form.getByLabelText("Doel"), "Klantadministratie");
    await user.click(form.getByRole("checkbox", { name: "Verplicht" }));
    expect(form.queryByText(/uitdrukkelijke toestemming/)).toBeNull();
    await user.click(
      form.getByRole("checkbox", { name: "Bijzonder persoonsgegeven (gezondheid, religie, politieke voorkeur, …)" }),
    );
    expect(form.getByText(/uitdrukkelijke toestemming van de persoon voor het doel van dit veld/)).toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "Veld toevoegen" }));

    expect(callsOf("define_field")).toEqual([
      { input: { label: "Allergieën", kind: "yes-no", purpose_id: 4, required: true, special_category: true } },
    ]);
    const table = await screen.findByRole("table");
    const row = within(table).getByRole("row", { name: /Allergieën/ });
    expect(row).toHaveTextContent("Ja-nee");
    expect(row).toHaveTextContent("Klantadministratie");
    expect(within(row).getByText("Bijzonder persoonsgegeven")).toBeInTheDocument();
    expect(await screen.findByText("Veld “Allergieën” toegevoegd.")).toBeInTheDocument();
  });

  it("opens a triage row's contact on its Privacy tab, and goes back to the register", async () => {
    backend({
      triage_list: () => [
        { contact_id: 8, name: "Piet Pieters", purpose: null, since: null },
        { contact_id: 9, name: "Sara Smit", purpose: "Nieuwsbrief", since: null },
      ],
      list_documents: () => [],
      get_contact: ({ id }) => ({ contact: contact({ id: Number(id), name: "Sara Smit" }), interactions: [] }),
      contact_privacy: () => privacy(),
    });
    const { user } = await openRegister("Te beoordelen");
    const table = await screen.findByRole("table");
    const [, piet, sara] = within(table).getAllByRole("row");
    expect(piet).toHaveTextContent("Geen doel");
    expect(sara).toHaveTextContent("Nieuwsbrief");

    await user.click(within(table).getByRole("button", { name: "Sara Smit" }));
    await screen.findByRole("heading", { level: 1, name: "Sara Smit" });
    expect(screen.getByRole("tab", { name: "Privacy" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByRole("heading", { level: 2, name: "Doelen en grondslag" })).toBeInTheDocument();
    expect(callsOf("get_contact")).toEqual([{ id: 9 }]);
    expect(callsOf("contact_privacy")).toEqual([{ id: 9, reveal: false }]);

    await user.click(screen.getByRole("button", { name: "Terug naar register" }));
    await screen.findByRole("heading", { level: 1, name: "Verwerkingsregister" });
    expect(screen.getByRole("tab", { name: "Te beoordelen" })).toHaveAttribute("aria-selected", "true");
  });

  it("lists re-permission candidates older than the chosen number of months", async () => {
    backend({
      repermission_list: ({ months }) =>
        Number(months) === 24
          ? [
              { contact_id: 8, name: "Piet Pieters", purpose: "Nieuwsbrief", since: "2021-02-01T10:00:00Z" },
              { contact_id: 9, name: "Sara Smit", purpose: "Nieuwsbrief", since: null },
            ]
          : [],
    });
    const { user } = await openRegister("Hertoestemming");
    const months = screen.getByLabelText("Ouder dan (maanden)");
    expect(months).toHaveValue("24");
    const table = await screen.findByRole("table");
    const [, piet, sara] = within(table).getAllByRole("row");
    expect(piet).toHaveTextContent("Toestemming sinds 1 februari 2021");
    expect(sara).toHaveTextContent("Geen toestemming");

    await user.clear(months);
    await user.type(months, "36");
    expect(await screen.findByText("Niemand hoeft opnieuw om toestemming gevraagd te worden.")).toBeInTheDocument();
    expect(callsOf("repermission_list")).toEqual([{ months: 24 }, { months: 36 }]);
  });
});
