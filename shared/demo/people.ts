import type { IncomingPerson } from '../connectors/connector';
import { localId } from '../domain';
import { DEMO_ACCOUNT_ID, DEMO_SERVER_ORIGIN } from './constants';

/** What a person talks about: the generated stream picks sentences by topic. */
export type Topic =
  'garden' | 'bike' | 'books' | 'summit' | 'bakery' | 'oss' | 'choir' | 'everyday';

/**
 * - `regular`: friends and acquaintances who talk with the user;
 * - `lurker`: people who only favourite, boost and follow;
 * - `first-time`: the one person who has never interacted before;
 * - `spam`: link-stuffed look-alike-letter accounts.
 */
export type DemoRole = 'regular' | 'lurker' | 'first-time' | 'spam';

export interface DemoPersonSeed {
  readonly key: string;
  readonly name: string;
  /** `user@domain`; the handle is `@user@domain`. */
  readonly acct: string;
  readonly role: DemoRole;
  readonly topics: readonly Topic[];
  /** Suggested private note, e.g. for seeding the context card of a fresh demo. */
  readonly notes?: string;
  readonly keepInTouchDays?: number;
}

export const DEMO_PEOPLE = [
  // Gardening and the community garden
  {
    key: 'mira',
    name: 'Mira Castellanos',
    acct: 'mira@tidepool.social',
    role: 'regular',
    topics: ['garden', 'everyday'],
    notes: 'Neighbour two doors down. Runs the street seed swap.',
    keepInTouchDays: 14,
  },
  {
    key: 'amara',
    name: 'Amara Nwosu',
    acct: 'amara@hedgerow.garden',
    role: 'regular',
    topics: ['garden'],
    notes: 'Keeps bees at the community garden. Loves borage.',
  },
  {
    key: 'sam',
    name: 'Sam Taylor',
    acct: 'sam@hedgerow.garden',
    role: 'regular',
    topics: ['garden'],
  },
  {
    key: 'ines',
    name: 'Inês Carvalho',
    acct: 'ines@hedgerow.garden',
    role: 'regular',
    topics: ['garden'],
  },
  {
    key: 'elena',
    name: 'Elena Rossi',
    acct: 'elena@tidepool.social',
    role: 'regular',
    topics: ['garden', 'bakery'],
  },
  {
    key: 'dimitra',
    name: 'Dimitra Papadopoulou',
    acct: 'dimitra@agora.place',
    role: 'regular',
    topics: ['garden', 'everyday'],
    notes: "Met at SummitUp two years ago. Her grandmother's olive grove is near Kalamata.",
    keepInTouchDays: 30,
  },
  {
    key: 'nikos',
    name: 'Nikos Georgiou',
    acct: 'nikos@agora.place',
    role: 'regular',
    topics: ['garden'],
  },
  // Bikes
  {
    key: 'jonas',
    name: 'Jonas Weber',
    acct: 'jonas@radweg.social',
    role: 'regular',
    topics: ['bike'],
    notes: 'Fixes bikes on Thursday evenings. Bring biscuits.',
  },
  {
    key: 'tomek',
    name: 'Tomasz Kowalczyk',
    acct: 'tomek@spoke.works',
    role: 'regular',
    topics: ['bike'],
  },
  {
    key: 'marek',
    name: 'Marek Dvořák',
    acct: 'marek@spoke.works',
    role: 'regular',
    topics: ['bike'],
  },
  {
    key: 'liam',
    name: "Liam O'Connor",
    acct: 'liam@tidepool.social',
    role: 'regular',
    topics: ['bike', 'bakery'],
  },
  // Book club
  {
    key: 'grace',
    name: 'Grace Kim',
    acct: 'grace@bookworms.club',
    role: 'regular',
    topics: ['books'],
    notes: 'Hosts the book club, Sundays at 4 at Crumb & Co.',
  },
  {
    key: 'olga',
    name: 'Olga Smirnova',
    acct: 'olga@bookworms.club',
    role: 'regular',
    topics: ['books'],
  },
  {
    key: 'hana',
    name: 'Hana Novák',
    acct: 'hana@bookworms.club',
    role: 'regular',
    topics: ['books'],
  },
  {
    key: 'chloe',
    name: 'Chloé Martin',
    acct: 'chloe@tidepool.social',
    role: 'regular',
    topics: ['books', 'summit'],
  },
  // SummitUp
  {
    key: 'priya',
    name: 'Priya Raghunathan',
    acct: 'priya@summitup.social',
    role: 'regular',
    topics: ['summit'],
    notes: 'SummitUp organiser. Asked me about the keynote: answer within two weeks.',
  },
  {
    key: 'kwame',
    name: 'Kwame Mensah',
    acct: 'kwame@summitup.social',
    role: 'regular',
    topics: ['summit', 'everyday'],
    notes: 'Met at the SummitUp conference. Gave the talk on accessible slides.',
    keepInTouchDays: 21,
  },
  {
    key: 'ade',
    name: 'Adebayo Adeyemi',
    acct: 'ade@summitup.social',
    role: 'regular',
    topics: ['summit', 'oss'],
  },
  // Open source
  {
    key: 'kenji',
    name: 'Kenji Watanabe',
    acct: 'kenji@patch.works',
    role: 'regular',
    topics: ['oss'],
    notes: 'Co-maintainer of calmcal. Triage hero.',
  },
  { key: 'meilin', name: 'Mei Lin', acct: 'meilin@patch.works', role: 'regular', topics: ['oss'] },
  {
    key: 'lukasz',
    name: 'Łukasz Wiśniewski',
    acct: 'lukasz@patch.works',
    role: 'regular',
    topics: ['oss'],
  },
  {
    key: 'arjun',
    name: 'Arjun Mehta',
    acct: 'arjun@patch.works',
    role: 'regular',
    topics: ['oss'],
  },
  {
    key: 'sven',
    name: 'Sven Lindqvist',
    acct: 'sven@fjord.town',
    role: 'regular',
    topics: ['oss'],
  },
  {
    key: 'tariq',
    name: 'Tariq Aziz',
    acct: 'tariq@fjord.town',
    role: 'regular',
    topics: ['oss', 'everyday'],
    notes: 'Web developer. Shares snippets generously; read them before using them.',
  },
  // The bakery
  {
    key: 'lucia',
    name: 'Lucía Fernández',
    acct: 'lucia@crumb.town',
    role: 'regular',
    topics: ['bakery'],
    notes: 'Runs Crumb & Co. with Rafa. Starts kneading at 4 am.',
  },
  {
    key: 'rafa',
    name: 'Rafael Ortega',
    acct: 'rafa@crumb.town',
    role: 'regular',
    topics: ['bakery'],
  },
  {
    key: 'pablo',
    name: 'Pablo Jiménez',
    acct: 'pablo@crumb.town',
    role: 'regular',
    topics: ['bakery'],
  },
  { key: 'zoe', name: 'Zoë Ashworth', acct: 'zoe@crumb.town', role: 'regular', topics: ['bakery'] },
  {
    key: 'yuki',
    name: 'Yuki Tanaka',
    acct: 'yuki@crumb.town',
    role: 'regular',
    topics: ['bakery', 'everyday'],
  },
  // The choir
  {
    key: 'nadia',
    name: 'Nadia Haddad',
    acct: 'nadia@chorus.cafe',
    role: 'regular',
    topics: ['choir'],
    notes: 'Choir director. Believes in my alto solo more than I do.',
  },
  {
    key: 'fatima',
    name: 'Fatima Zahra Benali',
    acct: 'fatima@chorus.cafe',
    role: 'regular',
    topics: ['choir'],
  },
  {
    key: 'noah',
    name: 'Noah Goldberg',
    acct: 'noah@chorus.cafe',
    role: 'regular',
    topics: ['choir'],
  },
  {
    key: 'ruth',
    name: 'Ruth Abernathy',
    acct: 'ruth@chorus.cafe',
    role: 'regular',
    topics: ['choir', 'everyday'],
    notes: 'Retired music teacher; sings alto next to me.',
    keepInTouchDays: 14,
  },
  {
    key: 'anja',
    name: 'Anja Schmidt',
    acct: 'anja@radweg.social',
    role: 'regular',
    topics: ['choir', 'bike'],
  },
  {
    key: 'leonie',
    name: 'Leonie Fischer',
    acct: 'leonie@radweg.social',
    role: 'regular',
    topics: ['choir'],
  },
  // Walks, photos, everyday life
  {
    key: 'kai',
    name: 'Kai Nakamura-Lee',
    acct: 'kai@tidepool.social',
    role: 'regular',
    topics: ['everyday'],
  },
  // People who only appreciate
  { key: 'bea', name: 'Bea Lindgren', acct: 'bea@fjord.town', role: 'lurker', topics: [] },
  { key: 'omar', name: 'Omar Farouk', acct: 'omar@agora.place', role: 'lurker', topics: [] },
  { key: 'jade', name: 'Jade Thompson', acct: 'jade@hedgerow.garden', role: 'lurker', topics: [] },
  { key: 'mateo', name: 'Mateo Silva', acct: 'mateo@spoke.works', role: 'lurker', topics: [] },
  { key: 'annika', name: 'Annika Berg', acct: 'annika@fjord.town', role: 'lurker', topics: [] },
  { key: 'hugo', name: 'Hugo Laurent', acct: 'hugo@tidepool.social', role: 'lurker', topics: [] },
  {
    key: 'wanjiru',
    name: 'Wanjiru Kamau',
    acct: 'wanjiru@summitup.social',
    role: 'lurker',
    topics: [],
  },
  { key: 'aroha', name: 'Aroha Ngata', acct: 'aroha@tidepool.social', role: 'lurker', topics: [] },
  // The screener's cases
  {
    key: 'ngozi',
    name: 'Ngozi Eze',
    acct: 'ngozi@mendhouse.social',
    role: 'first-time',
    topics: [],
  },
  {
    key: 'seoninja',
    name: 'SEO Ninja 🚀',
    acct: 'seo_ninja77@quickreach.example',
    role: 'spam',
    topics: [],
  },
  {
    key: 'cryptoqueen',
    name: 'Crypto Queen 👑',
    acct: 'crypto_queen_x@megadeals.example',
    role: 'spam',
    topics: [],
  },
] as const satisfies readonly DemoPersonSeed[];

