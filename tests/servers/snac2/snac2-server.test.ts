import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken, snac2Unavailable, startSnac2, type Snac2Server } from './snac2-server';

const unavailable = snac2Unavailable();
if (unavailable !== null) console.warn(`snac2 harness tests SKIPPED: ${unavailable}`);

describe.skipIf(unavailable !== null)('the snac2 test server', () => {
  let server: Snac2Server;
  beforeAll(async () => {
    server = await startSnac2({ users: ['alice', 'bob'] });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('runs on loopback with its users, and hands out tokens through its own login', async () => {
    expect(new URL(server.origin).hostname).toBe('localhost');
    const token = await accessToken(server, 'alice');
    const me = await fetch(`${server.origin}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await me.json()) as { username: string }).username).toBe('alice');
  });
});
