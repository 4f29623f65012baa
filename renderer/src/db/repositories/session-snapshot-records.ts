import type { ActivityItem, Delivery, Person, Post, Thread } from '@shared/domain';
import type { Session } from '@shared/session';
import type { TalksWith } from './talks-with';

/**
 * What the open deliveries brought: fixed once they are made (their activity, the posts and
 * people it refers to, what they brought back). The deliveries themselves change during a
 * session and are always read live.
 */
export interface DeliveredRecords {
  /** What the open deliveries released, then what they brought back. */
  readonly activity: readonly ActivityItem[];
  /** The earlier deliveries that first brought what was brought back. */
  readonly earlier: readonly Delivery[];
  readonly posts: readonly Post[];
  /** The actors, the posts' authors and the people the user answered (not the user's accounts). */
  readonly people: readonly Person[];
  readonly threadIds: readonly string[];
  readonly threadsActiveSince: number | null;
}

export const SNAPSHOT_ID = 'open';
export const SNAPSHOT_DEPS_ID = 'deps';
export const SNAPSHOT_HEAD_ID = 'head';
export const SNAPSHOT_VIEW_ID = 'view';
export const SNAPSHOT_FIRST_ID = 'first';
/**
 * What the snapshot's records hold, as a number: a snapshot stored in another shape (by an older
 * Slowpost) is not read, and the next open makes a new one. 2: who the user talks with is kept in
 * it and guarded like the rest.
 */
export const SNAPSHOT_FORMAT = 2;

/** Every record of a session snapshot: a write it was made from removes them all. */
export const SNAPSHOT_ROW_IDS = [
  SNAPSHOT_HEAD_ID,
  SNAPSHOT_DEPS_ID,
  SNAPSHOT_ID,
  SNAPSHOT_VIEW_ID,
  SNAPSHOT_FIRST_ID,
] as const;

/** The session snapshot: what the open deliveries brought, and their threads as delivered. */
export interface SessionSnapshot {
  readonly id: typeof SNAPSHOT_ID;
  readonly version: string;
  /** The open deliveries it was made for, sorted: it serves only exactly these. */
  readonly deliveryIds: readonly string[];
  readonly delivered: DeliveredRecords;
  /** The delivery's threads when the snapshot was made; triage since is laid over them. */
  readonly threads: readonly Thread[];
  /**
   * Who the user talks with (their accounts, own posts, the posts they answered and those posts'
   * authors): read once here, where the guard keeps it true, rather than at every open.
   */
  readonly talks: TalksWith;
  /** `sessionBuildKey(talks)`, worked out once. */
  readonly buildKey: string;
}

/**
 * The ids a snapshot was made from. A write to any of these records removes the snapshot in the
 * same transaction (see session-snapshot-guard), so it never disagrees with the store.
 */
export interface SessionSnapshotDeps {
  readonly id: typeof SNAPSHOT_DEPS_ID;
  readonly version: string;
  readonly activity: readonly string[];
  readonly posts: readonly string[];
  readonly people: readonly string[];
  /** The earlier deliveries it names (those that first brought what was brought back). */
  readonly deliveries: readonly string[];
  /** The open deliveries: activity released into one of them later would be missing. */
  readonly open: readonly string[];
  /**
   * The user's own people ids, one per account: a new post by any of them, or an account that is
   * not one of them, changes who the user talks with.
   */
  readonly selves: readonly string[];
}

/** Small, read by the guard on every watched write: which deps are current. */
export interface SessionSnapshotHead {
  readonly id: typeof SNAPSHOT_HEAD_ID;
  readonly version: string;
  /** Absent in a snapshot an older Slowpost made (see SNAPSHOT_FORMAT). */
  readonly format?: number;
}

/**
 * The session as the first view shows it, made from the snapshot of the same version: what a
 * cold open reads while that snapshot stands (the guard removes both when who the user talks with
 * changes, as when they reply). Kept twice: whole
 * (`view`), and its first screen (`first`: the first conversations and screener entries, with
 * their quotes and threads), which a cold open shows before it reads the whole one.
 */
export interface SessionViewSnapshot {
  readonly id: typeof SNAPSHOT_VIEW_ID | typeof SNAPSHOT_FIRST_ID;
  readonly version: string;
  readonly deliveryIds: readonly string[];
  /** Built with the appreciation line (hiding it is the reader's choice). */
  readonly session: Session;
  /** Each conversation's row quote, by thread id. */
  readonly quotes: readonly (readonly [string, string])[];
  /** The threads of its conversations and screener entries, as the delivery left them. */
  readonly threads: readonly Thread[];
  /** What was brought back: since which earlier delivery each item has waited. */
  readonly broughtBack: readonly (readonly [string, Delivery])[];
  /** False when it holds only the session's first screen (the `first` record of a long one). */
  readonly complete?: boolean;
}

export type SessionSnapshotRow =
  SessionSnapshot | SessionSnapshotDeps | SessionSnapshotHead | SessionViewSnapshot;
