import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { MessageKey, nl } from './nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { nl, en };
const STORAGE_KEY = 'inburgering.language';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Looks a key up in a catalogue and fills in `{name}` parameters. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[language][key] ?? nl[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
}

/** A key built from a value (an enum from the API): the value itself when the catalogue has no entry. */
export function hasMessage(key: string): key is MessageKey {
  return key in nl;
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** The catalogue's text for `${prefix}${value}`, else the value. */
  label(prefix: string, value: string | null | undefined): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(fixed ?? initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const t: Translate = (key, params) => translate(language, key, params);
    return {
      language,
      setLanguage,
      t,
      label: (prefix, value) => {
        if (value === null || value === undefined) return '–';
        const key = `${prefix}${value}`;
        return hasMessage(key) ? t(key) : value;
      },
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
