import { z } from 'zod';
import { readAmount } from '../text/money.ts';
import { readDateText } from '../time/date-text.ts';

/** Reusable field types of the matter schema. Refinements add messages; JSON Schema keeps the base type. */

export const nonBlank = z
  .string()
  .refine((value) => value.trim() !== '', { message: 'must not be blank' });

/** See time/date-text.ts for the policy: ISO or free text; numeric non-ISO or impossible dates fail. */
export const dateField = z
  .string()
  .superRefine((value, ctx) => {
    const reading = readDateText(value);
    if (reading.kind === 'invalid') ctx.addIssue({ code: 'custom', message: reading.reason });
  })
  .describe('ISO date (YYYY-MM-DD) or ISO date-time. Free text that names a year, such as "Various 2023-2024", is accepted and reported as an unresolved date.');

/** A non-negative amount: a number, or a currency string such as "$52,000". Never read as 0 when unreadable. */
export const amountField = z
  .union([
    z.number().min(0, { message: 'must not be negative' }),
    z.string().superRefine((value, ctx) => {
      const reading = readAmount(value);
      if (!reading.ok) ctx.addIssue({ code: 'custom', message: reading.reason });
    }),
  ])
  .describe('US dollars: a non-negative number or a currency string such as "$52,000".');

export const confidenceField = z
  .union([
    z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must be between 0 and 100' }).max(100, { message: 'must be between 0 and 100' }),
    z.string().superRefine((value, ctx) => {
      const match = /^\s*(\d{1,3})\s*$/.exec(value);
      if (match === null || Number(match[1]) > 100) ctx.addIssue({ code: 'custom', message: `must be a whole number from 0 to 100 (got "${value}")` });
    }),
  ])
  .describe('0–100, as an integer or a numeric string such as "58".');

export const optionalText = z.string().nullable().optional();
export const stringList = z.array(z.string());
