import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createTestOnlyEncryptor } from '../../../tests/host/test-only-encryptor';
import { createDispatcher } from './bridge-dispatcher';
import { createDesktopHabits, recordingLoginItems } from '../services/desktop-habits';
import { createBridgeHandlers } from './bridge-handlers';
import { createExternalLinks } from '../services/external-links';
import { isTrustedAppUrl } from '../security/trusted-url';
import { createManualClock } from '../services/clock';
import { createDeliveryService } from '../services/delivery-service';
import { createNetworkServices } from '../services/network-services';
import { createQuitGuard } from '../services/quit-guard';
import { privateFile } from '../services/text-file';

function deliveries() {
  return createDeliveryService({
    clock: createManualClock(Date.UTC(2026, 10, 25, 8)),
    emit: () => undefined,
    showNotification: () => undefined,
    setShellStatus: () => undefined,
  });
}

function quitGuard() {
  return createQuitGuard({
    clock: createManualClock(Date.UTC(2026, 10, 25, 8)),
    askPage: () => true,
    quit: () => undefined,
    log: () => undefined,
  });
}

function network(links = createExternalLinks(() => Promise.resolve())) {
  return createNetworkServices({
    vaultFile: privateFile(join(mkdtempSync(join(tmpdir(), 'slowpost-bridge-')), 'vault.json')),
    encryptor: createTestOnlyEncryptor({ protection: 'basic-text' }),
    fetch: (input, init) => fetch(input, init),
    clock: createManualClock(Date.UTC(2026, 10, 25, 8)),
    links,
  });
}

function setup(guard = quitGuard()) {
  const opened: string[] = [];
  const log = vi.fn();
  const links = createExternalLinks(async (url) => {
    opened.push(url);
  });
  const { signIn, bluesky, blueskyOAuth, forget, vault } = network(links);
  const dispatch = createDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'Slowpost', version: '1.2.3', platform: 'linux', host: 'electron' },
      links,
      deliveries: deliveries(),
      quitGuard: guard,
      signIn,
      bluesky,
      blueskyOAuth,
      forget,
      vault,
      desktopHabits: createDesktopHabits({
        file: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
        loginItems: recordingLoginItems(false),
      }),
      avatars: { store: () => Promise.resolve([]) },
    }),
    isTrustedSender: (url) => isTrustedAppUrl(url, ['app://slowpost']),
    log,
  });
  return { dispatch, opened, log };
}

