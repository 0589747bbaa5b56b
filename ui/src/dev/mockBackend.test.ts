// The in-memory backend of `npm run dev:mock` must keep answering what the UI asks.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { AutoBackup } from "../bindings/AutoBackup";
import type { Progress } from "../bindings/Progress";
import * as ipc from "../lib/ipc";
import { installMockBackend } from "./mockBackend";

function start(search: string) {
  window.history.replaceState(null, "", `/${search}`);
  installMockBackend();
}

afterEach(() => {
  clearMocks();
  window.history.replaceState(null, "", "/");
});

describe("dev mock backend: retention", () => {
  it("reports a paused purge at the first unlock and cleans up on confirmation", async () => {
    start("?state=locked&purge=confirm");
    const report = await ipc.unlock("paard batterij nietje correct");
    expect(report).toMatchObject({ stopped: "confirm", contacts_due: 8 });
    expect(await ipc.purgePlan()).toHaveLength(8);
    expect(await ipc.purgeNow(true)).toMatchObject({ stopped: null, contacts_deleted: 8 });
    expect(await ipc.purgePlan()).toEqual([]);
    const log = await ipc.deletionLog();
    expect(log[0]).toMatchObject({ trigger: "manual", rule: "prospects", count: 8 });
  });

  it("answers the rules, review, policy and document commands", async () => {
    start("");
    const rules = await ipc.retentionRules("en");
    expect(rules.map((r) => r.key)).toContain("fiscal-records");
    await expect(ipc.setRetentionRule("fiscal-records", "5y", "delete")).rejects.toMatchObject({
      code: "invalid_input",
      field: "period",
    });
    await ipc.setRetentionRule("former-clients", "3y", "delete");
    expect((await ipc.retentionRules("nl")).find((r) => r.key === "former-clients")).toMatchObject({
      period_text: "3 jaar",
      changed: true,
    });

    const [item] = await ipc.reviewQueue();
    expect(item).toBeDefined();
    await ipc.reviewKeep(item?.id ?? 0, "Garantie", "2999-01-01");
    expect((await ipc.reviewQueue())[0]).toMatchObject({ kept_until: "2999-01-01", keep_reason: "Garantie" });
    await ipc.reviewDelete(item?.id ?? 0);
    expect(await ipc.reviewQueue()).toEqual([]);

    expect(await ipc.retentionPolicy("nl")).toMatch(/^# Bewaarbeleid/);
    await expect(ipc.chooseSavePath({ title: "x", defaultPath: "bewaarbeleid.md", filters: [] })).resolves.toBe(
      "/home/demo/bewaarbeleid.md",
    );

    await ipc.addDocument(1, "invoice", "F-9", "2025-01-31", "1.250,50");
    expect((await ipc.listDocuments(1))[0]).toMatchObject({ number: "F-9", amount_cents: 125050 });
  });
});

describe("dev mock backend: requests, export, erasure, business details", () => {
  it("registers, extends, checks, exports and closes a request", async () => {
    start("");
    const seeded = await ipc.listRequests();
    expect(seeded.some((r) => r.overdue)).toBe(true);
    expect(seeded.some((r) => r.due_soon)).toBe(true);
    expect(seeded.some((r) => r.contact_id === null)).toBe(true);

    const added = await ipc.addRequest(1, "access", "2025-01-31");
    expect(added).toMatchObject({ due: "2025-02-28", extended: false, open: true });
    await expect(ipc.addRequest(1, "access", "2999-01-01")).rejects.toMatchObject({ field: "received" });
    await expect(ipc.extendRequest(added.id, "Veel", "2025-03-31")).rejects.toMatchObject({ field: "notified" });
    await ipc.extendRequest(added.id, "Veel gegevens", "2025-02-10");
    await expect(ipc.extendRequest(added.id, "Nog eens", "2025-02-10")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(ipc.recordIdentity(added.id, "known-email", "111222333")).rejects.toMatchObject({ code: "bsn_suspected" });
    await ipc.recordIdentity(added.id, "known-email", null);
    const [pdf, zip] = await ipc.exportSubjectAccess({
      contactId: 1,
      requestId: added.id,
      language: "nl",
      pdfPath: "/home/demo/inzage.pdf",
      zipPath: "/home/demo/export.zip",
      includeSpecial: false,
    });
    expect(pdf).toMatch(/^[0-9a-f]{64}$/);
    expect(zip).toMatch(/^[0-9a-f]{64}$/);
    await ipc.closeRequest(added.id, "Gestuurd");
    const closed = (await ipc.listRequests()).find((r) => r.id === added.id);
    expect(closed).toMatchObject({ open: false, extended: true, due: "2025-04-30", identity_method: "known-email" });
  });

  it("previews and erases a contact, keeping its fiscal records", async () => {
    start("");
    const preview = await ipc.erasurePreview(1);
    expect(preview).toMatchObject({ contact_id: 1, interactions: 2, fiscal_records_kept: 2, kept_until: "2031-12-31" });
    await ipc.eraseContact(1, null, false);
    await expect(ipc.getContact(1)).rejects.toMatchObject({ code: "not_found" });
    expect((await ipc.listRequests()).filter((r) => r.contact_id === 1)).toEqual([]);
    expect((await ipc.deletionLog())[0]).toMatchObject({ trigger: "erasure", ids: ["contact:1"] });
  });

  it("keeps the business details and checks the KvK number", async () => {
    start("");
    expect((await ipc.getController()).name).toBe("");
    const details = { name: "Demo BV", address: "Straat 1", kvk: "12345678", privacy_contact: "privacy@demo.nl" };
    await expect(ipc.setController({ ...details, kvk: "123" })).rejects.toMatchObject({ code: "invalid_input" });
    await ipc.setController(details);
    expect(await ipc.getController()).toEqual(details);
  });
});

describe("dev mock backend: keys and backups", () => {
  it("makes a new key only with the current passphrase, and forgets the remembered key", async () => {
    start("?remembered=1");
    await expect(ipc.rotateKey("fout", "wolk lamp fiets zeventien")).rejects.toMatchObject({
      code: "wrong_passphrase",
    });
    await expect(ipc.rotateKey("paard batterij nietje correct", "wolk lamp fiets zeventien")).resolves.toMatch(
      /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/,
    );
    expect(await ipc.vaultStatus()).toMatchObject({ remembered: false });
    await ipc.lock();
    await expect(ipc.unlock("paard batterij nietje correct")).rejects.toMatchObject({ code: "wrong_passphrase" });
    await ipc.unlock("wolk lamp fiets zeventien");
  });

  it("reports the progress of a backup", async () => {
    start("");
    const seen: Progress[] = [];
    const stop = await ipc.onBackupProgress((p) => seen.push(p));
    await ipc.runBackup(true);
    stop();
    expect(seen[0]).toEqual({ step: "snapshot", done: 0, total: 1 });
    expect(seen.at(-1)).toMatchObject({ step: "encrypt" });
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
  });

  it("restores over the running vault only with the right passphrase, and leaves it locked", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      start("");
      const path = "/media/usb/kluis.kluisbackup";
      await expect(ipc.restoreBackup(path, "fout", null)).rejects.toMatchObject({ code: "wrong_passphrase" });
      expect(await ipc.vaultStatus()).toMatchObject({ exists: true, unlocked: true });

      const restoring = ipc.restoreBackup(path, "paard batterij nietje correct", null);
      await vi.runAllTimersAsync();
      expect(await restoring).toMatchObject({ erasures_reapplied: 1 });
      expect(await ipc.vaultStatus()).toMatchObject({ exists: true, unlocked: false });
      await expect(ipc.listContacts(null, 25, 0)).rejects.toMatchObject({ code: "locked" });
    } finally {
      vi.useRealTimers();
    }
  });

  it("makes an overdue backup after unlocking and tells how it went", async () => {
    start("?state=locked&backup=overdue&autobackup=fail");
    const outcome = new Promise<AutoBackup>((resolve) => {
      void ipc.onAutoBackup(resolve);
    });
    await ipc.unlock("paard batterij nietje correct");
    expect(await outcome).toMatchObject({ file: null, error: { code: "internal" } });
  });
});
