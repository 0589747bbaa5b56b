import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Controller } from "../../bindings/Controller";
import type { Request } from "../../bindings/Request";
import type { Written } from "../../bindings/Written";
import {
  callsOf,
  contact,
  DUTCH,
  installBackend,
  request,
  summary,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));


const PDF_HASH = "a1b2c3d4e5f60718" + "0".repeat(48);
const ZIP_HASH = "b2".repeat(32);
const PDF_PATH = "/home/jan/Documenten/inzage-jan-jansen.pdf";
const ZIP_PATH = "/home/jan/Documenten/export-jan-jansen.zip";
const written = (zip: boolean): Written => ({
  pdf_path: PDF_PATH,
  pdf_sha256: PDF_HASH,
  zip_path: zip ? ZIP_PATH : null,
  zip_sha256: zip ? ZIP_HASH : null,
  password: null,
  redactions: 0,
  address_known: null,
});
const PLAIN_NO_REQUEST = {
  contactId: 7,
  requestId: null,
  language: "nl",
  portability: false,
  includeSpecial: false,
  protect: false,
  redactInteractions: [],
  sendTo: null,
};
const BUSINESS: Controller = { name: "Bakkerij Jansen", address: "Dorpsstraat 1", kvk: "12345678", privacy_contact: "privacy@jansen.nl" };

function backend(requests: Request[], handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ id: 7, name: "Jan Jansen" })], total: 1 }),
    get_contact: () => ({ contact: contact({ id: 7, name: "Jan Jansen" }), interactions: [] }),
    list_documents: () => [],
    list_requests: () => requests.map((r) => ({ ...r })),
    get_controller: () => BUSINESS,
    export_subject_access: (args) => written(args.portability === true),
    copy_text: () => null,
    ...handlers,
  });
}

const stepHeading = (n: number, label: string) =>
  screen.findByRole("heading", { level: 2, name: `Stap ${n} van 5: ${label}` });

