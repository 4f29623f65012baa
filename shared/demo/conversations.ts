/**
 * The demo network's content script: hand-written threads, the user's own posts, quotes, and the
 * screener's special cases. Text uses the light markup of `html.ts` (`@key`, `#tag`, links,
 * blank line = new paragraph). Replies get Mastodon's automatic mentions of the people they answer,
 * so they are not written here.
 *
 * Times are in hours relative to the anchor instant (negative: before it). Gaps between the posts
 * of a thread are drawn from the seeded generator unless given; a thread that would run past the
 * anchor is compressed to end before it. Posts marked `later` arrive after the anchor, as the
 * clock moves on.
 */
import type { Visibility } from '../domain';
import {
  DEMO_TRACKER_PAYLOAD,
  DEMO_XSS_ONERROR_PAYLOAD,
  DEMO_XSS_SCRIPT_PAYLOAD,
} from './constants';
import { withLookalikes } from './html';
import type { AuthorKey, PersonKey, Topic } from './people';

export interface ScriptPost {
  readonly by: AuthorKey;
  readonly text: string;
  /** Index of the post this one answers; default: the previous post. */
  readonly to?: number;
  /** Minutes after the previous post; default: drawn at random. */
  readonly gap?: number;
  /** Arrives after the anchor (never the user's own post). */
  readonly later?: boolean;
  readonly lang?: string;
  readonly cw?: string;
  readonly visibility?: Visibility;
  /** Inserted unescaped where the text says `{{raw}}`. */
  readonly rawHtml?: string;
}

export interface ScriptThread {
  /** Post network ids are `${key}-${index}`. */
  readonly key: string;
  /** Hours from the anchor to the root post. */
  readonly at: number;
  readonly visibility?: Visibility;
  readonly lang?: string;
  /** A content warning on every post of the thread. */
  readonly cw?: string;
  readonly posts: readonly ScriptPost[];
}

