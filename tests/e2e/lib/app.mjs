// Harness for the end-to-end specs: starts tauri-driver (which starts WebKitWebDriver, which
// starts the real target/debug/kluis-desktop) with a temporary vault folder in KLUIS_VAULT,
// and finds elements the way a person does: by their labels. No mocked backend anywhere.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../../..");
export const appBinary = path.join(root, "target/debug/kluis-desktop");
export const cliBinary = path.join(root, "target/debug/kluis");
export const artifacts = path.join(root, "tests/e2e/.artifacts");
export const PASS = "paars-olifant-fietst-morgen";

// The first WebDriver port; set KLUIS_E2E_PORT to run two suites on one machine at once.
let nextPort = Number(process.env.KLUIS_E2E_PORT ?? 4444);

/**
 * A temporary vault folder (not yet a vault) and a driver bound to it.
 *
 * The file dialogs run in the backend; a debug build lets the tests answer them (release builds
 * cannot): every save dialog answers `saved/<suggested name>` (cancelled while that folder is
 * missing, see `saveDialogs`), every open dialog answers the path `openDialogAnswers` wrote.
 */
export class App {
  constructor(extraEnv = {}) {
    this.tmp = mkdtempSync(path.join(tmpdir(), "kluis-e2e-"));
    this.vault = path.join(this.tmp, "vault");
    this.saved = path.join(this.tmp, "saved");
    this.openAnswer = path.join(this.tmp, "open-dialog-answer");
    mkdirSync(this.saved);
    this.env = {
      ...process.env,
      KLUIS_VAULT: this.vault,
      KLUIS_TEST_SAVE_DIR: this.saved,
      KLUIS_TEST_OPEN_FILE: this.openAnswer,
      ...extraEnv,
    };
    this.port = nextPort;
    nextPort += 2;
    this.browser = null;
  }

  /** Save dialogs save into `this.saved` (true) or are cancelled (false). */
  saveDialogs(save) {
    if (save) mkdirSync(this.saved, { recursive: true });
    else rmSync(this.saved, { recursive: true, force: true });
  }

  /** The next open dialogs (file or folder) answer `file`; null: they are cancelled. */
  openDialogAnswers(file) {
    writeFileSync(this.openAnswer, file ?? "");
  }

  /** Chooses `file` in the restore screen's open dialog and waits until the screen shows it. */
  async chooseBackupFile(file) {
    this.openDialogAnswers(file);
    await this.click("Bestand kiezen");
    const shown = await this.field("Back-upbestand");
    await this.browser.waitUntil(async () => (await shown.getValue()) === file, {
      timeout: 10000,
      timeoutMsg: `the chosen file ${file} is not shown`,
    });
  }

  /** Runs the kluis CLI (the same core) against this app's vault, e.g. to prepare data. */
  cli(args, env = {}) {
    return execFileSync(cliBinary, ["--vault", this.vault, ...args], {
      env: { ...this.env, KLUIS_PASSPHRASE: PASS, ...env },
      encoding: "utf8",
    });
  }

