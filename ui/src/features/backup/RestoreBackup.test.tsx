import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { RestoreReport } from "../../bindings/RestoreReport";
import {
  apiError,
  callsOf,
  DUTCH,
  emitEvent,
  installBackend,
  installEvents,
  purgeReport,
  summary,
  vaultStatus,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const PATH = "/media/usb/kluis-2025-03-01.kluisbackup";
const SECRET = "paard batterij nietje correct";
/** The passphrase of the vault on this laptop now (changed since the backup). */
const CURRENT = "blauwe walvis zingt zacht";

const REPORT: RestoreReport = {
  backup_created_at: "2025-03-01T09:30:00Z",
  contacts: 42,
  interactions: 130,
  erasures_reapplied: 2,
  unreadable_newer: [],
  ignored_files: [],
  purge: purgeReport({ ran: false }),
};

let exists = false;

beforeEach(() => {
  exists = false;
  installBackend({
    vault_status: () => vaultStatus({ exists, unlocked: false }),
    get_settings: () => DUTCH,
    // The backend runs the open dialog and keeps the file; the window only shows it.
    pick_backup: () => PATH,
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

/** Chooses the file in the (backend's) open dialog. */
async function choose(user: ReturnType<typeof renderApp>["user"], file = PATH) {
  await user.click(await screen.findByRole("button", { name: "Bestand kiezen" }));
  expect(await screen.findByDisplayValue(file)).toBeInTheDocument();
}

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
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);

    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    const checked = await screen.findByText("De back-up is in orde.");
    const note = checked.closest("[role=status]") as HTMLElement;
    expect(within(note).getByText("0.4.1")).toBeInTheDocument();
    expect(within(note).getByText(/1,3\sMB/)).toBeInTheDocument();
    // The window sends no path: the backend verifies the file its dialog gave.
    expect(callsOf("verify_backup")).toEqual([{ passphrase: SECRET, recoveryKey: null }]);

    // Nothing to replace: no warning, no question.
    expect(screen.queryByText(/vervangt de kluis/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(
      await screen.findByText(/^Teruggezet: back-up van .+, 42 contacten, 130 interacties; 2 wissingen opnieuw toegepast\.$/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(callsOf("restore_backup")).toEqual([
      { passphrase: SECRET, recoveryKey: null, currentPassphrase: null },
    ]);

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
      pick_backup: () => PATH,
      restore_backup: () => ({ ...REPORT, purge }),
    });
    const { user } = await openRestore();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it("says plainly that the passphrase does not match the backup", async () => {
    const { user } = await openRestore();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), "verkeerd");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Het wachtwoord past niet bij deze back-up.");
    expect(screen.queryByText(/^Teruggezet/)).toBeNull();
  });

  it("explains a damaged file and a newer version", async () => {
    const { user } = await openRestore();
    const NEWER = "/tmp/nieuw.kluisbackup";
    let picked = PATH;
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      pick_backup: () => picked,
      verify_backup: () => {
        throw picked === NEWER ? apiError("newer_schema") : apiError("integrity");
      },
    });
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("beschadigd of aangepast");

    picked = NEWER;
    await choose(user, NEWER);
    await user.click(screen.getByRole("button", { name: "Back-up controleren" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("nieuwere versie van Kluis");
  });

  it("shows the file the backend's open dialog chose, keeps it on cancel, and can use the recovery key", async () => {
    let answer: string | null = PATH;
    installBackend({
      vault_status: () => vaultStatus({ exists: false, unlocked: false }),
      get_settings: () => DUTCH,
      pick_backup: () => answer,
      restore_backup: () => REPORT,
    });
    const { user } = await openRestore();
    const file = screen.getByLabelText("Back-upbestand");
    expect(file).toHaveValue("");
    expect(file).toHaveAttribute("readonly");
    await choose(user);
    // Cancelling the dialog again is no error and keeps the file chosen.
    answer = null;
    await user.click(screen.getByRole("button", { name: "Bestand kiezen" }));
    await waitFor(() => expect(callsOf("pick_backup")).toHaveLength(2));
    expect(screen.getByLabelText("Back-upbestand")).toHaveValue(PATH);
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: /Herstelsleutel gebruiken/ }));
    await user.type(screen.getByLabelText("Herstelsleutel"), "K7QF-2M9X");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await screen.findByText(/^Teruggezet/);
    expect(callsOf("restore_backup")).toEqual([
      { passphrase: null, recoveryKey: "K7QF-2M9X", currentPassphrase: null },
    ]);
  });

  it("asks for the file and the passphrase before calling the backend", async () => {
    const { user } = await openRestore();
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Kies een back-upbestand");
    expect(callsOf("restore_backup")).toEqual([]);
  });
});