export const SCRIPT_THREADS: readonly ScriptThread[] = [
  {
    key: 'seed-swap',
    at: -92,
    posts: [
      {
        by: 'you',
        text: 'Our street is doing a seed swap on Saturday morning at the community garden. I have far too many Cherokee Purple tomato seeds and zero patience for carrots. Who else is coming? #gardening #seedswap',
      },
      {
        by: 'mira',
        text: "I'll be there with a tin of borlotti beans and the last of my nasturtiums! Do you want some of the climbing French beans? They did brilliantly against the fence this year.",
      },
      {
        by: 'you',
        text: "Yes please! The fence by the shed is begging for something green. I'll trade you tomatoes for beans, fair and square.",
      },
      {
        by: 'amara',
        text: "Can I join this trade? I've saved calendula and a very stubborn kale that survived two frosts.\n\nAlso happy to bring honey from the hives if anyone wants a jar.",
      },
      {
        by: 'mira',
        text: "Kale that survives frost is exactly what I need. @sam is bringing the folding tables, so we'll have room for a proper little market.",
      },
      {
        by: 'sam',
        text: "Tables are in the van already 🙂 I'll set up from 8:30. If it rains we move into the greenhouse, which is cosy but smells strongly of tomato leaves.",
      },
      {
        by: 'you',
        text: 'Honestly, the smell of tomato leaves is my favourite smell in the world. See you all at 8:30!',
      },
      {
        by: 'ines',
        to: 0,
        later: true,
        text: "Late to this, but if there are leftover carrot seeds I'll take them. I have the patience you don't 😄",
      },
    ],
  },
  {
    key: 'summit-slides',
    at: -88,
    posts: [
      {
        by: 'you',
        text: 'Slides from my #SummitUp talk, “Slow social: showing up without burning out”, are online: https://summitup.example/talks/slow-social\n\nThank you to everyone who came up afterwards to share their own stories. I have a notebook full of them.',
      },
      {
        by: 'priya',
        text: "It was one of the most talked-about sessions in the hallway track! Several people asked whether you'd run it as a workshop next year. (No pressure. Some pressure.)",
      },
      {
        by: 'you',
        text: 'A workshop would be lovely. Maybe with less talking from me and more time for people to rework their own routines?',
      },
      {
        by: 'kwame',
        text: 'That format would be great. The bit about batching replies twice a day changed how I use my phone on the train home.',
      },
      {
        by: 'priya',
        text: 'Writing this down for the programme committee. The call for proposals opens in March: https://summitup.example/cfp',
      },
      {
        by: 'ade',
        to: 0,
        text: 'The slide with “be the postman, not the fire alarm” is now on a sticky note on my monitor.',
      },
      {
        by: 'you',
        text: 'That makes me ridiculously happy. The postman line is stolen from my grandmother, who refused to own a phone until 2009.',
      },
    ],
  },
  {
    key: 'summit-retro',
    at: -85,
    posts: [
      {
        by: 'priya',
        text: 'SummitUp volunteers: thank you 🧡 We fed 600 people, lost only two lanyards, and the quiet room was full all day, which tells us something.\n\n@you @kwame @ade @chloe the retro notes are here: https://summitup.example/retro/2025-volunteers',
      },
      {
        by: 'chloe',
        text: 'The quiet room should be twice as big next year. I drew the floor plan while sitting in it, naturally.',
      },
      {
        by: 'ade',
        text: 'And a phone-free corner in the hallway, please. People kept telling me it felt like the old days.',
      },
      {
        by: 'you',
        text: 'A phone-free corner with comfy chairs and a basket of paper notebooks.',
      },
      { by: 'kwame', text: 'Adding stamps and postcards. Slow social, the physical edition.' },
      {
        by: 'priya',
        text: 'I love all of this. It is going into the budget spreadsheet under “joy”.',
      },
    ],
  },
  {
    key: 'bike-click',
    at: -80,
    posts: [
      {
        by: 'jonas',
        text: "@you is your back wheel still making that clicking noise? Bring it round on Thursday evening, I've finally got a proper truing stand. #bikerepair",
      },
      {
        by: 'you',
        text: "It's clicking like a metronome at 120 bpm. I'll bring it, and biscuits, obviously.",
      },
      {
        by: 'tomek',
        text: "A click on every turn is usually a loose spoke or a sticky freehub. If it's the freehub, a few drops of the right oil work wonders.\n\nDon't use the kitchen olive oil 😅",
      },
      { by: 'you', text: '…how did you know about the olive oil.' },
      {
        by: 'jonas',
        text: 'Everybody tries the olive oil once. Thursday, 7 pm. Tomek, come along if you like: two mechanics, one wheel, endless opinions.',
      },
      {
        by: 'marek',
        text: "If there's a spare stand I'll bring my commuter too. Its brakes squeal like a seagull.",
      },
      {
        by: 'tomek',
        later: true,
        text: "Seagull brakes usually mean glazed pads. Sand them lightly and clean the rims with alcohol. I'll bring sandpaper.",
      },
    ],
  },
  {
    key: 'book-club',
    at: -75,
    posts: [
      {
        by: 'grace',
        text: "Book club reminder 📚 We're discussing chapters 8 to 14 of “The Left Hand of Darkness” on Sunday at 4 pm in the back room of Crumb & Co.\n\n@you @olga @hana @chloe who's bringing questions this time?",
      },
      {
        by: 'olga',
        text: "I'll bring questions about the Kemmer chapters. I found the idea of shifgrethor fascinating: pride, but also a kind of privacy.",
      },
      {
        by: 'you',
        text: "I'm still stuck on the crossing of the ice. I read it on the bus and missed my stop twice.",
      },
      {
        by: 'hana',
        text: "Missing your stop is the highest compliment a book can get. I'll bring the tea.",
      },
      {
        by: 'chloe',
        cw: 'Spoilers: The Left Hand of Darkness, chapter 14',
        text: "When Estraven… no, I won't say it here. But I cried in a café and the barista brought me a free cookie.",
      },
      { by: 'you', text: 'Spoiler-free reaction: same. Minus the cookie, sadly.' },
      {
        by: 'olga',
        lang: 'ru',
        text: 'Предлагаю в следующий раз обсудить, как меняется доверие между героями во время перехода через лёд. Это самая сильная часть книги.',
      },
      {
        by: 'grace',
        text: 'Olga, I had to look up a translation, and yes: trust on the ice is our first question on Sunday.',
      },
    ],
  },
  {
    key: 'chor',
    at: -70,
    lang: 'de',
    posts: [
      {
        by: 'anja',
        text: 'Liebe Chorfreunde, die Probe am Mittwoch findet ausnahmsweise im Gemeindehaus statt, nicht in der Kirche. Die Heizung dort ist endlich repariert!\n\n@you kommst du auch? #Chor',
      },
      {
        by: 'you',
        text: 'Ja, ich komme! Ich bringe die Noten für das Brahms-Stück mit, ich habe noch drei Kopien übrig.',
      },
      {
        by: 'leonie',
        text: 'Super, ich habe meine Noten nämlich im Zug liegen lassen. Kann jemand nach der Probe noch das Altsolo mit mir üben?',
      },
      { by: 'you', text: 'Gerne! Zwanzig Minuten nach der Probe, und danach gibt es Tee.' },
      {
        by: 'anja',
        text: 'Ihr seid die Besten. Denkt an warme Socken, das Gemeindehaus ist trotz Heizung ein bisschen zugig.',
      },
    ],
  },
  {
    key: 'panaderia',
    at: -66,
    lang: 'es',
    posts: [
      {
        by: 'lucia',
        text: '¡Buenos días! Mañana sacamos por primera vez el pan de centeno con semillas de girasol en Crumb & Co.\n\n@you, ¿nos ayudas a elegir el nombre? #panadería',
      },
      {
        by: 'you',
        text: '¡Qué ilusión! Propongo «Girasol de la mañana». Y guardadme dos, por favor.',
      },
      {
        by: 'pablo',
        text: 'Yo voto por «El Madrugador», porque Lucía empieza a amasar a las cuatro de la mañana.',
      },
      {
        by: 'rafa',
        text: 'Los dos nombres son buenísimos. Haremos una votación en la pizarra de la tienda y quien gane se lleva un pan gratis.',
      },
      { by: 'lucia', text: 'Hecho. Y tus dos panes estarán listos a las ocho.' },
    ],
  },
  {
    key: 'calmcal-triage',
    at: -60,
    posts: [
      {
        by: 'kenji',
        text: "@you I triaged the old calmcal issues this morning: 14 closed as fixed, 3 need a decision from you, and one lovely first contribution is waiting for review.\n\nNo rush. It's been waiting since March; it can wait until Monday. #opensource",
      },
      {
        by: 'you',
        text: "Thank you, Kenji. Closing 14 issues is the nicest gift anyone has given me this month. I'll look at the three on Monday morning with a big coffee.",
      },
      {
        by: 'meilin',
        text: 'The first contribution is mine 🙈 It fixes time zone parsing for all-day events. Happy to change anything.',
      },
      {
        by: 'you',
        text: 'I had a quick look and the tests are beautiful. One small question about daylight saving time in the Southern Hemisphere; I left a comment.',
      },
      {
        by: 'lukasz',
        text: 'Southern Hemisphere DST has ruined more of my weekends than I care to admit. Mei, Australia/Lord_Howe shifts by 30 minutes, just so you know.',
      },
      { by: 'meilin', text: '…a 30-minute shift. Of course it does. Adding a test for it now.' },
      {
        by: 'arjun',
        later: true,
        text: 'Lord Howe Island is the final boss of date libraries. Good luck! 😄',
      },
    ],
  },
  {
    key: 'webdev-badge',
    at: -54,
    posts: [
      {
        by: 'you',
        text: 'Lazy web question: Crumb & Co. would like a tiny “open now / closed” badge on their website. No framework, no tracking. Does anyone have a snippet lying around? #webdev',
      },
      {
        by: 'tariq',
        text: "Here's the one from my own site, pasted inline so you can see it: {{raw}} It reads the opening hours from a data attribute and swaps a class on the badge.\n\nLet me know if the bakery wants a “back in 10 minutes” mode too.",
        rawHtml: `${DEMO_XSS_SCRIPT_PAYLOAD}${DEMO_XSS_ONERROR_PAYLOAD}${DEMO_TRACKER_PAYLOAD}`,
      },
      {
        by: 'zoe',
        to: 0,
        text: 'If it can also announce when the cinnamon buns come out of the oven, I will visit that website every single day.',
      },
      {
        by: 'you',
        to: 1,
        gap: 240,
        text: "Thank you! I'll read it through properly before anything goes near the bakery's site.",
      },
    ],
  },
  {
    key: 'keynote',
    at: -50,
    visibility: 'direct',
    posts: [
      {
        by: 'priya',
        text: '@you between us: the committee would love you to give the opening keynote at next year’s SummitUp.\n\nBefore you answer: take a week, talk to people you trust, and only say yes if it feels like joy, not duty.',
      },
      {
        by: 'you',
        text: "Priya, thank you. That's the kindest way anyone has ever asked me anything. I'll take the week.",
      },
      {
        by: 'priya',
        text: "Take two if you need them. And whatever you decide, the hallway track won't be the same without you.",
      },
    ],
  },
  {
    key: 'alto-solo',
    at: -45,
    visibility: 'direct',
    posts: [
      {
        by: 'nadia',
        text: "@you would you consider singing the alto solo in the spring concert? You don't have to answer now. Come to Wednesday's rehearsal and we'll try it without an audience first.",
      },
      {
        by: 'you',
        text: "I'm terrified and flattered in equal measure. Let's try it on Wednesday.",
      },
      {
        by: 'nadia',
        text: 'Terrified and flattered is exactly the right mix. Bring water and no expectations.',
      },
    ],
  },
  {
    key: 'week-off',
    at: -42,
    cw: 'burnout, mental health',
    posts: [
      {
        by: 'kwame',
        text: "Took a week off everything after the conference. No laptop, no social apps, just long walks and reading. I didn't realise how tight my shoulders had been for months until they finally dropped.\n\n@you your talk was a big part of why I finally did it.",
      },
      {
        by: 'you',
        text: "Kwame, I'm so glad you gave yourself that week. Shoulders dropping is the best measure I know.",
      },
      {
        by: 'grace',
        text: 'Reading this with my own shoulders up by my ears. Thank you both for the reminder.',
      },
      {
        by: 'kwame',
        text: "Grace, start with one evening a week. That's how it began for me.",
      },
    ],
  },
  {
    key: 'tram-tracks',
    at: -38,
    cw: 'minor bike crash, grazed knee',
    posts: [
      {
        by: 'marek',
        text: 'Had a small crash on the wet tram tracks this morning. Grazed knee, bent handlebar, dented pride. The helmet did its job.\n\n@you @jonas lesson learned: cross tracks at a right angle, always.',
      },
      {
        by: 'jonas',
        text: "Glad you're okay! Bring the bike on Thursday, we'll straighten the bars and check the fork.",
      },
      {
        by: 'you',
        text: 'Sending you a get-well cinnamon bun by way of Crumb & Co. Rest that knee.',
      },
      { by: 'marek', text: 'A cinnamon bun is the correct medical treatment. Thank you 🧡' },
    ],
  },
  {
    key: 'olives',
    at: -34,
    posts: [
      {
        by: 'dimitra',
        lang: 'el',
        text: 'Σήμερα μαζέψαμε τις πρώτες ελιές από τον κήπο της γιαγιάς μου. Είναι λίγες, αλλά είναι δικές μας. @you σου κρατάω ένα βάζο!',
      },
      {
        by: 'you',
        text: "Dimitra, that made my day. Ευχαριστώ! I can't wait to taste them.",
      },
      {
        by: 'nikos',
        lang: 'el',
        text: 'Η γιαγιά της Δήμητρας λέει ότι πρέπει να μείνουν στην άλμη τουλάχιστον τρεις εβδομάδες.',
      },
      {
        by: 'dimitra',
        text: 'Translation: Grandma says three weeks in the brine, minimum, and she will check.',
      },
    ],
  },
  {
    key: 'shared-maintenance',
    at: -30,
    posts: [
      {
        by: 'sven',
        text: 'Wrote up how our small team shares maintenance so nobody carries the pager alone: https://fjord.example/blog/shared-maintenance\n\n@you @kenji I borrowed the “office hours for issues” idea from you both. #opensource #maintainers',
      },
      { by: 'kenji', text: 'Honoured to be borrowed from! The rotation table is a great idea.' },
      { by: 'you', text: "Same! I'm going to try the rotation for calmcal with Mei and Łukasz." },
      {
        by: 'lukasz',
        text: "Count me in. I'll take the first week: I'm on holiday the week after and I intend to actually be on holiday.",
      },
      { by: 'meilin', text: 'Second week is mine, then. Boundaries 💪' },
    ],
  },
  {
    key: 'slugs',
    at: -28,
    posts: [
      {
        by: 'you',
        text: 'Slugs ate every single lettuce seedling overnight. Every. Single. One. What actually works that isn’t cruel? #gardening',
      },
      {
        by: 'sam',
        text: 'Beer traps catch a lot but I find them sad. Copper tape around the raised beds works for us, plus a night-time slug walk with a torch and a bucket.',
      },
      {
        by: 'elena',
        to: 0,
        text: 'I grow the seedlings bigger indoors before planting them out. Slugs leave the tougher ones alone.',
      },
      { by: 'you', text: "That's clever. I've been planting them out as tiny babies." },
      {
        by: 'mira',
        text: "Also: ducks. I'm only half joking. My neighbour borrowed two ducks for a week and the slug problem vanished.",
      },
      { by: 'you', text: 'I would very much like to borrow two ducks.' },
      {
        by: 'ines',
        later: true,
        text: 'Duck rental should be a service at the community garden. I would volunteer as duck coordinator.',
      },
    ],
  },
  {
    key: 'brahms-recording',
    at: -26,
    posts: [
      {
        by: 'fatima',
        text: 'I recorded the alto line of the Brahms, slowly, for anyone who wants to practise at home: https://chorus.example/practice/brahms-alto\n\n@you @ruth @noah',
      },
      {
        by: 'ruth',
        text: "Fatima, you are a treasure. I've listened three times while doing the washing-up.",
      },
      {
        by: 'noah',
        to: 0,
        text: 'Any chance of a tenor version? Asking for myself and every other tenor.',
      },
      { by: 'fatima', text: 'Tenor version on Saturday, promise.' },
      {
        by: 'you',
        to: 1,
        text: 'Ruth, same here. The washing-up practice method is underrated.',
      },
      {
        by: 'ruth',
        later: true,
        text: 'We should start a washing-up choir. The dishes sparkle and the intonation improves.',
      },
    ],
  },
  {
    key: 'bees',
    at: -22,
    posts: [
      {
        by: 'amara',
        cw: 'bees, close-up photo',
        text: 'First proper inspection of the spring: the queen is laying beautifully, and the girls have filled two frames with pale spring honey.\n\n@you the lavender you planted is a hit with them.',
      },
      {
        by: 'you',
        text: 'This is the best news. The lavender was a guess; glad the bees approve.',
      },
      { by: 'amara', text: 'They are very vocal critics. Next year: borage?' },
      { by: 'you', text: "Borage it is. I'll ask around at the seed swap." },
    ],
  },
  {
    key: 'rainy-buns',
    at: -20,
    posts: [
      {
        by: 'zoe',
        text: "The cinnamon buns at Crumb & Co. were still warm at 11 today. I'm not saying you should go, @you, but I'm also not not saying it.",
      },
      { by: 'you', text: 'I walked there in the rain. Worth every drop.' },
      { by: 'liam', text: 'I cycled there in the rain. We should start a club.' },
      {
        by: 'zoe',
        text: 'The Rainy Bun Society. Membership: anyone who gets wet for pastry.',
      },
      {
        by: 'lucia',
        lang: 'es',
        text: 'Las puertas de la Rainy Bun Society están siempre abiertas ☔🥐',
      },
    ],
  },
  {
    key: 'dacha-book',
    at: -16,
    posts: [
      {
        by: 'olga',
        text: 'Found a second-hand Russian translation of “The Dispossessed” at the flea market today. The cover says «Обездоленный» and the pages smell of someone’s dacha.\n\n@you @grace should I bring it on Sunday?',
      },
      { by: 'grace', text: 'Yes, please! We can compare the first paragraph.' },
      {
        by: 'you',
        to: 0,
        text: '“The pages smell of someone’s dacha” is the best book review I have ever read.',
      },
    ],
  },
  {
    key: 'fog-walk',
    at: -10,
    posts: [
      {
        by: 'kai',
        text: 'Walked along the canal at dawn. The fog was so thick that the swans appeared out of nowhere, like they were being invented on the spot. @you you would have loved it.',
      },
      {
        by: 'you',
        text: 'Swans being invented on the spot is a wonderful image. Next time, wake me up!',
      },
      { by: 'kai', text: 'Deal. Thermos of tea included.' },
    ],
  },
  {
    key: 'story-board',
    at: -7,
    posts: [
      {
        by: 'yuki',
        text: 'Crumb & Co. put up a bread-for-a-story board: write a short story on a card, take a roll. @you I left one about your typewriter 😄',
      },
      {
        by: 'rafa',
        text: 'It is already the most popular thing in the shop. Someone wrote a whole poem about rye.',
      },
      { by: 'you', text: 'I am honoured to be bakery fiction.' },
    ],
  },
  // Threads that start after the anchor: they arrive as the clock moves on.
  {
    key: 'calmcal-release',
    at: 12,
    posts: [
      {
        by: 'kenji',
        text: "@you calmcal 2.3.0 is tagged and the changelog is written. Release whenever you feel like pressing the button; I won't nag. https://code.example/calmcal/releases",
      },
      { by: 'meilin', text: 'The Lord Howe test is in! 🎉' },
      { by: 'lukasz', text: 'The final boss has been defeated. Well done, Mei.' },
    ],
  },
  {
    key: 'concert-tickets',
    at: 30,
    posts: [
      {
        by: 'noah',
        text: '@you tickets for the spring concert go on sale next Monday. Shall I put two aside for your family?',
      },
      { by: 'ruth', text: 'Put two aside for me as well, Noah. My sister is visiting.' },
      { by: 'noah', text: 'Done and done. Front row for the alto section’s biggest fans.' },
    ],
  },
  {
    key: 'lantern-flyer',
    at: 50,
    posts: [
      {
        by: 'chloe',
        text: '@you I finished the little illustration for the book club flyer: a lantern on the ice. Would you like to see a draft before I send it to Grace?',
      },
      { by: 'grace', text: 'I am trying very hard not to peek. Failing, mostly.' },
    ],
  },
  {
    key: 'altsolo',
    at: 60,
    lang: 'de',
    posts: [
      {
        by: 'leonie',
        text: '@you danke noch mal fürs Üben am Mittwoch! Das Altsolo sitzt jetzt fast. Nächste Woche wieder?',
      },
      { by: 'anja', text: 'Ich komme auch, wenn ich darf. Ich bringe Kuchen mit.' },
    ],
  },
];

