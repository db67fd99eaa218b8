import type { NormalizedMatter } from '../../matter/normalized-matter.schema.ts';

/** Signs in the matter that the plaintiff's own fault will be argued (the defence's theories, the client's weaknesses). */
const PLAINTIFF_FAULT = /\b(comparative (?:negligence|fault)|contributory|plaintiff(?:'s)? (?:own )?(?:fault|negligence)|should have seen|open and obvious|sudden stop|not wearing|seat ?belt|jaywalk\w*|client (?:was )?speeding|plaintiff (?:was )?speeding)\b/i;

export interface FaultIndicators {
  /** The plaintiff's share of fault stated in the matter (fault_allocation.plaintiff), if any. */
  readonly percent: number | null;
  readonly basis: string | null;
  /** True when a percentage is stated or the matter records an argument that the plaintiff was at fault. */
  readonly alleged: boolean;
  readonly texts: readonly string[];
}

export function faultIndicators(matter: NormalizedMatter): FaultIndicators {
  const texts = [...matter.weaknesses, ...matter.liability.flatMap((l) => l.defenses)].filter((text) => PLAINTIFF_FAULT.test(text));
  const percent = matter.plaintiffFaultPercent;
  return { percent, basis: matter.faultBasis, alleged: (percent !== null && percent > 0) || texts.length > 0, texts };
}
