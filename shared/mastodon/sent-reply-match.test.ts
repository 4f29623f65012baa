import { describe, expect, it } from 'vitest';
import { MastodonStatusSchema } from './payloads';
import { CLOCK_SKEW_MS, comparableText, isSentReply } from './sent-reply-match';
import { asMasto, SELF, SELF_ID, statusJson } from './testing/payloads';

const FIRST_ATTEMPT = Date.parse('2024-08-23T09:00:00.000Z');
const mine = (content: string, createdAt = '2024-08-23T09:00:05.000Z', parent = '100') =>
  MastodonStatusSchema.parse(
    asMasto(
      statusJson({
        id: '500',
        account: SELF,
        content,
        createdAt,
        inReplyTo: { id: parent, accountId: '7' },
      }),
    ),
  );
const lookup = (text: string) => ({ inReplyToId: '100', text, firstAttemptAt: FIRST_ATTEMPT });

describe('finding a reply an earlier attempt may have posted', () => {
  it('matches the plain text of the HTML, whatever the server did to mentions, links and spacing', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://fjord.town/@mira" class="u-url mention">@<span>mira</span></a></span> Thanks!  See <a href="https://example.com/a/long/path" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a/long</span><span class="invisible">/path</span></a></p><p>Café &amp; more</p>';
    expect(
      isSentReply(
        mine(html),
        lookup('@mira@fjord.town Thanks! See https://example.com/a/long/path\n\nCafé & more'),
      ),
    ).toBe(true);
  });

  it('needs the same parent, the same text and a time no earlier than the first attempt (less the clock skew)', () => {
    const text = 'Lovely to hear from you';
    expect(isSentReply(mine(`<p>${text}</p>`), lookup(text))).toBe(true);
    expect(isSentReply(mine(`<p>${text}</p>`, undefined, '101'), lookup(text))).toBe(false);
    expect(isSentReply(mine(`<p>${text}!</p>`), lookup(text))).toBe(false);
    const early = new Date(FIRST_ATTEMPT - CLOCK_SKEW_MS + 1000).toISOString();
    const tooEarly = new Date(FIRST_ATTEMPT - CLOCK_SKEW_MS - 1000).toISOString();
    expect(isSentReply(mine(`<p>${text}</p>`, early), lookup(text))).toBe(true);
    expect(isSentReply(mine(`<p>${text}</p>`, tooEarly), lookup(text))).toBe(false);
  });

  it('normalises text: NFC, mentions out, whitespace collapsed; e-mail addresses stay', () => {
    expect(comparableText('  @bob@x.example  hi\u00a0\n there ')).toBe('hi there');
    expect(comparableText('Cafe\u0301')).toBe(comparableText('Café'));
    expect(comparableText('write to a@b.example')).toBe('write to a@b.example');
  });

  it('a boost of the reply is not the reply', () => {
    const boost = { ...mine('<p>hi</p>'), reblog: { id: '1' } };
    expect(isSentReply(boost, lookup('hi'))).toBe(false);
    expect(SELF_ID).toBe(boost.account.id);
  });
});
