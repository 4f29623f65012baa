import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startHttpTestServer } from '../../../tests/support/http-test-server';
import { createManualClock, systemClock } from './clock';
import { startLoopbackRedirect } from './loopback-redirect';

const STATE = 'state-5b1f0c';

async function listener(timeoutMs?: number, clock = systemClock) {
  return startLoopbackRedirect({
    state: STATE,
    clock,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

/** What the browser sees at `url`: status and the page's visible text. */
async function visit(url: string): Promise<{ status: number; text: string; csp: string | null }> {
  const response = await fetch(url);
  const html = await response.text();
  const text = html
    .replace(/<style>[\s\S]*<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { status: response.status, text, csp: response.headers.get('content-security-policy') };
}

async function isListening(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

describe('the loopback redirect listener', () => {
  it('listens on 127.0.0.1 and takes the code that comes back with its state, once', async () => {
    const redirect = await listener();
    expect(redirect.redirectUri).toBe(`http://127.0.0.1:${redirect.port}/callback`);

    const wrong = await visit(`${redirect.redirectUri}?code=evil&state=guess`);
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/not the sign-in Slowpost is waiting for/);
    const noCode = await visit(`${redirect.redirectUri}?state=${STATE}`);
    expect(noCode.status).toBe(400);

    const right = await visit(`${redirect.redirectUri}?code=the-code&state=${STATE}`);
    expect(right.status).toBe(200);
    expect(right.text).toMatch(
      /You are signed in\. You can close this tab and go back to Slowpost\./,
    );
    expect(right.csp).toMatch(/default-src 'none'/);
    expect(await redirect.outcome).toMatchObject({ kind: 'code', code: 'the-code' });
    await expect.poll(() => isListening(redirect.redirectUri), { timeout: 10_000 }).toBe(false);
  });

  it('hears a no from the server page', async () => {
    const redirect = await listener();
    const page = await visit(`${redirect.redirectUri}?error=access_denied&state=${STATE}`);
    expect(page.text).toMatch(/Slowpost was not given access/);
    expect(await redirect.outcome).toEqual({ kind: 'denied' });
  });

  it('hears any other error the server sends back', async () => {
    const redirect = await listener();
    await visit(`${redirect.redirectUri}?error=invalid_scope&state=${STATE}`);
    expect(await redirect.outcome).toEqual({ kind: 'error', error: 'invalid_scope' });
  });

  it('answers nothing but GET /callback', async () => {
    const redirect = await listener();
    expect((await visit(`http://127.0.0.1:${redirect.port}/`)).status).toBe(404);
    const post = await fetch(`${redirect.redirectUri}?code=x&state=${STATE}`, { method: 'POST' });
    expect(post.status).toBe(404);
    redirect.close();
    expect(await redirect.outcome).toEqual({ kind: 'closed' });
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const redirect = await listener();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: redirect.port,
          path: `/callback?code=x&state=${STATE}`,
          headers: { host: `evil.example:${redirect.port}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    redirect.close();
    expect(await redirect.outcome).toEqual({ kind: 'closed' });
  });

  it('stops waiting when the time is up', async () => {
    const clock = createManualClock(0);
    const redirect = await listener(60_000, clock);
    clock.set(60_000);
    expect(await redirect.outcome).toEqual({ kind: 'timeout' });
    await expect.poll(() => isListening(redirect.redirectUri), { timeout: 10_000 }).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('says when its port is taken', async () => {
    const taken = await startHttpTestServer(() => undefined);
    const port = Number(new URL(taken.origin).port);
    await expect(
      startLoopbackRedirect({ state: STATE, port, clock: systemClock }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await taken.close();
  });
});
