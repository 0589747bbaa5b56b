import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

import { useSettings } from "../features/settings/queries";
import { DEFAULT_LANGUAGE, I18nProvider } from "../i18n";
import { createSession, SessionContext, type Session } from "./session";
import { theme } from "./theme";

/** Language follows the settings (readable while locked); Dutch until they are known. */
function LanguageFromSettings({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const language = settings.data?.language ?? DEFAULT_LANGUAGE;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nProvider language={language}>{children}</I18nProvider>;
}

export function AppProviders({
  children,
  session: given,
}: {
  children: ReactNode;
  /** For tests: a prepared session. */
  session?: Session;
}) {
  const [session] = useState(() => given ?? createSession());
  return (
    <QueryClientProvider client={session.queryClient}>
      <SessionContext.Provider value={session}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <LanguageFromSettings>{children}</LanguageFromSettings>
        </MantineProvider>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}