  async startDriver() {
    if (!existsSync(appBinary)) throw new Error(`build the app first: ${appBinary} is missing`);
    this.driver = spawn(
      "tauri-driver",
      ["--port", String(this.port), "--native-port", String(this.port + 1)],
      // Its own process group, so stopping it also stops WebKitWebDriver and an app that did
      // not exit when its session ended (an app left running kept the stderr pipe open and
      // the spec file from ending).
      { env: this.env, stdio: ["ignore", "ignore", "pipe"], detached: true },
    );
    this.driverLog = "";
    this.driver.stderr.on("data", (d) => (this.driverLog += d));
    // Wait until the driver answers.
    for (let i = 0; i < 100; i++) {
      try {
        const r = await fetch(`http://127.0.0.1:${this.port}/status`);
        if (r.ok || r.status === 404 || r.status === 405) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`tauri-driver did not start: ${this.driverLog}`);
  }

  /** Launches the desktop app (a new WebDriver session) and waits for its first screen. */
  async launch() {
    if (!this.driver) await this.startDriver();
    this.browser = await remote({
      hostname: "127.0.0.1",
      port: this.port,
      logLevel: "error",
      connectionRetryCount: 1,
      capabilities: {
        "tauri:options": { application: appBinary },
        "wdio:enforceWebDriverClassic": true,
      },
    });
    await this.browser.$("h1").waitForDisplayed({ timeout: 30000 });
    return this.browser;
  }

  /** Quits the app (ends the session, which ends the process). */
  async quit() {
    if (this.browser) {
      await this.browser.deleteSession().catch(() => {});
      this.browser = null;
    }
  }

  /** Stops the driver, gives what it started (WebKitWebDriver, an app finishing its backup on
   * close) 20 s to end, then kills what is left of its process group. */
  async stopDriver() {
    if (!this.driver) return;
    const group = -this.driver.pid;
    this.driver.kill();
    const alive = () => {
      try {
        process.kill(group, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 200 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive()) {
      try {
        process.kill(group, "SIGKILL");
      } catch {
        /* gone meanwhile */
      }
    }
    this.driver.stderr?.destroy();
    this.driver = null;
  }

  /** Stops the driver (so the next launch starts the app with the current `env`). */
  async close_driver() {
    await this.quit();
    await this.stopDriver();
    await new Promise((r) => setTimeout(r, 300));
  }

  async close(testName) {
    if (this.browser && testName) await this.screenshot(`failed-${testName}`).catch(() => {});
    await this.quit();
    await this.stopDriver();
    rmSync(this.tmp, { recursive: true, force: true });
  }

  async screenshot(name, dir = artifacts) {
    mkdirSync(dir, { recursive: true });
    await this.browser.saveScreenshot(path.join(dir, `${name.replace(/[^\w-]+/g, "_")}.png`));
  }

  /** The input, select or checkbox whose label (or aria-label) is exactly `label`. */
  async field(label, timeout = 10000) {
    const el = await this.browser.$(`aria/${label}`);
    await el.waitForExist({ timeout, timeoutMsg: `no control labelled "${label}"` });
    return el;
  }

  /** The button (or link) whose accessible name is exactly `name`. */
  async button(name) {
    const el = await this.browser.$(
      `//*[(self::button or self::a or @role="button" or @role="tab" or @role="link") and (normalize-space(.)=${xq(name)} or @aria-label=${xq(name)})]`,
    );
    await el.waitForDisplayed({ timeout: 10000, timeoutMsg: `no button "${name}"` });
    return el;
  }

  /**
   * Types `text` into the field labelled `label`, replacing what it held. Under load a keystroke
   * can land before the controlled input re-rendered, so the value is checked and typed again
   * (at most three times) until the field holds exactly `text`.
   */
  async type(label, text) {
    const el = await this.field(label);
    await el.waitForDisplayed({ timeout: 10000 });
    for (let attempt = 0; ; attempt++) {
      await el.clearValue();
      // clearValue does not always reach React's onChange; select-all + delete does.
      if ((await el.getValue()) !== "" || attempt > 0) {
        await el.click();
        await this.browser.keys(["Control", "a"]);
        await this.browser.keys("Delete");
      }
      await el.setValue(text);
      const ok = await this.browser
        .waitUntil(async () => (await el.getValue()) === text, { timeout: 2000 })
        .catch(() => false);
      if (ok) return;
      if (attempt === 2) throw new Error(`field "${label}" did not take the typed text`);
    }
  }

  async click(name) {
    const b = await this.button(name);
    await b.waitForEnabled({ timeout: 30000, timeoutMsg: `button "${name}" stays disabled` });
    await b.click();
  }

  /** Chooses the option with visible text `option` in the (native) select labelled `label`. */
  async selectOption(label, option) {
    const el = await this.field(label);
    await el.waitForEnabled({ timeout: 10000 });
    await el.selectByVisibleText(option);
  }

  async check(label) {
    const el = await this.field(label);
    if (!(await el.isSelected())) await el.click();
  }

  async heading() {
    const h = await this.browser.$("h1");
    await h.waitForDisplayed({ timeout: 10000 });
    return h.getText();
  }

  async waitForHeading(text, timeout = 15000) {
    await this.browser.waitUntil(async () => (await this.heading().catch(() => "")) === text, {
      timeout,
      timeoutMsg: `heading "${text}" did not appear (saw "${await this.heading().catch(() => "?")}")`,
    });
  }

  /** Waits for an element with role="alert" whose text matches `pattern`. */
  async waitForAlert(pattern, timeout = 15000) {
    let seen = [];
    await this.browser.waitUntil(
      async () => {
        seen = await this.browser.execute(() =>
          [...document.querySelectorAll('[role="alert"]')].map((el) => el.innerText),
        );
        return seen.some((t) => pattern.test(t));
      },
      { timeout, timeoutMsg: `no alert matching ${pattern} (alerts: ${JSON.stringify(seen)})` },
    );
  }

  /** Visible text of the whole page. */
  async text() {
    return this.browser.execute(() => document.body.innerText);
  }

  /** Calls a backend command over the real IPC from inside the webview. */
  async invoke(cmd, args = {}) {
    return this.browser.executeAsync(
      (cmd, args, done) => {
        window.__TAURI_INTERNALS__
          .invoke(cmd, args)
          .then((v) => done({ ok: v }), (e) => done({ err: e }));
      },
      cmd,
      args,
    );
  }

  /** First run through the UI: create a vault, confirm (and maybe copy) the recovery key, reach the list. */
  async createVaultThroughUi({ copy = false } = {}) {
    await this.waitForHeading("Welkom bij Kluis");
    await this.type("Wachtwoord", PASS);
    await this.type("Herhaal wachtwoord", PASS);
    await this.click("Kluis aanmaken");
    const key = await this.field("Herstelsleutel", 60000);
    await key.waitForDisplayed({ timeout: 30000 });
    const recovery = await key.getText();
    if (copy) {
      // The copy goes through the backend (which wipes it after 30 s, at a lock or at exit).
      await this.click("Kopiëren");
      await this.browser.waitUntil(async () => /Gekopieerd/.test(await this.text()), {
        timeout: 10000,
        timeoutMsg: "copying the recovery key is not confirmed",
      });
    }
    // Going on asks for the key's last group, typed back.
    await this.type("Laatste groep van de sleutel", recovery.trim().split("-").at(-1));
    await this.click("Doorgaan");
    await this.waitForHeading("Waarvoor gebruik je klantgegevens?");
    await this.click("Doelen opslaan");
    await this.waitForHeading("Overzicht");
    await this.toContacts();
    return recovery;
  }

  /**
   * Unlocks through the unlock screen. The app then starts on the overview; the specs written
   * before it begin on the contacts, so by default this goes on to the contacts (`overview`:
   * stay on the overview). A refused passphrase leaves the unlock screen with its alert.
   */
  async unlockThroughUi(passphrase = PASS, { overview = false } = {}) {
    await this.type("Wachtwoord", passphrase);
    await this.click("Ontgrendelen");
    let seen = "";
    await this.browser.waitUntil(
      async () => {
        seen = await this.heading().catch(() => "");
        if (seen === "Overzicht") return true;
        const alerts = await this.browser.execute(() => document.querySelectorAll('[role="alert"]').length);
        return seen === "Ontgrendelen" && alerts > 0;
      },
      { timeout: 60000, timeoutMsg: `unlocking reached neither the overview nor an alert (saw "${seen}")` },
    );
    if (seen === "Overzicht" && !overview) await this.toContacts();
  }

  /** From the overview to the contacts, through the menu. */
  async toContacts() {
    await this.click("Contacten");
    await this.waitForHeading("Contacten", 60000);
  }
}

/** An XPath string literal for any text (quotes included). */
export function xq(s) {
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return `concat(${s
    .split('"')
    .map((p) => `"${p}"`)
    .join(`, '"', `)})`;
}
