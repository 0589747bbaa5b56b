// Open the app on a vault with expired prospects: the purge runs at start-up, before any data
// is shown; the notice says how much was removed and links to the deletion log.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const THEN = "2026-01-10T09:00:00Z";
// Debug builds take the clock from KLUIS_NOW: two and a half years later.
const app = new App({ KLUIS_NOW: "2028-06-01T09:00:00Z" });
let stale;
before(async () => {
  app.cli(["--now", THEN, "init"]);
  stale = app.cli(["--now", THEN, "contact", "add", "--name", "Verlopen Prospect"]).trim();
  app.cli(["--now", THEN, "contact", "add", "--name", "Trouwe Klant", "--relationship", "client"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("the start-up purge removed the expired prospect and says so", async () => {
  await app.browser.waitUntil(async () => /verwijderd volgens je bewaarbeleid/i.test(await app.text()), {
    timeout: 10000,
    timeoutMsg: "no start-up notice",
  });
  const text = await app.text();
  assert.match(text, /Trouwe Klant/);
  assert.doesNotMatch(text, /Verlopen Prospect/);
});

test("the notice links to the deletion log with the entry", async () => {
  await app.click("Bekijk het verwijderlogboek");
  await app.waitForHeading("Bewaarbeleid");
  await app.browser.waitUntil(async () => (await app.text()).includes(`contact:${stale}`), {
    timeout: 10000,
    timeoutMsg: "the deletion log does not show the purged contact's pseudonymous id",
  });
  assert.doesNotMatch(await app.text(), /Verlopen Prospect/, "the log holds no names");
});
