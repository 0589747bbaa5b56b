// Going back to an older backup on a laptop that has a vault: from the unlock screen, only
// with the vault's current passphrase and a confirmation; what was added since is gone, and a
// person erased after the backup stays erased.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { App, PASS } from "../lib/app.mjs";

const app = new App();
const older = path.join(app.tmp, "ouder.kluisbackup");
before(async () => {
  app.cli(["init"]);
  app.cli(["contact", "add", "--name", "Anna Blijft", "--relationship", "client"]);
  const bram = app.cli(["contact", "add", "--name", "Bram Wordt Gewist", "--relationship", "client"]).trim();
  app.cli(["backup", "--out", older]);
  app.cli(["contact", "erase", bram, "--yes"]);
  app.cli(["contact", "add", "--name", "Na De Backup", "--relationship", "client"]);
  await app.launch();
  await app.waitForHeading("Ontgrendelen");
});
after(() => app.close());

test("an older backup replaces the vault after a confirmation; the erasure is applied again", async () => {
  await app.click("Een back-up terugzetten");
  await app.waitForHeading("Een back-up terugzetten");
  assert.match(await app.text(), /vervangt de kluis op deze laptop/);
  await app.chooseBackupFile(older);
  await app.type("Wachtwoord van de back-up", PASS);
  // The backup's passphrase alone does not replace the locked vault.
  await app.click("Terugzetten");
  await app.waitForAlert(/Kies een back-upbestand/);
  await app.type("Huidige wachtwoordzin", "niet-de-huidige-wachtwoordzin");
  await app.click("Terugzetten");
  await app.click("Ja, vervangen");
  await app.waitForAlert(/huidige wachtwoordzin of het wachtwoord van de back-up klopt niet/);
  await app.type("Huidige wachtwoordzin", PASS);
  await app.click("Terugzetten");
  await app.click("Ja, vervangen");
  await app.browser.waitUntil(async () => /Teruggezet/.test(await app.text()), {
    timeout: 60000,
    timeoutMsg: "no restore report",
  });
  assert.match(await app.text(), /1 wissingen opnieuw toegepast/);
  await app.click("Naar ontgrendelen");
  await app.waitForHeading("Ontgrendelen");
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.browser.waitUntil(async () => (await app.text()).includes("Anna Blijft"), {
    timeout: 10000,
    timeoutMsg: "the restored contact is not in the list",
  });
  const text = await app.text();
  assert.doesNotMatch(text, /Bram Wordt Gewist/);
  assert.doesNotMatch(text, /Na De Backup/);
});
