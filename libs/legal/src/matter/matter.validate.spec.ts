import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { parseMatterText } from './matter.parse.ts';
import { matterSchema } from './matter.schema.ts';
import { validateMatter } from './matter.validate.ts';

const fixturesDir = new URL('../../../testing/fixtures/', import.meta.url);
const fixtureFiles = readdirSync(fixturesDir).filter((name) => /\.(json|ya?ml)$/.test(name));
const load = (name: string): unknown => parseMatterText(readFileSync(new URL(name, fixturesDir), 'utf8'), name.endsWith('.json') ? 'json' : 'yaml');

const minimal = { summary: 'Client rear-ended at a red light.', parties: ['Jane Doe', 'ACME Trucking LLC'] };

describe('validateMatter', () => {
  it.each(fixtureFiles)('accepts fixture %s', (name) => {
    expect(validateMatter(load(name))).toEqual({ ok: true });
  });

  it('accepts the free-text upstream document dates but rejects an impossible one', () => {
    expect(validateMatter({ ...minimal, documents: [{ title: 'CPSC database', date: 'Various 2023-2024' }] })).toEqual({ ok: true });
    expect(validateMatter({ ...minimal, documents: [{ title: 'Report', date: '2024-02-30' }] })).toEqual({
      ok: false,
      issues: [{ path: 'documents.0.date', message: '"2024-02-30" is not a calendar date' }],
    });
  });

  it('lists every failing field with paths relative to the matter, wrapped or not', () => {
    const broken = {
      parties: ['  '],
      documents: [{ date: '03/04/2024' }],
      events: [{ date: '2024-01-01' }],
      damages: { specials: '$52,000', generals: 'lots', punitive: -5 },
      confidence_score: 'high',
      medical: [{ name: 'Clinic', records: [{ balance: 'unknown' }] }],
      parties_extra: 'kept',
    };
    const expected = [
      { path: 'parties', message: 'must list at least one non-blank party' },
      { path: 'documents.0.title', message: 'is required' },
      { path: 'documents.0.date', message: '"03/04/2024" is not an ISO date; write it as YYYY-MM-DD' },
      { path: 'events.0.description', message: 'is required' },
      { path: 'confidence_score', message: 'must be a whole number from 0 to 100 (got "high")' },
      { path: 'damages.generals', message: 'is not an amount: "lots" (use a number or a currency string such as "$52,000")' },
      { path: 'damages.punitive', message: 'must not be negative' },
      { path: 'medical.0.records.0.balance', message: 'is not an amount: "unknown" (use a number or a currency string such as "$52,000")' },
      { path: 'summary', message: 'a summary, a description or facts.incident_description is required' },
    ];
    const sortByPath = (issues: readonly { path: string }[]) => [...issues].sort((a, b) => a.path.localeCompare(b.path));
    for (const input of [broken, { matter: broken }]) {
      const result = validateMatter(input);
      expect(result.ok).toBe(false);
      expect(sortByPath(result.ok ? [] : result.issues)).toEqual(sortByPath(expected));
    }
  });

  it('requires parties and reports wrong types plainly', () => {
    expect(validateMatter({ summary: 'A matter' })).toEqual({ ok: false, issues: [{ path: 'parties', message: 'is required' }] });
    expect(validateMatter({ summary: 'A matter', parties: [] })).toEqual({ ok: false, issues: [{ path: 'parties', message: 'must list at least one party' }] });
    expect(validateMatter({ summary: 'A matter', parties: [{ role: 'plaintiff' }] })).toEqual({ ok: false, issues: [{ path: 'parties.0.name', message: 'is required' }] });
    expect(validateMatter({ summary: 'A matter', parties: [true] })).toEqual({ ok: false, issues: [{ path: 'parties.0', message: 'must be string or object (got boolean)' }] });
    expect(validateMatter('a string')).toEqual({ ok: false, issues: [{ path: '(root)', message: 'must be an object (got string)' }] });
  });

  it('accepts a Format B matter whose only narrative is facts.incident_description', () => {
    expect(validateMatter({ parties: [{ name: 'Jane Smith', role: 'plaintiff' }], facts: { incident_description: 'Rear-ended on I-10.' } })).toEqual({ ok: true });
  });

  it('does not rewrite the input', () => {
    const input = { matter: { ...minimal, damages: { specials: '$52,000' }, extra: { nested: ['  kept  '] } } };
    const copy = structuredClone(input);
    validateMatter(input);
    expect(input).toEqual(copy);
  });
});

describe('matterSchema', () => {
  it('converts to JSON Schema, keeping unknown keys allowed', () => {
    const schema = z.toJSONSchema(matterSchema) as { type: string; required: string[]; additionalProperties: unknown; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['parties']);
    expect(schema.additionalProperties).toEqual({});
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['summary', 'documents', 'medical', 'insurance', 'damages']));
  });
});

describe('parseMatterText', () => {
  it('reads YAML dates as strings', () => {
    expect(parseMatterText('matter:\n  parties: [A]\n  events:\n    - date: 2024-03-14\n      description: Crash\n', 'yaml')).toEqual({
      matter: { parties: ['A'], events: [{ date: '2024-03-14', description: 'Crash' }] },
    });
  });

  it('throws a validation DomainError with the position of a syntax error', () => {
    expect(() => parseMatterText('{"summary": ', 'json')).toThrow(/^The matter is not valid JSON: /);
    try {
      parseMatterText('matter:\n  parties: [A\n  summary: x', 'yaml');
      throw new Error('expected a syntax error');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'validation', code: 'matter_invalid_yaml' });
      expect((error as Error).message).toMatch(/^The matter is not valid YAML at line \d+, column \d+: /);
    }
  });
});
