import 'fake-indexeddb/auto';
import type { Post } from '@shared/domain';
import { defaultScheduleSettings } from '@shared/schedule';
import { createManualClock } from '../../electron/main/services/clock';
import { createDeliveryService } from '../../electron/main/services/delivery-service';
import { SlowpostDatabase } from '../../renderer/src/db/database';
import { makeDelivery } from '../../renderer/src/db/repositories/deliveries';
import { ingestBatch } from '../../renderer/src/db/repositories/ingest';
import { ACCOUNT, batch, mention, person, post } from '../fixtures/records';
import { mulberry32 } from '@shared/demo/prng';

/** Anything that would count as a number pulling the user back between deliveries. */
const COUNT_PATTERN =
  /\b\d+\s*(new|unread|conversations?|messages?|notifications?|items?)\b|\(\d+\)/i;

export interface CalmResult {
  readonly incomingItems: number;
  readonly deliveries: number;
  readonly notifications: number;
  readonly countsShownBetweenDeliveries: number;
  readonly interruptions: number;
}

/**
 * One simulated day with the default schedule (09:00, 13:00, 18:00) and `items` mentions arriving
 * at random times: the real main-process delivery clock and notifier on a manual clock, the real
 * store code (Dexie over fake-indexeddb), background sync every 10 minutes. Interruptions are the
 * OS notifications requested plus any count the shell was asked to show between deliveries.
 */
export async function measureCalm(items = 200, seed = 7): Promise<CalmResult> {
  const zone = 'Europe/London';
  const dayStart = Date.UTC(2026, 10, 25, 0, 0);
  const random = mulberry32(seed);
  const db = new SlowpostDatabase(`bench-calm-${seed}-${items}`);
  await db.delete();
  await db.open();
  await db.accounts.add(ACCOUNT);
  const people = Array.from({ length: 30 }, (_v, i) => person(`p${i}`, `Person ${i}`));
  await ingestBatch(
    db,
    ACCOUNT.id,
    batch({ people: [person('me', 'Me', true), ...people] }),
    dayStart,
  );

  const incoming = Array.from({ length: items }, (_v, i) => {
    const createdAt = dayStart + Math.floor(random() * 86_400_000);
    const author = `p${Math.floor(random() * 30)}`;
    return {
      post: post(`m${i}`, author, createdAt, null),
      item: mention(`m${i}`, author, `m${i}`, `m${i}`, createdAt),
    };
  }).sort((a, b) => a.post.createdAt - b.post.createdAt);

  const clock = createManualClock(dayStart);
  let notifications = 0;
  let countsShown = 0;
  const due: number[] = [];
  const service = createDeliveryService({
    clock,
    emit: (event, payload) => {
      if (event === 'deliveries:due') due.push((payload as { slot: number }).slot);
    },
    showNotification: () => {
      notifications += 1;
    },
    setShellStatus: (text) => {
      if (COUNT_PATTERN.test(text)) countsShown += 1;
    },
  });
  service.configure({
    schedule: defaultScheduleSettings(),
    timeZone: zone,
    lastDeliveredSlot: null,
    notifyWhenEmpty: false,
  });

  let next = 0;
  let deliveries = 0;
  for (let minute = 1; minute <= 24 * 60; minute += 1) {
    const now = dayStart + minute * 60_000;
    if (minute % 10 === 0) {
      const arrived: { post: Post; item: ReturnType<typeof mention> }[] = [];
      while (next < incoming.length && (incoming[next]?.post.createdAt ?? Infinity) <= now)
        arrived.push(incoming[next++]!);
      if (arrived.length > 0) {
        await ingestBatch(
          db,
          ACCOUNT.id,
          batch({ posts: arrived.map((a) => a.post), activity: arrived.map((a) => a.item) }),
          now,
        );
      }
    }
    clock.set(now);
    while (due.length > 0) {
      const slot = due.shift()!;
      const delivery = await makeDelivery(db, { kind: 'scheduled', slot, now });
      deliveries += 1;
      service.delivered({
        deliveryId: delivery.id,
        kind: delivery.kind,
        slot,
        conversationCount: delivery.conversationCount,
      });
    }
  }
  service.stop();
  db.close();
  await db.delete();
  return {
    incomingItems: items,
    deliveries,
    notifications,
    countsShownBetweenDeliveries: countsShown,
    interruptions: notifications + countsShown,
  };
}
