import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Post, Thread } from '../../../shared/domain';
import type { Session } from '../../../shared/session';
import { buildSession, createScreeningCache, historyFromPosts } from '../../../shared/session';
import { SessionSetting } from '../../../shared/settings/setting-definitions';
import type { SlowpostDb } from '../db/database';
import { loadSessionData } from '../db/repositories/session';
import { readSetting } from '../db/repositories/settings';
import type { SessionViewModel } from './session-view-model';
import { sessionViewModel } from './session-view-model';

// Screening a post's text is the costly part of building a session: each post is screened once.
const screeningCache = createScreeningCache();

export interface ReviewSession {
  readonly session: Session;
  readonly view: SessionViewModel;
  readonly threads: ReadonlyMap<string, Thread>;
  /** The delivered posts, by id (what each conversation's row quotes). */
  readonly posts: ReadonlyMap<string, Post>;
  /** When the session began: the first open delivery was opened (or made). */
  readonly startedAt: number;
  readonly budgetMinutes: number;
}

/** The review session of the open deliveries, live from the store. */
export function useReviewSession(db: SlowpostDb): ReviewSession | undefined {
  const data = useLiveQuery(() => loadSessionData(db), [db]);
  const settings = useLiveQuery(() => readSetting(db, SessionSetting), [db]);
  return useMemo(() => {
    if (data === undefined || settings === undefined || data.deliveries.length === 0)
      return undefined;
    const history = historyFromPosts(
      [...data.ownPosts, ...data.answeredPosts, ...data.posts],
      data.selfIds[0],
    );
    const session = buildSession({
      activity: data.activity,
      posts: data.posts,
      people: data.people,
      threads: data.threads,
      ...(data.selfIds[0] === undefined ? {} : { selfId: data.selfIds[0] }),
      history,
      hideDigest: settings.hideDigest,
      screeningCache,
    });
    const threads = new Map(data.threads.map((t) => [t.id, t]));
    const sessionStart = data.deliveries.reduce((min, d) => Math.min(min, d.deliveredAt), Infinity);
    const startedAt = data.deliveries.reduce(
      (min, d) => Math.min(min, d.openedAt ?? d.deliveredAt),
      Infinity,
    );
    return {
      session,
      view: sessionViewModel(session, threads, sessionStart, data.repliesWritten),
      threads,
      posts: new Map(data.posts.map((p) => [p.id, p])),
      startedAt,
      budgetMinutes: settings.budgetMinutes,
    };
  }, [data, settings]);
}
