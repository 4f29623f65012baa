import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from './clock';
import type { FetchLike } from './network-gateway';
import { textFile } from './text-file';

/**
 * People's pictures (avatars), fetched by main and kept on disk, so the page never loads an image
 * from a remote server (its CSP is `img-src 'self'`): the page asks main to store a person's
 * avatar URL, gets back a key, and shows `/avatars/<key>` from the app's own origin.
 *
 * Which URLs main fetches (the URLs come from network payloads, which any server can fill):
 * - `https:` to any host by name or public address — the networks put avatars on their own
 *   servers or on CDNs, always https in the wild;
 * - `http:` only to the origin of one of the user's own accounts' servers (a server on the
 *   user's machine or network, as in development and tests);
 * - never to `localhost`, loopback, private, link-local or other special addresses written as
 *   literals, nor URLs with a user name or password, unless that origin is an account's server.
 * Redirects are followed by hand (at most three), each hop checked the same way. No cookies or
 * credentials are sent. (A host name that resolves to a private address is not caught here.)
 *
 * An answer is stored only when it says it is an image (PNG, JPEG, GIF, WebP or AVIF — never SVG
 * or HTML), its first bytes are that format's, it is at most `maxBytes`, and it comes within
 * `timeoutMs`. Bytes are stored once under their SHA-256 (`<hash>.<ext>`); an index file maps
 * each URL to its key, so a URL is fetched once and a restart serves what is stored.
 */

export interface AvatarStoreOptions {
  /** A folder only for avatars (the app: `avatars` in its user data folder). */
  readonly dir: string;
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** Origins of the user's accounts' servers (http is allowed to these only). */
  readonly accountOrigins: () => Promise<readonly string[]>;
  readonly log?: (message: string) => void;
  /** Default 10 s. */
  readonly timeoutMs?: number;
  /** Default 2 MB. */
  readonly maxBytes?: number;
  /** How many fetches at once (default 4). */
  readonly concurrency?: number;
  /** How long a failed URL is not tried again (default 30 minutes). */
  readonly retryAfterMs?: number;
}

export interface AvatarAnswer {
  readonly url: string;
  /** `<sha256>.<ext>`, served at `/avatars/<key>`; null when not stored. */
  readonly key: string | null;
  /** Why it is not stored, in a sentence; null when it is. */
  readonly reason: string | null;
}

export interface AvatarStore {
  /** Makes sure each URL's picture is stored (fetching what is not); never throws. */
  store(urls: readonly string[]): Promise<AvatarAnswer[]>;
  /** Answers a request for `/avatars/<key>`: the stored bytes, or 404. */
  serve(pathname: string): Promise<Response>;
}

export const AVATAR_PATH_PREFIX = '/avatars/';

const FORMATS = {
  png: { type: 'image/png', magic: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]) },
  jpg: { type: 'image/jpeg', magic: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]) },
  gif: { type: 'image/gif', magic: (b: Uint8Array) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  webp: {
    type: 'image/webp',
    magic: (b: Uint8Array) => startsWith(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 12) === 'WEBP',
  },
  avif: { type: 'image/avif', magic: (b: Uint8Array) => ascii(b, 4, 8) === 'ftyp' },
} as const;
type Extension = keyof typeof FORMATS;

const KEY_PATTERN = /^[0-9a-f]{64}\.(png|jpg|gif|webp|avif)$/;
const MAX_URL_LENGTH = 2048;
const MAX_REDIRECTS = 3;

const IndexSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.string().regex(KEY_PATTERN)),
});

class Refused extends Error {}

