import { z } from 'zod';
import type { VaultStatus } from '@shared/ipc/contract';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { Clock } from './clock';
import { UNAVAILABLE_MESSAGE, type Encryptor } from './encryptor';
import type { KeptFile } from './text-file';
import { UserFacingError } from './user-facing-error';

/**
 * The credential vault: every account's token and every OAuth app Slowpost registered, in one
 * file, encrypted as a whole (the list of accounts is private too) through the injected
 * `Encryptor`, and written atomically. Nothing in it is ever logged or put in an error message.
 *
 * A file that cannot be read (damaged, or encrypted with a key this computer no longer has) is
 * reported — by `status()` and by every read — and left as it is; it is moved aside, never
 * overwritten, when a sign-in has to write a new one.
 */

const Origin = z
  .string()
  .url()
  .refine((value) => new URL(value).origin === value, { error: 'expected an origin' });

export const StoredCredentialSchema = z.object({
  accountId: z.string().min(1).max(200),
  network: z.enum(['mastodon', 'bluesky']),
  /** The one origin the gateway sends this account's requests to. */
  origin: Origin,
  /** The user's own id on the network (a Mastodon account id). */
  networkUserId: z.string().min(1),
  handle: z.string().min(1),
  accessToken: z.string().min(1),
  /** For networks whose tokens expire (Bluesky's session); null for Mastodon. */
  refresh: z
    .object({ token: z.string().min(1), expiresAt: z.number().int().nullable() })
    .nullable(),
  scope: z.string(),
  /** The OAuth app the token was issued to (kept to revoke it); null without OAuth. */
  clientId: z.string().min(1).nullable(),
  clientSecret: z.string().min(1).nullable(),
  createdAt: z.number().int().nonnegative(),
});
export type StoredCredential = z.infer<typeof StoredCredentialSchema>;

/** Slowpost's app on one server: registered once, reused for every sign-in there. */
export const RegisteredAppSchema = z.object({
  origin: Origin,
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** Exactly as registered: the loopback redirect (with its port) and the copy-and-paste one. */
  redirectUris: z.array(z.string().min(1)).min(1),
  scopes: z.string().min(1),
  createdAt: z.number().int().nonnegative(),
});
export type RegisteredApp = z.infer<typeof RegisteredAppSchema>;

/**
 * What `@atproto/oauth-client-node` keeps for Bluesky OAuth (added after version 1 of the file,
 * optional, so older files read as they are): its sign-ins in progress (`state`, by the OAuth state
 * key) and its sessions (`session`, by DID) — token sets and their DPoP private keys. Their shape
 * is the library's; it reads them back itself.
 */
const OAuthRecordsSchema = z.record(z.string().min(1), z.looseObject({}));
export type OAuthRecordKind = 'state' | 'session';

const VaultContentsSchema = z.object({
  accounts: z.array(StoredCredentialSchema),
  apps: z.array(RegisteredAppSchema),
  oauthStates: OAuthRecordsSchema.optional(),
  oauthSessions: OAuthRecordsSchema.optional(),
});
type VaultContents = z.infer<typeof VaultContentsSchema>;

const VAULT_FORMAT = 'slowpost-credentials';
const VAULT_VERSION = 1;

const VaultFileSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.number().int().positive(),
  /** Base64 of the encrypted JSON of the contents. */
  encrypted: z.string().min(1),
});

export interface CredentialVault {
  /** How sign-ins are protected here, and anything wrong with the saved ones. */
  status(): Promise<VaultStatus>;
  /** The account's credential; null when there is none. Throws when the vault cannot be read. */
  credential(accountId: string): Promise<StoredCredential | null>;
  credentials(): Promise<readonly StoredCredential[]>;
  /** Adds or replaces (by `accountId`) a credential. */
  saveCredential(credential: StoredCredential): Promise<void>;
  /** Deletes the account's credential; returns what was deleted. */
  forget(accountId: string): Promise<StoredCredential | null>;
  app(origin: string): Promise<RegisteredApp | null>;
  /** Adds or replaces (by origin) the app registered on a server. */
  saveApp(app: RegisteredApp): Promise<void>;
  /** Stops reusing the app registered on a server, if it is still the one with `clientId`. */
  forgetApp(origin: string, clientId: string): Promise<void>;
  /** One record of the OAuth library's stores; null when there is none. */
  oauthRecord(
    kind: OAuthRecordKind,
    key: string,
  ): Promise<Readonly<Record<string, unknown>> | null>;
  saveOAuthRecord(
    kind: OAuthRecordKind,
    key: string,
    value: Readonly<Record<string, unknown>>,
  ): Promise<void>;
  forgetOAuthRecord(kind: OAuthRecordKind, key: string): Promise<void>;
}

