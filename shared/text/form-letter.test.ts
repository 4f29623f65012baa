import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormLetter, FORM_LETTER_THRESHOLD, type SentReply } from './form-letter';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2025, 0, 10, 9);

const sent: SentReply[] = [
  {
    id: 'r1',
    recipientId: 'bob',
    text: 'Thanks for the follow! Check out my site',
    sentAt: T0 - 3 * DAY,
  },
  {
    id: 'r2',
    recipientId: 'cara',
    text: 'Thanks Cara, great to connect here! Looking forward to your posts.',
    sentAt: T0 - 2 * DAY,
  },
  {
    id: 'r3',
    recipientId: 'dan',
    text: 'Loved your photo of the harbour at dawn — was that from the ferry?',
    sentAt: T0 - DAY,
  },
  {
    id: 'r4',
    recipientId: 'anna',
    text: 'Thanks for the follow! Check out my site',
    sentAt: T0 - DAY,
  },
  { id: 'r5', recipientId: 'eve', text: 'Thanks!', sentAt: T0 - DAY },
];

describe('detectFormLetter', { timeout: HEAVY_TEST_MS }, () => {
  it('exports a threshold between 0 and 1', () => {
    expect(FORM_LETTER_THRESHOLD).toBeGreaterThan(0);
    expect(FORM_LETTER_THRESHOLD).toBeLessThan(1);
  });

  it('names the earlier reply a near-copy repeats', () => {
    const result = detectFormLetter(
      { text: 'Thanks so much for the follow!! check out my site 🙏', recipientId: 'fay' },
      sent,
    );
    expect(result.isFormLetter).toBe(true);
    expect(result.matches.map((m) => [m.replyId, m.recipientId])).toEqual([
      ['r4', 'anna'],
      ['r1', 'bob'],
    ]);
    const [first] = result.matches;
    expect(first?.similarity).toBeGreaterThanOrEqual(FORM_LETTER_THRESHOLD);
    expect(first?.similarity).toBeLessThan(1);
    expect(first?.sharedPhrase).toBe('for the follow!! check out my site');
    expect(result.suggestion).toBe(
      'This reads a lot like what you sent to 2 other people recently. Could you mention something ' +
        'specific from their post, or from your past conversations?',
    );
  });

  it('ignores URLs, mentions, case, punctuation and emoji', () => {
    const result = detectFormLetter(
      {
        text: '@gus@example.social THANKS FOR THE FOLLOW 🎉 check out my site: https://me.example/?ref=gus',
        recipientId: 'gus',
      },
      sent,
    );
    expect(result.matches[0]).toMatchObject({ replyId: 'r4', similarity: 1 });
  });

  it('sees through a name swap', () => {
    const result = detectFormLetter(
      {
        text: 'Thanks Anna, great to connect here! Looking forward to your posts.',
        recipientId: 'anna',
      },
      sent,
      { recipientName: 'Anna' },
    );
    expect(result.isFormLetter).toBe(true);
    expect(result.matches).toEqual([
      {
        replyId: 'r2',
        recipientId: 'cara',
        sentAt: T0 - 2 * DAY,
        similarity: 1,
        sharedPhrase: 'Thanks [name], great to connect here! Looking forward to your posts',
      },
    ]);
    expect(result.suggestion).toBe(
      'This reads a lot like what you sent to someone else recently. Could you mention something ' +
        "specific from Anna's post, or from your past conversations?",
    );
  });

  it('does not count replies to the same person', () => {
    const result = detectFormLetter(
      { text: 'Thanks for the follow! Check out my site', recipientId: 'bob' },
      sent.filter((r) => r.recipientId === 'bob'),
    );
    expect(result).toEqual({ isFormLetter: false, matches: [], suggestion: '' });
  });

  it('does not flag an original reply, even one that shares an opening', () => {
    expect(
      detectFormLetter(
        {
          text: 'Thanks for the follow! Your sourdough thread was great — what flour do you use?',
          recipientId: 'fay',
        },
        sent,
      ).isFormLetter,
    ).toBe(false);
    expect(
      detectFormLetter(
        { text: 'Was the harbour photo taken at dawn? The light is gorgeous.', recipientId: 'fay' },
        sent,
      ).isFormLetter,
    ).toBe(false);
  });

  it('does not judge short replies', () => {
    expect(detectFormLetter({ text: 'Thanks!', recipientId: 'fay' }, sent).isFormLetter).toBe(
      false,
    );
    expect(detectFormLetter({ text: 'Thanks so much!', recipientId: 'fay' }, sent).matches).toEqual(
      [],
    );
  });

  it('skips the draft itself and replies before notBefore', () => {
    const draft = {
      id: 'r4',
      text: 'Thanks for the follow! Check out my site',
      recipientId: 'zoe',
    };
    expect(detectFormLetter(draft, sent).matches.map((m) => m.replyId)).toEqual(['r1']);
    expect(detectFormLetter(draft, sent, { notBefore: T0 - 2 * DAY }).isFormLetter).toBe(false);
  });

  it('reads replies stored as HTML', () => {
    const html: SentReply = {
      id: 'h1',
      recipientId: 'hal',
      text: '<p><span class="h-card"><a href="https://x.social/@hal" class="u-url mention">@<span>hal</span></a></span> Thanks for the follow! Check out my site</p>',
      sentAt: T0,
    };
    expect(
      detectFormLetter({ text: 'Thanks for the follow! Check out my site', recipientId: 'fay' }, [
        html,
      ]).matches[0]?.replyId,
    ).toBe('h1');
  });

  it('property: a long enough reply is a form letter of itself sent to someone else', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 4, maxLength: 30 }), (words) => {
        const text = words.join(' ');
        const result = detectFormLetter({ text, recipientId: 'a' }, [
          { id: 'x', recipientId: 'b', text, sentAt: 0 },
        ]);
        expect(result.isFormLetter).toBe(true);
        expect(result.matches[0]?.similarity).toBe(1);
      }),
    );
  });
});
