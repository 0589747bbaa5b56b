import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { UnsubscribeReport } from "../../bindings/UnsubscribeReport";
import {
  apiError,
  callsOf,
  contact,
  DUTCH,
  installBackend,
  privacy,
  purpose,
  summary,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

const NEWSLETTER = purpose();

function report(patch: Partial<UnsubscribeReport> = {}): UnsubscribeReport {
  return {
    file_name: "unsubscribed_members_export_8f3c2a1b.csv",
    layout: "mailchimp-unsubscribed",
    withdrawn: 2,
    already_withdrawn: 1,
    unmatched: 3,
    undeliverable: 0,
    already_undeliverable: 0,
    consent_given_later: 1,
    restricted: 0,
    suppressed: 3,
    ignored: 0,
    warnings: [{ line: 7, message: "geen geldig e-mailadres; overgeslagen" }],
    ...patch,
  };
}

function backend(handlers: Handlers = {}) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [summary({ id: 1, name: "Jan Jansen" })], total: 1 }),
    list_documents: () => [],
    get_contact: () => ({ contact: contact(), interactions: [] }),
    list_purposes: () => [NEWSLETTER],
    list_fields: () => [],
    triage_list: () => [],
    repermission_list: () => [],
    contact_privacy: () => privacy(),
    ...handlers,
  });
}

async function openRegister() {
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Register" }));
  await screen.findByRole("heading", { level: 1, name: "Verwerkingsregister" });
  return rendered;
}

const counts = () =>
  within(screen.getByRole("table", { name: "Aantallen" }))
    .getAllByRole("row")
    .map((row) => row.textContent);

describe("importing unsubscribes from the register", () => {
  it("previews the counts of the chosen file, then imports with the suppression option", async () => {
    backend({
      preview_unsubscribes: () => report(),
      import_unsubscribes: ({ suppressUnmatched }) => report({ suppressed: suppressUnmatched ? 3 : 0 }),
    });
    const { user } = await openRegister();
    await user.click(screen.getByRole("button", { name: "Afmeldingen importeren voor Nieuwsbrief" }));
    const dialog = await screen.findByRole("dialog", { name: "Afmeldingen importeren voor Nieuwsbrief" });
    expect(callsOf("preview_unsubscribes")).toEqual([{ purposeId: 3 }]);
    expect(within(dialog).getByText("Bestand: unsubscribed_members_export_8f3c2a1b.csv")).toBeInTheDocument();
    expect(within(dialog).getByText(/Er is nog niets vastgelegd/)).toBeInTheDocument();
    expect(counts()).toEqual([
      "Toestemming ingetrokken2",
      "Al eerder ingetrokken1",
      "Adres onbestelbaar gemarkeerd0",
      "Adressen zonder contact3",
      "Gaf later opnieuw toestemming (niet gewijzigd)1",
    ]);
    expect(within(dialog).getByText("Regel 7: geen geldig e-mailadres; overgeslagen")).toBeInTheDocument();
    expect(callsOf("import_unsubscribes")).toEqual([]);

    await user.click(
      within(dialog).getByRole("checkbox", {
        name: "Zet de 3 afgemelde adressen zonder contact op de onderdrukkingslijst",
      }),
    );
    await user.click(within(dialog).getByRole("button", { name: "Importeren" }));
    const done = await screen.findByRole("dialog", { name: "Afmeldingen geïmporteerd" });
    expect(callsOf("import_unsubscribes")).toEqual([{ purposeId: 3, suppressUnmatched: true }]);
    expect(within(done).getByRole("status")).toHaveTextContent("De intrekkingen staan in de toestemmingsgeschiedenis");
    expect(counts()).toContain("Op de onderdrukkingslijst gezet3");
    const closeButtons = within(done).getAllByRole("button", { name: "Sluiten" });
    await user.click(closeButtons[closeButtons.length - 1]!);
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("does nothing when the dialog is cancelled, and shows a refusal in plain words", async () => {
    let answer: UnsubscribeReport | null = null;
    backend({
      preview_unsubscribes: () => {
        if (answer === null) return null;
        throw apiError("invalid_input", "line 1: no e-mail column", "file");
      },
    });
    const { user } = await openRegister();
    const button = screen.getByRole("button", { name: "Afmeldingen importeren voor Nieuwsbrief" });
    await user.click(button);
    await waitFor(() => expect(callsOf("preview_unsubscribes")).toHaveLength(1));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    answer = report();
    await user.click(button);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Dit bestand kan niet worden gelezen als lijst met afmeldingen (line 1: no e-mail column).",
    );
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(callsOf("import_unsubscribes")).toEqual([]);
  });

  it("puts no unmatched address on the suppression list unless ticked", async () => {
    backend({ preview_unsubscribes: () => report(), import_unsubscribes: () => report({ suppressed: 0 }) });
    const { user } = await openRegister();
    await user.click(screen.getByRole("button", { name: "Afmeldingen importeren voor Nieuwsbrief" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Importeren" }));
    await screen.findByRole("dialog", { name: "Afmeldingen geïmporteerd" });
    expect(callsOf("import_unsubscribes")).toEqual([{ purposeId: 3, suppressUnmatched: false }]);
  });
});

describe("an undeliverable address on the contact", () => {
  it("is shown on the privacy tab with its date and evidence", async () => {
    backend({
      contact_privacy: () =>
        privacy({
          undeliverable: [
            {
              email: "jan@voorbeeld.nl",
              marked_at: "2026-12-01T09:40:00Z",
              evidence: "Onbestelbaar volgens cleaned_members_export.csv",
            },
          ],
        }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    await user.click(await screen.findByRole("tab", { name: "Privacy" }));
    const note = await screen.findByText("Adres onbestelbaar");
    const box = note.closest('[role="status"]') as HTMLElement;
    expect(box).toHaveTextContent("jan@voorbeeld.nl, sinds 1 december 2026 (Onbestelbaar volgens cleaned_members_export.csv)");
    expect(box).toHaveTextContent("de toestemming is niet gewijzigd");
  });

  it("is not shown when there is none", async () => {
    backend();
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Jan Jansen" }));
    await user.click(await screen.findByRole("tab", { name: "Privacy" }));
    await screen.findByRole("heading", { level: 2, name: "Doelen en grondslag" });
    expect(screen.queryByText("Adres onbestelbaar")).not.toBeInTheDocument();
  });
});
