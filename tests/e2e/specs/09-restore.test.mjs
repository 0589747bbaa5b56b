// On a fresh first-run screen, restore a backup made by another vault folder and see its
// contacts (the new-laptop story).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { App, cliBinary, PASS } from "../lib/app.mjs";

const app = new App();
const oldLaptop = path.join(app.tmp, "old-laptop");
const backupFile = path.join(app.tmp, "usb", "kluis.kluisbackup");
before(async () => {
  const kluis = (args) =>
    execFileSync(cliBinary, ["--vault", oldLaptop, ...args], { env: { ...app.env, KLUIS_PASSPHRASE: PASS }, encoding: "utf8" });
  kluis(["init"]);
  kluis(["contact", "add", "--name", "Klant Van De Oude Laptop", "--relationship", "client"]);
  execFileSync("mkdir", ["-p", path.dirname(backupFile)]);
  kluis(["backup", "--out", backupFile]);
  await app.launch();
  await app.waitForHeading("Welkom bij Kluis");
});
after(() => app.close());

test("a backup from another machine is restored from the first-run screen", async () => {
  await app.click("Een back-up terugzetten");
  // The backend's open dialog (answered by the debug-only test hook) chooses the file.
  await app.chooseBackupFile(backupFile);
  await app.type("Wachtwoord van de back-up", "niet-het-goede-wachtwoord");
  await app.click("Back-up controleren");
  await app.waitForAlert(/wachtwoord/i);
  await app.type("Wachtwoord van de back-up", PASS);
  await app.click("Back-up controleren");
  await app.click("Terugzetten");
  await app.browser.waitUntil(async () => /Teruggezet/.test(await app.text()), {
    timeout: 30000,
    timeoutMsg: "no restore report",
  });
  assert.match(await app.text(), /1 contact/);
  await app.click("Naar ontgrendelen");
  await app.waitForHeading("Ontgrendelen");
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.browser.waitUntil(async () => (await app.text()).includes("Klant Van De Oude Laptop"), {
    timeout: 10000,
    timeoutMsg: "the restored contact is not in the list",
  });
});
