/** Reading and writing US-dollar amounts. A string that is not an amount is an error, never 0. */
export type AmountReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

const AMOUNT_TEXT = /^\s*(?:US\$|USD\s*|\$)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(k|m|mm|thousand|million)?\s*(?:USD)?\s*$/i;
const SCALE: Record<string, number> = { k: 1_000, thousand: 1_000, m: 1_000_000, mm: 1_000_000, million: 1_000_000 };

/** Cents are kept exact by rounding to two decimals after scaling ("$1.85M" → 1850000). */
const toCents = (value: number): number => Math.round(value * 100) / 100;

/** Reads a number or a currency string such as "$52,000", "52000.50" or "$1.2M". */
export function readAmount(value: unknown): AmountReading {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'must be a finite number' };
    if (value < 0) return { ok: false, reason: 'must not be negative' };
    return { ok: true, value };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'must be a number or a currency string such as "$52,000"' };
  if (/^\s*-/.test(value) || /^\s*\$\s*-/.test(value)) return { ok: false, reason: `must not be negative (got "${value}")` };
  const match = AMOUNT_TEXT.exec(value);
  if (match === null) return { ok: false, reason: `is not an amount: "${value}" (use a number or a currency string such as "$52,000")` };
  const scale = SCALE[(match[2] ?? '').toLowerCase()] ?? 1;
  return { ok: true, value: toCents(Number((match[1] ?? '').replace(/,/g, '')) * scale) };
}

/** "$52,000" / "$1,234.50": whole dollars print without cents. */
export function formatUsd(value: number): string {
  const rounded = toCents(value);
  const cents = Number.isInteger(rounded) ? 0 : 2;
  return `$${rounded.toLocaleString('en-US', { minimumFractionDigits: cents, maximumFractionDigits: 2 })}`;
}

export interface MoneyMention {
  readonly text: string;
  readonly kind: 'amount' | 'range' | 'rate';
  readonly low: number;
  readonly high: number;
  /** For a rate: the period as written ("year", "month", "hour"). */
  readonly per: string | null;
}

const SINGLE = String.raw`\$\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s?(?:million|thousand|[kKmM])(?![\p{L}]))?`;
const MENTION = new RegExp(
  String.raw`(${SINGLE})(?:\s?(?:-|–|to)\s?((?:${SINGLE})|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s?(?:million|thousand|[kKmM])(?![\p{L}]))?))?(?:\s?(?:/|per\s|a\s)\s?(year|yr|month|week|day|hour|hr)\b)?`,
  'gu',
);

function valueOf(text: string): number {
  const reading = readAmount(text.replace(/\s+/g, ''));
  return reading.ok ? reading.value : Number.NaN;
}

/** Dollar amounts stated in prose: "$18,000", "$85,000-$120,000", "$75,000/year", "25,000-40,000" after a "$". */
export function findMoneyMentions(text: string): MoneyMention[] {
  const mentions: MoneyMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const first = valueOf(match[1] ?? '');
    if (Number.isNaN(first)) continue;
    const secondText = match[2];
    const second = secondText === undefined ? Number.NaN : valueOf(secondText.startsWith('$') ? secondText : `$${secondText}`);
    const per = match[3] ?? null;
    const isRange = !Number.isNaN(second);
    mentions.push({
      text: match[0],
      kind: per !== null ? 'rate' : isRange ? 'range' : 'amount',
      low: isRange ? Math.min(first, second) : first,
      high: isRange ? Math.max(first, second) : first,
      per,
    });
  }
  return mentions;
}
