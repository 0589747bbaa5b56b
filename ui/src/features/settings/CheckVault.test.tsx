import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { CheckReport } from "../../bindings/CheckReport";
import { apiError, callsOf, DUTCH, installBackend, passphraseHandlers, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const PASS = "paard batterij nietje correct";

function report(failed: string[] = []): CheckReport {
  const checks = (["cipher_integrity", "integrity", "foreign_keys", "audit_chain"] as const).map((check) => ({
    check,
    ok: !failed.includes(check),
    detail: failed.includes(check) ? "row 3: its content was changed" : null,
  }));
  return { ok: failed.length === 0, checks };
}

function backend(checkVault: () => unknown) {
  installBackend({
    vault_status: () => vaultStatus({ remembered: false }),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    list_requests: () => [],
    get_controller: () => ({ name: "", address: "", kvk: "", privacy_contact: "" }),
    backup_status: () => ({ settings: { dir: null, keep: 10, every_hours: 24 }, last_backup_at: null, overdue: false, warning: null }),
    ...passphraseHandlers(PASS),
    check_vault: checkVault,
  });
}

async function openSection() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Instellingen" }));
  const section = within(await screen.findByRole("region", { name: "Kluis controleren" }));
  return { ...rendered, section };
}

describe("checking the vault", () => {
  it("runs the check in the core and says all is well in plain words", async () => {
    backend(() => report());
    const { user, section } = await openSection();
    expect(section.queryByRole("status")).not.toBeInTheDocument();
    await user.click(section.getByRole("button", { name: "Controleer kluis" }));
    expect(await section.findByRole("status")).toHaveTextContent("Alles in orde: elke controle is geslaagd.");
    const list = section.getByRole("list", { name: "Kluis controleren" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Versleuteling van elke pagina: in orde",
      "Opbouw van de database: in orde",
      "Verwijzingen tussen gegevens: in orde",
      "Audittrail (niets gewijzigd of weggehaald): in orde",
    ]);
    expect(callsOf("check_vault")).toHaveLength(1);
  });

  it("says which check failed and what to do, without technical detail", async () => {
    backend(() => report(["audit_chain"]));
    const { user, section } = await openSection();
    await user.click(section.getByRole("button", { name: "Controleer kluis" }));
    expect(await section.findByRole("alert")).toHaveTextContent(/De kluis is niet in orde.*back-up terug/);
    expect(section.getByText("Audittrail (niets gewijzigd of weggehaald): niet in orde")).toBeInTheDocument();
    expect(section.getByText("Versleuteling van elke pagina: in orde")).toBeInTheDocument();
    expect(section.queryByText(/its content was changed/)).not.toBeInTheDocument();
    expect(section.queryByRole("status")).not.toBeInTheDocument();
  });

  it("shows an error from the core in plain words", async () => {
    backend(() => {
      throw apiError("internal", "database error: disk I/O error");
    });
    const { user, section } = await openSection();
    await user.click(section.getByRole("button", { name: "Controleer kluis" }));
    expect(await section.findByRole("alert")).toHaveTextContent("Er ging iets mis.");
    expect(section.queryByText(/disk I\/O/)).not.toBeInTheDocument();
    expect(section.queryByRole("list")).not.toBeInTheDocument();
  });
});
