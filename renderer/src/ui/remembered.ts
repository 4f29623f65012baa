/**
 * `compute`, remembering its answers for the last `limit` different inputs (the oldest is
 * forgotten first). For pure, costly functions asked the same thing again and again: sanitizing
 * a post's HTML each time its conversation is opened again.
 */
export function remembered<T>(compute: (input: string) => T, limit: number): (input: string) => T {
  const answers = new Map<string, T>();
  return (input) => {
    if (answers.has(input)) {
      const known = answers.get(input) as T;
      // Asked again: now the newest.
      answers.delete(input);
      answers.set(input, known);
      return known;
    }
    const answer = compute(input);
    answers.set(input, answer);
    if (answers.size > limit) answers.delete(answers.keys().next().value as string);
    return answer;
  };
}
