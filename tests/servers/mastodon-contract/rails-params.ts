/**
 * Parameters as Rails (and so Mastodon) reads them from a query string or a form body:
 * `types[]=a&types[]=b` is an array, `notifications[last_read_id]=5` an object, `media_ids[0]=x`
 * (masto's multipart form) an array too. Values stay strings; the validator coerces them where
 * the contract says integer or boolean, as Rails' params do for Mastodon's controllers.
 */
export type RailsParams = { [key: string]: RailsValue };
export type RailsValue = string | RailsValue[] | RailsParams;

/** `a[b][]` → ['a', 'b', '']: the key's name and its bracketed parts ('' for `[]`). */
function keyParts(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const parts = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g)) parts.push(match[1] ?? '');
  return parts;
}

function isIndex(part: string): boolean {
  return part === '' || /^\d+$/.test(part);
}

function setIn(target: RailsParams | RailsValue[], parts: readonly string[], value: string): void {
  const [part, ...rest] = parts;
  if (part === undefined) return;
  if (Array.isArray(target)) {
    const index = part === '' ? target.length : Number(part);
    if (rest.length === 0) {
      target[index] = value;
      return;
    }
    const existing = target[index];
    const child =
      typeof existing === 'object' ? existing : isIndex(rest[0] ?? '') ? ([] as RailsValue[]) : {};
    target[index] = child;
    setIn(child, rest, value);
    return;
  }
  if (rest.length === 0) {
    target[part] = value;
    return;
  }
  const existing = target[part];
  const child =
    typeof existing === 'object' ? existing : isIndex(rest[0] ?? '') ? ([] as RailsValue[]) : {};
  target[part] = child;
  setIn(child, rest, value);
}

/** Rails params from name/value pairs (URLSearchParams, FormData entries with string values). */
export function railsParams(entries: Iterable<readonly [string, string]>): RailsParams {
  const params: RailsParams = {};
  for (const [key, value] of entries) setIn(params, keyParts(key), value);
  return params;
}

/** One string parameter, or undefined when absent or not a plain string. */
export function stringParam(params: RailsParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** An array parameter (`types[]=a`), also given as a single value (`types=a`), as Mastodon's `Array(params[:types])`. */
export function listParam(params: RailsParams, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return Object.values(value).filter((item): item is string => typeof item === 'string');
}
