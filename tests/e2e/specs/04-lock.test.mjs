// Lock from the UI → the contact list is no longer reachable until unlock; idle auto-lock.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { App } from "../lib/app.mjs";

const app = new App({ KLUIS_IDLE_SECONDS: "4" });
before(async () => {
  app.cli(["init"]);
  app.cli(["contact", "add", "--name", "Geheime Klant"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("the lock button drops the key and hides the contacts", async () => {
  assert.match(await app.text(), /Geheime Klant/);
  await app.click("Vergrendelen");
  await app.waitForHeading("Ontgrendelen");
  assert.doesNotMatch(await app.text(), /Geheime Klant/);
  // The core itself is locked: asking it for the list fails.
  const r = await app.invoke("list_contacts", { query: null, limit: 25, offset: 0 });
  assert.equal(r.err?.code, "locked", JSON.stringify(r));
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  assert.match(await app.text(), /Geheime Klant/);
});

test("an idle vault locks by itself", async () => {
  // KLUIS_IDLE_SECONDS=4 (debug builds only) stands in for the minutes setting.
  await app.waitForHeading("Ontgrendelen", 20000);
  const r = await app.invoke("list_contacts", { query: null, limit: 25, offset: 0 });
  assert.equal(r.err?.code, "locked");
});
