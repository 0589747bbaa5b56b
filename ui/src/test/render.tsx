import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";

import { App } from "../app/App";
import { AppProviders } from "../app/providers";
import { createSession } from "../app/session";

/**
 * Renders the whole app (or `ui`) with fresh providers. The screens' tests start the unlocked
 * app on the contacts, where they begin; `OverviewScreen.test.tsx` checks that the app itself
 * starts on the overview.
 */
export function renderApp(ui: ReactElement = <App startView={{ name: "contacts" }} />) {
  const session = createSession();
  const user = userEvent.setup();
  const result = render(<AppProviders session={session}>{ui}</AppProviders>);
  return { ...result, session, user };
}