export function createAvatarStore(options: AvatarStoreOptions): AvatarStore {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const retryAfterMs = options.retryAfterMs ?? 30 * 60_000;
  const indexFile = textFile(join(options.dir, 'index.json'));
  const inFlight = new Map<string, Promise<AvatarAnswer>>();
  const failures = new Map<string, { reason: string; at: number }>();
  const limit = createLimit(options.concurrency ?? 4);
  let index: Promise<Map<string, string>> | null = null;
  let writing: Promise<void> = Promise.resolve();

  function loadIndex(): Promise<Map<string, string>> {
    index ??= (async () => {
      try {
        const text = await indexFile.read();
        if (text === null) return new Map<string, string>();
        const parsed = IndexSchema.safeParse(JSON.parse(text));
        if (parsed.success) return new Map(Object.entries(parsed.data.entries));
        log('avatars: the index of stored avatars was not readable; starting a new one');
      } catch (error) {
        log(`avatars: the index of stored avatars was not readable (${String(error)})`);
      }
      return new Map<string, string>();
    })();
    return index;
  }

  function saveIndex(entries: Map<string, string>): Promise<void> {
    writing = writing
      .then(() =>
        indexFile.write(JSON.stringify({ version: 1, entries: Object.fromEntries(entries) })),
      )
      .catch((error: unknown) => log(`avatars: could not save the index (${String(error)})`));
    return writing;
  }

  async function storeOne(url: string): Promise<AvatarAnswer> {
    const entries = await loadIndex();
    const known = entries.get(url);
    if (known !== undefined) return { url, key: known, reason: null };
    const failed = failures.get(url);
    if (failed !== undefined && options.clock.now() - failed.at < retryAfterMs) {
      return { url, key: null, reason: failed.reason };
    }
    try {
      const { bytes, extension } = await limit(() => download(url));
      const key = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
      await mkdir(options.dir, { recursive: true });
      const file = join(options.dir, key);
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
      entries.set(url, key);
      failures.delete(url);
      await saveIndex(entries);
      return { url, key, reason: null };
    } catch (error) {
      const reason =
        error instanceof Refused
          ? error.message
          : `The picture could not be fetched (${describe(error)}).`;
      log(`avatars: not stored ${shortUrl(url)}: ${reason}`);
      failures.set(url, { reason, at: options.clock.now() });
      return { url, key: null, reason };
    }
  }

  async function download(first: string): Promise<{ bytes: Buffer; extension: Extension }> {
    const origins = await options.accountOrigins();
    let url = first;
    for (let hop = 0; ; hop += 1) {
      const refusal = urlRefusal(url, origins);
      if (refusal !== null) throw new Refused(refusal);
      const answer = await fetchWithin(url);
      if (answer.status >= 300 && answer.status < 400) {
        const location = answer.headers.get('location');
        await answer.body?.cancel();
        if (location === null || hop >= MAX_REDIRECTS) {
          throw new Refused(`The server redirected ${hop + 1} times or without saying where.`);
        }
        url = new URL(location, url).href;
        continue;
      }
      if (!answer.ok) {
        await answer.body?.cancel();
        throw new Refused(`The server answered ${answer.status}.`);
      }
      const type = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      const extension = extensionOf(type ?? '');
      if (extension === null) {
        await answer.body?.cancel();
        throw new Refused(
          `The answer was ${type === '' ? 'of no stated type' : type}, not a PNG, JPEG, GIF, WebP or AVIF image.`,
        );
      }
      const declared = Number(answer.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        await answer.body?.cancel();
        throw new Refused(`The picture is larger than ${maxBytes} bytes (${declared}).`);
      }
      const bytes = await readCapped(answer, maxBytes);
      if (!FORMATS[extension].magic(bytes)) {
        throw new Refused(`The answer said ${type} but its bytes are not that kind of image.`);
      }
      return { bytes, extension };
    }
  }

  async function fetchWithin(url: string): Promise<Response> {
    const controller = new AbortController();
    const cancel = options.clock.setTimer(
      () => controller.abort(new Refused(`The server took longer than ${timeoutMs} ms.`)),
      timeoutMs,
    );
    try {
      const answer = await options.fetch(url, {
        redirect: 'manual',
        credentials: 'omit',
        headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif' },
        signal: controller.signal,
      });
      // The body is read under the same deadline: a server that trickles is cut off too.
      return new Response(guardBody(answer.body, controller.signal, cancel), {
        status: answer.status,
        headers: answer.headers,
      });
    } catch (error) {
      cancel();
      if (controller.signal.aborted && controller.signal.reason instanceof Refused) {
        throw controller.signal.reason;
      }
      throw error;
    }
  }

  return {
    async store(urls) {
      const unique = [...new Set(urls)].slice(0, 100);
      return Promise.all(
        unique.map((url) => {
          let pending = inFlight.get(url);
          if (pending === undefined) {
            pending = storeOne(url).finally(() => inFlight.delete(url));
            inFlight.set(url, pending);
          }
          return pending;
        }),
      );
    },
    async serve(pathname) {
      const key = pathname.startsWith(AVATAR_PATH_PREFIX)
        ? pathname.slice(AVATAR_PATH_PREFIX.length)
        : '';
      if (!KEY_PATTERN.test(key)) return notFound();
      try {
        const bytes = await readFile(join(options.dir, key));
        const extension = key.slice(key.lastIndexOf('.') + 1) as Extension;
        return new Response(new Uint8Array(bytes), {
          headers: {
            'content-type': FORMATS[extension].type,
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'",
            // Content-addressed: the same key is always the same bytes.
            'cache-control': 'private, max-age=31536000, immutable',
          },
        });
      } catch {
        return notFound();
      }
    },
  };
}

