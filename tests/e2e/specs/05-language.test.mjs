// Switching the language to English changes the visible labels; the choice is kept.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const app = new App();
before(async () => {
  app.cli(["init"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("switching to English changes the labels", async () => {
  await app.click("Instellingen");
  await app.waitForHeading("Instellingen");
  const lang = await app.field("Taal");
  await lang.click();
  await app.click("English");
  await app.waitForHeading("Settings");
  const text = await app.text();
  // In the default window the menu shows its icons, named by their (English) labels.
  assert.ok(await (await app.button("Contacts")).isDisplayed(), "the menu item is named Contacts");
  assert.match(text, /Lock/);
  assert.doesNotMatch(text, /Vergrendelen/);
  await app.quit();
  await app.launch();
  await app.waitForHeading("Unlock");
  await app.type("Passphrase", "paars-olifant-fietst-morgen");
  await app.click("Unlock");
  // The app starts on the overview, in English.
  await app.waitForHeading("Overview");
});
