import { QueryCache, QueryClient, MutationCache } from "@tanstack/react-query";
import { createContext, useContext, useSyncExternalStore } from "react";

import type { AutoBackup } from "../bindings/AutoBackup";
import type { PurgeReport } from "../bindings/PurgeReport";
import type { VaultStatus } from "../bindings/VaultStatus";
import { isIpcError } from "../lib/ipc";
import { PUBLIC_QUERY_ROOTS, queryKeys } from "./queryKeys";

export type LockReason = "manual" | "idle";

export type SessionState = {
  /** Why the vault was last locked while the app was running. */
  lockReason: LockReason | null;
  /** The automatic unlock with the remembered key is tried once, at start-up only. */
  autoUnlockTried: boolean;
  /**
   * What the retention purge did when the vault was last opened (for the start-up
   * notice), until the notice is dismissed or the vault is locked.
   */
  purgeReport: PurgeReport | null;
  /**
   * What the last automatic backup did (for the shell's notice), until the notice is dismissed
   * or the vault is locked. The one made before an idle lock arrives after the lock and waits
   * for the next unlock.
   */
  autoBackup: AutoBackup | null;
  /**
   * The restore screen is up (opened on first run, on the unlock screen or in Settings) until
   * it is left or, after a restore, its report has been read. Opening it changes nothing yet.
   */
  restoring: boolean;
  /**
   * The vault was last locked by the idle timer: after the next unlock the shell says that
   * input not saved then was not kept, until the note is closed or the vault is locked.
   */
  afterIdleLock: boolean;
};

/**
 * UI session: reacts to locking and unlocking. Locking drops every cached
 * query that may contain personal data, and every mutation (their variables
 * hold form input).
 */
export class Session {
  private state: SessionState = {
    lockReason: null,
    autoUnlockTried: false,
    purgeReport: null,
    autoBackup: null,
    restoring: false,
    afterIdleLock: false,
  };
  private readonly listeners = new Set<() => void>();

  constructor(readonly queryClient: QueryClient) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  private status(): VaultStatus | undefined {
    return this.queryClient.getQueryData<VaultStatus>(queryKeys.vaultStatus);
  }

  /** Removes everything personal from memory that the query layer holds. */
  clearPrivateData(): void {
    const client = this.queryClient;
    const isPrivate = (key: readonly unknown[]) => !PUBLIC_QUERY_ROOTS.has(String(key[0]));
    void client.cancelQueries({ predicate: (q) => isPrivate(q.queryKey) });
    client.removeQueries({ predicate: (q) => isPrivate(q.queryKey) });
    client.getMutationCache().clear();
  }

  /** The vault is (now) locked: forget personal data and show the unlock screen. */
  locked(reason: LockReason): void {
    const status = this.status();
    const wasUnlocked = status?.unlocked ?? true;
    // Switch the screen first, so no screen with personal data renders again
    // (and re-requests its data) while the cache is being cleared.
    if (status) {
      this.queryClient.setQueryData<VaultStatus>(queryKeys.vaultStatus, {
        ...status,
        unlocked: false,
      });
    }
    this.clearPrivateData();
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.vaultStatus });
    // A second notice of the same lock (event after a manual lock) keeps the first reason.
    if (wasUnlocked) {
      this.update({ lockReason: reason, purgeReport: null, autoBackup: null, afterIdleLock: false });
    }
    else if (this.state.purgeReport !== null) this.update({ purgeReport: null });
  }

  /**
   * The vault was unlocked (or created): show the app. `purge` is what the retention
   * purge did while the vault opened (the unlock commands return it).
   */
  unlocked(patch: Partial<VaultStatus> = {}, purge: PurgeReport | null = null): void {
    const status = this.status();
    if (status) {
      this.queryClient.setQueryData<VaultStatus>(queryKeys.vaultStatus, {
        ...status,
        exists: true,
        unlocked: true,
        ...patch,
      });
    }
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.vaultStatus });
    this.update({ lockReason: null, purgeReport: purge, afterIdleLock: this.state.lockReason === "idle" });
  }

  /** Closes the note shown after unlocking from an idle lock. */
  dismissAfterIdleLock(): void {
    if (this.state.afterIdleLock) this.update({ afterIdleLock: false });
  }

  /** Replaces (or, with null, dismisses) the report the start-up notice shows. */
  setPurgeReport(report: PurgeReport | null): void {
    if (report !== this.state.purgeReport) this.update({ purgeReport: report });
  }

  /** An automatic backup finished (or failed): keep it for the notice; refresh the backup status. */
  autoBackupDone(outcome: AutoBackup): void {
    this.update({ autoBackup: outcome });
    if (outcome.error === null) void this.queryClient.invalidateQueries({ queryKey: queryKeys.backupStatus });
  }

  /** Dismisses the automatic backup's notice. */
  dismissAutoBackup(): void {
    if (this.state.autoBackup !== null) this.update({ autoBackup: null });
  }

  /** Shows the restore screen instead of the current one. */
  startRestore(): void {
    if (!this.state.restoring) this.update({ restoring: true });
  }

  /** Leaves the restore screen: back to what the vault's state says (unlock screen or app). */
  endRestore(): void {
    if (this.state.restoring) this.update({ restoring: false });
  }

  /**
   * A backup has replaced the vault; the backend locked it first. As a lock, but the unlock
   * screen must not say an earlier idle lock was the reason.
   */
  restored(): void {
    this.locked("manual");
    if (this.state.lockReason !== "manual") this.update({ lockReason: "manual" });
  }

  /** Marks the one automatic unlock attempt as used; returns false if it already was. */
  claimAutoUnlock(): boolean {
    if (this.state.autoUnlockTried) return false;
    this.update({ autoUnlockTried: true });
    return true;
  }
}

/** Creates the query client and the session that belongs to it. */
export function createSession(): Session {
  // The caches report a `locked` error from any call: the backend locked on its own.
  const onError = (error: unknown) => {
    if (isIpcError(error, "locked")) session.locked("idle");
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
  const session = new Session(queryClient);
  return session;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside <AppProviders>");
  return session;
}

export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
