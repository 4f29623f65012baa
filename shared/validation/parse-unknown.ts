import type { z } from 'zod';

/** One thing that was wrong with a value, with the path to the field that was wrong. */
export interface ValidationIssue {
  /** Dotted path with array indexes, e.g. `people[3].handle`; `(root)` for the value itself. */
  readonly path: string;
  readonly message: string;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly issues: readonly ValidationIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** A readable, single-line explanation: `Invalid settings: times[1]: expected HH:MM; name: required`. */
export function explainIssues(what: string, issues: readonly ValidationIssue[]): string {
  const details = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return `Invalid ${what}: ${details}`;
}

/**
 * Parses a value of unknown shape. Never throws: the result says either what the value is, or every
 * field that was wrong and why.
 */
export function parseUnknown<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues = issuesOf(result.error);
  return { ok: false, error: explainIssues(what, issues), issues };
}

/**
 * Parses JSON text (a file, a stored entry) of unknown shape. Never throws: text that is not JSON
 * is explained as such, then the value as {@link parseUnknown} does.
 */
export function parseJsonText<S extends z.ZodType>(
  schema: S,
  text: string,
  what: string,
): Parsed<z.output<S>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const issues = [{ path: '(root)', message: 'not JSON' }];
    return { ok: false, error: explainIssues(what, issues), issues };
  }
  return parseUnknown(schema, value, what);
}
