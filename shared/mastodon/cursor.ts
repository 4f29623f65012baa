/**
 * The Mastodon connector's sync cursor: the newest notification id whose page is stored
 * (`mastodon:<id>`). Notification ids are the same in v1 and v2 (grouped), so a server that gains
 * grouped notifications keeps its cursor. `mastodon:0` means "from the oldest": a first sync that
 * found fewer notifications than its bound.
 */
import { ConnectorError } from '../connectors/connector';

const PREFIX = 'mastodon:';

export function encodeMastodonCursor(notificationId: string): string {
  return `${PREFIX}${notificationId}`;
}

export function decodeMastodonCursor(cursor: string): string {
  const id = cursor.startsWith(PREFIX) ? cursor.slice(PREFIX.length) : '';
  if (id === '' || /\s/.test(id)) {
    throw new ConnectorError({
      kind: 'malformed',
      message: `Not a Mastodon sync position: "${cursor}"`,
    });
  }
  return id;
}
