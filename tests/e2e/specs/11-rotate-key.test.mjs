// "Make a new key" in Settings: the new recovery key is shown once; afterwards the old
// passphrase and the old recovery key no longer open the vault, the new ones do, and a backup
// made before keeps working with its own (old) passphrase.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { App, cliBinary, PASS } from "../lib/app.mjs";

const NEXT = "nieuwe-sleutel-voor-de-kluis-2026";
const app = new App();
const oldBackup = path.join(app.tmp, "voor-de-nieuwe-sleutel.kluisbackup");
let oldRecovery;

/** The CLI on this app's vault with the given environment; resolves to its exit code. */
function kluis(args, env) {
  try {
    execFileSync(cliBinary, ["--vault", app.vault, ...args], { env: { ...app.env, ...env }, stdio: "pipe" });
    return 0;
  } catch (e) {
    return e.status;
  }
}

before(async () => {
  const out = app.cli(["init"]);
  oldRecovery = out.match(/[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}/)[0];
  app.cli(["contact", "add", "--name", "Klant Onder Nieuwe Sleutel"]);
  app.cli(["backup", "--out", oldBackup]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

test("a new key replaces the passphrase and the recovery key; old backups keep theirs", async () => {
  await app.click("Instellingen");
  await app.waitForHeading("Instellingen");
  await app.type("Huidig wachtwoord (nieuwe sleutel)", "dit-is-het-niet-hoor");
  await app.type("Nieuw wachtwoord (nieuwe sleutel)", NEXT);
  await app.type("Herhaal nieuw wachtwoord (nieuwe sleutel)", NEXT);
  await app.click("Nieuwe sleutel maken");
  await app.click("Ja, nieuwe sleutel maken");
  await app.browser.waitUntil(async () => /Onjuist wachtwoord/.test(await app.text()), {
    timeout: 30000,
    timeoutMsg: "a wrong current passphrase is not reported",
  });

  await app.type("Huidig wachtwoord (nieuwe sleutel)", PASS);
  await app.click("Nieuwe sleutel maken");
  await app.click("Ja, nieuwe sleutel maken");
  const keyField = await app.field("Nieuwe herstelsleutel", 60000);
  await keyField.waitForDisplayed({ timeout: 30000 });
  const shown = (await keyField.getValue()) || (await keyField.getText());
  const newRecovery = shown.match(/[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}/)?.[0];
  assert.ok(newRecovery, `no recovery key shown: ${shown}`);
  assert.notEqual(newRecovery, oldRecovery);
  await app.type("Laatste groep van de sleutel", newRecovery.split("-").at(-1));
  await app.click("Klaar");
  await app.browser.waitUntil(async () => !(await app.text()).includes(newRecovery), {
    timeout: 10000,
    timeoutMsg: "the recovery key is still on screen",
  });
  await app.quit();

  // The old passphrase and the old recovery key no longer open the vault (exit 3).
  assert.equal(kluis(["contact", "list"], { KLUIS_PASSPHRASE: PASS }), 3);
  const recover = (key) =>
    kluis(["unlock-recovery"], { KLUIS_RECOVERY_KEY: key, KLUIS_NEW_PASSPHRASE: "nog-een-ander-wachtwoord-9" });
  assert.equal(recover(oldRecovery), 3);
  assert.equal(kluis(["contact", "list"], { KLUIS_PASSPHRASE: NEXT }), 0);
  // The backup made before still opens with the passphrase of then.
  assert.equal(kluis(["verify-backup", oldBackup], { KLUIS_PASSPHRASE: PASS }), 0);
  // The new recovery key works.
  assert.equal(recover(newRecovery), 0);
});
