import { describe, expect, it } from 'vitest';
import { letterScript, toLatinSkeleton } from './confusables';
import { describeLookalike, findLookalikes } from './lookalike';

const NON_LATIN = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

describe('letterScript and toLatinSkeleton', () => {
  it('classifies letters by Unicode script and ignores marks, digits and emoji', () => {
    expect(letterScript('a')).toBe('Latin');
    expect(letterScript('ß')).toBe('Latin');
    expect(letterScript('ı')).toBe('Latin');
    expect(letterScript('а')).toBe('Cyrillic');
    expect(letterScript('ο')).toBe('Greek');
    expect(letterScript('東')).toBe('Other');
    expect(letterScript('\u0301')).toBeNull();
    expect(letterScript('7')).toBeNull();
    expect(letterScript('😀')).toBeNull();
  });

  it('reads disguised text as the Latin it imitates', () => {
    expect(toLatinSkeleton('vіsit my prоfilе')).toBe('visit my profile');
    expect(toLatinSkeleton('Frее crурtо')).toBe('Free crypto');
    expect(toLatinSkeleton('Gr\u200Beat')).toBe('Great');
  });
});

describe('findLookalikes — mixed-script words', () => {
  // Real-world shapes of homoglyph spam. Each sample holds at least one Cyrillic/Greek letter.
  const samples: { text: string; word: string; readsAs: string; letters: string[] }[] = [
    { text: 'Grеаt аrticle!', word: 'Grеаt', readsAs: 'Great', letters: ['е', 'а'] },
    {
      text: 'Frее crурtо for everyone',
      word: 'crурtо',
      readsAs: 'crypto',
      letters: ['у', 'р', 'о'],
    },
    { text: 'vіsit my prоfilе', word: 'prоfilе', readsAs: 'profile', letters: ['о', 'е'] },
    { text: 'Сheck this out', word: 'Сheck', readsAs: 'Check', letters: ['С'] },
    { text: 'This aгticle changed my life', word: 'aгticle', readsAs: 'article', letters: ['г'] },
    { text: 'Gοοd mοrning friends', word: 'Gοοd', readsAs: 'Good', letters: ['ο'] },
    { text: 'Nice ρrofile, follow back', word: 'ρrofile', readsAs: 'profile', letters: ['ρ'] },
    { text: 'Claim your аirdrop now', word: 'аirdrop', readsAs: 'airdrop', letters: ['а'] },
    {
      text: 'Log in at https://раypal.com/login',
      word: 'раypal',
      readsAs: 'paypal',
      letters: ['р', 'а'],
    },
    { text: 'ΗOT DEAL', word: 'ΗOT', readsAs: 'HOT', letters: ['Η'] },
  ];

  it.each(samples)('flags "$word" in "$text"', ({ text, word, readsAs, letters }) => {
    expect(NON_LATIN.test(text)).toBe(true);
    const finding = findLookalikes(text).find((f) => f.word === word);
    expect(finding).toMatchObject({
      kind: 'mixed-script',
      baseScript: 'Latin',
      readsAs,
      foreignLetters: letters,
    });
  });

  it('finds every disguised word, in text order, with its offset', () => {
    const text = 'Frее crурtо for everyone';
    const findings = findLookalikes(text);
    expect(findings.map((f) => f.word)).toEqual(['Frее', 'crурtо']);
    expect(findings.map((f) => text.slice(f.index, f.index + f.word.length))).toEqual([
      'Frее',
      'crурtо',
    ]);
  });

  it('flags Latin letters smuggled into a Cyrillic word in Cyrillic text', () => {
    // "Заработок" (earnings) with Latin a and o — spam evading Russian filters.
    const [finding] = findLookalikes('Зaрaбoтoк без вложений');
    expect(finding).toMatchObject({
      kind: 'mixed-script',
      baseScript: 'Cyrillic',
      foreignScripts: ['Latin'],
      foreignLetters: ['a', 'o'],
      readsAs: 'Заработок',
    });
  });

  it('sees through invisible characters inside a disguised word', () => {
    expect(findLookalikes('Gr\u200Bеаt offer')[0]).toMatchObject({
      word: 'Grеаt',
      readsAs: 'Great',
    });
  });

  it('explains a finding in one sentence', () => {
    const [finding] = findLookalikes('Grеаt post');
    expect(finding).toBeDefined();
    if (!finding) return;
    expect(describeLookalike(finding)).toBe(
      '"Grеаt" mixes Cyrillic letters into a Latin word (е, а) — a common look-alike trick. It reads as "Great".',
    );
  });
});

