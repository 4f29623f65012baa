import { describe, expect, it } from 'vitest';
import { type ReasonCode, screenText } from './spam-signals';

function codes(text: string): ReasonCode[] {
  return screenText(text).reasons.map((r) => r.code);
}

describe('screenText — look-alike text', () => {
  it.each([
    'Grеаt аrticle!',
    'Frее crурtо for everyone',
    'vіsit my prоfilе',
    'Сheck this out',
    'This aгticle changed my life',
    'Gοοd mοrning friends',
    'Nice ρrofile, follow back',
    'Log in at https://раypal.com/login to keep your account',
    'Зaрaбoтoк без вложений',
    'Check out this орра video now',
  ])('"%s" is suspicious', (text) => {
    const result = screenText(text);
    expect(result.suspicious).toBe(true);
    expect(result.reasons.some((r) => r.severity === 'strong')).toBe(true);
    expect(result.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(mixed-script-word|lookalike-word)$/)]),
    );
  });

  it('explains each disguised word for the screener', () => {
    expect(screenText('Grеаt post').reasons).toEqual([
      {
        code: 'mixed-script-word',
        severity: 'strong',
        message:
          '"Grеаt" mixes Cyrillic letters into a Latin word (е, а) — a common look-alike trick. It reads as "Great".',
        evidence: ['Grеаt'],
      },
    ]);
  });

  it('matches spam phrases through the disguise', () => {
    expect(codes('vіsit my prоfilе')).toContain('profile-bait');
    expect(codes('Frее crурtо for everyone')).toContain('money-bait');
  });

  it('names at most five words and summarises the rest', () => {
    const result = screenText('Frее crурtо аirdrop nоw, clаim yоur tоkens tоday');
    const lookalikes = result.reasons.filter((r) => r.code === 'mixed-script-word');
    expect(lookalikes).toHaveLength(6);
    expect(lookalikes[5]?.message).toBe('…and 3 more words use look-alike letters the same way.');
  });

  it('reads Mastodon HTML', () => {
    expect(
      screenText('<p>Grеаt <a href="https://x.example/tags/a" rel="tag">#a</a></p>').suspicious,
    ).toBe(true);
  });
});

describe('screenText — legitimate text stays clear', () => {
  it.each([
    'Привет! Как дела? Давно не виделись, приезжай в гости.',
    'Καλημέρα σε όλους, τι κάνετε σήμερα;',
    'Привіт, як справи? Дякую за пораду, це дуже корисно!',
    'Добро јутро, како сте? Хвала на поруци.',
    'Я люблю Berlin',
    'Созвонимся в Zoomе завтра',
    'Schöne Grüße aus München, der Kaffee war großartig!',
    "Ça a été un plaisir, à bientôt à l'hôtel.",
    'Teşekkürler, çok güzel bir yazı olmuş. İyi günler!',
    'Cảm ơn bạn rất nhiều, chúc một ngày tốt lành!',
    '素敵な写真ですね！東京に行きたいです。',
    'Love this 😍🔥 👨‍👩‍👧‍👦 🇳🇿 👍🏽 so much!!!',
    'NF-κB signalling and αSMA staining at 5 μm.',
    'Here is the paper I mentioned: https://journal.example.org/articles/123 — the second section covers exactly your question.',
    'Both talks are worth it: https://a.example/talk1 and https://b.example/talk2. The second one is about offline sync, which I think you would enjoy.',
  ])('%s', (text) => {
    expect(screenText(text)).toEqual({ suspicious: false, reasons: [] });
  });

  it('does not count mentions and hashtags as links', () => {
    const html =
      '<p><span class="h-card"><a href="https://x.social/@a" class="u-url mention">@<span>a</span></a></span> ' +
      '<span class="h-card"><a href="https://x.social/@b" class="u-url mention">@<span>b</span></a></span> ' +
      '<span class="h-card"><a href="https://x.social/@c" class="u-url mention">@<span>c</span></a></span> see you all ' +
      '<a href="https://x.social/tags/cats" class="mention hashtag" rel="tag">#<span>cats</span></a></p>';
    expect(screenText(html).suspicious).toBe(false);
  });
});

