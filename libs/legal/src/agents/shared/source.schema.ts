import { z } from 'zod';

/** Where a fact came from: a dotted path into the matter as given, and a label a lawyer can read. */
export const sourceSchema = z.object({ path: z.string(), label: z.string() });
export type Source = z.infer<typeof sourceSchema>;

export const provenanceSchema = z.object({
  engine: z.string(),
  tools_used: z.array(z.string()),
  tool_rounds: z.number().int().nonnegative(),
  llm_purposes: z.array(z.string()),
  /** Upstream artifacts this run read, or a note that they were computed here because none was given. */
  inputs: z.array(z.string()),
  as_of: z.string(),
});
export type Provenance = z.infer<typeof provenanceSchema>;
