/** The sentences a session shows: why a conversation is there, why a message waits in the screener. */
import type { ActivityKind, Person } from '../domain';
import { nameOf, participantsLabel, type NamedPerson } from '../threads/thread-labels';

const SOMEONE: NamedPerson = { displayName: 'Someone', handle: 'someone', isSelf: false };

/** "Mira Castellanos", "Mira Castellanos and Tomás Ruiz", "Mira Castellanos, Tomás Ruiz and 2 others". */
export function peopleLabel(
  personIds: readonly string[],
  people: ReadonlyMap<string, Person>,
): string {
  if (personIds.length === 0) return 'Someone';
  return participantsLabel(personIds.map((id) => people.get(id) ?? SOMEONE));
}

/** The name of one person, or "Someone" when they are not stored. */
export function personName(personId: string, people: ReadonlyMap<string, Person>): string {
  const person = people.get(personId);
  return person === undefined ? 'Someone' : nameOf(person);
}

/** What the network's own name for an `other` notification means, in a sentence. */
function otherSentence(rawType: string, who: string): string {
  switch (rawType.toLowerCase()) {
    case 'poll':
      return `A poll by ${who} has ended`;
    case 'update':
      return `${who} edited a post`;
    case 'status':
      return `${who} posted something new`;
    default:
      return `Something new from ${who}`;
  }
}

export interface ReasonParts {
  /** The kind the conversation is shown as (`other` when only such items are in it). */
  readonly kind: ActivityKind;
  /** The network's name of the newest item of that kind (used for `other`). */
  readonly rawType: string;
  /** Who wrote the items of that kind, in order of appearance. */
  readonly primary: readonly string[];
  /** Everyone else who wrote in the conversation, in order of appearance. */
  readonly others: readonly string[];
  /** How many items of that kind. */
  readonly count: number;
}

/** "Direct message from Mira Castellanos", "Ngozi Eze replied to you; Tom Ruiz also wrote". */
export function conversationReason(
  parts: ReasonParts,
  people: ReadonlyMap<string, Person>,
): string {
  const who = peopleLabel(parts.primary, people);
  let sentence: string;
  switch (parts.kind) {
    case 'direct':
      sentence = `${parts.count === 1 ? 'Direct message' : 'Direct messages'} from ${who}`;
      break;
    case 'reply':
      sentence = `${who} replied to you`;
      break;
    case 'quote':
      sentence = `${who} quoted your post`;
      break;
    case 'mention':
      sentence = `${who} mentioned you`;
      break;
    default:
      sentence = otherSentence(parts.rawType, who);
  }
  if (parts.others.length === 0) return sentence;
  return `${sentence}; ${peopleLabel(parts.others, people)} also wrote`;
}

/** "First message from @ngozi@mendhouse.social — you haven't talked before." */
export function firstTimeExplanation(person: Person | undefined): string {
  const who = person === undefined ? 'someone new' : person.handle;
  return `First message from ${who} — you haven't talked before.`;
}
