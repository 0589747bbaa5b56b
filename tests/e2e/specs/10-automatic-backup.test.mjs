// Automatic backups in the app: after unlocking when one is due, and when the app closes after
// a change (with "Afsluiten", which exits the way the window's close button does; WebDriver's
// own close-window kills the process instead). The "last backup" status shows it.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { App, cliBinary, PASS } from "../lib/app.mjs";

const app = new App();
const folder = path.join(app.tmp, "backups");
const backups = () => readdirSync(folder).filter((f) => /^kluis-.*\.kluisbackup$/.test(f)).sort();

async function waitForBackups(n, what) {
  await app.browser.waitUntil(async () => backups().length >= n, {
    timeout: 60000,
    interval: 250,
    timeoutMsg: `${what}: ${backups().length} backup(s) in the folder, expected ${n}`,
  });
}

before(async () => {
  mkdirSync(folder, { recursive: true });
  app.cli(["init"]);
  app.cli(["contact", "add", "--name", "Bewaarde Klant"]);
  app.cli(["backup-settings", "--dir", folder]);
  await app.launch();
  await app.waitForHeading("Ontgrendelen");
});
after(() => app.close());

test("unlocking makes the backup that is due and shows it as the last backup", async () => {
  assert.equal(backups().length, 0);
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await waitForBackups(1, "after unlocking");
  await app.click("Instellingen");
  await app.browser.waitUntil(async () => /Laatste back-up: /.test(await app.text()), {
    timeout: 10000,
    timeoutMsg: "no last-backup status",
  });
  assert.doesNotMatch(await app.text(), /ouder dan gepland/);
  // A backup from the running app opens with the passphrase and holds the contact.
  const out = app.cli(["--json", "verify-backup", path.join(folder, backups()[0])]);
  assert.ok(JSON.parse(out).bytes > 0);
});

async function addContact(name) {
  await app.click("Contacten");
  await app.click("Nieuw contact");
  await app.type("Naam", name);
  await app.click("Opslaan");
  await app.waitForHeading(name);
}

test("locking after a change makes a backup; locking without one does not", async () => {
  await addContact("Voor Het Vergrendelen");
  await app.click("Vergrendelen");
  await app.waitForHeading("Ontgrendelen");
  await waitForBackups(2, "after locking");
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
  await app.click("Vergrendelen");
  await app.waitForHeading("Ontgrendelen");
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(backups().length, 2, "a session without changes made a backup");
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});

test("closing the app after a change makes a backup; the new contacts are in it", async () => {
  await addContact("Na Het Ontgrendelen Toegevoegd");
  const before = backups().length;
  const quit = await app.button("Afsluiten");
  // The app ends while WebDriver still waits for the click to finish.
  await quit.click().catch(() => {});
  await waitForBackups(before + 1, "after closing the window");
  await app.quit();
  const newest = path.join(folder, backups().at(-1));
  const elsewhere = (args) =>
    execFileSync(cliBinary, ["--vault", path.join(app.tmp, "check"), ...args], {
      env: { ...app.env, KLUIS_PASSPHRASE: PASS },
      encoding: "utf8",
    });
  elsewhere(["restore", newest]);
  const names = elsewhere(["--json", "contact", "list"]);
  assert.match(names, /Na Het Ontgrendelen Toegevoegd/);
  assert.match(names, /Voor Het Vergrendelen/);
});
