import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Tauri serves the built files from disk, so every asset path must be relative.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The libraries (React, Mantine, …) in a chunk of their own, apart from the app's code.
        codeSplitting: { groups: [{ name: "vendor", test: /node_modules/ }] },
      },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // Typing with user-event in jsdom is slow on a busy 2-core machine; 5 s was too tight there.
    testTimeout: 30_000,
  },
});
