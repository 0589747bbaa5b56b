import "@mantine/core/styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App";
import { AppProviders } from "./app/providers";

async function start(): Promise<void> {
  // `npm run dev:mock`: run the UI in a plain browser against static fixtures (src/dev/).
  // Dead code in every build (import.meta.env.DEV is false there).
  if (import.meta.env.DEV && import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./dev/mockBackend");
    installMockBackend();
  }

  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");

  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

void start();