function recordsOf(contents: VaultContents, kind: OAuthRecordKind): Record<string, unknown> {
  return (kind === 'state' ? contents.oauthStates : contents.oauthSessions) ?? {};
}

function withRecords(
  contents: VaultContents,
  kind: OAuthRecordKind,
  records: Record<string, Record<string, unknown>>,
): VaultContents {
  return kind === 'state'
    ? { ...contents, oauthStates: records }
    : { ...contents, oauthSessions: records };
}

export interface VaultOptions {
  readonly file: KeptFile;
  readonly encryptor: Encryptor;
  readonly clock: Pick<Clock, 'now'>;
  readonly log?: (message: string) => void;
}

type State =
  | { readonly kind: 'unloaded' }
  | { readonly kind: 'ready'; readonly contents: VaultContents }
  | { readonly kind: 'unreadable'; readonly reason: string };

const EMPTY: VaultContents = { accounts: [], apps: [] };

export function createCredentialVault(options: VaultOptions): CredentialVault {
  const log = options.log ?? (() => undefined);
  let state: State = { kind: 'unloaded' };
  let queue: Promise<unknown> = Promise.resolve();

  /** One operation at a time, so a read never sees half of a write and writes never interleave. */
  function exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  }

  async function load(): Promise<State> {
    let text: string | null;
    try {
      text = await options.file.read();
    } catch (error) {
      return unreadable(`the file could not be opened (${errorCode(error)})`);
    }
    if (text === null) return { kind: 'ready', contents: EMPTY };
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      // JSON.parse's own message quotes the text: never pass it on.
      return unreadable('the file is damaged (it is not JSON)');
    }
    const file = parseUnknown(VaultFileSchema, envelope, 'vault file');
    if (!file.ok) return unreadable('the file is damaged (it is not a Slowpost vault)');
    if (file.value.version > VAULT_VERSION) {
      return unreadable('it was saved by a newer version of Slowpost');
    }
    let decrypted: { text: string; shouldReEncrypt: boolean };
    try {
      decrypted = await options.encryptor.decrypt(Buffer.from(file.value.encrypted, 'base64'));
    } catch {
      return unreadable(
        'it could not be decrypted: the key this computer keeps for Slowpost has changed or is not available',
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(decrypted.text);
    } catch {
      return unreadable('its contents are damaged');
    }
    const contents = parseUnknown(VaultContentsSchema, json, 'vault contents');
    // The issues name fields, never values; still, only their count leaves this function.
    if (!contents.ok) {
      return unreadable(`its contents are damaged (${contents.issues.length} fields are wrong)`);
    }
    const ready: State = { kind: 'ready', contents: contents.value };
    if (decrypted.shouldReEncrypt) {
      state = ready;
      await persist(contents.value).catch((error: unknown) =>
        log(`vault: could not re-encrypt with the new key (${errorCode(error)})`),
      );
    }
    return ready;
  }

  function unreadable(reason: string): State {
    log(`vault: saved sign-ins cannot be read: ${reason}`);
    return { kind: 'unreadable', reason };
  }

  async function loaded(): Promise<Exclude<State, { kind: 'unloaded' }>> {
    const current = state.kind === 'unloaded' ? await load() : state;
    if (current.kind === 'unloaded') throw new Error('vault: load() returned nothing');
    state = current;
    return current;
  }

  async function contents(): Promise<VaultContents> {
    const current = await loaded();
    if (current.kind === 'unreadable') throw new VaultUnreadableError(current.reason);
    return current.contents;
  }

  async function persist(next: VaultContents): Promise<void> {
    const encrypted = await options.encryptor.encrypt(JSON.stringify(next));
    const text = JSON.stringify({
      format: VAULT_FORMAT,
      version: VAULT_VERSION,
      encrypted: Buffer.from(encrypted).toString('base64'),
    });
    await options.file.write(`${text}\n`);
    state = { kind: 'ready', contents: next };
  }

  /** Changes the contents and writes them; an unreadable file is moved aside, never overwritten. */
  async function update(change: (current: VaultContents) => VaultContents): Promise<void> {
    const protection = await options.encryptor.protection();
    if (protection.protection === 'unavailable') {
      throw new UserFacingError(protection.message ?? UNAVAILABLE_MESSAGE);
    }
    const found = await loaded();
    let current: VaultContents;
    if (found.kind === 'unreadable') {
      const aside = await options.file.setAside(options.clock.now());
      log(`vault: the unreadable file was kept as ${aside}; starting a new one`);
      current = EMPTY;
    } else {
      current = found.contents;
    }
    try {
      await persist(change(current));
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      log(`vault: could not save sign-ins (${errorCode(error)})`);
      throw new UserFacingError(
        'Slowpost could not save the sign-in on this computer (the file could not be written or encrypted).',
      );
    }
  }

  return {
    status: () =>
      exclusive(async () => {
        // A key that was not available earlier (a keyring still locked) may be now: look again.
        if (state.kind === 'unreadable') state = { kind: 'unloaded' };
        const found = await loaded();
        const protection = await options.encryptor.protection();
        if (found.kind !== 'unreadable') return protection;
        const problem =
          `Slowpost cannot read the sign-ins it saved: ${found.reason}. The file is kept as it is; ` +
          'signing in again starts a new one and keeps the old one beside it.';
        return {
          protection: protection.protection,
          message: protection.message === null ? problem : `${problem} ${protection.message}`,
        };
      }),
    credential: (accountId) =>
      exclusive(
        async () => (await contents()).accounts.find((a) => a.accountId === accountId) ?? null,
      ),
    credentials: () => exclusive(async () => (await contents()).accounts),
    saveCredential: (credential) => {
      const checked = checkRecord(StoredCredentialSchema, credential, 'credential');
      return exclusive(() =>
        update((current) => ({
          ...current,
          accounts: [...current.accounts.filter((a) => a.accountId !== checked.accountId), checked],
        })),
      );
    },
    forget: (accountId) =>
      exclusive(async () => {
        const found = (await contents()).accounts.find((a) => a.accountId === accountId) ?? null;
        if (found === null) return null;
        await update((current) => ({
          ...current,
          accounts: current.accounts.filter((a) => a.accountId !== accountId),
        }));
        return found;
      }),
    app: (origin) =>
      exclusive(async () => (await contents()).apps.find((a) => a.origin === origin) ?? null),
    forgetApp: (origin, clientId) =>
      exclusive(async () => {
        const known = (await contents()).apps.some(
          (a) => a.origin === origin && a.clientId === clientId,
        );
        if (!known) return;
        await update((current) => ({
          ...current,
          apps: current.apps.filter((a) => a.origin !== origin || a.clientId !== clientId),
        }));
      }),
    oauthRecord: (kind, key) =>
      exclusive(async () => {
        const records = recordsOf(await contents(), kind);
        return Object.hasOwn(records, key)
          ? (records[key] as Readonly<Record<string, unknown>>)
          : null;
      }),
    saveOAuthRecord: (kind, key, value) => {
      const checked = checkRecord(z.looseObject({}), value, `OAuth ${kind}`);
      return exclusive(() =>
        update((current) =>
          withRecords(current, kind, {
            ...(recordsOf(current, kind) as Record<string, Record<string, unknown>>),
            [key]: checked,
          }),
        ),
      );
    },
    forgetOAuthRecord: (kind, key) =>
      exclusive(async () => {
        if (!Object.hasOwn(recordsOf(await contents(), kind), key)) return;
        await update((current) => {
          const records = {
            ...(recordsOf(current, kind) as Record<string, Record<string, unknown>>),
          };
          delete records[key];
          return withRecords(current, kind, records);
        });
      }),
    saveApp: (app) => {
      const checked = checkRecord(RegisteredAppSchema, app, 'registered app');
      return exclusive(() =>
        update((current) => ({
          ...current,
          apps: [...current.apps.filter((a) => a.origin !== checked.origin), checked],
        })),
      );
    },
  };
}

/** The vault file exists but cannot be read; the message says why, in words, with no secret. */
export class VaultUnreadableError extends UserFacingError {
  constructor(reason: string) {
    super(`Slowpost cannot read the sign-ins it saved: ${reason}.`);
    this.name = 'VaultUnreadableError';
  }
}

/** A record about to be saved must be whole; the error names fields, never values. */
function checkRecord<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = parseUnknown(schema, value, what);
  if (!parsed.ok) {
    throw new Error(
      `vault: refused to save a malformed ${what}: ${parsed.issues.map((i) => i.path).join(', ')}`,
    );
  }
  return parsed.value;
}

/** A file system error's code (ENOENT, EACCES…), never its message (which names paths). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
