/** Places a scripted thread of `conversations.ts` in time and adds its posts. */
import type { Visibility } from '../domain';
import { HOUR, MINUTE, type BuiltPost, type NetworkBuilder } from './builder';
import type { ScriptThread } from './conversations';
import { SELF_KEY } from './people';

export function placeThread(b: NetworkBuilder, thread: ScriptThread): void {
  const { rng } = b;
  const n = thread.posts.length;
  const times: number[] = new Array<number>(n).fill(0);
  const root = thread.at * HOUR + rng.int(-20, 20) * MINUTE;
  const onTime: number[] = [];
  const late: number[] = [];
  let previous = root;
  thread.posts.forEach((p, i) => {
    if (i === 0) {
      if (p.later) throw new Error(`demo script: root of "${thread.key}" cannot be later`);
      times[0] = root;
      onTime.push(0);
    } else if (p.later) {
      late.push(i);
    } else {
      previous += (p.gap ?? rng.int(8, 150)) * MINUTE;
      times[i] = previous;
      onTime.push(i);
    }
  });
  // A thread that starts before the anchor finishes before it (later posts aside).
  const limit = -10 * MINUTE;
  if (root < 0 && previous > limit) {
    if (root >= limit) throw new Error(`demo script: "${thread.key}" starts too late`);
    const scale = (limit - root) / (previous - root);
    let last = root;
    for (const i of onTime.slice(1)) {
      const scaled = Math.max(root + Math.round(((times[i] ?? 0) - root) * scale), last + MINUTE);
      times[i] = scaled;
      last = scaled;
    }
  }
  const lateTimes = late.map(() => rng.int(60, 68 * 60) * MINUTE).sort((x, y) => x - y);
  late.forEach((i, k) => {
    times[i] = Math.max(lateTimes[k] ?? 0, previous + MINUTE);
  });

  const built: BuiltPost[] = [];
  thread.posts.forEach((p, i) => {
    const t = times[i] ?? 0;
    if (p.by === SELF_KEY && t >= 0) {
      throw new Error(`demo script: the user's post ${thread.key}-${i} would be in the future`);
    }
    const parentIndex = i === 0 ? undefined : (p.to ?? i - 1);
    if (parentIndex !== undefined && parentIndex >= i) {
      throw new Error(`demo script: ${thread.key}-${i} answers a later post`);
    }
    const parent = parentIndex === undefined ? undefined : built[parentIndex];
    const visibility: Visibility =
      p.visibility ?? thread.visibility ?? (i > 0 && rng.chance(0.15) ? 'unlisted' : 'public');
    built.push(
      b.addPost({
        nid: `${thread.key}-${i}`,
        by: p.by,
        t,
        text: p.text,
        ...(parent === undefined ? {} : { parent }),
        visibility,
        cw: p.cw ?? thread.cw ?? null,
        lang: p.lang ?? thread.lang ?? 'en',
        ...(p.rawHtml === undefined ? {} : { rawHtml: p.rawHtml }),
      }),
    );
  });
}
