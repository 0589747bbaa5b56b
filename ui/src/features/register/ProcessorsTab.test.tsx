import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Processor } from "../../bindings/Processor";
import { apiError, callsOf, DUTCH, installBackend, purpose, vaultStatus, type Handlers } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const HASH = "ab".repeat(32);
const ADMIN = purpose({ id: 4, name: "Klantadministratie", basis: "contract", direct_marketing: false });
const NEWSLETTER = purpose();

function processor(patch: Partial<Processor> = {}): Processor {
  return {
    id: 1,
    name: "Boekhouder Jansen",
    service: "accounting",
    contact: "info@jansen.nl",
    purposes: [{ id: 4, name: "Klantadministratie" }],
    data_categories: ["naam"],
    dpa_signed_on: "2025-01-15",
    dpa_reference: "overeenkomst.pdf",
    dpa_sha256: HASH,
    review_on: "2027-01-15",
    location: "Utrecht",
    outside_eu: false,
    safeguard: null,
    safeguard_note: "",
    flags: [],
    ...patch,
  };
}

const MAILER = processor({
  id: 2,
  name: "Mailer Inc",
  service: "newsletter",
  purposes: [{ id: 3, name: "Nieuwsbrief" }],
  dpa_signed_on: null,
  dpa_reference: null,
  dpa_sha256: null,
  review_on: "2025-06-01",
  location: "Verenigde Staten",
  outside_eu: true,
  safeguard: "scc",
  flags: ["no-agreement", "review-overdue"],
});

function backend(handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    list_purposes: () => [ADMIN, NEWSLETTER],
    list_processors: () => [processor(), MAILER],
    processor_services: () => ["accounting", "payroll", "hosting", "newsletter", "it-support", "other"],
    ...handlers,
  });
}

async function openProcessors() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Register" }));
  await rendered.user.click(await screen.findByRole("tab", { name: "Verwerkers" }));
  await screen.findByRole("region", { name: "Verwerkers en ontvangers" });
  return rendered;
}

describe("processors tab", () => {
  it("lists processors with the core's flags shown plainly", async () => {
    backend();
    await openProcessors();
    const rows = within(await screen.findByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Boekhouder Jansen");
    expect(rows[1]).toHaveTextContent("Boekhouding");
    expect(rows[1]).toHaveTextContent("Klantadministratie");
    expect(rows[1]).toHaveTextContent("15-01-2025");
    expect(rows[1]).toHaveTextContent("15-01-2027");
    expect(rows[1]).toHaveTextContent("In orde");
    expect(rows[2]).toHaveTextContent("Mailer Inc");
    expect(rows[2]).toHaveTextContent("Ja — Modelcontractbepalingen (SCC)");
    expect(within(rows[2] as HTMLElement).getByText("Geen getekende overeenkomst")).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText("Herziening verlopen")).toBeInTheDocument();
    expect(rows[1]).not.toHaveTextContent("Herziening verlopen");
  });

  it("adds a processor with purposes, a picked agreement's hash and a safeguard", async () => {
    backend({
      create_processor: () => 9,
      pick_processing_agreement: () => ({ file_name: "vwo-mailer.pdf", sha256: HASH }),
    });
    const { user } = await openProcessors();
    const form = within(screen.getByRole("region", { name: "Verwerker toevoegen" }));
    await user.type(form.getByLabelText("Naam"), " Hoster BV ");
    await user.selectOptions(form.getByLabelText("Wat doet deze verwerker"), "Hosting");
    await user.click(form.getByRole("checkbox", { name: "Nieuwsbrief" }));
    await user.click(form.getByRole("checkbox", { name: "Klantadministratie" }));
    await user.type(form.getByLabelText("Soorten gegevens"), "naam, e-mailadres");
    await user.type(form.getByLabelText("Verwerkersovereenkomst getekend op"), "01-02-2026");
    await user.click(form.getByRole("button", { name: "Bestand kiezen…" }));
    expect(await form.findByText(`SHA-256: ${HASH}`)).toBeInTheDocument();
    expect(form.getByLabelText("Verwijzing naar de overeenkomst")).toHaveValue("vwo-mailer.pdf");
    await user.type(form.getByLabelText("Herzien op"), "01-02-2027");
    await user.click(form.getByRole("checkbox", { name: "Gegevens gaan naar een land buiten de EU/EER" }));
    await user.selectOptions(form.getByLabelText("Waarborg voor de doorgifte"), "Adequaatheidsbesluit");
    await user.click(form.getByRole("button", { name: "Verwerker toevoegen" }));

    expect(await screen.findByText("Verwerker “Hoster BV” toegevoegd.")).toBeInTheDocument();
    // The window sends no path: the hash came from the backend's dialog.
    expect(callsOf("pick_processing_agreement")).toEqual([{}]);
    expect(callsOf("create_processor")).toEqual([
      {
        input: {
          name: "Hoster BV",
          service: "hosting",
          contact: "",
          purposes: [3, 4],
          data_categories: ["naam", "e-mailadres"],
          dpa_signed_on: "01-02-2026",
          dpa_reference: "vwo-mailer.pdf",
          dpa_sha256: HASH,
          review_on: "01-02-2027",
          location: "",
          outside_eu: true,
          safeguard: "adequacy",
          safeguard_note: "",
        },
      },
    ]);
  });

  it("edits a processor keeping its stored hash, and shows the core's refusal at the field", async () => {
    let refuse = true;
    backend({
      update_processor: () => {
        if (refuse) {
          refuse = false;
          return Promise.reject(apiError("invalid_input", "name: a processor with this name exists already", "name"));
        }
        return null;
      },
    });
    const { user } = await openProcessors();
    await user.click(await screen.findByRole("button", { name: "Bewerken: Boekhouder Jansen" }));
    const form = within(screen.getByRole("region", { name: "Verwerker bewerken" }));
    expect(form.getByLabelText("Naam")).toHaveValue("Boekhouder Jansen");
    expect(form.getByLabelText("Verwerkersovereenkomst getekend op")).toHaveValue("15-01-2025");
    expect(form.getByText(`SHA-256: ${HASH}`)).toBeInTheDocument();
    await user.clear(form.getByLabelText("Naam"));
    await user.type(form.getByLabelText("Naam"), "Mailer Inc");
    await user.click(form.getByRole("button", { name: "Wijzigingen opslaan" }));
    expect(await form.findByText("Er is al een verwerker met deze naam.")).toBeInTheDocument();

    await user.clear(form.getByLabelText("Naam"));
    await user.type(form.getByLabelText("Naam"), "Jansen Boekhouding");
    await user.click(form.getByRole("button", { name: "Wijzigingen opslaan" }));
    expect(await screen.findByText("Verwerker “Jansen Boekhouding” opgeslagen.")).toBeInTheDocument();
    const last = callsOf("update_processor").at(-1);
    expect(last?.id).toBe(1);
    expect(last?.input).toMatchObject({ purposes: [4], dpa_reference: "overeenkomst.pdf", dpa_sha256: null });
  });

  it("removes a processor only after confirmation", async () => {
    backend({ remove_processor: () => null });
    const { user } = await openProcessors();
    await user.click(await screen.findByRole("button", { name: "Verwijderen: Mailer Inc" }));
    const dialog = await screen.findByRole("dialog", { name: "Mailer Inc verwijderen?" });
    expect(callsOf("remove_processor")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Verwijderen" }));
    expect(await screen.findByText("Verwerker “Mailer Inc” verwijderd.")).toBeInTheDocument();
    expect(callsOf("remove_processor")).toEqual([{ id: 2 }]);
  });
});
