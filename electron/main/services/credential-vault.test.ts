import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestOnlyEncryptor } from '../../../tests/host/test-only-encryptor';
import { createManualClock } from './clock';
import {
  createCredentialVault,
  VaultUnreadableError,
  type RegisteredApp,
  type StoredCredential,
} from './credential-vault';
import type { Encryptor } from './encryptor';
import { privateFile, type KeptFile } from './text-file';
import { UserFacingError } from './user-facing-error';

const TOKEN = 'tok-Zq8vQ2-very-secret-access-token';
const SECRET = 'sec-Hh71-very-secret-client-secret';

const credential = (overrides: Partial<StoredCredential> = {}): StoredCredential => ({
  accountId: 'm-0123456789abcdef',
  network: 'mastodon',
  origin: 'https://example.social',
  networkUserId: '109',
  handle: '@alice@example.social',
  accessToken: TOKEN,
  refresh: null,
  scope: 'read write',
  clientId: 'client-1',
  clientSecret: SECRET,
  createdAt: 1_000,
  ...overrides,
});

const app: RegisteredApp = {
  origin: 'https://example.social',
  clientId: 'client-1',
  clientSecret: SECRET,
  redirectUris: ['http://127.0.0.1:4567/callback', 'urn:ietf:wg:oauth:2.0:oob'],
  scopes: 'read write',
  createdAt: 1_000,
};

let dir: string;
let path: string;
let logs: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slowpost-vault-'));
  path = join(dir, 'credentials.json');
  logs = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function vault(encryptor: Encryptor, file: KeptFile = privateFile(path)) {
  return createCredentialVault({
    file,
    encryptor,
    clock: createManualClock(1_700_000_000_000),
    log: (message) => logs.push(message),
  });
}

/** Runs `operation`, which must fail, and returns its error. */
async function failure(operation: () => Promise<unknown>): Promise<Error> {
  try {
    await operation();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the operation to fail');
}

function expectNoSecretIn(texts: readonly string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
  }
}

