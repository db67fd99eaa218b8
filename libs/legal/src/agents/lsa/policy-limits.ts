import { readAmount } from '../../text/money.ts';

export interface PolicyLimits {
  readonly perPerson: number;
  readonly perOccurrence: number | null;
}

/**
 * Reads limits as adjusters write them: "$1M / $3M", "$30,000/$60,000", "100/300" (thousands),
 * "$250,000". Returns null when the text cannot be read, rather than guessing.
 */
export function readPolicyLimits(text: string): PolicyLimits | null {
  const parts = text.split(/\s*\/\s*|\s+per\s+|\s*;\s*/i).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 3) return null;
  const bareThousands = parts.every((p) => /^\d{1,4}$/.test(p));
  const values = parts.map((p) => (bareThousands ? { ok: true as const, value: Number(p) * 1000 } : readAmount(p.replace(/\s*(per person|each person|per occurrence|each occurrence|per accident|CSL)$/i, ''))));
  if (values.some((v) => !v.ok)) return null;
  const numbers = values.map((v) => (v.ok ? v.value : 0));
  const [perPerson, perOccurrence] = numbers;
  if (perPerson === undefined) return null;
  return { perPerson, perOccurrence: perOccurrence ?? null };
}
