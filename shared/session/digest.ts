/**
 * Likes, boosts and follows folded into one calm line: "7 people appreciated 3 of your posts, and
 * 2 people followed you". It counts people, not events, and names them when there are few.
 */
import type { ActivityItem, Person, Post } from '../domain';
import { htmlToVisibleText } from '../text';
import { nameOf, snippetOf } from '../threads/thread-labels';
import type { Digest, DigestKind } from './session-types';

/** Up to this many people are named ("Mira and Tom"); more are counted ("3 people"). */
export const DIGEST_NAME_LIMIT = 2;
/** Length of the short quote that names a single appreciated post. */
export const DIGEST_SUBJECT_LENGTH = 40;

const DIGEST_KINDS: readonly DigestKind[] = ['favourite', 'boost', 'follow'];

export function isDigestKind(kind: ActivityItem['kind']): kind is DigestKind {
  return kind === 'favourite' || kind === 'boost' || kind === 'follow';
}

export interface DigestLookup {
  readonly people: ReadonlyMap<string, Person>;
  readonly posts: ReadonlyMap<string, Post>;
}

/** "Mira Castellanos and Tom Ruiz" when all are few and known, otherwise "3 people" / "1 person". */
function who(personIds: readonly string[], people: ReadonlyMap<string, Person>): string {
  const named = personIds.map((id) => people.get(id));
  if (personIds.length <= DIGEST_NAME_LIMIT && named.every((p) => p !== undefined)) {
    return named.map((p) => (p === undefined ? '' : nameOf(p))).join(' and ');
  }
  return personIds.length === 1 ? '1 person' : `${personIds.length} people`;
}

/** A short quote of the post: “Sourdough starter is finally alive…”. Leading @mentions are dropped. */
function subjectOf(post: Post | undefined): string | null {
  if (post === undefined) return null;
  const text = htmlToVisibleText(post.contentHtml)
    .replace(/^(?:@[\p{L}\p{N}_.@-]+\s+)+/u, '')
    .trim();
  if (text === '') return null;
  return `“${snippetOf(text, DIGEST_SUBJECT_LENGTH)}”`;
}

function whichPosts(postIds: readonly string[], posts: ReadonlyMap<string, Post>): string {
  const [only] = postIds;
  if (postIds.length === 0) return 'your posts';
  if (postIds.length > 1 || only === undefined) return `${postIds.length} of your posts`;
  const subject = subjectOf(posts.get(only));
  return subject === null ? 'your post' : `your post ${subject}`;
}

/**
 * The digest of these items (only favourites, boosts and follows are read; pass them already
 * stripped of kept-out people and the user's own account). Null when there is nothing to say.
 */
export function buildDigest(items: readonly ActivityItem[], lookup: DigestLookup): Digest | null {
  const appreciators = new Set<string>();
  const followers = new Set<string>();
  const subjects = new Set<string>();
  const kinds = new Set<DigestKind>();
  for (const item of items) {
    if (!isDigestKind(item.kind)) continue;
    kinds.add(item.kind);
    if (item.kind === 'follow') {
      followers.add(item.actorId);
    } else {
      appreciators.add(item.actorId);
      if (item.subjectPostId !== null) subjects.add(item.subjectPostId);
    }
  }
  if (appreciators.size === 0 && followers.size === 0) return null;

  const clauses: string[] = [];
  if (appreciators.size > 0) {
    const posts = whichPosts([...subjects], lookup.posts);
    clauses.push(`${who([...appreciators], lookup.people)} appreciated ${posts}`);
  }
  if (followers.size > 0) clauses.push(`${who([...followers], lookup.people)} followed you`);

  return {
    text: clauses.join(', and '),
    peopleCount: new Set([...appreciators, ...followers]).size,
    postCount: subjects.size,
    followCount: followers.size,
    kinds: DIGEST_KINDS.filter((k) => kinds.has(k)),
  };
}
