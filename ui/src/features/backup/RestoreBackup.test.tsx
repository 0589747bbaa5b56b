import { open } from "@tauri-apps/plugin-dialog";
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { RestoreReport } from "../../bindings/RestoreReport";
import { apiError, callsOf, DUTCH, installBackend, purgeReport, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ open: vi.fn(), save: vi.fn() }));

const openMock = vi.mocked(open);
const PATH = "/media/usb/kluis-2025-03-01.kluisbackup";
const SECRET = "paard batterij nietje correct";

const REPORT: RestoreReport = {
  backup_created_at: "2025-03-01T09:30:00Z",
  contacts: 42,
  interactions: 130,
  erasures_reapplied: 2,
  purge: purgeReport({ ran: false }),
};

let exists = false;

beforeEach(() => {
  exists = false;
  openMock.mockReset();
  installBackend({
    vault_status: () => vaultStatus({ exists, unlocked: false }),
    get_settings: () => DUTCH,
    passphrase_strength: () => ({ score: 0, acceptable: false }),
    verify_backup: ({ passphrase }) => {
      if (passphrase !== SECRET) throw apiError("wrong_passphrase", "wrong passphrase");
      return { created_at: "2025-03-01T09:30:00Z", app_version: "0.4.1", schema_version: 3, bytes: 1_250_000, vault_id: "v1" };
    },
    restore_backup: ({ passphrase, recoveryKey }) => {
      if (passphrase !== SECRET && recoveryKey !== "K7QF-2M9X") throw apiError("wrong_passphrase", "wrong passphrase");
      exists = true;
      return REPORT;
    },
  });
});

async function openRestore() {
  const rendered = renderApp();
  await screen.findByRole("heading", { level: 1, name: "Welkom bij Kluis" });
  await rendered.user.click(screen.getByRole("button", { name: "Een back-up terugzetten" }));
  await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
  return rendered;
}

describe("restoring a backup on first run", () => {
  it("checks the backup, restores it, shows the report and goes to unlock", async () => {
    const { user } = await openRestore();
    await user.type(screen.getByLabelText("Pad naar het back-upbestand"), PATH);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);

    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    const checked = await screen.findByText("De back-up is in orde.");
    const note = checked.closest("[role=status]") as HTMLElement;
    expect(within(note).getByText("0.4.1")).toBeInTheDocument();
    expect(within(note).getByText(/1,3\sMB/)).toBeInTheDocument();
    expect(callsOf("verify_backup")).toEqual([{ path: PATH, passphrase: SECRET, recoveryKey: null }]);

    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(
      await screen.findByText(/^Teruggezet: back-up van .+, 42 contacten, 130 interacties; 2 wissingen opnieuw toegepast\.$/),
    ).toBeInTheDocument();
    expect(callsOf("restore_backup")).toEqual([{ path: PATH, passphrase: SECRET, recoveryKey: null }]);

    await user.click(screen.getByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  });

  it.each([
    [purgeReport({ contacts_deleted: 3, interactions_deleted: 4 }), "7 items verwijderd volgens je bewaarbeleid"],
    [
      purgeReport({ ran: false, stopped: "confirm", contacts_due: 200, contacts_total: 900 }),
      "De opschoning is gepauzeerd: 200 van 900 contacten zouden worden verwijderd.",
    ],
  ])("says what the retention policy did after the restore", async (purge, text) => {
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      restore_backup: () => ({ ...REPORT, purge }),
    });
    const { user } = await openRestore();
    await user.type(screen.getByLabelText("Pad naar het back-upbestand"), PATH);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it("says plainly that the passphrase does not match the backup", async () => {
    const { user } = await openRestore();
    await user.type(screen.getByLabelText("Pad naar het back-upbestand"), PATH);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), "verkeerd");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Het wachtwoord past niet bij deze back-up.");
    expect(screen.queryByText(/^Teruggezet/)).toBeNull();
  });

  it("explains a damaged file and a newer version", async () => {
    const { user } = await openRestore();
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      verify_backup: ({ path }) => {
        throw String(path).includes("nieuw") ? apiError("newer_schema") : apiError("integrity");
      },
    });
    await user.type(screen.getByLabelText("Pad naar het back-upbestand"), PATH);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("beschadigd of aangepast");

    await user.clear(screen.getByLabelText("Pad naar het back-upbestand"));
    await user.type(screen.getByLabelText("Pad naar het back-upbestand"), "/tmp/nieuw.kluisbackup");
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("nieuwere versie van Kluis");
  });

  it("takes the file from the open dialog and can use the recovery key", async () => {
    openMock.mockResolvedValueOnce(PATH);
    const { user } = await openRestore();
    await user.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    expect(await screen.findByDisplayValue(PATH)).toBeInTheDocument();
    expect(openMock).toHaveBeenCalledWith(
      expect.objectContaining({
        multiple: false,
        directory: false,
        filters: [{ name: "Kluis-back-up", extensions: ["kluisbackup"] }],
      }),
    );
    await user.click(screen.getByRole("checkbox", { name: /Herstelsleutel gebruiken/ }));
    await user.type(screen.getByLabelText("Herstelsleutel"), "K7QF-2M9X");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await screen.findByText(/^Teruggezet/);
    expect(callsOf("restore_backup")).toEqual([{ path: PATH, passphrase: null, recoveryKey: "K7QF-2M9X" }]);
  });

  it("asks for the file and the passphrase before calling the backend", async () => {
    const { user } = await openRestore();
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Kies een back-upbestand");
    expect(callsOf("restore_backup")).toEqual([]);
  });
});
