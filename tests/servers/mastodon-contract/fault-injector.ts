/**
 * Faults a test can ask for on the next N requests that match (a method and an operation
 * template or exact path): an HTML error page from a proxy, a request that is never answered,
 * a notifications page with malformed items, or a 500 after the status was created.
 */
export type NotificationDefect =
  /** v1: a notification without `id`; v2: a group without `group_key`. */
  | 'missing-id'
  /** The status in the item (v1) or in `statuses` (v2) has a `content` that is a number. */
  | 'content-not-string'
  /** The first item appears twice. */
  | 'duplicate-id'
  /** An item's `type` is one no Mastodon version has (`x_future_type`). */
  | 'unknown-type';

export type ContractFault =
  /** A proxy's error page: `text/html`, status 502 unless given. */
  | { readonly kind: 'html-error'; readonly status?: number }
  /** The request is read and never answered (until the server stops). */
  | { readonly kind: 'hang' }
  /** The page is sent with these defects, one item each, in order. */
  | { readonly kind: 'malformed-notifications'; readonly defects: readonly NotificationDefect[] }
  /** `POST /api/v1/statuses`: the status is created (and its key remembered), then a 500 is sent. */
  | { readonly kind: 'error-after-create'; readonly status?: number };

export interface FaultMatch {
  /** Any method when absent. */
  readonly method?: string;
  /** An operation template (`/api/v1/statuses/{id}`) or an exact path (`/api/v1/statuses/123`). */
  readonly path: string;
}

interface Armed {
  readonly match: FaultMatch;
  readonly fault: ContractFault;
  remaining: number;
}

export interface FaultInjector {
  inject(match: FaultMatch, fault: ContractFault, times: number): void;
  /** The fault for this request, counting it as used; null when none matches. */
  take(method: string, path: string, template: string | null): ContractFault | null;
  clear(): void;
  pending(): number;
}

export function createFaultInjector(): FaultInjector {
  const armed: Armed[] = [];
  return {
    inject(match, fault, times) {
      if (!Number.isInteger(times) || times < 1)
        throw new Error(`times must be 1 or more: ${times}`);
      armed.push({ match, fault, remaining: times });
    },
    take(method, path, template) {
      const index = armed.findIndex(
        (a) =>
          (a.match.method === undefined || a.match.method.toUpperCase() === method.toUpperCase()) &&
          (a.match.path === path || a.match.path === template),
      );
      const found = armed[index];
      if (found === undefined) return null;
      found.remaining -= 1;
      if (found.remaining === 0) armed.splice(index, 1);
      return found.fault;
    },
    clear() {
      armed.length = 0;
    },
    pending: () => armed.reduce((sum, a) => sum + a.remaining, 0),
  };
}

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A notifications page (v1 array or v2 results) with the defects applied, item by item. */
export function malformNotifications(
  body: unknown,
  defects: readonly NotificationDefect[],
): unknown {
  const copy = structuredClone(body);
  if (Array.isArray(copy)) {
    const items = copy as unknown[];
    defects.forEach((defect, i) => {
      const item = items[Math.min(i, items.length - 1)];
      if (defect === 'missing-id' && isJson(item)) delete item['id'];
      if (defect === 'unknown-type' && isJson(item)) item['type'] = 'x_future_type';
      if (defect === 'duplicate-id' && items[0] !== undefined)
        items.push(structuredClone(items[0]));
      if (defect === 'content-not-string') {
        const withStatus = [...items.slice(i), ...items.slice(0, i)].find(
          (n) => isJson(n) && isJson(n['status']),
        );
        if (isJson(withStatus) && isJson(withStatus['status']))
          withStatus['status']['content'] = 42;
      }
    });
    return items;
  }
  if (isJson(copy) && Array.isArray(copy['notification_groups'])) {
    const groups = copy['notification_groups'] as unknown[];
    const statuses = Array.isArray(copy['statuses']) ? (copy['statuses'] as unknown[]) : [];
    defects.forEach((defect, i) => {
      const group = groups[Math.min(i, groups.length - 1)];
      if (defect === 'missing-id' && isJson(group)) delete group['group_key'];
      if (defect === 'unknown-type' && isJson(group)) group['type'] = 'x_future_type';
      if (defect === 'duplicate-id' && groups[0] !== undefined)
        groups.push(structuredClone(groups[0]));
      if (defect === 'content-not-string') {
        const status = statuses[0];
        if (isJson(status)) status['content'] = 42;
      }
    });
  }
  return copy;
}

export const PROXY_ERROR_PAGE = `<!DOCTYPE html>
<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;
