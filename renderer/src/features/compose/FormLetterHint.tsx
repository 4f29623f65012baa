import type { Person } from '@shared/domain';
import type { FormLetterResult, SentReply } from '@shared/text/form-letter';
import { htmlToVisibleText } from '@shared/text/html-to-text';
import { nameOf, quoteOf } from '@shared/threads/thread-labels';
import { formatPostTime } from '../../ui/format-time';

interface Props {
  readonly result: FormLetterResult;
  readonly replies: ReadonlyMap<string, SentReply>;
  readonly people: ReadonlyMap<string, Person>;
  readonly now: number;
}

/**
 * A gentle note when the reply nearly repeats what the user recently sent to other people,
 * naming those replies. Advice only: sending stays possible.
 */
export function FormLetterHint({ result, replies, people, now }: Props) {
  if (!result.isFormLetter) return null;
  return (
    <section className="form-letter" aria-label="This reads like a form letter">
      <p className="form-letter__text">{result.suggestion}</p>
      <ul className="form-letter__matches">
        {result.matches.map((match) => {
          const person = people.get(match.recipientId);
          const earlier = replies.get(match.replyId);
          const quote = quoteOf(earlier === undefined ? '' : htmlToVisibleText(earlier.text), 140);
          return (
            <li key={match.replyId}>
              Your reply to {person === undefined ? 'someone' : nameOf(person)},{' '}
              {formatPostTime(match.sentAt, now)}: {quote}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
