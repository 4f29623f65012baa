import { memo, useDeferredValue, useMemo } from 'react';
import type { Person } from '../../../../shared/domain';
import { detectFormLetter, type SentReply } from '../../../../shared/text/form-letter';
import { FormLetterHint } from './FormLetterHint';

interface Props {
  readonly text: string;
  readonly recipientId: string;
  readonly recipientName: string;
  readonly recentReplies: readonly SentReply[];
  readonly people: ReadonlyMap<string, Person>;
  readonly now: number;
}

/**
 * Compares the reply with what the user recently sent others, on a deferred copy of the text: a
 * keystroke never waits on it, and the later comparison draws only this part of the editor.
 */
export const FormLetterCheck = memo(function FormLetterCheck({
  text,
  recipientId,
  recipientName,
  recentReplies,
  people,
  now,
}: Props) {
  const deferredText = useDeferredValue(text);
  const result = useMemo(
    () => detectFormLetter({ text: deferredText, recipientId }, recentReplies, { recipientName }),
    [deferredText, recipientId, recentReplies, recipientName],
  );
  const repliesById = useMemo(() => new Map(recentReplies.map((r) => [r.id, r])), [recentReplies]);
  return <FormLetterHint result={result} replies={repliesById} people={people} now={now} />;
});
