import { validationError } from '@themis/domain';
import { parse as parseYaml, YAMLParseError } from 'yaml';

/**
 * Parses matter text. YAML uses the 1.2 core schema, so "2024-03-14" stays a string (no
 * implicit timestamps) and duplicate keys are errors. Throws a validation DomainError naming
 * the line and column of a syntax error.
 */
export function parseMatterText(text: string, format: 'json' | 'yaml'): unknown {
  try {
    return format === 'json' ? (JSON.parse(text) as unknown) : (parseYaml(text, { schema: 'core', prettyErrors: true }) as unknown);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos !== undefined ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    const detail = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    throw validationError(
      format === 'json' ? 'matter_invalid_json' : 'matter_invalid_yaml',
      `The matter is not valid ${format === 'json' ? 'JSON' : 'YAML'}${where}: ${detail}`,
      [{ path: '(root)', message: detail }],
    );
  }
}
