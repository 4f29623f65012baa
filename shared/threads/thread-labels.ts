/** Small, pure helpers that turn a thread into the words a list shows. */

export interface NamedPerson {
  readonly displayName: string;
  readonly handle: string;
  readonly isSelf: boolean;
}

export function nameOf(person: NamedPerson): string {
  return person.displayName.trim() === '' ? person.handle : person.displayName.trim();
}

/** "Mira Okafor", "Mira Okafor and you", "Mira Okafor, Tomás Ruiz and 3 others". */
export function participantsLabel(people: readonly (NamedPerson | undefined)[]): string {
  const known = people.filter((p): p is NamedPerson => p !== undefined);
  const others = known.filter((p) => !p.isSelf).map(nameOf);
  const includesSelf = known.some((p) => p.isSelf);
  if (others.length === 0) return includesSelf ? 'You' : 'Unknown';
  const shown = others.slice(0, 2);
  const rest = others.length - shown.length + (includesSelf ? 1 : 0);
  if (rest === 0) return shown.join(' and ');
  if (others.length <= 2 && includesSelf) return `${shown.join(', ')} and you`;
  return `${shown.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}

/** What a post with nothing to read (a picture only) is called where its text would be quoted. */
export const NO_TEXT = 'A post with no text';

/** A post's text as a short quote, “…”, or {@link NO_TEXT} when it has none: never “”. */
export function quoteOf(text: string, maxLength: number): string {
  const snippet = snippetOf(text, maxLength);
  return snippet === '' ? NO_TEXT : `“${snippet}”`;
}

/** Collapses white space and cuts at a word boundary with an ellipsis. */
export function snippetOf(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
