import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { MastodonStatusSchema } from './payloads';
import { addressReply } from './reply-address';
import {
  accountJson,
  asMasto,
  mentionJson,
  MIRA,
  SELF,
  SELF_ID,
  statusJson,
  TOM,
} from './testing/payloads';

const ACCOUNT = { id: 'm-1', networkUserId: SELF_ID } as Account;
const parent = (options: Parameters<typeof statusJson>[0]) =>
  MastodonStatusSchema.parse(asMasto(statusJson(options)));

describe('whom a reply is addressed to', () => {
  it("puts the author's handle first, unless the reply already names them", () => {
    const post = parent({ id: '1', account: MIRA });
    expect(addressReply('Lovely!', 'public', post, ACCOUNT)).toEqual({
      text: '@mira@fjord.town Lovely!',
      visibility: 'public',
    });
    expect(addressReply('Thanks @Mira@fjord.town!', 'unlisted', post, ACCOUNT).text).toBe(
      'Thanks @Mira@fjord.town!',
    );
  });

  it('answers a direct message as one, to everyone it was addressed to but the user', () => {
    const dm = parent({
      id: '2',
      account: TOM,
      visibility: 'direct',
      mentions: [mentionJson(SELF), mentionJson(MIRA), mentionJson(accountJson('8', 'ana'))],
    });
    expect(addressReply('On my way', 'public', dm, ACCOUNT)).toEqual({
      text: '@tom @mira@fjord.town @ana On my way',
      visibility: 'direct',
    });
  });

  it("does not address the user's own post to the user", () => {
    const own = parent({ id: '3', account: SELF });
    expect(addressReply('And another thing', 'private', own, ACCOUNT)).toEqual({
      text: 'And another thing',
      visibility: 'private',
    });
  });
});
