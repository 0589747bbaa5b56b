import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";

import { App } from "../app/App";
import { AppProviders } from "../app/providers";
import { createSession } from "../app/session";

/** Renders the whole app (or `ui`) with fresh providers. */
export function renderApp(ui: ReactElement = <App />) {
  const session = createSession();
  const user = userEvent.setup();
  const result = render(<AppProviders session={session}>{ui}</AppProviders>);
  return { ...result, session, user };
}
