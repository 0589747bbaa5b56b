import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { Controller } from "../../bindings/Controller";
import { apiError, callsOf, DUTCH, installBackend, vaultStatus } from "../../test/backend";
import { renderApp } from "../../test/render";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(() => Promise.resolve(() => undefined)) }));

async function openSection(controller: Controller, setController: (args: Record<string, unknown>) => unknown) {
  installBackend({
    vault_status: () => vaultStatus(),
    get_settings: () => DUTCH,
    list_contacts: () => ({ items: [], total: 0 }),
    get_controller: () => controller,
    set_controller: setController,
  });
  const rendered = renderApp();
  await rendered.user.click(await screen.findByRole("button", { name: "Instellingen" }));
  const section = within(await screen.findByRole("region", { name: "Je bedrijf (voor documenten)" }));
  await section.findByLabelText("Bedrijfsnaam");
  return { ...rendered, section };
}

describe("business details for documents", () => {
  it("checks the KvK number and saves the details", async () => {
    const { user, section } = await openSection({ name: "", address: "", kvk: "", privacy_contact: "" }, () => null);
    await user.type(section.getByLabelText("Bedrijfsnaam"), "  Bakkerij Jansen ");
    await user.type(section.getByLabelText("Adres"), "Dorpsstraat 1{enter}1234 AB Ergens");
    await user.type(section.getByLabelText("KvK-nummer"), "1234");
    await user.type(section.getByLabelText("Contact voor privacyvragen"), "Jan, privacy@jansen.nl");
    await user.click(section.getByRole("button", { name: "Bedrijfsgegevens opslaan" }));
    expect(section.getByLabelText("KvK-nummer")).toHaveAccessibleDescription(/Een KvK-nummer heeft 8 cijfers\./);
    expect(callsOf("set_controller")).toEqual([]);

    await user.type(section.getByLabelText("KvK-nummer"), "5678");
    await user.click(section.getByRole("button", { name: "Bedrijfsgegevens opslaan" }));
    expect(await section.findByText("Bedrijfsgegevens opgeslagen.")).toBeInTheDocument();
    expect(callsOf("set_controller")).toEqual([
      {
        controller: {
          name: "Bakkerij Jansen",
          address: "Dorpsstraat 1\n1234 AB Ergens",
          kvk: "12345678",
          privacy_contact: "Jan, privacy@jansen.nl",
        },
      },
    ]);
  });

  it("shows the stored details and the backend's KvK complaint at the field", async () => {
    const { user, section } = await openSection(
      { name: "Bakkerij Jansen", address: "Dorpsstraat 1", kvk: "12345678", privacy_contact: "Jan" },
      () => {
        throw apiError("invalid_input", "value: a KvK number has 8 digits", "value");
      },
    );
    expect(section.getByLabelText("Bedrijfsnaam")).toHaveValue("Bakkerij Jansen");
    expect(section.getByLabelText("KvK-nummer")).toHaveValue("12345678");
    await user.click(section.getByRole("button", { name: "Bedrijfsgegevens opslaan" }));
    expect(await section.findByText("Een KvK-nummer heeft 8 cijfers.")).toBeInTheDocument();
    expect(section.queryByRole("alert")).toBeNull();
  });
});
