import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { PurposeInput } from "../../bindings/PurposeInput";
import { callsOf, DUTCH, installBackend, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const STRONG = "paard batterij nietje correct";
const RECOVERY_KEY = "K7QF-2M9X-PL4D-88ZW-TR3N-HC6V";

let keyring = true;
let nextPurposeId = 0;

function proposal(name: string, basis: PurposeInput["basis"], directMarketing = false): PurposeInput {
  return {
    name,
    description: `Omschrijving van ${name}`,
    basis,
    direct_marketing: directMarketing,
    data_categories: ["naam", "e-mail"],
    recipients: [],
    retention_rule: null,
    legitimate_interest: "",
    requirement: "none",
    consequence: "",
    source: "",
  };
}

function proposals(language: string): PurposeInput[] {
  if (language !== "nl") throw new Error("expected Dutch proposals");
  return [
    proposal("Klantadministratie", "contract"),
    proposal("Facturatie", "legal-obligation"),
    proposal("Nieuwsbrief", "consent", true),
    proposal("Relatiebeheer", "legitimate-interest"),
  ];
}

async function createVaultAndContinue(user: ReturnType<typeof renderApp>["user"]) {
  await user.type(await screen.findByLabelText("Wachtwoord"), STRONG);
  await user.type(screen.getByLabelText("Herhaal wachtwoord"), STRONG);
  const create = screen.getByRole("button", { name: "Kluis aanmaken" });
  await waitFor(() => expect(create).toBeEnabled());
  await user.click(create);
  await screen.findByRole("heading", { level: 1, name: "Je herstelsleutel" });
  await user.type(screen.getByLabelText("Laatste groep van de sleutel"), "HC6V");
  await user.click(screen.getByRole("button", { name: "Doorgaan" }));
  await screen.findByRole("heading", { level: 1, name: "Waarvoor gebruik je klantgegevens?" });
}

describe("first run", () => {
  beforeEach(() => {
    keyring = true;
    nextPurposeId = 0;
    let status = vaultStatus({ exists: false, unlocked: false });
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      passphrase_strength: ({ passphrase }) =>
        String(passphrase).length >= 20
          ? { score: 4, acceptable: true }
          : { score: 1, acceptable: false },
      create_vault: ({ remember }) => {
        status = vaultStatus({ exists: true, unlocked: true, remembered: remember === true && keyring });
        return { recovery_key: RECOVERY_KEY, vault_id: "3f6c1a2e" };
      },
      list_contacts: () => ({ items: [], total: 0 }),
      purpose_proposals: ({ language }) => proposals(String(language)),
      create_purpose: () => {
        nextPurposeId += 1;
        return nextPurposeId;
      },
    });
  });

  it("enables 'Kluis aanmaken' only for a strong, repeated passphrase", async () => {
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Welkom bij Kluis" });
    const create = screen.getByRole("button", { name: "Kluis aanmaken" });
    const passphrase = screen.getByLabelText("Wachtwoord");
    const repeat = screen.getByLabelText("Herhaal wachtwoord");
    const remember = screen.getByRole("checkbox", { name: "Onthoud op dit apparaat" });

    expect(create).toBeDisabled();
    expect(remember).not.toBeChecked();

    // Weak, even when repeated correctly.
    await user.type(passphrase, "kort");
    await user.type(repeat, "kort");
    expect(await screen.findByText(/zwak/)).toBeInTheDocument();
    expect(create).toBeDisabled();

    // Strong but not repeated correctly.
    await user.clear(passphrase);
    await user.type(passphrase, STRONG);
    await user.clear(repeat);
    await user.type(repeat, `${STRONG}!`);
    expect(await screen.findByText(/zeer sterk/)).toBeInTheDocument();
    expect(screen.getByText("De wachtwoorden zijn niet gelijk.")).toBeInTheDocument();
    expect(create).toBeDisabled();

    // Strong and repeated.
    await user.clear(repeat);
    await user.type(repeat, STRONG);
    await waitFor(() => expect(create).toBeEnabled());
    expect(callsOf("passphrase_strength").length).toBeGreaterThan(0);
  });

  it("creates the vault and shows the recovery key behind a confirmation", async () => {
    const { user } = renderApp();
    await user.type(await screen.findByLabelText("Wachtwoord"), STRONG);
    await user.type(screen.getByLabelText("Herhaal wachtwoord"), STRONG);
    const create = screen.getByRole("button", { name: "Kluis aanmaken" });
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);

    expect(callsOf("create_vault")).toEqual([{ passphrase: STRONG, remember: false }]);

    await screen.findByRole("heading", { level: 1, name: "Je herstelsleutel" });
    expect(screen.getByLabelText("Herstelsleutel")).toHaveTextContent(RECOVERY_KEY);

    const next = screen.getByRole("button", { name: "Doorgaan" });
    expect(next).toBeDisabled();
    await user.type(screen.getByLabelText("Laatste groep van de sleutel"), "HC6V");
    expect(next).toBeEnabled();
    await user.click(next);

    // First run only: what the client data is used for, then the (empty) contact list.
    await screen.findByRole("heading", { level: 1, name: "Waarvoor gebruik je klantgegevens?" });
    await user.click(await screen.findByRole("button", { name: "Doelen opslaan" }));

    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(screen.getByText("Nog geen contacten")).toBeInTheDocument();
    const main = screen.getByRole("main");
    expect(within(main).getByRole("button", { name: "Nieuw contact" })).toBeInTheDocument();
  });

  it("passes the remember choice when ticked", async () => {
    const { user } = renderApp();
    await user.type(await screen.findByLabelText("Wachtwoord"), STRONG);
    await user.type(screen.getByLabelText("Herhaal wachtwoord"), STRONG);
    await user.click(screen.getByRole("checkbox", { name: "Onthoud op dit apparaat" }));
    const create = screen.getByRole("button", { name: "Kluis aanmaken" });
    await waitFor(() => expect(create).toBeEnabled());
    await user.keyboard("{Enter}");
    await screen.findByLabelText("Herstelsleutel");
    expect(callsOf("create_vault")).toEqual([{ passphrase: STRONG, remember: true }]);
    await waitFor(() => expect(callsOf("vault_status").length).toBeGreaterThan(1));
    expect(screen.queryByText(/sleutelopslag/)).toBeNull();
  });

  it("says so plainly when the OS key store could not remember the key", async () => {
    keyring = false;
    const { user } = renderApp();
    await user.type(await screen.findByLabelText("Wachtwoord"), STRONG);
    await user.type(screen.getByLabelText("Herhaal wachtwoord"), STRONG);
    await user.click(screen.getByRole("checkbox", { name: "Onthoud op dit apparaat" }));
    const create = screen.getByRole("button", { name: "Kluis aanmaken" });
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    expect(await screen.findByText(/sleutelopslag van je besturingssysteem is niet bereikbaar/)).toBeInTheDocument();
    expect(screen.getByLabelText("Herstelsleutel")).toHaveTextContent(RECOVERY_KEY);
  });

  it("proposes purposes, all ticked, and creates only the ticked ones as edited", async () => {
    const { user } = renderApp();
    await createVaultAndContinue(user);
    expect(callsOf("purpose_proposals")).toEqual([{ language: "nl" }]);

    const checkboxes = await screen.findAllByRole("checkbox");
    expect(checkboxes).toHaveLength(4);
    checkboxes.forEach((box) => expect(box).toBeChecked());

    // Untick two, rename one and change the basis of another.
    await user.click(screen.getByRole("checkbox", { name: "Facturatie" }));
    await user.click(screen.getByRole("checkbox", { name: "Relatiebeheer" }));
    const newsletter = screen.getByRole("group", { name: "Nieuwsbrief" });
    const name = within(newsletter).getByLabelText("Naam");
    await user.clear(name);
    await user.type(name, "Maandelijkse nieuwsbrief");
    expect(within(newsletter).getByRole("checkbox", { name: "Maandelijkse nieuwsbrief" })).toBeChecked();
    const admin = screen.getByRole("group", { name: "Klantadministratie" });
    await user.selectOptions(within(admin).getByLabelText("Grondslag"), "Gerechtvaardigd belang");

    await user.click(screen.getByRole("button", { name: "Doelen opslaan" }));
    await screen.findByRole("heading", { level: 1, name: "Contacten" });

    expect(callsOf("create_purpose")).toEqual([
      { input: { ...proposal("Klantadministratie", "contract"), basis: "legitimate-interest" } },
      { input: { ...proposal("Nieuwsbrief", "consent", true), name: "Maandelijkse nieuwsbrief" } },
    ]);
  });

  it("can be skipped, and creates nothing then", async () => {
    const { user } = renderApp();
    await createVaultAndContinue(user);
    await user.click(await screen.findByRole("button", { name: "Overslaan" }));
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("create_purpose")).toEqual([]);
  });
});
