import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { defineTool, runTool, ToolLog } from './tool.ts';

const double = defineTool({
  name: 'double',
  description: 'Doubles a number.',
  input: z.object({ n: z.number() }),
  output: z.object({ n: z.number().max(100) }),
  run: ({ n }) => ({ n: n * 2 }),
});

describe('runTool', () => {
  it('runs a tool, checks its output and records its name', async () => {
    const log = new ToolLog();
    await expect(runTool('lda', double, { n: 21 }, log)).resolves.toEqual({ n: 42 });
    expect(log.used).toEqual(['double']);
    expect(log.rounds).toBe(1);
  });

  it('rejects output that does not match the schema and does not record the tool', async () => {
    const log = new ToolLog();
    await expect(runTool('lda', double, { n: 60 }, log)).rejects.toMatchObject({ kind: 'validation', code: 'agent_tool_output_invalid', details: { agent: 'lda', tool: 'double' } });
    expect(log.used).toEqual([]);
  });

  it('rejects input that does not match the schema', async () => {
    await expect(runTool('dea', double, { n: 'x' } as unknown as { n: number }, new ToolLog())).rejects.toMatchObject({ code: 'agent_tool_input_invalid' });
  });

  it('prefixes the tools a child log records', async () => {
    const log = new ToolLog();
    await runTool('lda', double, { n: 1 }, log.child('lda/'));
    await runTool('dea', double, { n: 1 }, log);
    expect(log.used).toEqual(['lda/double', 'double']);
  });
});
