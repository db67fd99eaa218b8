import { z } from 'zod';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);

export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), jsonValueSchema);

/** How deeply a JSON value nests (a scalar is 0), counted without recursion so any input is safe. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Turns zod issues into field issues with dotted paths, prefixed when the value sat under a parent field. */
export function toFieldIssues(error: z.ZodError, prefix = ''): { path: string; message: string }[] {
  const pathOf = (parts: readonly PropertyKey[]) => {
    const path = [prefix, ...parts.map(String)].filter((part) => part !== '').join('.');
    return path === '' ? '(root)' : path;
  };
  return error.issues.flatMap((issue) =>
    // An unknown key is reported at its own path, so the client sees which field to fix.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}
