import type { JsonValue } from '@themis/domain';

/** Total readers over untrusted JSON: they never throw, they return null or [] instead. */
export type JsonRecord = { readonly [key: string]: JsonValue | undefined };

export const asRecord = (value: JsonValue | undefined): JsonRecord | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;

export const asArray = (value: JsonValue | undefined): readonly JsonValue[] => (Array.isArray(value) ? value : []);

/** A non-blank string, trimmed only for the emptiness test; the text itself is returned as given. */
export const asText = (value: JsonValue | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Strings of a list, numbers written as text; other items are skipped (validation reports them). */
export const asTexts = (value: JsonValue | undefined): string[] =>
  asArray(value).flatMap((item) => (typeof item === 'string' && item.trim() !== '' ? [item] : typeof item === 'number' ? [String(item)] : []));

export const firstText = (...values: (JsonValue | undefined)[]): string | null => {
  for (const value of values) {
    const found = asText(value);
    if (found !== null) return found;
  }
  return null;
};
