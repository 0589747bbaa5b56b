import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { PurgeReport } from "../../bindings/PurgeReport";
import {
  callsOf,
  DUTCH,
  installBackend,
  purgeReport,
  rule,
  summary,
  vaultStatus,
  type Handlers,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

/** A locked vault whose unlock reports `report`. */
function backend(report: PurgeReport | null, handlers: Handlers = {}) {
  let status = vaultStatus({ unlocked: false });
  installBackend({
    vault_status: () => status,
    get_settings: () => DUTCH,
    unlock: () => {
      status = vaultStatus({ unlocked: true });
      return report;
    },
    list_contacts: () => ({ items: [summary({ name: "Anna de Boer" })], total: 1 }),
    retention_rules: () => [rule()],
    deletion_log: () => [],
    purge_plan: () => [],
    ...handlers,
  });
}

async function unlock() {
  const rendered = renderApp();
  await screen.findByRole("heading", { level: 1, name: "Ontgrendelen" });
  await rendered.user.type(screen.getByLabelText("Wachtwoord"), "goed geheim{Enter}");
  await screen.findByRole("heading", { level: 1, name: "Contacten" });
  return rendered;
}

describe("start-up notice of the retention purge", () => {
  it("counts what was removed and opens the deletion log", async () => {
    backend(
      purgeReport({
        contacts_deleted: 2,
        interactions_deleted: 3,
        documents_deleted: 1,
        records_deleted: 0,
        audit_rows_pruned: 1,
        audit_older_than: "2y",
        queued_for_review: 4,
      }),
    );
    const { user } = await unlock();

    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent(
      "Verwijderd volgens je bewaarbeleid: 2 contacten, 3 interacties, 1 fiscaal document en 1 logregel ouder dan 2 jaar",
    );
    expect(notice).toHaveTextContent("4 items wachten op je beoordeling.");
    await user.click(within(notice).getByRole("button", { name: "Bekijk het verwijderlogboek" }));

    await screen.findByRole("heading", { level: 1, name: "Bewaarbeleid" });
    expect(screen.getByRole("tab", { name: "Verwijderlogboek" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("Er is nog niets verwijderd.")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(nav).getByRole("button", { name: "Bewaartermijnen" })).toHaveAttribute("aria-current", "page");
  });

  it("speaks English when the settings say so", async () => {
    backend(purgeReport({ contacts_deleted: 1, interactions_deleted: 1 }), {
      get_settings: () => ({ ...DUTCH, language: "en" }),
    });
    const rendered = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Unlock" });
    await rendered.user.type(screen.getByLabelText("Passphrase"), "goed geheim{Enter}");
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent("Removed under your retention policy: 1 contact and 1 interaction");
    await rendered.user.click(within(notice).getByRole("button", { name: "View the deletion log" }));
    await screen.findByRole("heading", { level: 1, name: "Retention policy" });
    expect(screen.getByRole("tab", { name: "Deletion log" })).toHaveAttribute("aria-selected", "true");
  });

  it("names what went per kind, audit rows apart with their age (nl and en)", async () => {
    backend(purgeReport({ contacts_deleted: 1, audit_rows_pruned: 60, audit_older_than: "2y" }));
    await unlock();
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent("Verwijderd volgens je bewaarbeleid: 1 contact en 60 logregels ouder dan 2 jaar");
    expect(notice).not.toHaveTextContent("61");
  });

  it("names the kinds in English with English plurals", async () => {
    backend(
      purgeReport({ contacts_deleted: 2, interactions_deleted: 1, audit_rows_pruned: 1, audit_older_than: "1y" }),
      { get_settings: () => ({ ...DUTCH, language: "en" }) },
    );
    const rendered = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Unlock" });
    await rendered.user.type(screen.getByLabelText("Passphrase"), "goed geheim{Enter}");
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent(
      "Removed under your retention policy: 2 contacts, 1 interaction and 1 audit row older than 1 year",
    );
  });

  it("uses the singular for one item and can be dismissed", async () => {
    backend(purgeReport({ audit_rows_pruned: 1, audit_older_than: "24m" }));
    const { user } = await unlock();
    const notice = await screen.findByRole("status");
    expect(notice).toHaveTextContent("Verwijderd volgens je bewaarbeleid: 1 logregel ouder dan 24 maanden");
    await user.click(within(notice).getByRole("button", { name: "Melding sluiten" }));
    expect(screen.queryByText(/Verwijderd volgens je bewaarbeleid/)).toBeNull();
    expect(screen.getByRole("button", { name: "Anna de Boer" })).toBeInTheDocument();
  });

  it("shows nothing when the purge removed nothing", async () => {
    backend(purgeReport({ queued_for_review: 2 }));
    await unlock();
    await screen.findByRole("button", { name: "Anna de Boer" });
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("asks before a mass deletion and cleans up on 'Toch opschonen'", async () => {
    backend(purgeReport({ ran: false, stopped: "confirm", contacts_due: 60, contacts_total: 80 }), {
      purge_now: ({ confirm }) =>
        confirm === true
          ? purgeReport({ contacts_deleted: 60, interactions_deleted: 12 })
          : purgeReport({ ran: false, stopped: "confirm", contacts_due: 60, contacts_total: 80 }),
    });
    const { user } = await unlock();

    const warning = await screen.findByRole("alert");
    expect(warning).toHaveTextContent(
      "De opschoning is gepauzeerd: 60 van 80 contacten zouden worden verwijderd.",
    );
    expect(screen.queryByText(/Verwijderd volgens/)).toBeNull();
    await user.click(within(warning).getByRole("button", { name: "Toch opschonen" }));

    const dialog = await screen.findByRole("dialog", { name: "Toch opschonen?" });
    expect(dialog).toHaveTextContent("60 van 80 contacten worden definitief verwijderd");
    expect(callsOf("purge_now")).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Toch opschonen" }));

    expect(
      await screen.findByText("Verwijderd volgens je bewaarbeleid: 60 contacten en 12 interacties"),
    ).toBeInTheDocument();
    expect(callsOf("purge_now")).toEqual([{ confirm: true }]);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.queryByText(/gepauzeerd/)).toBeNull();
  });

  it("opens the dry run from the paused warning", async () => {
    backend(purgeReport({ ran: false, stopped: "confirm", contacts_due: 60, contacts_total: 80 }));
    const { user } = await unlock();
    await user.click(await screen.findByRole("button", { name: "Bekijk wat er zou verdwijnen" }));
    await screen.findByRole("heading", { level: 1, name: "Bewaarbeleid" });
    expect(screen.getByRole("tab", { name: "Proefrun" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByText("Er is nu niets te verwijderen")).toBeInTheDocument();
  });

  it("warns when the clock is behind the last clean-up", async () => {
    backend(purgeReport({ ran: false, stopped: "clock" }));
    await unlock();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "De klok van deze computer staat vóór het moment van de vorige opschoning. Daarom is er niets verwijderd.",
    );
  });

  it("forgets the notice when the vault is locked", async () => {
    let status = vaultStatus({ unlocked: false });
    let report: PurgeReport | null = purgeReport({ contacts_deleted: 3 });
    installBackend({
      vault_status: () => status,
      get_settings: () => DUTCH,
      unlock: () => {
        status = vaultStatus({ unlocked: true });
        const sent = report;
        report = null;
        return sent;
      },
      lock: () => {
        status = vaultStatus({ unlocked: false });
        return null;
      },
      list_contacts: () => ({ items: [], total: 0 }),
    });
    const { user } = await unlock();
    expect(await screen.findByText("Verwijderd volgens je bewaarbeleid: 3 contacten")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Vergrendelen" }));
    await user.type(await screen.findByLabelText("Wachtwoord"), "goed geheim{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Contacten" });
    expect(screen.queryByText(/Verwijderd volgens/)).toBeNull();
  });
});
