import { z } from 'zod';
import { normalizedMatterSchema } from '../../../matter/normalized-matter.schema.ts';
import { splitSentences } from '../../../text/sentences.ts';
import { defineTool } from '../../shared/tool.ts';
import { sourceSchema } from '../../shared/source.schema.ts';
import { isNarrative, matterTexts } from '../matter-texts.ts';

export const factStatementSchema = z.object({ text: z.string(), source: sourceSchema });
export type FactStatement = z.infer<typeof factStatementSchema>;

/**
 * Fact statements, sentence by sentence, from every narrative field including `documents[].facts`
 * (which upstream never read). Each statement keeps its source; sentences are split without
 * cutting at "Dr." or "Ms.".
 */
export const extractFactsTool = defineTool({
  name: 'extract_facts',
  description: 'Splits the matter narrative, documents (summary, content, facts), events, liability facts and evidence into sourced fact statements.',
  input: z.object({ matter: normalizedMatterSchema }),
  output: z.object({ statements: z.array(factStatementSchema) }),
  run: ({ matter }) => ({
    statements: matterTexts(matter)
      .filter(isNarrative)
      .flatMap((text) => {
        const sentences = text.kind === 'document_fact' || text.kind === 'event' || text.kind === 'evidence' ? [text.text] : splitSentences(text.text);
        return sentences.map((sentence) => ({ text: sentence, source: text.source }));
      }),
  }),
});