/** Why main will not fetch this URL for a picture, or null when it may. */
export function urlRefusal(value: string, accountOrigins: readonly string[]): string | null {
  if (value.length > MAX_URL_LENGTH) return 'The address is too long.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The address is not a URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Only http and https addresses are fetched, not ${url.protocol}`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'Addresses with a user name or password are not fetched.';
  }
  if (accountOrigins.includes(url.origin)) return null;
  if (url.protocol === 'http:') {
    return `Pictures over plain http are fetched only from your accounts' servers, not ${url.host}.`;
  }
  if (isSpecialHost(url.hostname)) {
    return `Pictures are not fetched from local or private addresses (${url.hostname}).`;
  }
  return null;
}

function isSpecialHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4 !== null) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (host.includes(':')) {
    // IPv6: everything but global unicast (2000::/3) is special; mapped IPv4 included.
    return !/^[23][0-9a-f]{0,3}:/.test(host);
  }
  // A bare number is an IPv4 address in another spelling (URL normalises most to dotted form).
  return /^[0-9.]+$/.test(host) || /^0x/i.test(host);
}

function extensionOf(type: string): Extension | null {
  for (const [extension, format] of Object.entries(FORMATS)) {
    if (format.type === type) return extension as Extension;
  }
  return type === 'image/jpg' || type === 'image/pjpeg' ? 'jpg' : null;
}

function guardBody(
  body: ReadableStream<Uint8Array> | null,
  signal: AbortSignal,
  cancel: () => void,
): ReadableStream<Uint8Array> | null {
  if (body === null) {
    cancel();
    return null;
  }
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (signal.aborted) {
        cancel();
        await reader.cancel().catch(() => undefined);
        controller.error(signal.reason);
        return;
      }
      const aborted = new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
      );
      try {
        const { done, value } = await Promise.race([reader.read(), aborted]);
        if (done) {
          cancel();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        cancel();
        await reader.cancel().catch(() => undefined);
        controller.error(error);
      }
    },
    async cancel(reason) {
      cancel();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

async function readCapped(answer: Response, maxBytes: number): Promise<Buffer> {
  if (answer.body === null) return Buffer.alloc(0);
  const reader: ReadableStreamDefaultReader<Uint8Array> = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const result = await reader.read();
    if (result.done) break;
    const value: Uint8Array = result.value;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Refused(`The picture is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function createLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' },
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

/** The URL without its query (which may carry tokens), for logs. */
function shortUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}
