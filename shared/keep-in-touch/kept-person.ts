import type { Person, PersonLink } from '../domain';

/**
 * Someone the user keeps in touch with: one human, who may be several people of different
 * accounts linked as one (a Mastodon and a Bluesky account, say). Their cadence, when keeping in
 * touch began and any "not this week" live on their link when they have one, else on the person.
 */
export interface KeptPerson {
  /** The link's id for linked people, else the person's id: one key per human. */
  readonly key: string;
  /** Every local person id of this human (one, or the link's people). */
  readonly personIds: readonly string[];
  readonly cadenceDays: number;
  /** When keeping in touch began: "no contact ever" counts from here. */
  readonly since: number;
  /** "Not this week": no nudge before this instant (null: none). */
  readonly snoozedUntil: number | null;
}

/**
 * The human a stored person (and their link, if any) stands for, or null when the user does not
 * keep in touch with them. Records from before `keepInTouchSince` was kept have none: keeping in
 * touch then counts from when the person was first seen (for a link, when it was made) — the
 * cadence cannot have been set earlier than that, so a person never heard from is nudged about no
 * sooner than they would have been, and never from a made-up date.
 */
export function keptPersonOf(person: Person, link: PersonLink | undefined): KeptPerson | null {
  if (link !== undefined) {
    if (link.keepInTouchDays === null) return null;
    return {
      key: link.id,
      personIds: link.personIds,
      cadenceDays: link.keepInTouchDays,
      since: link.keepInTouchSince ?? link.linkedAt,
      snoozedUntil: link.keepInTouchSnoozedUntil ?? null,
    };
  }
  if (person.keepInTouchDays === null || person.isSelf) return null;
  return {
    key: person.id,
    personIds: [person.id],
    cadenceDays: person.keepInTouchDays,
    since: person.keepInTouchSince ?? person.firstSeenAt,
    snoozedUntil: person.keepInTouchSnoozedUntil ?? null,
  };
}
