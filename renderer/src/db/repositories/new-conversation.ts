import type { Account, Addressee, OutboxEntry, Person, Visibility } from '@shared/domain';
import { newConversationDraftId } from '@shared/domain/draft';
import type { DraftWriteAhead } from '@shared/drafts/write-ahead-entry';
import type { SlowpostDb } from '../database';
import { linkedPeople, withLinkedNotes } from './person-links';
import { queueFromDraft, type DraftFields } from './replies';

/** One account the user could write to this person from (the person as that account knows them). */
export interface WriteFrom {
  readonly person: Person;
  readonly account: Account;
  /** When this account last heard from or wrote to them (their latest post, or the user's to them). */
  readonly lastContactAt: number | null;
}

/**
 * What the composer opens with when the user writes to someone first: the person (with the notes
 * that apply to them), the account that knows them, the other accounts that know the same person
 * (people linked as one), latest contact first, and the draft or how a new one starts.
 */
export interface NewConversationContext {
  readonly person: Person;
  readonly account: Account;
  /** Every account that knows this person, latest contact first (this one among them). */
  readonly choices: readonly WriteFrom[];
  readonly initial: DraftFields;
}

/**
 * How a new conversation starts: a direct message where the network has them (only the person
 * sees it), else a public post that mentions them; no content warning; the language not set.
 */
export function newConversationFields(visibilities: readonly Visibility[]): DraftFields {
  return {
    text: '',
    visibility: visibilities.includes('direct') ? 'direct' : (visibilities[0] ?? 'public'),
    contentWarning: null,
    language: null,
  };
}

/** Null when the person (or the account that knows them) is no longer on this computer. */
export async function loadNewConversationContext(
  db: SlowpostDb,
  personId: string,
  visibilitiesOf: (account: Account) => readonly Visibility[],
): Promise<NewConversationContext | null> {
  return db.transaction(
    'r',
    [db.people, db.accounts, db.personLinks, db.drafts, db.posts, db.outbox],
    async () => {
      const stored = await db.people.get(personId);
      if (stored === undefined || stored.isSelf) return null;
      const account = await db.accounts.get(stored.accountId);
      if (account === undefined) return null;
      const person = await withLinkedNotes(db, stored);
      const everyone = [stored, ...(await linkedPeople(db, stored.id))];
      const choices: WriteFrom[] = [];
      for (const someone of everyone) {
        const theirAccount =
          someone.accountId === account.id ? account : await db.accounts.get(someone.accountId);
        if (theirAccount === undefined) continue;
        choices.push({
          person: someone,
          account: theirAccount,
          lastContactAt: await lastContactAt(db, someone, theirAccount),
        });
      }
      choices.sort((a, b) => (b.lastContactAt ?? -1) - (a.lastContactAt ?? -1));
      const draft = await db.drafts.get(newConversationDraftId(stored.id));
      const initial: DraftFields =
        draft === undefined
          ? newConversationFields(visibilitiesOf(account))
          : {
              text: draft.text,
              visibility: draft.visibility,
              contentWarning: draft.contentWarning,
              language: draft.language,
            };
      return { person, account, choices, initial };
    },
  );
}

/**
 * The latest contact between this account and this person, from the local store: their latest
 * post, the user's latest post answering them, or the latest new conversation written to them.
 */
async function lastContactAt(
  db: SlowpostDb,
  person: Person,
  account: Account,
): Promise<number | null> {
  const theirs = await db.posts.where('authorId').equals(person.id).toArray();
  const mine = await db.posts
    .where('authorId')
    .equals(`${account.id}|${account.networkUserId}`)
    .toArray();
  const theirIds = new Set(theirs.map((p) => p.id));
  const written = await db.outbox
    .filter((row: { addressee?: { personId?: unknown } | null }) => {
      return row.addressee?.personId === person.id;
    })
    .toArray();
  const times = [
    ...theirs.map((p) => p.createdAt),
    ...mine.filter((p) => p.parent !== null && theirIds.has(p.parent.id)).map((p) => p.createdAt),
    ...written.map((e) => e.createdAt),
  ];
  return times.length === 0 ? null : Math.max(...times);
}

/** Whom a new conversation is written to, as the outbox keeps it. */
export function addresseeOf(person: Person): Addressee {
  return { personId: person.id, networkId: person.networkId, handle: person.handle };
}

/** One version of the draft of a new conversation with `person`, typed at `updatedAt`. */
export function newConversationDraftVersion(
  person: Person,
  fields: DraftFields,
  updatedAt: number,
): DraftWriteAhead {
  const id = newConversationDraftId(person.id);
  return {
    kind: 'draft',
    postId: id,
    accountId: person.accountId,
    // A new conversation has no thread yet: its draft stands in for one.
    threadId: id,
    text: fields.text,
    visibility: fields.visibility,
    contentWarning: fields.contentWarning,
    language: fields.language,
    updatedAt,
  };
}

/**
 * Moves a new conversation into the outbox, in one transaction with removing its draft (the text
 * is always in exactly one of the two places). The idempotency key is made here, once.
 */
export async function queueNewConversation(
  db: SlowpostDb,
  person: Person,
  fields: DraftFields,
  timing: { readonly now: number; readonly sendAfter: number },
): Promise<OutboxEntry> {
  const to = {
    accountId: person.accountId,
    threadId: null,
    inReplyToPostId: null,
    addressee: addresseeOf(person),
  };
  return queueFromDraft(db, to, newConversationDraftId(person.id), fields, timing);
}
