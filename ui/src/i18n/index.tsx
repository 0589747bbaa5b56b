import { createContext, useContext, useMemo, type ReactNode } from "react";

import type { Language } from "../bindings/Language";
import en from "./en.json";
import nl from "./nl.json";

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

// Typing `en` against the Dutch keys makes a missing English text a type error.
const catalogs: Record<Language, Messages> = { nl, en };

export const DEFAULT_LANGUAGE: Language = "nl";

/** BCP 47 locale used for dates and numbers. */
export function localeOf(language: Language): string {
  return language === "nl" ? "nl-NL" : "en-GB";
}

export function translate(language: Language, key: MessageKey, vars?: TranslateVars): string {
  const template = catalogs[language][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export type I18n = { language: Language; locale: string; t: Translate };

function makeI18n(language: Language): I18n {
  return {
    language,
    locale: localeOf(language),
    t: (key, vars) => translate(language, key, vars),
  };
}

const I18nContext = createContext<I18n>(makeI18n(DEFAULT_LANGUAGE));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
