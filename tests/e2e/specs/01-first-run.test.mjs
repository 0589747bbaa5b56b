// First run → create vault → recovery key confirmed → empty contacts list.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { App } from "../lib/app.mjs";

const app = new App();
after(() => app.close());

test("first run creates a vault and shows an empty contact list", async (t) => {
  await app.launch();
  await app.waitForHeading("Welkom bij Kluis");
  await app.type("Wachtwoord", "kluis123");
  await app.type("Herhaal wachtwoord", "kluis123");
  const create = await app.button("Kluis aanmaken");
  assert.equal(await create.isEnabled(), false, "a weak passphrase must not create a vault");
  const recovery = await app.createVaultThroughUi({ copy: true });
  assert.match(recovery.trim(), /^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
  const text = await app.text();
  assert.match(text, /Nog geen contacten/);
  // The vault exists on disk, encrypted, and the recovery key really opens it.
  assert.ok(existsSync(path.join(app.vault, "kluis.db")));
  assert.ok(!readFileSync(path.join(app.vault, "vault.json"), "utf8").includes(recovery.trim()));
  await app.quit();
  // The proposed purposes were stored in the register.
  const purposes = JSON.parse(app.cli(["--json", "purpose", "list"]));
  assert.deepEqual(
    purposes.map((p) => [p.name, p.basis]),
    [
      ["Facturatie", "legal-obligation"],
      ["Klantadministratie", "contract"],
      ["Nieuwsbrief", "consent"],
      ["Relatiebeheer", "legitimate-interest"],
    ],
  );
  const out = app.cli(["--json", "unlock-recovery"], {
    KLUIS_RECOVERY_KEY: recovery.trim(),
    KLUIS_NEW_PASSPHRASE: "nieuwe-fiets-rijdt-snel",
  });
  assert.match(out, /"ok": true/);
  t.diagnostic("recovery key from the screen unlocked the vault through the CLI");
});
