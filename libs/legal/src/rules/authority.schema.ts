import { z } from 'zod';

export const stateCodes = ['CA', 'NY', 'TX', 'FL', 'IL'] as const;
export type StateCode = (typeof stateCodes)[number];

/** `verified` exactly as the reference grades it: yes / partly / unverified. */
export const verificationSchema = z.enum(['yes', 'partly', 'unverified']);
export type Verification = z.infer<typeof verificationSchema>;

export type AuthorityTopic =
  | 'limitation_general'
  | 'limitation_medical_malpractice'
  | 'limitation_minors_medical_malpractice'
  | 'government_claim'
  | 'comparative_fault'
  | 'dog_bite'
  | 'damages_cap'
  | 'punitive_cap'
  | 'deadline_computation'
  | 'minors_tolling';

/** One row of the curated table: the only place a citation may come from. */
export interface Authority {
  readonly id: string;
  readonly state: StateCode;
  readonly topic: AuthorityTopic;
  /** Verbatim from the reference (`sources/pi-law-5-states.md`). */
  readonly citation: string;
  /** What the authority stands for, paraphrasing the reference row. */
  readonly summary: string;
  readonly sourceUrls: readonly string[];
  readonly verified: Verification;
  /** The reference's own caveat for a `partly` row, verbatim. */
  readonly verificationNote: string | null;
}

/** How an authority appears in an agent artifact. `origin` separates ours from the client's. */
export const citedAuthoritySchema = z.object({
  authority_id: z.string(),
  cite: z.string(),
  summary: z.string(),
  source_url: z.string(),
  source_urls: z.array(z.string()),
  verified: verificationSchema,
  verification_note: z.string().nullable(),
  origin: z.literal('curated'),
});
export type CitedAuthority = z.infer<typeof citedAuthoritySchema>;

/** An authority the matter itself listed: echoed back, never presented as verified by Themis. */
export const clientAuthoritySchema = z.object({
  cite: z.string(),
  summary: z.string().nullable(),
  origin: z.literal('client_supplied'),
  note: z.string(),
  in_curated_table: z.boolean(),
});
export type ClientAuthority = z.infer<typeof clientAuthoritySchema>;
