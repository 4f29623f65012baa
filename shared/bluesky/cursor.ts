/**
 * The Bluesky connector's sync cursor: where the newest stored notification is in the list, by
 * the time the network sorts it and its URI (`bluesky:<epoch ms>:<uri>`). `bluesky:0` means "from
 * the oldest": a first sync that found nothing, so everything after it is new.
 */
import { ConnectorError } from '../connectors/connector';
import type { NotificationPosition } from './payloads';

const PREFIX = 'bluesky:';
export const FROM_THE_OLDEST: NotificationPosition = { at: 0, uri: '' };

export function encodeBlueskyCursor(position: NotificationPosition): string {
  return position.uri === '' ? `${PREFIX}0` : `${PREFIX}${position.at}:${position.uri}`;
}

export function decodeBlueskyCursor(cursor: string): NotificationPosition {
  if (cursor === `${PREFIX}0`) return FROM_THE_OLDEST;
  const match = /^bluesky:(\d{1,16}):(at:\/\/\S+)$/.exec(cursor);
  if (match === null) {
    throw new ConnectorError({
      kind: 'malformed',
      message: `Not a Bluesky sync position: "${cursor}"`,
    });
  }
  return { at: Number(match[1]), uri: match[2] ?? '' };
}

/** Orders positions as the list does, oldest first: by time, then by URI. */
export function comparePositions(a: NotificationPosition, b: NotificationPosition): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}
