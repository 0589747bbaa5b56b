// Quit, relaunch, unlock with the passphrase → data present; wrong passphrase → clear error.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const app = new App();
after(() => app.close());

test("data survives quitting and relaunching; a wrong passphrase is refused", async () => {
  await app.launch();
  await app.createVaultThroughUi();
  await app.click("Nieuw contact");
  await app.type("Naam", "Pieter Zwartkruis");
  await app.click("Opslaan");
  await app.waitForHeading("Pieter Zwartkruis");
  await app.quit();

  await app.launch();
  await app.waitForHeading("Ontgrendelen");
  await app.unlockThroughUi("dit-is-het-niet-hoor");
  await app.waitForAlert(/Onjuist wachtwoord/);
  assert.equal(await app.heading(), "Ontgrendelen");

  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.browser.waitUntil(async () => (await app.text()).includes("Pieter Zwartkruis"), {
    timeout: 10000,
    timeoutMsg: "the contact is not in the list after relaunching",
  });
});
