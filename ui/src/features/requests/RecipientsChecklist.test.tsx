import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { RecipientNotice } from "../../bindings/RecipientNotice";
import { shownDate } from "../../components/DateField";
import { toYmd } from "../../lib/format";
import {
  apiError,
  callsOf,
  contact,
  DUTCH,
  installBackend,
  privacy,
  request,
  summary,
  vaultStatus,
} from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

function line(patch: Partial<RecipientNotice> = {}): RecipientNotice {
  return {
    id: 11,
    request_id: 4,
    contact_id: null,
    processor_id: 1,
    processor_name: "Boekhouder Jansen",
    action: "erasure",
    created_at: "2026-03-01T10:00:00Z",
    told_at: null,
    ...patch,
  };
}

describe("recipients checklist (Art. 19)", () => {
  it("lists the recipients on an erasure request and records when one was told", async () => {
    let lines = [line(), line({ id: 12, processor_id: 2, processor_name: "Mailer Inc", told_at: "2026-02-27" })];
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [], total: 0 }),
      // The person was erased: the request stays, with its checklist.
      list_requests: () => [request({ kind: "erasure", contact_id: null, open: false, outcome: "Gewist" })],
      request_recipients: () => lines,
      recipient_told: (args) => {
        if (args.on === "31-13-2026") return Promise.reject(apiError("invalid_input", "told_at: expected a date", "told_at"));
        lines = lines.map((l) => (l.id === args.noticeId ? { ...l, told_at: "2026-03-01" } : l));
        return null;
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Verzoeken" }));
    await user.click(await screen.findByRole("button", { name: /^Afhandelen: / }));
    const list = await screen.findByRole("region", { name: "Ontvangers om in te lichten" });
    expect(callsOf("request_recipients")).toEqual([{ requestId: 4 }]);
    expect(list).toHaveTextContent("Boekhouder Jansen (wissing) — Nog niet ingelicht");
    expect(list).toHaveTextContent("Mailer Inc (wissing) — Ingelicht op 27 februari 2026");
    expect(within(list).queryByLabelText("Ingelicht op: Mailer Inc")).toBeNull();

    const date = within(list).getByLabelText("Ingelicht op: Boekhouder Jansen");
    expect(date).toHaveValue(shownDate(toYmd(new Date())));
    await user.clear(date);
    await user.type(date, "31-13-2026");
    await user.click(within(list).getByRole("button", { name: "Vastleggen dat Boekhouder Jansen is ingelicht" }));
    expect(await within(list).findByText("Typ de datum als dag-maand-jaar, bijvoorbeeld 31-03-2026 (het jaar in vier cijfers).")).toBeInTheDocument();

    await user.clear(date);
    await user.type(date, "01-03-2026");
    await user.click(within(list).getByRole("button", { name: "Vastleggen dat Boekhouder Jansen is ingelicht" }));
    expect(await within(list).findByText("Vastgelegd dat Boekhouder Jansen is ingelicht.")).toBeInTheDocument();
    expect(callsOf("recipient_told").at(-1)).toEqual({ noticeId: 11, on: "01-03-2026" });
    expect(await within(list).findByText(/Ingelicht op 1 maart 2026/)).toBeInTheDocument();
  });

  it("shows the contact's own list for a restriction without a request on the Privacy tab", async () => {
    const restricted = contact({ restricted_reason: "Betwist" });
    installBackend({
      vault_status: () => vaultStatus(),
      get_settings: () => DUTCH,
      list_contacts: () => ({ items: [summary({ restricted: true })], total: 1 }),
      get_contact: () => ({ contact: restricted, interactions: [] }),
      list_documents: () => [],
      list_purposes: () => [],
      contact_privacy: () =>
        privacy({ recipient_notices: [line({ request_id: null, contact_id: restricted.id, action: "restriction" })] }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: restricted.name }));
    await user.click(await screen.findByRole("tab", { name: "Privacy" }));
    const list = await screen.findByRole("region", { name: "Ontvangers om in te lichten" });
    expect(list).toHaveTextContent("Boekhouder Jansen (beperking) — Nog niet ingelicht");
    expect(within(list).getByRole("button", { name: "Vastleggen dat Boekhouder Jansen is ingelicht" })).toBeEnabled();
  });
});