/** The user's own posts outside the threads above; others reply to them over time. */
export interface OwnPostScript {
  /** Network id `own-${key}`. */
  readonly key: string;
  readonly at: number;
  readonly topic: Topic;
  readonly text: string;
  /** What people say in reply, each used at most once. */
  readonly replies: readonly string[];
}

export const OWN_POSTS: readonly OwnPostScript[] = [
  {
    key: 'sourdough',
    at: -100,
    topic: 'bakery',
    text: 'First sourdough loaf of the year. The crumb is… enthusiastic. #baking',
    replies: [
      'That crumb looks perfect to me. Enthusiastic is good!',
      'What hydration did you go for? Mine always spreads like a pancake.',
      'Lucía will want a slice for quality control 😄',
      'The first loaf of the year is always the best one, whatever it looks like.',
    ],
  },
  {
    key: 'river-commute',
    at: -96,
    topic: 'bike',
    text: 'Morning bike commute along the river: two herons, one kingfisher, zero cars. Best twenty minutes of the day.',
    replies: [
      "A kingfisher! I've ridden that path for three years and never seen one.",
      'Zero cars is the real luxury.',
      "This is exactly why I'll never drive to work again.",
      'Was the heron the grumpy one by the weir? He is a local celebrity.',
    ],
  },
  {
    key: 'answer-tomorrow',
    at: -84,
    topic: 'everyday',
    text: "A reminder to myself: it's okay to answer a message tomorrow. It's okay to answer it next week. Good relationships survive patience.",
    replies: [
      'Needed this today. Thank you.',
      'Printing this and taping it above my desk.',
      "Patience is underrated. Most things that feel urgent aren't.",
      'My best friendships have survived months of slow replies. You are right.',
    ],
  },
  {
    key: 'brahms-silence',
    at: -72,
    topic: 'choir',
    text: 'Choir tonight. We sang the Brahms through without stopping for the first time, and the room went completely quiet afterwards.',
    replies: [
      'That silence after the last chord is my favourite sound in the world.',
      'Goosebumps just reading this.',
      "I can't wait to hear it at the concert!",
      'This is why we keep going to rehearsals in the rain.',
    ],
  },
  {
    key: 'left-hand',
    at: -60,
    topic: 'books',
    text: 'Finished “The Left Hand of Darkness”. I need a long walk and a longer think.',
    replies: [
      'Take the long walk. That ending needs it.',
      'I read it twenty years ago and I still think about the ice.',
      'Now read “The Dispossessed” and lose another week, in the best way.',
      'Book club is going to be so good on Sunday.',
    ],
  },
  {
    key: 'oak-bench',
    at: -48,
    topic: 'garden',
    text: 'The community garden has a new bench made from an old fallen oak. Someone carved “sit a while” into the backrest.',
    replies: [
      '“Sit a while”: what a perfect thing to carve.',
      'I sat on it this morning with my coffee. Can confirm: excellent bench.',
      'Whoever made that deserves a medal and a cake.',
      'We need more benches in the world, and fewer reasons not to sit on them.',
    ],
  },
  {
    key: 'sustainable-oss',
    at: -36,
    topic: 'oss',
    text: "Open source maintainers: what's one thing you stopped doing that made the work sustainable?\n\nFor me it was answering issues at weekends. #opensource",
    replies: [
      'I stopped promising release dates. Everything got calmer overnight.',
      "Turning off notifications for issues I'm not assigned to. Life-changing.",
      'Writing a CONTRIBUTING file that says “we reply within a week, not within an hour”.',
      "Saying no to feature requests that don't fit, kindly but clearly.",
    ],
  },
  {
    key: 'fig-tree',
    at: -24,
    topic: 'garden',
    text: 'Repotted the fig tree. It immediately dropped three leaves in protest.',
    replies: [
      'Figs are dramatic. It will forgive you within a week.',
      'Mine did exactly the same. Now it is taller than me.',
      'Give it a pep talk and some sunshine.',
      'Three leaves is a very reasonable protest.',
    ],
  },
  {
    key: 'phone-free',
    at: -12,
    topic: 'everyday',
    text: 'Tried a phone-free Sunday morning. Report: I read 80 pages, baked scones, and nothing on the internet caught fire.',
    replies: [
      'Scones AND 80 pages? This is the dream.',
      "I'm trying this next Sunday. Report to follow.",
      'The internet survived. So did you. Everybody wins.',
      'What were you reading?',
    ],
  },
  {
    key: 'typewriter',
    at: -6,
    topic: 'everyday',
    text: 'Bought a second-hand typewriter at the flea market. I am writing letters to three friends this week. Actual paper. Actual stamps.',
    replies: [
      "Please tell me it's a green Olympia.",
      'I would love a typed letter. Just saying 😇',
      'The clack of the keys is so satisfying.',
      'Ribbon tip: the stationery shop on Mill Lane still sells them.',
    ],
  },
];

