/** The translator for UI components (set by each surface from the loaded messages). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { T } from '../ext/i18n';

export const I18nContext = createContext<T>((key) => key);

export function useT(): T {
  return useContext(I18nContext);
}
