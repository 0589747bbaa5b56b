import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { apiError, callsOf, DUTCH, installBackend, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

async function openNewContactForm() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Nieuw contact" }));
  await screen.findByRole("heading", { level: 1, name: "Nieuw contact" });
  return rendered;
}

describe("contact form", () => {
  it("puts an indexed backend error on that row", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      create_contact: () => {
        throw apiError("invalid_input", "Dit e-mailadres is al in gebruik", "emails[1]");
      },
    });
    const { user } = await openNewContactForm();
    await user.type(screen.getByLabelText("Naam"), "Jan Jansen");
    await user.type(screen.getByLabelText("E-mail"), "jan@voorbeeld.nl");
    await user.click(screen.getByRole("button", { name: "E-mailadres toevoegen" }));
    await user.type(screen.getByLabelText("E-mail 2"), "info@voorbeeld.nl");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByLabelText("E-mail 2")).toHaveAccessibleDescription("Dit e-mailadres is al in gebruik");
    expect(screen.getByLabelText("E-mail")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("validates on the client: a name is required and e-mail must look like one", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = await openNewContactForm();
    await user.type(screen.getByLabelText("E-mail"), "geen-adres");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));

    expect(screen.getByLabelText("Naam")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Naam")).toHaveAccessibleDescription(/Vul een naam in\./);
    expect(screen.getByLabelText("E-mail")).toHaveAccessibleDescription(/Vul een geldig e-mailadres in/);
    expect(callsOf("create_contact")).toEqual([]);
  });

  it("shows a backend invalid_input error at the field it names", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      create_contact: () => {
        // The core's shape: the field name, and a message that starts with it.
        throw apiError("invalid_input", "emails: too long (at most 254 characters)", "emails");
      },
    });
    const { user } = await openNewContactForm();
    await user.type(screen.getByLabelText("Naam"), "Jan Jansen");
    await user.type(screen.getByLabelText("E-mail"), "jan@voorbeeld.nl");
    await user.click(screen.getByRole("button", { name: "E-mailadres toevoegen" }));
    await user.type(screen.getByLabelText("E-mail 2"), "info@voorbeeld.nl");
    await user.selectOptions(screen.getByLabelText("Relatie"), "Sollicitant");
    await user.type(screen.getByLabelText("Einddatum relatie"), "2024-06-30");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));

    const first = screen.getByLabelText("E-mail");
    expect(await screen.findByText("Too long (at most 254 characters)")).toBeInTheDocument();
    expect(first).toHaveAttribute("aria-invalid", "true");
    expect(first).toHaveAccessibleDescription("Too long (at most 254 characters)");
    expect(screen.getByLabelText("E-mail 2")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(callsOf("create_contact")).toEqual([
      {
        input: {
          name: "Jan Jansen",
          emails: ["jan@voorbeeld.nl", "info@voorbeeld.nl"],
          phones: [],
          address: null,
          organisation: null,
          job_title: null,
          relationship: "applicant",
          relationship_ended: "2024-06-30",
        },
        confirmNotBsn: false,
      },
    ]);
  });

  it("fills in today as the end date of a former client, visibly, to be confirmed or changed", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = await openNewContactForm();
    await user.selectOptions(screen.getByLabelText("Relatie"), "Voormalig klant");
    const today = new Date();
    // Day-month-year, as a Dutch reader writes it, whatever the system locale.
    const shown = [
      String(today.getDate()).padStart(2, "0"),
      String(today.getMonth() + 1).padStart(2, "0"),
      String(today.getFullYear()).padStart(4, "0"),
    ].join("-");
    expect(screen.getByLabelText("Einddatum relatie")).toHaveValue(shown);
  });

  it("warns before saving a contact that looks like an existing one, and saves only when told", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      likely_duplicates: () => [
        {
          contact: {
            id: 12,
            name: "Finn Smit",
            email: "finn@bouw.nl",
            organisation: "Bouw BV",
            relationship: "client",
            last_activity_at: "2026-11-01T10:00:00Z",
          },
          reasons: ["email"],
        },
      ],
      create_contact: () => 13,
      get_contact: () => {
        throw apiError("not_found", "contact 13 not found");
      },
    });
    const { user } = await openNewContactForm();
    await user.type(screen.getByLabelText("Naam"), "F. Smit");
    await user.type(screen.getByLabelText("E-mail"), "FINN@bouw.nl");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    const warning = await screen.findByRole("alert");
    expect(warning).toHaveTextContent("Bestaat dit contact al?");
    expect(warning).toHaveTextContent("Finn Smit · finn@bouw.nl · Bouw BV · #12 — hetzelfde e-mailadres");
    expect(callsOf("create_contact")).toEqual([]);
    expect(callsOf("likely_duplicates")[0]?.except).toBeNull();
    await user.click(within(warning).getByRole("button", { name: "Toch opslaan als nieuw contact" }));
    await waitFor(() => expect(callsOf("create_contact")).toHaveLength(1));
  });

  it("saves a new contact and opens it", async () => {
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      create_contact: () => 42,
      list_documents: () => [],
      get_contact: ({ id }) => ({
        contact: {
          id: Number(id),
          name: "Jan Jansen",
          emails: [],
          phones: ["06 12345678"],
          address: null,
          organisation: null,
          job_title: "Eigenaar",
          relationship: "client",
          relationship_ended: null,
          created_at: "2024-05-01T10:00:00Z",
          updated_at: "2024-05-01T10:00:00Z",
          restricted_reason: null,
          objected_at: null,
        },
        interactions: [],
      }),
    });
    const { user } = await openNewContactForm();
    expect(screen.queryByLabelText("Einddatum relatie")).toBeNull();
    await user.type(screen.getByLabelText("Naam"), "Jan Jansen");
    await user.type(screen.getByLabelText("Telefoon"), "06 12345678");
    await user.type(screen.getByLabelText("Functie"), "Eigenaar");
    await user.selectOptions(screen.getByLabelText("Relatie"), "Klant");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));

    await screen.findByRole("heading", { level: 1, name: "Jan Jansen" });
    expect(callsOf("create_contact")[0]?.input).toMatchObject({
      name: "Jan Jansen",
      emails: [],
      phones: ["06 12345678"],
      job_title: "Eigenaar",
      relationship: "client",
      relationship_ended: null,
    });
    expect(within(screen.getByRole("main")).getByText("Nog geen interacties vastgelegd.")).toBeInTheDocument();
  });
});
