import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { apiError, callsOf, DUTCH, installBackend, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

describe("unlock", () => {
  it("shows a clear error on a wrong passphrase, and unlocks with the right one", async () => {
    let status = vaultStatus({ unlocked: false });
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      unlock: ({ passphrase }) => {
        if (passphrase !== "goed geheim") throw apiError("wrong_passphrase", "wrong passphrase");
        status = vaultStatus({ unlocked: true });
        return null;
      },
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });

    await user.type(screen.getByLabelText("Wachtwoord"), "fout{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Onjuist wachtwoord. Probeer het opnieuw.");
    expect(callsOf("unlock_remembered")).toEqual([]);

    await user.type(screen.getByLabelText("Wachtwoord"), "goed geheim");
    await user.click(screen.getByRole("button", { name: "Ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("unlock")).toEqual([{ passphrase: "fout" }, { passphrase: "goed geheim" }]);
  });

  it("uses the remembered key once at start-up, but not after a manual lock", async () => {
    let status = vaultStatus({ unlocked: false, remembered: true });
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      unlock_remembered: () => {
        status = { ...status, unlocked: true };
        return null;
      },
      lock: () => {
        status = { ...status, unlocked: false };
        return null;
      },
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("unlock_remembered")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Vergrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(callsOf("unlock_remembered")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Ontgrendel met onthouden sleutel" }));
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("unlock_remembered")).toHaveLength(2);
  });

  it("shows the passphrase form when the remembered key fails", async () => {
    installBackend({
      vault_status: () => vaultStatus({ unlocked: false, remembered: true }),
      get_settings: () => DUTCH,
      unlock_remembered: () => {
        throw apiError("keyring_unavailable", "no secret service");
      },
    });
    renderApp();
    expect(await screen.findByRole("alert")).toHaveTextContent(/sleutelopslag/);
    expect(screen.getByLabelText("Wachtwoord")).toBeInTheDocument();
  });

  it("opens the restore screen, which warns that it replaces the vault; 'Terug' returns", async () => {
    installBackend({
      vault_status: () => vaultStatus({ unlocked: false }),
      get_settings: () => DUTCH,
    });
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    await user.click(screen.getByRole("button", { name: "Een back-up terugzetten" }));
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    expect(screen.getByText(/^Dit vervangt de kluis op deze laptop door de back-up\./)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Terug" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.getByLabelText("Wachtwoord")).toBeInTheDocument();
    expect(callsOf("restore_backup")).toEqual([]);
  });

  it("opens the recovery form and unlocks with the recovery key", async () => {
    let status = vaultStatus({ unlocked: false });
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      passphrase_strength: () => ({ score: 4, acceptable: true }),
      unlock_with_recovery: () => {
        status = vaultStatus({ unlocked: true });
        return null;
      },
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Wachtwoord vergeten? Gebruik de herstelsleutel" }));
    await screen.findByRole("heading", { level: 1 });
    await user.type(screen.getByLabelText("Herstelsleutel"), "  KEY-1234  ");
    await user.type(screen.getByLabelText("Nieuw wachtwoord"), "een nieuw lang wachtwoord");
    await user.type(screen.getByLabelText("Herhaal nieuw wachtwoord"), "een nieuw lang wachtwoord");
    const submit = screen.getByRole("button", { name: "Herstellen en ontgrendelen" });
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(callsOf("unlock_with_recovery")).toEqual([
      { recoveryKey: "KEY-1234", newPassphrase: "een nieuw lang wachtwoord" },
    ]);
  });
});