describe('the credential vault', () => {
  it('keeps credentials and apps encrypted in one private file, readable by the next start', async () => {
    const encryptor = createTestOnlyEncryptor();
    const first = vault(encryptor);
    await first.saveCredential(credential());
    await first.saveApp(app);

    const onDisk = await readFile(path, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain('example.social');
    expect(JSON.parse(onDisk)).toMatchObject({ format: 'slowpost-credentials', version: 1 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const next = vault(createTestOnlyEncryptor({ key: encryptor.key }));
    expect(await next.credential('m-0123456789abcdef')).toEqual(credential());
    expect(await next.app('https://example.social')).toEqual(app);
    expect(await next.app('https://other.social')).toBeNull();
    expect(await next.status()).toEqual({ protection: 'os-keyring', message: null });
  });

  it('starts empty when there is no file yet', async () => {
    const v = vault(createTestOnlyEncryptor());
    expect(await v.credentials()).toEqual([]);
    expect(await v.credential('m-0123456789abcdef')).toBeNull();
  });

  it('replaces a credential by account and an app by server, and forgets an account', async () => {
    const v = vault(createTestOnlyEncryptor());
    await v.saveCredential(credential());
    await v.saveCredential(credential({ accountId: 'm-1111111111111111', networkUserId: '110' }));
    await v.saveCredential(credential({ accessToken: 'tok-new' }));
    await v.saveApp(app);
    await v.saveApp({ ...app, clientId: 'client-2' });
    expect((await v.credentials()).map((c) => [c.accountId, c.accessToken])).toEqual([
      ['m-1111111111111111', TOKEN],
      ['m-0123456789abcdef', 'tok-new'],
    ]);
    expect((await v.app(app.origin))?.clientId).toBe('client-2');
    expect((await v.forget('m-0123456789abcdef'))?.accessToken).toBe('tok-new');
    expect(await v.forget('m-0123456789abcdef')).toBeNull();
    expect((await v.credentials()).map((c) => c.accountId)).toEqual(['m-1111111111111111']);
  });

  it('loses nothing when saves come at once', async () => {
    const encryptor = createTestOnlyEncryptor();
    const v = vault(encryptor);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        v.saveCredential(credential({ accountId: `m-${String(i).padStart(16, '0')}` })),
      ),
    );
    const reread = vault(createTestOnlyEncryptor({ key: encryptor.key }));
    expect(await reread.credentials()).toHaveLength(20);
  });

  it('reports a damaged file, keeps it, and moves it aside only when a sign-in must be saved', async () => {
    const damaged = `{"format":"slowpost-credentials","version":1,"encrypted":"${TOKEN}`;
    await writeFile(path, damaged);
    const v = vault(createTestOnlyEncryptor());
    const status = await v.status();
    expect(status.protection).toBe('os-keyring');
    expect(status.message).toMatch(/cannot read the sign-ins it saved: the file is damaged/);
    const error = await failure(() => v.credential('m-0123456789abcdef'));
    expect(error).toBeInstanceOf(VaultUnreadableError);
    expect(await readFile(path, 'utf8')).toBe(damaged);

    await v.saveCredential(credential({ accessToken: 'tok-fresh' }));
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith('credentials.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe(damaged);
    expect((await v.credential('m-0123456789abcdef'))?.accessToken).toBe('tok-fresh');
    expectNoSecretIn([...logs, error.message, status.message ?? '']);
  });

  it('reports a file encrypted with a key this computer no longer has, and reads it once the key is back', async () => {
    const original = createTestOnlyEncryptor();
    await vault(original).saveCredential(credential());
    const stranger = createTestOnlyEncryptor();
    let keyIsBack = false;
    const flaky: Encryptor = {
      protection: () => original.protection(),
      encrypt: (text) => original.encrypt(text),
      decrypt: (data) => (keyIsBack ? original.decrypt(data) : stranger.decrypt(data)),
    };
    const v = vault(flaky);
    expect((await v.status()).message).toMatch(/could not be decrypted/);
    expect(await failure(() => v.credentials())).toBeInstanceOf(VaultUnreadableError);
    keyIsBack = true;
    expect(await v.status()).toEqual({ protection: 'os-keyring', message: null });
    expect((await v.credential('m-0123456789abcdef'))?.accessToken).toBe(TOKEN);
    expectNoSecretIn(logs);
  });

  it('reports contents that are not what a vault holds, without quoting them', async () => {
    const encryptor = createTestOnlyEncryptor();
    for (const inside of [
      `not json ${TOKEN}`,
      JSON.stringify({ accounts: [{ accessToken: TOKEN }], apps: [] }),
    ]) {
      const encrypted = await encryptor.encrypt(inside);
      await writeFile(
        path,
        JSON.stringify({
          format: 'slowpost-credentials',
          version: 1,
          encrypted: Buffer.from(encrypted).toString('base64'),
        }),
      );
      const v = vault(encryptor);
      const status = await v.status();
      expect(status.message).toMatch(/its contents are damaged/);
      const error = await failure(() => v.credentials());
      expectNoSecretIn([...logs, error.message, status.message ?? '']);
    }
  });

  it('does not read a vault saved by a newer version', async () => {
    await writeFile(
      path,
      JSON.stringify({ format: 'slowpost-credentials', version: 9, encrypted: 'AAAA' }),
    );
    const v = vault(createTestOnlyEncryptor());
    expect((await v.status()).message).toMatch(/saved by a newer version of Slowpost/);
  });

  it('says when sign-ins are kept with a fixed key (Linux basic_text)', async () => {
    const v = vault(createTestOnlyEncryptor({ protection: 'basic-text' }));
    const status = await v.status();
    expect(status.protection).toBe('basic-text');
    expect(status.message).toMatch(/not protected|fixed key/);
    expect(status.message).toMatch(/keyring/);
  });

  it('refuses to save a sign-in where nothing can encrypt it, and writes nothing', async () => {
    const v = vault(createTestOnlyEncryptor({ protection: 'unavailable' }));
    const error = await failure(() => v.saveCredential(credential()));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toMatch(/no way to encrypt a sign-in/);
    expect(await readdir(dir)).toEqual([]);
    expect((await v.status()).protection).toBe('unavailable');
  });

  it('re-encrypts when the key has changed since the file was written', async () => {
    const encryptor = createTestOnlyEncryptor();
    await vault(encryptor).saveCredential(credential());
    const before = await readFile(path, 'utf8');
    const rotating: Encryptor = {
      protection: () => encryptor.protection(),
      encrypt: (text) => encryptor.encrypt(text),
      decrypt: async (data) => ({ ...(await encryptor.decrypt(data)), shouldReEncrypt: true }),
    };
    expect((await vault(rotating).credential('m-0123456789abcdef'))?.accessToken).toBe(TOKEN);
    expect(await readFile(path, 'utf8')).not.toBe(before);
  });

  it('explains a file that cannot be written, without a path or a secret', async () => {
    const broken: KeptFile = {
      read: async () => null,
      write: async () => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${dir}/${TOKEN}'`), {
          code: 'EACCES',
        });
      },
      setAside: async () => 'never',
    };
    const v = vault(createTestOnlyEncryptor(), broken);
    const error = await failure(() => v.saveCredential(credential()));
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.message).toMatch(/could not save the sign-in/);
    expect(logs.join('\n')).toContain('EACCES');
    expectNoSecretIn([...logs, error.message]);
    expect(logs.join('\n')).not.toContain(dir);
  });

  it('refuses to save a malformed record, naming fields and not values', async () => {
    const v = vault(createTestOnlyEncryptor());
    const error = await failure(() =>
      v.saveCredential({ ...credential(), origin: `https://example.social/${TOKEN}` }),
    );
    expect(error.message).toMatch(/malformed credential: origin/);
    expectNoSecretIn([error.message]);
  });
});