describe('findLookalikes — look-alike words', () => {
  it('flags an all-Cyrillic word made only of Latin look-alikes in English text', () => {
    const [finding] = findLookalikes('Check out this орра video now');
    expect(finding).toMatchObject({ kind: 'lookalike-word', word: 'орра', readsAs: 'oppa' });
    expect(finding && describeLookalike(finding)).toMatch(/reads as "oppa"/);
  });

  it('flags an all-caps Cyrillic brand name in English text', () => {
    expect(findLookalikes('Get your СОСА drinks here today')[0]).toMatchObject({
      kind: 'lookalike-word',
      readsAs: 'COCA',
    });
  });

  it('needs at least three letters and clearly Latin surroundings', () => {
    expect(findLookalikes('use the `х` variable')).toEqual([]); // a single letter is never judged
    expect(findLookalikes('орра style')).toEqual([]); // too little Latin context
    // URLs and mentions are not prose, so they don't make the text "otherwise Latin".
    expect(findLookalikes('@anna@example.social орра https://www.example.com/watch')).toEqual([]);
  });

  it('catches a look-alike domain inside a link in English text', () => {
    expect(findLookalikes('Your account is locked, log in at https://орра.com now')).toMatchObject([
      { kind: 'lookalike-word', word: 'орра', readsAs: 'oppa' },
    ]);
  });

  it('leaves such words alone when the text also has genuine Cyrillic words', () => {
    // "гора" (mountain) next to "Эльбрус", which has letters that look nothing like Latin.
    expect(findLookalikes('We hiked up the гора Эльбрус last summer')).toEqual([]);
  });
});

describe('findLookalikes — legitimate text is not flagged', () => {
  const legitimate: [string, string][] = [
    ['Russian', 'Привет! Как дела? Давно не виделись, приезжай в гости.'],
    ['Russian, all caps', 'СРОЧНО: ВСЕ НА СОБРАНИЕ В СЕМЬ ЧАСОВ'],
    ['Greek', 'Καλημέρα σε όλους, τι κάνετε σήμερα; Ο καιρός είναι υπέροχος.'],
    ['Greek, all caps', 'ΚΑΛΗ ΧΡΟΝΙΑ ΣΕ ΟΛΟΥΣ'],
    ['Ukrainian', 'Привіт, як справи? Їжак ґудзик знайшов у саду.'],
    ['Ukrainian typed with a Latin i', 'Привiт, як справи? Дякую, все добре.'],
    ['Serbian Cyrillic', 'Добро јутро, како сте? Хвала на поруци, видимо се у суботу.'],
    ['Serbian, both scripts', 'Zdravo svima, kako ste? Добро јутро!'],
    ['Bulgarian', 'Благодаря ти за хубавата снимка от морето.'],
    ['mixed-language sentence', 'Я люблю Berlin'],
    ['Russian with Latin brand names', 'Созвонимся в Zoom завтра, ссылка в Telegram.'],
    ['Russian case endings on a brand', 'Созвонимся в Zoomе завтра, напиши в Telegramе'],
    ['Russian slang on an abbreviation', 'Пришла SMSка с кодом, спасибо'],
    [
      'Russian text with a link',
      'Вот ссылка на статью https://www.example.com/some/long/english/path',
    ],
    ['German', 'Schöne Grüße aus München, der Kaffee war großartig!'],
    ['French', "Ça a été un plaisir, à bientôt à l'hôtel. Où est la gare ?"],
    ['Turkish', 'Teşekkürler, çok güzel bir yazı olmuş. İyi günler ve ılık rüzgârlar!'],
    ['Vietnamese', 'Cảm ơn bạn rất nhiều, chúc một ngày tốt lành!'],
    ['Vietnamese, decomposed', 'Cảm ơn bạn rất nhiều'.normalize('NFD')],
    ['Norwegian and Polish', 'Blåbærsyltetøy smaker godt. Zażółć gęślą jaźń.'],
    ['Japanese', '素敵な写真ですね！東京に行きたいです。'],
    ['Chinese', '谢谢你的分享，今天天气很好。'],
    ['Korean', '좋은 하루 보내세요! 사진이 정말 멋지네요.'],
    ['Arabic', 'شكرا جزيلا على المشاركة'],
    ['Hindi', 'आपका बहुत धन्यवाद, फिर मिलेंगे।'],
    ['emoji-rich', 'Love this 😍🔥 👨‍👩‍👧‍👦 🇳🇿 👍🏽 so much!!! ✨'],
    ['science', 'NF-κB signalling, αSMA staining at 5 μm, ΔT = 3 K, a 10 kΩ resistor, TNF-α.'],
    ['Greek letters as symbols', 'The α and β coefficients, Σx over n, and λ = 500 nm.'],
    ['code-ish', 'use the `х` variable, then call fn(x) and print π'],
    ['fullwidth Latin', 'ｆｕｌｌｗｉｄｔｈ text is still Latin'],
    ['mentions and hashtags', '@anna@example.social #FollowFriday thanks!'],
  ];

  it.each(legitimate)('%s', (_label, text) => {
    expect(findLookalikes(text)).toEqual([]);
  });
});