export type PersonKey = (typeof DEMO_PEOPLE)[number]['key'];
/** A post's author: one of the people, or the user. */
export type AuthorKey = PersonKey | typeof SELF_KEY;

/** The user's own key in the content script (`@you`). */
export const SELF_KEY = 'you';

export const SELF_SEED: DemoPersonSeed = {
  key: SELF_KEY,
  name: 'You',
  acct: 'you@demo.slowpost.invalid',
  role: 'regular',
  topics: [],
};

const SEEDS_BY_KEY: ReadonlyMap<string, DemoPersonSeed> = new Map<string, DemoPersonSeed>([
  [SELF_SEED.key, SELF_SEED],
  ...DEMO_PEOPLE.map((p): [string, DemoPersonSeed] => [p.key, p]),
]);

export function personSeed(key: string): DemoPersonSeed | undefined {
  return SEEDS_BY_KEY.get(key);
}

export function personNetworkId(key: string): string {
  return `acct-${key}`;
}

export function personLocalId(key: string): string {
  return localId(DEMO_ACCOUNT_ID, personNetworkId(key));
}

export function profileUrl(seed: DemoPersonSeed): string {
  return `${DEMO_SERVER_ORIGIN}/@${seed.acct}`;
}

/** The user-name part of the handle: `mira` for `mira@tidepool.social`. */
export function userName(seed: DemoPersonSeed): string {
  return seed.acct.split('@')[0] ?? seed.acct;
}

export function toIncomingPerson(seed: DemoPersonSeed): IncomingPerson {
  return {
    id: personLocalId(seed.key),
    accountId: DEMO_ACCOUNT_ID,
    networkId: personNetworkId(seed.key),
    handle: `@${seed.acct}`,
    displayName: seed.name,
    // No avatars: a demo must never load anything from anywhere.
    avatarUrl: null,
    profileUrl: profileUrl(seed),
    isSelf: seed.key === SELF_SEED.key,
  };
}

/** Suggested private notes and keep-in-touch cadences, for a demo that wants a lived-in feel. */
export interface DemoPersonHint {
  readonly personId: string;
  readonly notes: string;
  readonly keepInTouchDays: number | null;
}

export function demoPersonHints(): DemoPersonHint[] {
  const hints: DemoPersonHint[] = [];
  for (const seed of DEMO_PEOPLE as readonly DemoPersonSeed[]) {
    if (seed.notes === undefined && seed.keepInTouchDays === undefined) continue;
    hints.push({
      personId: personLocalId(seed.key),
      notes: seed.notes ?? '',
      keepInTouchDays: seed.keepInTouchDays ?? null,
    });
  }
  return hints;
}
