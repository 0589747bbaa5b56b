// The scale in the app: a 100,000-contact backup (made with `kluis demo` and
// `kluis backup`) restored from the first-run screen, with its progress shown while it runs and
// the window answering throughout (the verify and restore commands run off the main thread).
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

/** The bound within which the window must answer while a long command runs. */
const RESPONSIVE_MS = 5000;

/**
 * One probe of the window: a script in the page that calls `touch`, a command that runs on the
 * main thread, and reads the progress bar. A command blocking the main thread would hold up
 * both the WebDriver script (served by that thread) and `touch` until it ends. Returns the
 * progress value (or null) and how long the answer took.
 */
async function probe() {
  const started = Date.now();
  const value = await app.browser.executeAsync((done) => {
    const bar = [...document.querySelectorAll('[role="progressbar"]')].find(
      (el) => el.getAttribute("aria-label") === "Voortgang" || el.closest('[aria-label="Voortgang"]'),
    );
    const now = bar ? bar.getAttribute("aria-valuenow") : null;
    window.__TAURI_INTERNALS__.invoke("touch").then(
      () => done(now),
      (e) => done(`touch failed: ${JSON.stringify(e)}`),
    );
  });
  if (typeof value === "string" && value.startsWith("touch failed")) throw new Error(value);
  return { value, ms: Date.now() - started };
}

/**
 * The progress values (aria-valuenow) seen while `done()` is false, probing every 200 ms that the
 * window stays responsive: every probe answers within RESPONSIVE_MS.
 */
async function watchProgress(done, timeout) {
  const seen = new Set();
  const slow = [];
  let probes = 0;
  const deadline = Date.now() + timeout;
  for (;;) {
    // Reading the page is a probe too: blocked, it would only answer once the work is done.
    const started = Date.now();
    const finished = await done();
    if (Date.now() - started > RESPONSIVE_MS) slow.push(Date.now() - started);
    if (finished) break;
    if (Date.now() > deadline) throw new Error(`still running after ${timeout} ms`);
    const { value, ms } = await probe();
    probes += 1;
    if (ms > RESPONSIVE_MS) slow.push(ms);
    if (value !== null) seen.add(Number(value));
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(slow, [], `the window did not answer within ${RESPONSIVE_MS} ms (${probes} probes)`);
  // The window kept answering throughout, not once after the work was done.
  assert.ok(probes >= 3, `only ${probes} probes answered while the work ran`);
  return { values: [...seen].sort((a, b) => a - b), probes };
}

test("a 100,000-contact backup restores on the first-run screen with progress shown", async () => {
  await app.click("Een back-up terugzetten");
  await app.chooseBackupFile(backupFile);
  await app.type("Wachtwoord van de back-up", PASS);
  await app.click("Back-up controleren");
  const verifying = await watchProgress(async () => /De back-up is in orde/.test(await app.text()), 240000);
  assert.ok(
    verifying.values.some((v) => v > 0 && v < 100),
    `no progress in between while verifying: ${verifying.values}`,
  );
  await app.click("Terugzetten");
  const restoring = await watchProgress(async () => /Teruggezet/.test(await app.text()), 300000);
  assert.ok(restoring.values.length >= 2, `progress while restoring: ${restoring.values}`);
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
