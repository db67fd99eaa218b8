import { stateCodes, type StateCode } from './authority.schema.ts';

export type JurisdictionLookup =
  | { readonly known: true; readonly code: StateCode; readonly name: string; readonly input: string }
  | { readonly known: false; readonly code: null; readonly name: null; readonly input: string | null; readonly reason: string };

const NAMES: Readonly<Record<StateCode, string>> = { CA: 'California', NY: 'New York', TX: 'Texas', FL: 'Florida', IL: 'Illinois' };

/** Spellings lawyers use for the state, compared after lower-casing and dropping dots and spaces. */
const ALIASES: Readonly<Record<StateCode, readonly string[]>> = {
  CA: ['ca', 'cal', 'calif', 'california', 'stateofcalifornia'],
  NY: ['ny', 'nys', 'newyork', 'newyorkstate', 'stateofnewyork'],
  TX: ['tx', 'tex', 'texas', 'stateoftexas'],
  FL: ['fl', 'fla', 'florida', 'stateofflorida'],
  IL: ['il', 'ill', 'illinois', 'stateofillinois'],
};

const squash = (text: string): string => text.toLowerCase().replace(/[\s.,_-]+/g, '');

/**
 * Finds one of the five supported states by code, abbreviation or name ("CA", "Cal.",
 * "California"), or inside a court or venue name naming exactly one of them ("Cook County,
 * Illinois"). Anything else is unknown: there is no default state.
 */
export function lookupJurisdiction(input: string | null | undefined): JurisdictionLookup {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { known: false, code: null, name: null, input: null, reason: 'No jurisdiction was given.' };
  const squashed = squash(text);
  for (const code of stateCodes) {
    if (ALIASES[code].includes(squashed)) return { known: true, code, name: NAMES[code], input: text };
  }
  const named = stateCodes.filter((code) => new RegExp(`\\b${NAMES[code]}\\b`, 'i').test(text));
  const only = named.length === 1 ? named[0] : undefined;
  if (only !== undefined) return { known: true, code: only, name: NAMES[only], input: text };
  return {
    known: false,
    code: null,
    name: null,
    input: text,
    reason: named.length > 1
      ? `"${text}" names more than one state.`
      : `"${text}" is not one of the states with curated rules (California, New York, Texas, Florida, Illinois).`,
  };
}
