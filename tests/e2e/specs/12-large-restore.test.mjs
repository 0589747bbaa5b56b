// The scale in the app: a 100,000-contact backup (made with `kluis demo` and
// `kluis backup`) restored from the first-run screen, with its progress shown while it runs.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { App, cliBinary, PASS } from "../lib/app.mjs";

const app = new App();
const oldLaptop = path.join(app.tmp, "old-laptop");
const backupFile = path.join(app.tmp, "usb", "groot.kluisbackup");
before(async () => {
  const kluis = (args) =>
    execFileSync(cliBinary, ["--vault", oldLaptop, ...args], {
      env: { ...app.env, KLUIS_PASSPHRASE: PASS },
      encoding: "utf8",
    });
  kluis(["demo", "--contacts", "100000"]);
  execFileSync("mkdir", ["-p", path.dirname(backupFile)]);
  kluis(["backup", "--out", backupFile]);
  await app.launch();
  await app.waitForHeading("Welkom bij Kluis");
});
after(() => app.close());

/** The progress values (aria-valuenow) seen while `done()` is false. */
async function watchProgress(done, timeout) {
  const seen = new Set();
  const deadline = Date.now() + timeout;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`still running after ${timeout} ms`);
    const value = await app.browser.execute(() => {
      const bar = [...document.querySelectorAll('[role="progressbar"]')].find(
        (el) => el.getAttribute("aria-label") === "Voortgang" || el.closest('[aria-label="Voortgang"]'),
      );
      return bar ? bar.getAttribute("aria-valuenow") : null;
    });
    if (value !== null) seen.add(Number(value));
    await new Promise((r) => setTimeout(r, 200));
  }
  return [...seen].sort((a, b) => a - b);
}

test("a 100,000-contact backup restores on the first-run screen with progress shown", async () => {
  await app.click("Een back-up terugzetten");
  await app.type("Pad naar het back-upbestand", backupFile);
  await app.type("Wachtwoord van de back-up", PASS);
  await app.click("Back-up controleren");
  const verifying = await watchProgress(async () => /De back-up is in orde/.test(await app.text()), 240000);
  assert.ok(verifying.some((v) => v > 0 && v < 100), `no progress in between while verifying: ${verifying}`);
  await app.click("Terugzetten");
  const restoring = await watchProgress(async () => /Teruggezet/.test(await app.text()), 300000);
  assert.ok(restoring.length >= 2, `progress while restoring: ${restoring}`);
  assert.match(await app.text(), /100000 contacten|100\.000 contacten/);
  await app.click("Naar ontgrendelen");
  await app.waitForHeading("Ontgrendelen");
  await app.unlockThroughUi();
  await app.waitForHeading("Contacten", 60000);
  await app.browser.waitUntil(async () => /100\.?000/.test(await app.text()), {
    timeout: 30000,
    timeoutMsg: "the list does not count 100,000 contacts",
  });
});