describe('screenText — links', () => {
  it('flags several links in little text', () => {
    const result = screenText(
      'Great post! https://a.example/1 https://b.example/2 https://c.example/3',
    );
    expect(result.suspicious).toBe(true);
    expect(result.reasons[0]).toMatchObject({
      code: 'link-stuffed',
      severity: 'strong',
      message:
        '3 links and almost no other text — comments stuffed with links are a common spam pattern.',
    });
    expect(result.reasons[0]?.evidence).toHaveLength(3);
  });

  it('counts links in Mastodon HTML, including bare URLs outside anchors', () => {
    const html =
      '<p>Wow look <a href="https://spam.example/a" rel="nofollow noopener" target="_blank">' +
      '<span class="invisible">https://</span><span class="">spam.example/a</span><span class="invisible"></span></a> ' +
      '<a href="https://spam.example/b">here</a> and www.spam.example</p>';
    const result = screenText(html);
    expect(result.suspicious).toBe(true);
    expect(result.reasons.find((r) => r.code === 'link-stuffed')?.message).toBe(
      '3 links and 4 words — comments stuffed with links are a common spam pattern.',
    );
  });

  it('treats a single bare link or a shortener as weak on its own', () => {
    expect(screenText('https://example.com/cool')).toMatchObject({
      suspicious: false,
      reasons: [{ code: 'bare-link', severity: 'weak' }],
    });
    expect(
      screenText('I wrote about this here: https://bit.ly/3xYz, curious what you think.'),
    ).toMatchObject({
      suspicious: false,
      reasons: [{ code: 'shortened-link', severity: 'weak' }],
    });
  });

  it('flags two weak signals together', () => {
    const result = screenText('Check my profile bit.ly/xyz');
    expect(result.suspicious).toBe(true);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'bare-link',
      'shortened-link',
      'profile-bait',
    ]);
    expect(result.reasons.find((r) => r.code === 'shortened-link')?.message).toBe(
      'It links through a URL shortener (bit.ly), which hides where the link really goes.',
    );
  });
});

describe('screenText — other signals', () => {
  it('mentions "check my profile" without holding the message back for it alone', () => {
    const result = screenText('Nice post! Check my profile 😍');
    expect(result.suspicious).toBe(false);
    expect(result.reasons).toEqual([
      {
        code: 'profile-bait',
        severity: 'weak',
        message:
          'It asks you to look at the sender\'s profile ("check my profile") — a common spam opener.',
        evidence: ['check my profile'],
      },
    ]);
  });

  it('combines scam phrases and floods', () => {
    expect(codes('WOW!!!!!!! free crypto, DM me on Telegram')).toEqual([
      'off-platform-contact',
      'money-bait',
      'flood',
    ]);
    expect(screenText('WOW!!!!!!! free crypto, DM me on Telegram').suspicious).toBe(true);
    expect(codes('Earn $500 a day from home, link in bio')).toEqual(['profile-bait', 'money-bait']);
    expect(codes('Message me here: https://t.me/someone')).toContain('off-platform-contact');
  });

  it('notices emoji floods but not ordinary emoji use', () => {
    expect(codes('🔥🔥🔥🔥🔥🔥🔥🔥🔥 wow')).toEqual(['flood']);
    expect(codes('Congrats!! 🎉🎉🎉 so happy for you both ❤️')).toEqual([]);
  });

  it('notices invisible characters hidden inside words', () => {
    const result = screenText('Gr\u200Beat de\u2060al');
    expect(result.reasons).toEqual([
      {
        code: 'hidden-characters',
        severity: 'weak',
        message:
          '"Great", "deal" hide invisible characters (zero-width space, word joiner) between letters, a way to slip past filters.',
        evidence: ['Great', 'deal'],
      },
    ]);
    // Joiners are ordinary in emoji sequences and in Persian/Indic words.
    expect(codes('👨‍👩‍👧‍👦 می‌خواهم')).toEqual([]);
  });
});
