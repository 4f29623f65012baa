import { memo, useMemo } from 'react';
import type { Person } from '@shared/domain';
import { detectFormLetter, type SentReply } from '@shared/text/form-letter';
import { FormLetterHint } from './FormLetterHint';
import type { TypedText } from './typed-text';
import { useSettledText } from './use-typed';

/** How long typing pauses before the reply is compared with earlier ones. */
export const FORM_LETTER_PAUSE_MS = 300;

interface Props {
  readonly typed: TypedText;
  readonly recipientId: string;
  readonly recipientName: string;
  readonly recentReplies: readonly SentReply[];
  readonly people: ReadonlyMap<string, Person>;
  readonly now: number;
}

/**
 * Compares the reply with what the user recently sent others once typing pauses: a keystroke
 * never waits on it, and the comparison draws only this part of the editor.
 */
export const FormLetterCheck = memo(function FormLetterCheck({
  typed,
  recipientId,
  recipientName,
  recentReplies,
  people,
  now,
}: Props) {
  const text = useSettledText(typed, FORM_LETTER_PAUSE_MS);
  const result = useMemo(
    () => detectFormLetter({ text, recipientId }, recentReplies, { recipientName }),
    [text, recipientId, recentReplies, recipientName],
  );
  const repliesById = useMemo(() => new Map(recentReplies.map((r) => [r.id, r])), [recentReplies]);
  return <FormLetterHint result={result} replies={repliesById} people={people} now={now} />;
});
