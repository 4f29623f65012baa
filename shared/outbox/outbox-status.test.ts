import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../domain/outbox';
import { outboxStatus, type StatusContext } from './outbox-status';

const now = Date.UTC(2026, 10, 25, 14, 0);
const entry: OutboxEntry = {
  id: 'e1',
  idempotencyKey: 'key-0123456789abcdef',
  accountId: 'demo',
  threadId: 'demo|t1',
  inReplyToPostId: 'demo|p1',
  text: 'See you on Saturday!',
  visibility: 'public',
  contentWarning: null,
  language: 'en',
  state: 'waiting',
  createdAt: now,
  sendAfter: now + 30_000,
  attempts: 0,
  firstAttemptAt: null,
  outcomeUnknown: false,
  nextAttemptAt: now + 30_000,
  lastError: null,
  sentPostId: null,
  recordKey: null,
};
const online: StatusContext = { now, online: true, clockTime: () => '18:00' };

describe('outboxStatus', () => {
  it('counts down a cooling-off reply, which can still be taken back', () => {
    expect(outboxStatus(entry, online)).toEqual({
      label: 'Waiting',
      detail: 'Goes out in 30 seconds.',
      canTakeBack: true,
      canRetry: false,
      canEdit: false,
    });
  });

  it('gives the clock time for a reply waiting for the next delivery', () => {
    const later = { ...entry, sendAfter: now + 4 * 3600_000, nextAttemptAt: now + 4 * 3600_000 };
    expect(outboxStatus(later, online).detail).toBe('Goes out at 18:00.');
  });

  it('says it waits for the network while offline, once it is due', () => {
    const due = { ...entry, sendAfter: now, nextAttemptAt: now };
    expect(outboxStatus(due, { ...online, online: false }).detail).toBe(
      'Waiting for the network; it goes out once you are back online.',
    );
  });

  it('offline, a reply for a delivery less than a minute away says when it goes, not "waiting for the network"', () => {
    const soon = { ...entry, sendAfter: now + 45_000, nextAttemptAt: now + 45_000 };
    expect(outboxStatus(soon, { ...online, online: false }).detail).toBe(
      'Goes out in 45 seconds, once this computer is back online.',
    );
  });

  it('offline, a reply for the next delivery still says when it goes', () => {
    const later = { ...entry, sendAfter: now + 4 * 3600_000, nextAttemptAt: now + 4 * 3600_000 };
    expect(outboxStatus(later, { ...online, online: false }).detail).toBe(
      'Goes out at 18:00, once this computer is back online.',
    );
  });

  it('cannot be taken back once an attempt was made, and says why it retries', () => {
    const retrying = {
      ...entry,
      attempts: 1,
      lastError: 'The server had a problem (HTTP 503). Slowpost will try again later.',
      nextAttemptAt: now + 5_000,
    };
    const status = outboxStatus(retrying, online);
    expect(status.canTakeBack).toBe(false);
    expect(status.detail).toBe(
      'The server had a problem (HTTP 503). Slowpost will try again later. Next try in 30 seconds.',
    );
  });

  it('offers retry and editing for a reply that needs attention, with the reason', () => {
    const refused = {
      ...entry,
      state: 'needs-attention' as const,
      attempts: 1,
      lastError: 'Deleted.',
    };
    expect(outboxStatus(refused, online)).toMatchObject({
      label: 'Needs attention',
      detail: 'Deleted.',
      canRetry: true,
      canEdit: true,
      canTakeBack: false,
    });
    expect(outboxStatus({ ...entry, state: 'sent' }, online).label).toBe('Sent');
    expect(outboxStatus({ ...entry, state: 'sending' }, online).label).toBe('Sending');
  });
});
