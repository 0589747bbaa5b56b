import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { CLIPBOARD_CLEAR_MS, clearSensitiveClipboard, copySensitive } from "./clipboard";

describe("sensitive clipboard", () => {
  const writeText = vi.fn((_text: string) => Promise.resolve());

  beforeEach(() => {
    vi.useFakeTimers();
    writeText.mockClear();
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("clears the clipboard 30 seconds after copying", async () => {
    await copySensitive("GEHEIM-1234");
    expect(writeText).toHaveBeenLastCalledWith("GEHEIM-1234");
    vi.advanceTimersByTime(CLIPBOARD_CLEAR_MS - 1);
    expect(writeText).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(writeText).toHaveBeenLastCalledWith("");
    expect(CLIPBOARD_CLEAR_MS).toBe(30_000);
  });

  it("clears at once when asked (on lock), and only once", async () => {
    await copySensitive("GEHEIM-1234");
    await clearSensitiveClipboard();
    expect(writeText).toHaveBeenLastCalledWith("");
    vi.advanceTimersByTime(CLIPBOARD_CLEAR_MS);
    expect(writeText).toHaveBeenCalledTimes(2);
  });
});