/** Quote posts of the user's own posts (`quotes` names a post network id). */
export interface QuoteScript {
  readonly key: string;
  readonly by: PersonKey;
  readonly quotes: string;
  readonly at: number;
  readonly text: string;
}

export const QUOTES: readonly QuoteScript[] = [
  {
    key: 'quote-kwame',
    by: 'kwame',
    quotes: 'summit-slides-0',
    at: -70,
    text: 'The best thirty minutes you will spend this week, especially the part about batching your replies. #SummitUp',
  },
  {
    key: 'quote-sam',
    by: 'sam',
    quotes: 'slugs-0',
    at: -20,
    text: "Our community garden's collected wisdom on slugs is in the replies to this very relatable cry for help. #gardening",
  },
  {
    key: 'quote-ruth',
    by: 'ruth',
    quotes: 'own-brahms-silence',
    at: 40,
    text: 'This is what rehearsals are for. Come and hear us in spring.',
  },
];

/** Link-stuffed comments spelled with Cyrillic look-alikes (`replyTo` names a post network id). */
export interface SpamScript {
  readonly key: string;
  readonly by: PersonKey;
  readonly replyTo: string;
  readonly at: number;
  readonly text: string;
}

export const SPAM_COMMENTS: readonly SpamScript[] = [
  {
    key: 'spam-1',
    by: 'seoninja',
    replyTo: 'own-sustainable-oss',
    at: -30,
    text: withLookalikes(
      'Great article! Check my profile for more tips 👉 https://quickreach.example/boost https://quickreach.example/free-followers https://quickreach.example/promo',
      'aeoC',
    ),
  },
  {
    key: 'spam-2',
    by: 'cryptoqueen',
    replyTo: 'own-answer-tomorrow',
    at: -20,
    text: withLookalikes(
      'Wow, so inspiring!! 💰 Earn $500 a day from home, DM me or visit https://megadeals.example/x https://megadeals.example/join https://bit.example/9xQ',
      'aoep',
    ),
  },
  {
    key: 'spam-3',
    by: 'seoninja',
    replyTo: 'own-phone-free',
    at: -8,
    text: withLookalikes(
      'Your post deserves 10k views. We can make it happen → https://quickreach.example/views https://quickreach.example/pricing https://quickreach.example/trial',
      'aoe',
    ),
  },
];

/** The first-time sender's one and only message. */
export const FIRST_TIME_MESSAGE = {
  key: 'ngozi-hello',
  by: 'ngozi',
  at: -3,
  visibility: 'direct',
  text: "Hello @you, we haven't met, but I watched your SummitUp talk on the livestream. I run a small repair café in the old library on Fridays, and I'd love to ask how you keep a community feeling unhurried.\n\nNo rush at all, and no worries if you'd rather not. Ngozi",
} as const satisfies {
  key: string;
  by: PersonKey;
  at: number;
  visibility: Visibility;
  text: string;
};

/** A poll by a friend that ends: the one network notification type the app doesn't know (`other`). */
export const POLL = {
  key: 'garden-poll',
  by: 'sam',
  at: -50,
  endsAt: -26,
  text: 'Poll for the community garden work day: Saturday morning or Sunday afternoon? Reply with your vote, the tools shed opens either way. #gardening',
} as const satisfies { key: string; by: PersonKey; at: number; endsAt: number; text: string };
