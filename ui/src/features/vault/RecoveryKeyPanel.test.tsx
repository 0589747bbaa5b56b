import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { DUTCH, installBackend, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";
import { RecoveryKeyPanel } from "./RecoveryKeyPanel";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const KEY = "K7QF-2M9X-PL4D-88ZW-TR3N-HC6V";
const VAULT_ID = "3f6c1a2e-9b1d-4e55-8a0f-0c2d9e7b4a11";

function panel(onContinue = vi.fn()) {
  installBackend({ vault_status: () => vaultStatus(), get_settings: () => DUTCH });
  const rendered = renderApp(
    <RecoveryKeyPanel
      recoveryKey={KEY}
      vaultId={VAULT_ID}
      label="Herstelsleutel"
      continueLabel="Doorgaan"
      onContinue={onContinue}
    />,
  );
  return { ...rendered, onContinue };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("recovery key panel", () => {
  it("goes on only once the key's last group is typed back, not with a tick box", async () => {
    const { user, onContinue } = panel();
    expect(screen.queryByRole("checkbox")).toBeNull();
    const go = screen.getByRole("button", { name: "Doorgaan" });
    expect(go).toBeDisabled();
    const check = screen.getByLabelText("Laatste groep van de sleutel");
    expect(check).toHaveAccessibleDescription(/laatste 4 tekens/);
    await user.type(check, "HC6X");
    expect(go).toBeDisabled();
    expect(check).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/Dat is niet de laatste groep/)).toBeInTheDocument();
    await user.clear(check);
    await user.type(check, " hc6v ");
    expect(go).toBeEnabled();
    await user.click(go);
    expect(onContinue).toHaveBeenCalledOnce();
  });

  it("prints a one-page recovery sheet with the key, the vault id and what to do; writes no file", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    const { user } = panel();
    const sheet = document.querySelector<HTMLElement>("[data-print-sheet]");
    expect(sheet).not.toBeNull();
    expect(sheet).toHaveTextContent(KEY);
    expect(sheet).toHaveTextContent(`Kluis-id: ${VAULT_ID}`);
    expect(sheet).toHaveTextContent("Wachtwoord vergeten?");
    expect(sheet).toHaveTextContent(/niet bij je computer/);
    await user.click(screen.getByRole("button", { name: "Herstelblad afdrukken" }));
    expect(print).toHaveBeenCalledOnce();
    // Printing is the system dialog's business: nothing goes to the backend, nothing is saved.
    const { invoke } = await import("@tauri-apps/api/core");
    const commands = vi.mocked(invoke).mock.calls.map(([name]) => name);
    expect(commands.filter((name) => !["vault_status", "get_settings"].includes(name))).toEqual([]);
    expect(screen.getByText(/niet .Afdrukken naar bestand./)).toBeInTheDocument();
    vi.unstubAllGlobals();
  });
});
