import { createContext, useContext } from 'react';
import type { VariantStash } from '../model/variants';

/**
 * Per-section stash of the fields of variants not currently selected (pagination types, schedule forms),
 * keyed by section pointer. Lives as long as the SpecForm (switching sections keeps it).
 */
export const VariantStashContext = createContext<Map<string, VariantStash>>(new Map());

/** Read/replace the stash of the section at `pointer`. */
export function useVariantStash(pointer: string): {
  get: () => VariantStash;
  set: (stash: VariantStash) => void;
} {
  const map = useContext(VariantStashContext);
  return {
    get: () => map.get(pointer) ?? {},
    set: (stash) => map.set(pointer, stash),
  };
}
