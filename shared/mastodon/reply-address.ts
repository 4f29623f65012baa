/**
 * Who a reply is addressed to, as Mastodon clients do it: the author of the post being answered
 * (and, for a direct message, everyone it mentions) is mentioned at the start of the reply unless
 * the user already did. On Mastodon a direct message reaches only the people it mentions, and a
 * reply notifies only them; without this a direct answer would be seen by no one but the user.
 * A reply to a direct message is always direct: a private conversation is answered privately.
 */
import type { Account, Addressee, Visibility } from '../domain';
import type { MastodonStatus } from './payloads';

export interface AddressedReply {
  readonly text: string;
  readonly visibility: Visibility;
}

function mentions(text: string, acct: string): boolean {
  const escaped = acct.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_/])@${escaped}(?![\\p{L}\\p{N}_@.-])`, 'iu').test(text);
}

export function addressReply(
  text: string,
  visibility: Visibility,
  parent: MastodonStatus,
  account: Account,
): AddressedReply {
  const direct = parent.visibility === 'direct';
  const people = [
    { id: parent.account.id, acct: parent.account.acct },
    ...(direct ? (parent.mentions ?? []) : []),
  ].filter((p) => p.id !== account.networkUserId);
  const missing = [...new Set(people.map((p) => p.acct))].filter((acct) => !mentions(text, acct));
  const prefix = missing.map((acct) => `@${acct} `).join('');
  return { text: `${prefix}${text}`, visibility: direct ? 'direct' : visibility };
}

/**
 * A new conversation (a post that answers nothing), addressed to one person: their handle first
 * unless the user already mentioned them, as Mastodon clients write it (`@name` for someone on
 * the account's own server, `@name@server` for anyone else). Mentioned, they are notified; a
 * direct message (`visibility: 'direct'`) reaches only them.
 */
export function addressNewConversation(
  text: string,
  visibility: Visibility,
  addressee: Addressee,
  account: Account,
): AddressedReply {
  const acct = addressee.handle.replace(/^@/, '');
  const [local = acct, domain] = acct.split('@');
  const ownDomain = account.handle.replace(/^@/, '').split('@')[1];
  const sameServer = domain !== undefined && domain.toLowerCase() === ownDomain?.toLowerCase();
  const already = mentions(text, acct) || (sameServer && mentions(text, local));
  return { text: already ? text : `@${sameServer ? local : acct} ${text}`, visibility };
}
