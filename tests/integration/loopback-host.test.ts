import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../host/host-server';
import type { RunningHost } from '../host/host-server';

let host: RunningHost;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'slowpost-host-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Slowpost</title>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({ rendererDir: dir, port: 0 });
});

afterAll(async () => {
  await host.close();
});

async function bridge(channel: string, body: unknown, origin: string | null) {
  const response = await fetch(`${host.origin}/__bridge/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin === null ? {} : { origin }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await response.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string; issues: { path: string }[] };
  };
}

describe('the loopback dev/test host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
  });

  it('serves the renderer with the strict content security policy', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<title>Slowpost</title>');
    const script = await fetch(`${host.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('does not serve files outside the renderer build', async () => {
    const response = await fetch(`${host.origin}/..%2f..%2fpackage.json`);
    expect(response.status).toBe(404);
  });

  it('answers the app page through the real services', async () => {
    const result = await bridge('app:getInfo', {}, host.origin);
    expect(result).toMatchObject({ ok: true, value: { name: 'Slowpost', host: 'web-host' } });
  });

  it('refuses a request from another origin or with no origin', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', null]) {
      const result = await bridge('links:openExternal', { url: 'https://example.org' }, origin);
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('bad-sender');
    }
    expect(host.openedLinks).toEqual([]);
  });

  it('explains malformed input, field path included', async () => {
    const wrongType = await bridge('links:openExternal', { url: ['x'] }, host.origin);
    expect(wrongType.error?.code).toBe('bad-input');
    expect(wrongType.error?.issues.map((i) => i.path)).toEqual(['url']);
    const notJson = await bridge('links:openExternal', '{nope', host.origin);
    expect(notJson.error?.code).toBe('bad-input');
  });

  it('records the links the page asks to open, after checking them', async () => {
    await bridge('links:openExternal', { url: 'javascript:alert(1)' }, host.origin);
    const ok = await bridge(
      'links:openExternal',
      { url: 'https://example.org/post/1' },
      host.origin,
    );
    expect(ok).toEqual({ ok: true, value: { opened: true, reason: null } });
    expect(host.openedLinks).toEqual(['https://example.org/post/1']);
  });
});
