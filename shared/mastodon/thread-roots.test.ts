import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MastodonStatusSchema, type MastodonStatus } from './payloads';
import { asMasto, statusJson } from './testing/payloads';
import { ThreadRoots } from './thread-roots';

function status(id: string, parent: string | null): MastodonStatus {
  return MastodonStatusSchema.parse(
    asMasto(statusJson({ id, inReplyTo: parent === null ? null : { id: parent, accountId: '1' } })),
  );
}

describe('the thread of a Mastodon status', () => {
  it('is the status itself when it answers nothing', () => {
    const roots = new ThreadRoots();
    roots.learn(status('1', null));
    expect(roots.rootOf('1')?.id).toBe('1');
  });

  it('is found by walking up through statuses already seen', () => {
    const roots = new ThreadRoots();
    roots.learn(status('3', '2'));
    expect(roots.rootOf('3')).toBeUndefined();
    roots.learn(status('2', '1'));
    roots.learn(status('1', null));
    expect(roots.rootOf('3')).toEqual({
      id: '1',
      uri: 'https://example.social/users/mira/statuses/1',
    });
  });

  it("is the context's first ancestor, even one whose own parent is hidden", () => {
    const roots = new ThreadRoots();
    const asked = status('4', '3');
    roots.learnContext(asked, ['2', '3'], [status('2', '1'), status('3', '2'), status('5', '4')]);
    for (const id of ['2', '3', '4', '5']) expect(roots.rootOf(id)?.id).toBe('2');
  });

  it('starts its own thread when the server will not say', () => {
    const roots = new ThreadRoots();
    roots.settleAlone(status('9', '8'));
    expect(roots.rootOf('9')?.id).toBe('9');
  });

  it('survives a reply cycle (a server bug) without looping', () => {
    const roots = new ThreadRoots();
    roots.learn(status('a', 'b'));
    roots.learn(status('b', 'a'));
    expect(roots.rootOf('a')).toBeUndefined();
  });

  it('property: whichever posts arrive first, and in whatever order, every post gets the same thread', () => {
    // A random reply tree (each post answers an earlier one), seen in random orders, some posts
    // through the context endpoint and some only in pages.
    const tree = fc.integer({ min: 1, max: 25 }).chain((size) =>
      fc.tuple(
        fc.tuple(
          ...Array.from({ length: size }, (_v, i) =>
            fc.integer({ min: 0, max: Math.max(0, i - 1) }),
          ),
        ),
        fc.array(fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.boolean()), {
          minLength: 1,
          maxLength: 40,
        }),
      ),
    );
    fc.assert(
      fc.property(tree, ([parents, arrivals]) => {
        const statuses = parents.map((p, i) => status(String(i), i === 0 ? null : String(p)));
        const ancestorsOf = (i: number): string[] => {
          const chain: string[] = [];
          for (let at = i; at !== 0;) {
            at = parents[at] ?? 0;
            chain.unshift(String(at));
          }
          return chain;
        };
        const roots = new ThreadRoots();
        for (const [index, viaContext] of arrivals) {
          const s = statuses[index];
          if (s === undefined) continue;
          if (viaContext) {
            // What the context endpoint returns: the ancestors and the descendants.
            const members = statuses.filter(
              (_s, i) => ancestorsOf(index).includes(String(i)) || ancestorsOf(i).includes(s.id),
            );
            roots.learnContext(s, ancestorsOf(index), members);
          } else {
            roots.learn(s);
          }
          const known = roots.rootOf(s.id);
          if (known !== undefined && known.id !== '0') return false;
        }
        return statuses.every((s) => {
          const root = roots.rootOf(s.id);
          return root === undefined || root.id === '0';
        });
      }),
      { numRuns: 300 },
    );
  });
});