describe('the bridge dispatcher', () => {
  it('answers the desktop habits, and refuses habits of the wrong shape', async () => {
    const { dispatch } = setup();
    expect(await dispatch('app://slowpost/', 'desktop:habits', {})).toEqual({
      ok: true,
      value: {
        habits: { openAtLogin: false, startInTray: false },
        openAtLoginSupported: false,
        problem: null,
      },
    });
    const bad = await dispatch('app://slowpost/', 'desktop:setHabits', { openAtLogin: 'yes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const saved = await dispatch('app://slowpost/', 'desktop:setHabits', {
      openAtLogin: false,
      startInTray: true,
    });
    expect(saved).toMatchObject({ ok: true, value: { habits: { startInTray: true } } });
  });

  it('answers the app page with the service value', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app://slowpost/index.html', 'app:getInfo', {});
    expect(result).toEqual({
      ok: true,
      value: { name: 'Slowpost', version: '1.2.3', platform: 'linux', host: 'electron' },
    });
  });

  it.each([
    ['a remote page', 'https://slowpost.example/index.html'],
    ['a look-alike host', 'app://slowpost.evil/index.html'],
    ['a file URL', 'file:///home/user/index.html'],
    ['no sender frame', undefined],
    ['garbage', 'not a url'],
  ])('refuses %s as sender, without calling the service', async (_label, sender) => {
    const { dispatch, opened, log } = setup();
    const result = await dispatch(sender, 'links:openExternal', { url: 'https://example.org' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-sender');
      expect(result.error.message).toMatch(/did not come from the Slowpost window/);
    }
    expect(opened).toEqual([]);
    expect(log).toHaveBeenCalled();
  });

  it('explains malformed input with the failing field path', async () => {
    const { dispatch, opened } = setup();
    const result = await dispatch('app://slowpost/', 'links:openExternal', { url: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-input');
    expect(result.error.issues.map((i) => i.path)).toEqual(['url']);
    expect(result.error.message).toMatch(/^Invalid links:openExternal request: url: /);
    expect(opened).toEqual([]);
  });

  it('refuses unknown extra fields and missing input', async () => {
    const { dispatch } = setup();
    const extra = await dispatch('app://slowpost/', 'app:getInfo', { sneaky: true });
    expect(extra.ok).toBe(false);
    const missing = await dispatch('app://slowpost/', 'links:openExternal', undefined);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.issues[0]?.path).toBe('(root)');
  });

  it('refuses a channel that is not in the contract', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app://slowpost/', 'fs:readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const proto = await dispatch('app://slowpost/', '__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('turns a failing service into a readable error instead of a crash', async () => {
    const dispatch = createDispatcher({
      handlers: {
        ...createBridgeHandlers({
          appInfo: { name: 'Slowpost', version: '1', platform: 'linux', host: 'electron' },
          links: createExternalLinks(() => Promise.resolve()),
          deliveries: deliveries(),
          quitGuard: quitGuard(),
          ...network(),
          desktopHabits: createDesktopHabits({
            file: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
            loginItems: recordingLoginItems(),
          }),
          avatars: { store: () => Promise.resolve([]) },
        }),
        'app:getInfo': () => {
          throw new Error('disk on fire');
        },
      },
      isTrustedSender: () => true,
    });
    const result = await dispatch('app://slowpost/', 'app:getInfo', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'app:getInfo failed: disk on fire' },
    });
  });

  it('explains a schedule that is not a schedule, field by field', async () => {
    const { dispatch } = setup();
    const result = await dispatch('app://slowpost/', 'deliveries:configure', {
      schedule: { deliveries: { '1': ['25:00'] }, focusWindows: [] },
      timeZone: 'Mars/Olympus_Mons',
      lastDeliveredSlot: null,
      notifyWhenEmpty: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.error.issues.map((i) => i.path);
    expect(paths).toContain('schedule.deliveries.1[0]');
    expect(paths).toContain('schedule.deliveries.2');
    expect(paths).toContain('timeZone');
  });

  it('opens only http(s) links through the links service', async () => {
    const { dispatch, opened } = setup();
    const js = await dispatch('app://slowpost/', 'links:openExternal', {
      url: 'javascript:alert(1)',
    });
    expect(js).toEqual({
      ok: true,
      value: { opened: false, reason: 'Links starting with "javascript:" are not opened.' },
    });
    const ok = await dispatch('app://slowpost/', 'links:openExternal', {
      url: 'https://example.org/a?b=c',
    });
    expect(ok).toEqual({ ok: true, value: { opened: true, reason: null } });
    expect(opened).toEqual(['https://example.org/a?b=c']);
  });

  it('hands the page\'s "drafts stored" answer to the quit guard, and refuses a malformed one', async () => {
    const guard = quitGuard();
    const { dispatch } = setup(guard);
    expect(guard.beforeQuit()).toBe('wait');
    const malformed = await dispatch('app://slowpost/', 'app:flushed', {
      requestId: 'quit-1',
      unstored: -1,
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const answer = await dispatch('app://slowpost/', 'app:flushed', {
      requestId: 'quit-1',
      unstored: 0,
    });
    expect(answer).toEqual({ ok: true, value: { quitting: true } });
    expect(guard.beforeQuit()).toBe('go');
  });

  it('answers the accounts channels, with sentences a user can act on', async () => {
    const { dispatch, opened } = setup();
    const typo = await dispatch('app://slowpost/', 'accounts:beginSignIn', {
      network: 'mastodon',
      server: 'http://example.social',
      accountId: null,
    });
    expect(typo).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(
          /^Slowpost connects to example\.social only over https/,
        ) as unknown,
      },
    });
    expect(opened).toEqual([]);
    // Bluesky's sign-in in the browser reads what was typed before asking any server.
    const bluesky = await dispatch('app://slowpost/', 'accounts:beginSignIn', {
      network: 'bluesky',
      server: 'not a handle',
      accountId: null,
    });
    expect(bluesky).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/^Type your handle/) as unknown },
    });
    const appPassword = await dispatch('app://slowpost/', 'accounts:signInWithAppPassword', {
      network: 'bluesky',
      identifier: 'alice@',
      appPassword: 'abcd-efgh-ijkl-mnop',
      server: null,
      accountId: null,
    });
    expect(appPassword).toMatchObject({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(/neither a handle nor an email/) as unknown,
      },
    });
    expect(await dispatch('app://slowpost/', 'accounts:vaultStatus', {})).toMatchObject({
      ok: true,
      value: { protection: 'basic-text', message: expect.stringMatching(/keyring/) as unknown },
    });
    expect(
      await dispatch('app://slowpost/', 'accounts:forget', { accountId: 'm-0000000000000000' }),
    ).toEqual({
      ok: true,
      value: { forgotten: false },
    });
    expect(
      await dispatch('app://slowpost/', 'accounts:cancelSignIn', { attemptId: 'a-1' }),
    ).toEqual({
      ok: true,
      value: {},
    });
    const ended = await dispatch('app://slowpost/', 'accounts:finishSignIn', {
      attemptId: 'a-1',
      code: null,
    });
    expect(ended).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/This sign-in has ended/) as unknown },
    });
  });
});