describe("access and export wizard", () => {
  it("answers a request: identity first, then the PDF and ZIP at the chosen paths", async () => {
    const requests = [request()];
    backend(requests, {
      record_identity: (args) => {
        requests[0] = request({ identity_method: args.method as Request["identity_method"] });
        return null;
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Verzoeken" }));
    await user.click(await screen.findByRole("button", { name: "Afhandelen: Jan Jansen, Inzage" }));
    await user.click(screen.getByRole("button", { name: "Inzage maken: Jan Jansen" }));

    await screen.findByRole("heading", { level: 1, name: "Inzage en export" });
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const steps = within(screen.getByRole("group", { name: "Stappen" })).getAllByRole("button");
    expect(steps.map((s) => s.getAttribute("aria-label"))).toEqual([
      "Stap 1 van 5: Persoon",
      "Stap 2 van 5: Identiteit",
      "Stap 3 van 5: Omvang",
      "Stap 4 van 5: Controle",
      "Stap 5 van 5: Maken",
    ]);
    expect(steps[0]).toHaveAttribute("aria-current", "step");
    await stepHeading(1, "Persoon");
    expect(screen.getByLabelText("Contact")).toHaveValue("7");
    await waitFor(() => expect(screen.getByLabelText("Verzoek")).toHaveValue("4"));
    await user.click(screen.getByRole("button", { name: "Volgende" }));

    // Identity: the request's check must be on record before going on.
    await stepHeading(2, "Identiteit");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Leg eerst vast hoe je de identiteit hebt gecontroleerd.");
    expect(screen.getByRole("heading", { level: 2, name: "Stap 2 van 5: Identiteit" })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Methode"), "Klantnummer");
    await user.click(screen.getByRole("button", { name: "Identiteit vastleggen: Jan Jansen, Inzage" }));
    expect(await screen.findByText("Identiteit gecontroleerd: Klantnummer.")).toBeInTheDocument();
    expect(callsOf("record_identity")).toEqual([{ id: 4, method: "customer-number", note: null }]);
    await user.click(screen.getByRole("button", { name: "Volgende" }));

    await stepHeading(3, "Omvang");
    expect(screen.getByText(/Ook bijzondere persoonsgegevens/)).toBeInTheDocument();
    const special = screen.getByLabelText("Bijzondere persoonsgegevens ook in het ZIP-bestand");
    expect(special).toBeDisabled();
    expect(screen.getByLabelText("Overdraagbaarheidsbestand (ZIP) meemaken")).toHaveAccessibleDescription(/JSON en CSV/);
    await user.click(screen.getByLabelText("Overdraagbaarheidsbestand (ZIP) meemaken"));
    await user.click(special);
    expect(screen.getByLabelText("Taal van het document")).toHaveValue("nl");
    await user.click(screen.getByRole("button", { name: "Volgende" }));

    await stepHeading(4, "Controle");
    expect(screen.getByText("Inzagerapport (PDF) en overdraagbaarheidsbestand (ZIP)")).toBeInTheDocument();
    expect(screen.getByText(/adres dat je al kende vóór het verzoek/)).toBeInTheDocument();
    // Not on without confirming the person, shown with what tells namesakes apart.
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(screen.getByText(/bevestig dat dit de juiste persoon is/)).toBeInTheDocument();
    await stepHeading(4, "Controle");
    expect(screen.getByText(/· #\d+$/)).toBeInTheDocument();
    await user.click(screen.getByLabelText("Dit is de juiste persoon"));
    await user.click(screen.getByRole("button", { name: "Volgende" }));

    await stepHeading(5, "Maken");
    expect(screen.queryByText(/naam van je bedrijf is nog niet ingesteld/)).toBeNull();
    expect(callsOf("export_subject_access")).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Documenten maken" }));

    expect(await screen.findByText("De documenten zijn gemaakt.")).toBeInTheDocument();
    // The backend asks where to save both files; the window sends no path.
    expect(callsOf("export_subject_access")).toEqual([
      {
        contactId: 7,
        requestId: 4,
        language: "nl",
        portability: true,
        includeSpecial: true,
        protect: false,
        redactInteractions: [],
        sendTo: "jan@voorbeeld.nl",
      },
    ]);
    // Where the files are, step 5 ticked, the button done, a short fingerprint to copy.
    expect(screen.getByText(`Opgeslagen in ${PDF_PATH}`)).toBeInTheDocument();
    expect(screen.getByText(`Opgeslagen in ${ZIP_PATH}`)).toBeInTheDocument();
    const done = within(screen.getByRole("group", { name: "Stappen" })).getAllByRole("button");
    expect(done[4]).toHaveAttribute("aria-label", "Stap 5 van 5: Maken (klaar)");
    expect(screen.getByRole("button", { name: "Documenten maken" })).toBeDisabled();
    expect(screen.getByText("a1b2 c3d4 e5f6 0718")).toBeInTheDocument();
    expect(screen.getByText("b2b2 b2b2 b2b2 b2b2")).toBeInTheDocument();
    expect(screen.queryByText(PDF_HASH)).toBeNull();
    expect(screen.getByText(/Vingerafdruk \(SHA-256\) van het PDF-bestand/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Volledige vingerafdruk van het PDF-bestand kopiëren" }));
    expect(callsOf("copy_text")).toEqual([{ text: PDF_HASH }]);
    expect(await screen.findByText("Gekopieerd.")).toBeInTheDocument();
    expect(screen.getByText("De vingerafdrukken zijn vastgelegd bij het verzoek en in de audittrail.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Terug naar verzoeken" }));
    await screen.findByRole("heading", { level: 1, name: "Verzoeken van betrokkenen" });
  });

  it("from the contact page: asks for a decision on the request, warns without one and about the business name", async () => {
    // The first save dialog is cancelled (the backend answers null), the second is not.
    let exports = 0;
    backend([request({ id: 9, kind: "rectification", identity_method: "known-email" })], {
      get_controller: () => ({ ...BUSINESS, name: "" }),
      export_subject_access: () => (exports++ === 0 ? null : written(false)),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    await screen.findByRole("heading", { level: 1, name: "Jan Jansen" });
    await user.click(screen.getByRole("button", { name: "Inzage en export" }));
    await stepHeading(1, "Persoon");

    const select = await screen.findByLabelText("Verzoek");
    expect(select).toHaveValue("");
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Kies een verzoek",
      "Rectificatie, ontvangen 3 maart 2025 (termijn 3 april 2025)",
      "Zonder verzoek",
    ]);
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(select).toHaveAccessibleDescription("Kies het verzoek dat je beantwoordt, of “Zonder verzoek”.");
    expect(screen.getByRole("heading", { level: 2, name: "Stap 1 van 5: Persoon" })).toBeInTheDocument();

    await user.selectOptions(select, "Zonder verzoek");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(2, "Identiteit");
    expect(screen.getByText(/Zonder verzoek wordt er geen identiteitscontrole vastgelegd/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Methode")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(3, "Omvang");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(4, "Controle");
    expect(screen.getByText("Niet vastgelegd (zonder verzoek)")).toBeInTheDocument();
    expect(screen.getByText("Inzagerapport (PDF)")).toBeInTheDocument();
    await user.click(screen.getByLabelText("Dit is de juiste persoon"));
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(5, "Maken");

    expect(await screen.findByText(/naam van je bedrijf is nog niet ingesteld/)).toBeInTheDocument();
    // Cancelling the save dialog produces nothing.
    await user.click(screen.getByRole("button", { name: "Documenten maken" }));
    expect(await screen.findByText(/Er is niets gemaakt/)).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Documenten maken" }));
    expect(await screen.findByText("De documenten zijn gemaakt.")).toBeInTheDocument();
    expect(callsOf("export_subject_access")).toEqual([
      { ...PLAIN_NO_REQUEST },
      { ...PLAIN_NO_REQUEST },
    ]);
    expect(screen.getByText("Het maken van de inzage is vastgelegd in de audittrail.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Naar instellingen" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
  });

  it("goes back to a finished step from the stepper and keeps the choices", async () => {
    backend([request({ identity_method: "recent-order" })]);
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    await user.click(await screen.findByRole("button", { name: "Inzage en export" }));
    await user.selectOptions(await screen.findByLabelText("Verzoek"), "Inzage, ontvangen 3 maart 2025 (termijn 3 april 2025)");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(2, "Identiteit");
    expect(screen.getByText("Identiteit gecontroleerd: Recente bestelling.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Stap 1 van 5: Persoon (klaar)" }));
    await stepHeading(1, "Persoon");
    expect(screen.getByLabelText("Verzoek")).toHaveValue("4");
    // Steps ahead cannot be jumped to.
    await user.click(screen.getByRole("button", { name: "Stap 5 van 5: Maken" }));
    expect(screen.getByRole("heading", { level: 2, name: "Stap 1 van 5: Persoon" })).toBeInTheDocument();
  });

  it("makes a protected copy to a new address with a line about someone else withheld, and shows the password once", async () => {
    const password = "kfmw-7rhx-q3pt-a9ne";
    backend([request({ identity_method: "known-email" })], {
      get_contact: () => ({
        contact: contact({ id: 7, name: "Jan Jansen", emails: ["jan@voorbeeld.nl"] }),
        interactions: [
          { id: 31, contact_id: 7, kind: "note", at: "2025-03-01T10:00:00Z", text: "Collega Piet is ziek thuis" },
          { id: 32, contact_id: 7, kind: "call", at: "2025-03-02T10:00:00Z", text: "Offerte besproken" },
        ],
      }),
      export_subject_access: (args) => ({
        ...written(true),
        password,
        redactions: (args.redactInteractions as number[]).length,
        address_known: false,
      }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    await user.click(await screen.findByRole("button", { name: "Inzage en export" }));
    await user.selectOptions(await screen.findByLabelText("Verzoek"), "Inzage, ontvangen 3 maart 2025 (termijn 3 april 2025)");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(2, "Identiteit");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(3, "Omvang");

    // The protected copy, and what an AES ZIP needs on the other side.
    const protect = screen.getByLabelText("Beveiligde kopie (met wachtwoord)");
    expect(protect).toHaveAccessibleDescription(/AES-256/);
    await user.click(protect);
    expect(screen.queryByText(/Windows Verkenner/)).toBeNull();
    await user.click(screen.getByLabelText("Overdraagbaarheidsbestand (ZIP) meemaken"));
    expect(screen.getByText(/opent niet in Windows Verkenner.*7-Zip, WinRAR of Keka/)).toBeInTheDocument();

    // The address: the one on the contact, or a new one with a warning.
    const sendTo = screen.getByLabelText("Verzenden naar");
    expect(sendTo).toHaveValue("known:jan@voorbeeld.nl");
    expect(screen.queryByText(/Dit adres staat niet bij de persoon/)).toBeNull();
    await user.selectOptions(sendTo, "Een ander adres…");
    expect(screen.getByText(/Dit adres staat niet bij de persoon/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Vul het nieuwe e-mailadres in");
    await user.type(screen.getByLabelText("Nieuw e-mailadres"), "jan.prive@example.org");

    // The preview: a note about a colleague is withheld.
    const preview = screen.getByRole("group", { name: "Voorbeeld: contactmomenten en notities" });
    const line = within(preview).getByLabelText("Weglaten: Collega Piet is ziek thuis");
    expect(within(preview).getByLabelText("Weglaten: Offerte besproken")).not.toBeChecked();
    await user.click(line);
    expect(line).toBeChecked();
    expect(within(preview).getByText("In het rapport: [weggelaten: betreft een ander]")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Volgende" }));

    await stepHeading(4, "Controle");
    expect(screen.getByText("jan.prive@example.org (nieuw adres, niet bij de persoon)")).toBeInTheDocument();
    expect(screen.getByText("Weggelaten regels (betreffen een ander)").nextSibling).toHaveTextContent("1");
    expect(screen.getByText("Beveiligde kopie").nextSibling).toHaveTextContent("Ja");
    await user.click(screen.getByLabelText("Dit is de juiste persoon"));
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(5, "Maken");
    await user.click(screen.getByRole("button", { name: "Documenten maken" }));

    expect(await screen.findByLabelText("Eenmalig wachtwoord")).toHaveTextContent(password);
    expect(screen.getByText(/telefonisch of per sms door, nooit in dezelfde e-mail/)).toBeInTheDocument();
    expect(screen.getByText(/toont het maar één keer/)).toBeInTheDocument();
    expect(screen.getByText(/Weggelaten regels: 1\./)).toBeInTheDocument();
    expect(callsOf("export_subject_access")).toEqual([
      {
        contactId: 7,
        requestId: 4,
        language: "nl",
        portability: true,
        includeSpecial: false,
        protect: true,
        redactInteractions: [31],
        sendTo: "jan.prive@example.org",
      },
    ]);

    // Shown once: away from the step and back, it is gone.
    await user.click(screen.getByRole("button", { name: "Vorige" }));
    await stepHeading(4, "Controle");
    await user.click(screen.getByRole("button", { name: "Volgende" }));
    await stepHeading(5, "Maken");
    expect(screen.queryByText(password)).toBeNull();
  });
});
