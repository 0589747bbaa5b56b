// The in-memory backend of `npm run dev:mock` must keep answering what the UI asks.
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

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
