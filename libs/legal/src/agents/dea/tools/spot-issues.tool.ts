import { z } from 'zod';
import { stateCodes } from '../../../rules/authority.schema.ts';
import { sourceSchema } from '../../shared/source.schema.ts';
import { defineTool } from '../../shared/tool.ts';
import { issueResultSchema } from '../issues/issue-pattern.ts';
import { spotIssues } from '../issues/spot-issues.ts';

export const spotIssuesTool = defineTool({
  name: 'spot_issues',
  description: 'Finds the legal issues raised by the cause of action and the fact statements (auto negligence, rear-end, premises, dog bite, products, medical malpractice, workplace third party), with each element and the facts that meet it.',
  input: z.object({
    cause_of_action: z.string().nullable(),
    state: z.enum(stateCodes).nullable(),
    statements: z.array(z.object({ text: z.string(), source: sourceSchema })),
    defendants: z.array(z.string()),
    plaintiff_age: z.number().nullable(),
    contrary_texts: z.array(z.string()),
  }),
  output: z.object({ issues: z.array(issueResultSchema) }),
  run: (input) => ({
    issues: spotIssues({
      cause: (input.cause_of_action ?? '').toLowerCase(),
      state: input.state,
      statements: input.statements,
      defendants: input.defendants,
      plaintiffAge: input.plaintiff_age,
      contraryTexts: input.contrary_texts,
    }),
  }),
});