describe("restoring a backup over the vault on this laptop", () => {
  const WARNING =
    "Dit vervangt de kluis op deze laptop door de back-up. Wat je na de back-up hebt toegevoegd of gewijzigd, gaat verloren; wie je na de back-up hebt gewist, wordt opnieuw gewist.";

  /** A vault that is unlocked (or not): restore_backup locks it first, as the backend does. */
  function vaultBackend(start: { unlocked: boolean }, restore: () => RestoreReport = () => REPORT) {
    let status = vaultStatus(start);
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      pick_backup: () => PATH,
      list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
      list_requests: () => [],
      backup_status: () => ({
        settings: { dir: "/media/usb/kluis", keep: 10, every_hours: 24 },
        last_backup_at: "2025-03-01T09:30:00Z",
        overdue: false,
      }),
      touch: () => null,
      restore_backup: ({ passphrase }) => {
        if (passphrase !== SECRET) throw apiError("wrong_passphrase", "wrong passphrase");
        status = { ...status, unlocked: false };
        return restore();
      },
    });
    return {
      lockFromBackend: () => {
        status = { ...status, unlocked: false };
      },
    };
  }

  async function fillIn(user: ReturnType<typeof renderApp>["user"]) {
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), SECRET);
  }

  async function openFromUnlock() {
    const rendered = renderApp();
    await rendered.user.click(await screen.findByRole("button", { name: "Een back-up terugzetten" }));
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    return rendered;
  }

  async function openFromSettings() {
    const rendered = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    await rendered.user.click(screen.getByRole("button", { name: "Instellingen" }));
    await rendered.user.click(await screen.findByRole("button", { name: "Back-up terugzetten…" }));
    await screen.findByRole("heading", { level: 1, name: "Een back-up terugzetten" });
    return rendered;
  }

  it("warns, and restores only after 'Ja, vervangen'", async () => {
    vaultBackend({ unlocked: false });
    const { user } = await openFromUnlock();
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    await fillIn(user);
    // The locked vault is replaced only with its current passphrase.
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Kies een back-upbestand");
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);

    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    let dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    expect(within(dialog).getByText(WARNING)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("restore_backup")).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    await user.click(within(dialog).getByRole("button", { name: "Ja, vervangen" }));
    expect(await screen.findByText(/^Teruggezet: back-up van /)).toBeInTheDocument();
    expect(callsOf("restore_backup")).toEqual([
      { passphrase: SECRET, recoveryKey: null, currentPassphrase: CURRENT },
    ]);

    await user.click(screen.getByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  });

  it("replaces the unlocked vault from Settings and keeps none of its data", async () => {
    vaultBackend({ unlocked: true });
    const { user, session } = await openFromSettings();
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    // Opening the screen does not lock; the data goes once the restore has run.
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).not.toHaveLength(0);
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    const dialog = await screen.findByRole("dialog", { name: "Kluis vervangen door de back-up?" });
    await user.click(within(dialog).getByRole("button", { name: "Ja, vervangen" }));

    expect(await screen.findByText(/^Teruggezet: back-up van /)).toBeInTheDocument();
    // The vault keeps its current secrets (the restored data were re-keyed to them).
    expect(
      screen.getByText(
        "Je kluis is vergrendeld. Ontgrendel hem met je huidige wachtwoordzin: die, je herstelsleutel en een onthouden sleutel blijven gelden.",
      ),
    ).toBeInTheDocument();
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.queryByRole("status")).toBeNull();
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0);
    expect(callsOf("list_contacts")).toHaveLength(1);
  });

  it("does not say an earlier idle lock locked the restored vault", async () => {
    installEvents();
    const backend = vaultBackend({ unlocked: true });
    const { user } = renderApp();
    await screen.findByRole("button", { name: "Anna de Boer" });
    backend.lockFromBackend();
    emitEvent("vault-locked", null);
    expect(await screen.findByText("De kluis is vergrendeld omdat je een tijdje niet actief was.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Een back-up terugzetten" }));
    await fillIn(user);
    // Locked now: the current passphrase is asked.
    await user.type(screen.getByLabelText("Huidige wachtwoordzin"), CURRENT);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    await user.click(await screen.findByRole("button", { name: "Naar ontgrendelen" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
    expect(screen.queryByText("De kluis is vergrendeld omdat je een tijdje niet actief was.")).toBeNull();
  });

  it("keeps the vault as it is when the backup does not open, and says so", async () => {
    vaultBackend({ unlocked: true });
    const { user, session } = await openFromSettings();
    await choose(user);
    await user.type(screen.getByLabelText("Wachtwoord van de back-up"), "verkeerd");
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Het wachtwoord past niet bij deze back-up.");

    await user.click(screen.getByRole("button", { name: "Terug" }));
    await screen.findByRole("heading", { level: 1, name: "Instellingen" });
    expect(screen.getByRole("button", { name: "Back-up terugzetten…" })).toBeInTheDocument();
    expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).not.toHaveLength(0);
  });

  it("goes to the unlock screen when the restore failed after the vault was locked", async () => {
    vaultBackend({ unlocked: true }, () => {
      throw apiError("internal", "No space left on device (os error 28)");
    });
    const { user, session } = await openFromSettings();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Terugzetten" }));
    await user.click(await screen.findByRole("button", { name: "Ja, vervangen" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    await waitFor(() =>
      expect(session.queryClient.getQueryCache().findAll({ queryKey: ["contacts"] })).toHaveLength(0),
    );

    await user.click(screen.getByRole("button", { name: "Terug" }));
    await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  });
});
