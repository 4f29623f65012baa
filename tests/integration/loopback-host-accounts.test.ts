import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_HEADER, GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import { startHost, type RunningHost } from '../host/host-server';
import { answerAuthorizePage } from '../servers/mastodon-contract/authorize-driver';
import {
  startContractServer,
  type ContractServer,
} from '../servers/mastodon-contract/contract-server';

/**
 * The loopback host has the same network side as the desktop app: the accounts bridge channels,
 * and the gateway on its own origin. This is how the app's e2e tests sign in and sync.
 */

let host: RunningHost;
let server: ContractServer;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'slowpost-host-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Slowpost</title>');
  host = await startHost({ rendererDir: dir, port: 0, vaultProtection: 'basic-text' });
  server = await startContractServer({ users: ['alice'] });
});

afterAll(async () => {
  expect(server.violations()).toEqual([]);
  await server.stop();
  await host.close();
});

async function bridge(channel: string, body: unknown) {
  const response = await fetch(`${host.origin}/__bridge/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.origin },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
}

describe('accounts through the loopback host', { timeout: 60_000 }, () => {
  it('says how the vault is protected', async () => {
    expect(await bridge('accounts:vaultStatus', {})).toMatchObject({
      ok: true,
      value: { protection: 'basic-text', message: expect.stringMatching(/keyring/) as unknown },
    });
  });

  it('signs in: the host records the authorize page it "opened", the page then syncs through the gateway', async () => {
    const begun = await bridge('accounts:beginSignIn', {
      network: 'mastodon',
      server: server.origin,
      accountId: null,
    });
    expect(begun.ok).toBe(true);
    const { attemptId, authorizeUrl } = begun.value as { attemptId: string; authorizeUrl: string };
    expect(host.openedLinks.at(-1)).toBe(authorizeUrl);
    const opened = (await (await fetch(`${host.origin}/__host/opened-links`)).json()) as string[];
    expect(opened.at(-1)).toBe(authorizeUrl);

    const finished = bridge('accounts:finishSignIn', { attemptId, code: null });
    const answer = await answerAuthorizePage(authorizeUrl, {
      decision: 'approve',
      username: 'alice',
      password: 'alice-password',
    });
    await fetch(answer.location ?? '');
    const signedIn = await finished;
    expect(signedIn).toMatchObject({
      ok: true,
      value: { handle: `@alice@${server.host}`, serverOrigin: server.origin },
    });
    const accountId = (signedIn.value as { id: string }).id;

    server.mention('alice', 'alice', 'a note to self');
    const page = await fetch(`${host.origin}/api/v1/notifications`, {
      headers: { [ACCOUNT_HEADER]: accountId },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-ratelimit-limit')).toBe('300');

    // The token stays in main: tests in this process can read it to look for leaks.
    const token = (await host.network.vault.credential(accountId))?.accessToken;
    expect(token).toEqual(expect.any(String));
    expect(JSON.stringify(signedIn)).not.toContain(token);

    expect(await bridge('accounts:forget', { accountId })).toEqual({
      ok: true,
      value: { forgotten: true },
    });
  });

  it('answers an unknown account itself, and refuses a request from another web page', async () => {
    const unknown = await fetch(`${host.origin}/api/v1/notifications`, {
      headers: { [ACCOUNT_HEADER]: 'm-0000000000000000' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get(GATEWAY_ANSWER_HEADER)).toBe('no-account');
    expect(await unknown.json()).toEqual({ error: 'Slowpost has no sign-in for this account' });

    const evil = await fetch(`${host.origin}/api/v1/statuses`, {
      method: 'POST',
      headers: { [ACCOUNT_HEADER]: 'm-0000000000000000', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(evil.status).toBe(403);

    // Without the header, the same path is the app's own (no such file here).
    expect((await fetch(`${host.origin}/api/v1/notifications`)).status).toBe(404);
  });
});
