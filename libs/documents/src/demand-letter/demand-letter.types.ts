/**
 * The demand letter as data, before any format. Dates are ISO strings and amounts are numbers;
 * the layout formats them once so Markdown, DOCX and PDF print the same text. A `null` means
 * the file does not say, and the layout prints a bracketed placeholder instead of a guess.
 */
export interface DatedEntry {
  readonly date: string;
  readonly description: string;
}

export interface SpecialsLine {
  readonly description: string;
  readonly source: string;
  readonly amount: number;
}

export interface LiabilityIssue {
  readonly issue: string;
  readonly citations: readonly string[];
  readonly elementsMet: readonly { readonly element: string; readonly fact: string | null }[];
  readonly elementsUnproven: readonly string[];
}

export interface FilingDeadline {
  readonly label: string;
  readonly date: string;
  readonly citation: string | null;
  readonly daysAfterLetter: number;
}

export interface DemandLetter {
  readonly title: string;
  readonly letterDate: string;
  /** Who the letter goes to: `name` is null when the file names nobody. */
  readonly recipient: { readonly name: string | null; readonly lines: readonly string[]; readonly greeting: string };
  readonly re: {
    readonly client: string | null;
    readonly defendants: readonly string[];
    readonly incidentDate: string | null;
    readonly matterId: string | null;
    readonly caseNumber: string | null;
    readonly insurer: string | null;
    readonly policyNumber: string | null;
  };
  readonly facts: { readonly incidentDate: string | null; readonly narrative: readonly string[]; readonly chronology: readonly DatedEntry[] };
  readonly liability: {
    readonly issues: readonly LiabilityIssue[];
    readonly faultRule: { readonly jurisdiction: string; readonly summary: string; readonly citation: string } | null;
  };
  readonly injuries: { readonly injuries: readonly string[]; readonly providers: readonly string[]; readonly treatment: readonly DatedEntry[] };
  readonly damages: {
    /** Exactly the LDA ledger lines marked `included`. */
    readonly lines: readonly SpecialsLine[];
    /** Sum of `lines`; null when there are none, so no $0 total is printed for an undocumented loss. */
    readonly economicTotal: number | null;
    readonly generals: number | null;
    readonly punitive: number | null;
  };
  readonly demand: {
    readonly amount: number | null;
    /** Where the figure comes from (or why there is none), for the attorney's notes. */
    readonly basis: string;
    readonly policyLimits: { readonly text: string; readonly perPerson: number } | null;
    readonly isPolicyLimitsDemand: boolean;
  };
  readonly response: {
    /** Letter date + 30 days. */
    readonly deadline: string;
    readonly filingDeadlines: readonly FilingDeadline[];
    /** Attorney warnings printed inline with the deadline: a filing deadline passed, before the response date, or within 60 days. */
    readonly warnings: readonly string[];
  };
  /** Every citation the letter prints; each is copied from the DEA artifact. */
  readonly citations: readonly string[];
  /** What the file lacks, named so the attorney can obtain it; never filled in by guesswork. */
  readonly missing: readonly string[];
  readonly reviewNotes: readonly string[];
}
