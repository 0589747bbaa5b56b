// Every file the app saves for the user goes through a save or folder dialog the backend runs
// (the window sends no path); here the debug-only test hook answers them (lib/app.mjs). A
// cancelled dialog writes nothing and shows no error.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { App } from "../lib/app.mjs";

const app = new App();
const folder = path.join(app.tmp, "backups");
before(async () => {
  mkdirSync(folder);
  app.cli(["init"]);
  app.cli(["purpose", "add", "--name", "Nieuwsbrief", "--basis", "consent", "--direct-marketing"]);
  await app.launch();
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten");
});
after(() => app.close());

const saved = (name) => path.join(app.saved, name);
const waitForText = (pattern, what) =>
  app.browser.waitUntil(async () => pattern.test(await app.text()), { timeout: 30000, timeoutMsg: what });
const noAlert = async () => assert.equal((await app.browser.$$('[role="alert"]')).length, 0, "an error is shown");

test("the mailing list is saved where the dialog says, and not at all when it is cancelled", async () => {
  await app.click("Register");
  await app.waitForHeading("Verwerkingsregister");
  app.saveDialogs(false);
  await app.click("Mailinglijst exporteren: Nieuwsbrief");
  await app.browser.pause(1500);
  assert.doesNotMatch(await app.text(), /geëxporteerd/);
  await noAlert();
  app.saveDialogs(true);
  await app.click("Mailinglijst exporteren: Nieuwsbrief");
  await waitForText(/0 personen geëxporteerd/, "no export notice");
  assert.match(readFileSync(saved("mailinglijst-Nieuwsbrief.csv"), "utf8"), /^name,email\r?\n/);
});

test("the deletion log and the retention policy (Markdown and PDF) are saved", async () => {
  await app.click("Bewaartermijnen");
  await app.waitForHeading("Bewaarbeleid");
  await app.click("Verwijderlogboek");
  await app.click("Exporteren (CSV)");
  await waitForText(/Verwijderlogboek opgeslagen/, "the deletion log was not saved");
  assert.ok(existsSync(saved("verwijderlogboek.csv")));

  await app.click("Beleid");
  await app.click("Exporteren (Markdown)");
  await waitForText(/Bewaarbeleid opgeslagen/, "the policy was not saved");
  assert.match(readFileSync(saved("bewaarbeleid.md"), "utf8"), /^# /);
  await app.click("Exporteren (PDF)");
  await app.browser.waitUntil(() => existsSync(saved("bewaarbeleid.pdf")), { timeout: 30000 });
  assert.equal(readFileSync(saved("bewaarbeleid.pdf")).subarray(0, 5).toString(), "%PDF-");
});

test("a backup to a file, and the backup folder chosen in the folder dialog", async () => {
  await app.click("Instellingen");
  await app.waitForHeading("Instellingen");
  await app.click("Back-up naar bestand…");
  await waitForText(/Back-up opgeslagen in .*kluis\.kluisbackup/, "no backup to a file");
  assert.equal(app.cli(["verify-backup", saved("kluis.kluisbackup")]).length > 0, true);

  // Cancelled: nothing changes, no error.
  app.openDialogAnswers(null);
  await app.click("Map kiezen");
  await app.browser.pause(1000);
  assert.match(await app.text(), /Automatische back-ups staan uit/);
  await noAlert();
  app.openDialogAnswers(folder);
  await app.click("Map kiezen");
  await waitForText(new RegExp(`Back-upmap: ${folder}`), "the chosen folder is not shown");
  await app.click("Nu een back-up maken");
  await app.browser.waitUntil(() => readdirSync(folder).some((f) => f.endsWith(".kluisbackup")), {
    timeout: 30000,
    timeoutMsg: "no backup in the chosen folder",
  });
  await app.click("Automatische back-ups uitzetten");
  await waitForText(/Automatische back-ups staan uit/, "automatic backups are still on");
});
