import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "eslint.config.js"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat["recommended-latest"],
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@tauri-apps/api/core",
              message: "Use the typed wrappers in src/lib/ipc.ts.",
            },
            {
              name: "@tauri-apps/api/event",
              message: "Use the typed wrappers in src/lib/ipc.ts.",
            },
            {
              name: "@tauri-apps/plugin-dialog",
              message: "Use the typed wrappers in src/lib/ipc.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // The dev-only mock backend (npm run dev:mock) stands in for Tauri itself.
    files: ["src/lib/ipc.ts", "src/**/*.test.{ts,tsx}", "src/test/**", "src/dev/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Tests and the mock backend imitate Tauri, whose commands reject with plain ApiError objects.
    files: ["src/**/*.test.{ts,tsx}", "src/test/**", "src/dev/**"],
    rules: {
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/prefer-promise-reject-errors": "off",
    },
  },
);
