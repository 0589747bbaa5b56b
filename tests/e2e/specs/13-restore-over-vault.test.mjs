// Going back to an older backup on a laptop that has a vault: from the unlock screen, only
// with the vault's current passphrase and a confirmation; what was added since is gone, and a
// person erased after the backup stays erased. A backup of another vault is named as such and
// replaces the vault only after an explicit confirmation.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { App, cliBinary, PASS } from "../lib/app.mjs";

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
  // A wrong current passphrase: the check refuses before anything is asked or changed.
  await app.type("Huidige wachtwoordzin", "niet-de-huidige-wachtwoordzin");
  await app.click("Terugzetten");
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

test("a backup of another vault is named as such and needs an explicit confirmation", async () => {
  const OTHER = "groene-giraf-zwemt-vandaag";
  const otherVault = path.join(app.tmp, "andere-laptop");
  const otherBackup = path.join(app.tmp, "andere", "andere-kluis.kluisbackup");
  const other = (args) =>
    execFileSync(cliBinary, ["--vault", otherVault, ...args], { env: { ...app.env, KLUIS_PASSPHRASE: OTHER }, encoding: "utf8" });
  other(["init"]);
  other(["contact", "add", "--name", "Klant Van De Andere Kluis", "--relationship", "client"]);
  execFileSync("mkdir", ["-p", path.dirname(otherBackup)]);
  other(["backup", "--out", otherBackup]);

  await app.click("Vergrendelen");
  await app.waitForHeading("Ontgrendelen");
  await app.click("Een back-up terugzetten");
  await app.waitForHeading("Een back-up terugzetten");
  await app.chooseBackupFile(otherBackup);
  await app.type("Wachtwoord van de back-up", OTHER);
  await app.type("Huidige wachtwoordzin", PASS);
  await app.click("Terugzetten");
  await app.waitForAlert(/Bevestig eerst wat hierboven staat/, 60000);
  assert.match(await app.text(), /Back-up van een andere kluis/);
  await app.check("Ja, vervang mijn kluis door deze andere kluis");
  await app.click("Terugzetten");
  await app.browser.waitUntil(async () => /vervangt de kluis op deze laptop door een andere kluis/.test(await app.text()), {
    timeout: 10000,
    timeoutMsg: "the confirmation does not say it is another vault",
  });
  await app.click("Ja, vervangen");
  await app.browser.waitUntil(async () => /Teruggezet/.test(await app.text()), {
    timeout: 60000,
    timeoutMsg: "no restore report",
  });
  await app.click("Naar ontgrendelen");
  await app.waitForHeading("Ontgrendelen");
  await app.unlockThroughUi(OTHER);
  await app.waitForHeading("Contacten");
  await app.browser.waitUntil(async () => (await app.text()).includes("Klant Van De Andere Kluis"), {
    timeout: 10000,
    timeoutMsg: "the other vault's contact is not in the list",
  });
});
