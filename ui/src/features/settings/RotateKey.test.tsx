import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { Settings } from "../../bindings/Settings";
import {
  apiError,
  callsOf,
  deferred,
  DUTCH,
  installBackend,
  passphraseHandlers,
  recoveryKey,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const CURRENT = "paard batterij nietje correct";
const NEXT = "wolk lamp fiets zeventien";

function backend(extra: Handlers = {}, settings: Settings = DUTCH) {
  installBackend({
    vault_status: () => vaultStatus({ remembered: callsOf("rotate_key").length === 0 }),
    get_settings: () => settings,
    list_contacts: () => ({ items: [], total: 0 }),
    list_requests: () => [],
    get_controller: () => ({ name: "", address: "", kvk: "", privacy_contact: "" }),
    backup_status: () => ({ settings: { dir: null, keep: 10, every_hours: 24 }, last_backup_at: null, overdue: false, warning: null }),
    ...passphraseHandlers(CURRENT),
    ...extra,
  });
}

/** Opens Settings and fills in the "new key" fields; resolves to the section. */
async function fillIn(rendered: ReturnType<typeof renderApp>, current = CURRENT, next = NEXT) {
  const { user } = rendered;
  await user.click(await screen.findByRole("button", { name: "Instellingen" }));
  const section = within(await screen.findByRole("region", { name: "Nieuwe sleutel maken" }));
  // Labelled apart from the change-passphrase fields: each label is on the page once.
  await user.type(screen.getByLabelText("Huidig wachtwoord (nieuwe sleutel)"), current);
  await user.type(screen.getByLabelText("Nieuw wachtwoord (nieuwe sleutel)"), next);
  await user.type(screen.getByLabelText("Herhaal nieuw wachtwoord (nieuwe sleutel)"), next);
  const submit = section.getByRole("button", { name: "Nieuwe sleutel maken" });
  await waitFor(() => expect(submit).toBeEnabled());
  return { section, submit };
}

describe("making a new key", () => {
  beforeEach(() => backend());

  it("asks first, then shows the new recovery key once, until it is stored", async () => {
    const rendered = renderApp();
    const { user } = rendered;
    const { section, submit } = await fillIn(rendered);
    expect(screen.getByLabelText("Huidig wachtwoord")).toBeInTheDocument();
    expect(section.getByText(/in verkeerde handen is gekomen/)).toBeInTheDocument();

    await user.click(submit);
    const question = await screen.findByRole("dialog", { name: "Nieuwe sleutel maken?" });
    expect(callsOf("rotate_key")).toEqual([]);
    await user.click(within(question).getByRole("button", { name: "Ja, nieuwe sleutel maken" }));

    const shown = await screen.findByRole("dialog", { name: "Je nieuwe herstelsleutel" });
    const key = within(shown).getByLabelText("Nieuwe herstelsleutel");
    expect(key).toHaveTextContent(recoveryKey(1));
    expect(callsOf("rotate_key")).toEqual([{ current: CURRENT, next: NEXT }]);
    // The device forgot its remembered key: the status is asked again.
    await waitFor(() => expect(callsOf("vault_status").length).toBeGreaterThan(1));

    const done = within(shown).getByRole("button", { name: "Klaar" });
    expect(done).toBeDisabled();
    await user.type(within(shown).getByLabelText("Laatste groep van de sleutel"), "hc6v");
    expect(done).toBeEnabled();
    await user.click(done);

    await waitFor(() => expect(screen.queryByLabelText("Nieuwe herstelsleutel")).toBeNull());
    expect(screen.queryByText(recoveryKey(1))).toBeNull();
    expect(await section.findByText(/Je kluis heeft een nieuwe sleutel\./)).toBeInTheDocument();
    expect(screen.getByLabelText("Huidig wachtwoord (nieuwe sleutel)")).toHaveValue("");
    expect(screen.getByLabelText("Nieuw wachtwoord (nieuwe sleutel)")).toHaveValue("");
  });

  it("shows that it is busy while the key is made", async () => {
    const answer = deferred<{ recovery_key: string; vault_id: string }>();
    backend({ rotate_key: () => answer.promise });
    const rendered = renderApp();
    const { submit } = await fillIn(rendered);
    await rendered.user.click(submit);
    const question = await screen.findByRole("dialog", { name: "Nieuwe sleutel maken?" });
    await rendered.user.click(within(question).getByRole("button", { name: "Ja, nieuwe sleutel maken" }));

    expect(await within(question).findByRole("status")).toHaveTextContent("De nieuwe sleutel wordt gemaakt.");
    expect(within(question).getByRole("button", { name: "Annuleren" })).toBeDisabled();
    expect(screen.getByLabelText("Huidig wachtwoord (nieuwe sleutel)")).toBeDisabled();

    answer.resolve({ recovery_key: recoveryKey(7), vault_id: "test-vault-id" });
    const shown = await screen.findByRole("dialog", { name: "Je nieuwe herstelsleutel" });
    expect(within(shown).getByLabelText("Nieuwe herstelsleutel")).toHaveTextContent(recoveryKey(7));
  });

  it("says so at the field when the current passphrase is wrong, and shows no key", async () => {
    const rendered = renderApp();
    const { submit } = await fillIn(rendered, "verkeerd wachtwoord");
    await rendered.user.click(submit);
    const question = await screen.findByRole("dialog", { name: "Nieuwe sleutel maken?" });
    await rendered.user.click(within(question).getByRole("button", { name: "Ja, nieuwe sleutel maken" }));

    const current = screen.getByLabelText("Huidig wachtwoord (nieuwe sleutel)");
    await waitFor(() => expect(current).toHaveAccessibleDescription("Onjuist wachtwoord. Probeer het opnieuw."));
    expect(screen.queryByLabelText("Nieuwe herstelsleutel")).toBeNull();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("rotate_key")).toEqual([{ current: "verkeerd wachtwoord", next: NEXT }]);

    // Typing again clears the complaint.
    await rendered.user.type(current, "x");
    expect(current).not.toHaveAccessibleDescription("Onjuist wachtwoord. Probeer het opnieuw.");
  });

  it("says so at the new field when the backend finds the passphrase weak", async () => {
    backend({
      rotate_key: () => {
        throw apiError("weak_passphrase", "weak passphrase");
      },
    });
    const rendered = renderApp();
    const { submit } = await fillIn(rendered);
    await rendered.user.click(submit);
    const question = await screen.findByRole("dialog", { name: "Nieuwe sleutel maken?" });
    await rendered.user.click(within(question).getByRole("button", { name: "Ja, nieuwe sleutel maken" }));

    await waitFor(() =>
      expect(screen.getByLabelText("Nieuw wachtwoord (nieuwe sleutel)")).toHaveAccessibleDescription(
        /Dit wachtwoord is te zwak\./,
      ),
    );
    expect(screen.queryByLabelText("Nieuwe herstelsleutel")).toBeNull();
  });

  it("does nothing when the question is cancelled", async () => {
    const rendered = renderApp();
    const { submit } = await fillIn(rendered);
    await rendered.user.click(submit);
    const question = await screen.findByRole("dialog", { name: "Nieuwe sleutel maken?" });
    await rendered.user.click(within(question).getByRole("button", { name: "Annuleren" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(callsOf("rotate_key")).toEqual([]);
  });

  it("speaks English", async () => {
    backend({}, { ...DUTCH, language: "en" });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Settings" }));
    const section = within(await screen.findByRole("region", { name: "Make a new key" }));
    await user.type(section.getByLabelText("Current passphrase (new key)"), CURRENT);
    await user.type(section.getByLabelText("New passphrase (new key)"), NEXT);
    await user.type(section.getByLabelText("Repeat new passphrase (new key)"), NEXT);
    const submit = section.getByRole("button", { name: "Make a new key" });
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    const question = await screen.findByRole("dialog", { name: "Make a new key?" });
    await user.click(within(question).getByRole("button", { name: "Yes, make a new key" }));
    const shown = await screen.findByRole("dialog", { name: "Your new recovery key" });
    expect(within(shown).getByLabelText("New recovery key")).toHaveTextContent(recoveryKey(1));
    await user.type(within(shown).getByLabelText("Last group of the key"), "HC6V");
    await user.click(within(shown).getByRole("button", { name: "Done" }));
    await waitFor(() => expect(screen.queryByLabelText("New recovery key")).toBeNull());
  });
});
