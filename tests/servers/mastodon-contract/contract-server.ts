/**
 * A stateful Mastodon server for the tests, on 127.0.0.1, for what snac2 (the real server in
 * tests/servers/snac2/) lacks: grouped notifications, `Link` paging, `Idempotency-Key`, rate
 * limits, PKCE and the OAuth metadata, and faults on demand. Every request it receives and every
 * response it sends is checked against the Mastodon OpenAPI description; `violations()` lists
 * what did not fit. Tests drive it through the plain functions returned by `startContractServer`
 * (no test-only HTTP endpoints), so a client sees nothing a real server would not show.
 *
 * Test infrastructure only: nothing in the app imports it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './account-routes';
import {
  createContractClock,
  type ContractClock,
  type ContractClockOptions,
} from './contract-clock';
import {
  ContractState,
  type ContractAccount,
  type ContractNotification,
  type ContractStatus,
  type PostInput,
} from './contract-state';
import {
  createFaultInjector,
  malformNotifications,
  PROXY_ERROR_PAGE,
  type ContractFault,
  type FaultMatch,
} from './fault-injector';
import { instanceRoutes } from './instance-routes';
import { createEntities, type ContractPictures } from './mastodon-entities';
import { markerRoutes } from './marker-routes';
import { notificationRoutes } from './notification-routes';
import { oauthRoutes, scopesCover, splitScopes } from './oauth-routes';
import { mastodonContract, type ContractViolation, type RequestToCheck } from './openapi-validator';
import { railsParams, type RailsParams } from './rails-params';
import { createRateLimiter, MASTODON_RATE_BUDGET, type RateBudget } from './rate-limiter';
import type { ContractSettings, Reply, RouteContext, RouteRequest, Routes } from './route-types';
import { statusRoutes } from './status-routes';

export type { ContractFault, FaultMatch, NotificationDefect } from './fault-injector';
export type { ContractViolation } from './openapi-validator';
export type { RateBudget } from './rate-limiter';
export type {
  ContractAccount,
  ContractNotification,
  ContractState,
  ContractStatus,
  PostInput,
  Visibility,
} from './contract-state';

export interface ContractUserInput {
  readonly username: string;
  /** Default: `<username>-password`. */
  readonly password?: string;
  readonly displayName?: string;
  /** Locked accounts get follow requests. */
  readonly locked?: boolean;
}

export interface ContractServerOptions {
  /** People to create at the start (a name, or the details). */
  readonly users?: readonly (string | ContractUserInput)[];
  /** Default true. False: a server before Mastodon 4.3: no OAuth metadata (404), PKCE parameters ignored. */
  readonly pkce?: boolean;
  /** Default true. False: `/api/v2/notifications` answers 404, as before Mastodon 4.3. */
  readonly groupedNotifications?: boolean;
  /** `configuration.statuses.max_characters` (default 500). */
  readonly maxCharacters?: number;
  /** `configuration.statuses.characters_reserved_per_url` (default 23). */
  readonly charactersReservedPerUrl?: number;
  /** Default: Mastodon's 300 requests per 300 seconds. */
  readonly rateLimit?: Partial<RateBudget>;
  readonly clock?: ContractClockOptions;
  /** The version the instance endpoints report (default 4.5.0, or 4.2.0 without grouped notifications). */
  readonly version?: string;
  /** People's avatar URLs and posts' media (default: Mastodon's `missing.png`, no media). */
  readonly pictures?: ContractPictures;
  /** Files the server also serves (GET, exact path), as Mastodon serves uploaded pictures. */
  readonly files?: Readonly<Record<string, { readonly type: string; readonly body: Buffer }>>;
}

/** A contract violation, marked when a fault the test asked for caused it. */
export interface RecordedViolation extends ContractViolation {
  readonly injected: boolean;
}

export interface ContractServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `127.0.0.1:<port>`: the domain in `@user@<host>` mentions. */
  readonly host: string;
  /** Everything the server knows; read it, change it through the functions below. */
  readonly state: ContractState;
  readonly clock: ContractClock;

  /** What did not fit the contract; without `includeInjected`, only what no fault caused. */
  violations(options?: { includeInjected?: boolean }): RecordedViolation[];
  /** Requests received per operation (`GET /api/v1/notifications`), including refused ones. */
  requestCounts(): Record<string, number>;
  requestTotal(): number;

  createUser(input: string | ContractUserInput): ContractAccount;
  /** A token for a user without the browser (an app "Contract tests" is registered once). */
  tokenFor(username: string, scopes?: string): string;
  post(username: string, input: PostInput): ContractStatus;
  /** `from` posts `@to <text>` (a `mention` notification for `to`). */
  mention(
    from: string,
    to: string,
    text?: string,
    options?: Omit<PostInput, 'text'>,
  ): ContractStatus;
  /** `from` replies to a status, mentioning its author first as Mastodon's apps do. */
  reply(
    from: string,
    statusId: string,
    text: string,
    options?: Omit<PostInput, 'text' | 'inReplyToId'>,
  ): ContractStatus;
  favourite(username: string, statusId: string): void;
  boost(username: string, statusId: string): ContractStatus;
  /** `follow` (or `follow_request` when `target` is locked); `notify`: their posts make `status` notifications. */
  follow(username: string, target: string, options?: { notify?: boolean }): void;
  acceptFollowRequest(follower: string, target: string): void;
  /** Edits a post; those who boosted it get `update`. */
  edit(statusId: string, text: string): void;
  vote(username: string, statusId: string, choices: readonly number[]): void;
  /** Closes a poll now; its author and voters get `poll`. */
  endPoll(statusId: string): void;
  /** Any notification, of any type (an unknown one too, as a newer server would send). */
  notify(input: {
    to: string;
    from: string;
    type: string;
    statusId?: string;
  }): ContractNotification;
  deleteStatus(statusId: string): void;
  revokeToken(token: string): void;
  /** A new budget (limit, period); every count starts afresh. */
  setRateLimit(budget: Partial<RateBudget>): void;
  rateBudget(): RateBudget;
  /** The next `times` (default 1) requests matching `match` get `fault`. */
  injectFault(match: FaultMatch, fault: ContractFault, times?: number): void;
  stop(): Promise<void>;
}

const ROUTES: Routes = {
  ...oauthRoutes,
  ...instanceRoutes,
  ...accountRoutes,
  ...statusRoutes,
  ...notificationRoutes,
  ...markerRoutes,
};

const TEST_APP = 'Contract tests';
const MAX_BODY_BYTES = 1_000_000;

interface ParsedBody {
  readonly check: RequestToCheck['body'];
  readonly fields: Record<string, unknown>;
  readonly problem: string | null;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<ParsedBody> {
  if (raw.length === 0) return { check: { kind: 'none' }, fields: {}, problem: null };
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    try {
      const value: unknown = JSON.parse(raw.toString('utf8'));
      const fields =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)
          : {};
      return { check: { kind: 'json', value }, fields, problem: null };
    } catch {
      return { check: { kind: 'none' }, fields: {}, problem: 'the JSON body does not parse' };
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields = railsParams(new URLSearchParams(raw.toString('utf8')));
    return { check: { kind: 'form', value: fields }, fields, problem: null };
  }
  if (type === 'multipart/form-data') {
    const form = await new Request('http://contract.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(raw),
    }).formData();
    const entries: [string, string][] = [];
    form.forEach((value, key) => {
      if (typeof value === 'string') entries.push([key, value]);
    });
    const fields = railsParams(entries);
    return { check: { kind: 'form', value: fields }, fields, problem: null };
  }
  return { check: { kind: 'none' }, fields: {}, problem: `a body of type "${type}" is not read` };
}

export async function startContractServer(
  options: ContractServerOptions = {},
): Promise<ContractServer> {
  const contract = mastodonContract();
  const clock = createContractClock(options.clock);
  const rateLimiter = createRateLimiter(clock, { ...MASTODON_RATE_BUDGET, ...options.rateLimit });
  const faults = createFaultInjector();
  const recorded: RecordedViolation[] = [];
  const counts = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const grouped = options.groupedNotifications ?? true;
  const settings: ContractSettings = {
    pkce: options.pkce ?? true,
    groupedNotifications: grouped,
    maxCharacters: options.maxCharacters ?? 500,
    charactersReservedPerUrl: options.charactersReservedPerUrl ?? 23,
    version: options.version ?? (grouped ? '4.5.0' : '4.2.0'),
  };

  // The port is known once listening; the state and routes need the origin, so they come after.
  let context: RouteContext | null = null;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      }
      response.end(
        JSON.stringify({
          error: `contract server failure: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
      recorded.push({
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        operation: null,
        where: 'response',
        status: 500,
        message: `the contract server itself failed: ${error instanceof Error ? error.stack : String(error)}`,
        injected: false,
      });
    });
  });

  function send(
    response: ServerResponse,
    method: string,
    path: string,
    reply: Reply,
    baseHeaders: Record<string, string>,
    injected: boolean,
  ): void {
    const headers: Record<string, string> = { ...baseHeaders, ...reply.headers };
    let body = '';
    if (reply.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(reply.json);
    } else if (reply.html !== undefined) {
      if (reply.html !== '' || reply.status !== 302)
        headers['content-type'] = 'text/html; charset=utf-8';
      body = reply.html;
    }
    const unknownTypeOnPurpose = context?.state.hasUnlistedNotificationType ?? false;
    for (const violation of contract.checkResponse({
      method,
      path,
      status: reply.status,
      headers,
      body,
    })) {
      const deliberate =
        unknownTypeOnPurpose &&
        /\/type must be equal to one of the allowed values/.test(violation.message);
      recorded.push({ ...violation, injected: injected || deliberate });
    }
    response.writeHead(reply.status, headers);
    response.end(body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (context === null) throw new Error('not listening yet');
    const { state } = context;
    const method = (request.method ?? 'GET').toUpperCase();
    const url = new URL(request.url ?? '/', context.origin);
    const path = url.pathname;
    const raw = await readBody(request);
    const matched = contract.findOperation(method, path);
    const operationKey = `${method} ${matched?.template ?? path}`;
    counts.set(operationKey, (counts.get(operationKey) ?? 0) + 1);
    const file = method === 'GET' ? options.files?.[path] : undefined;
    if (file !== undefined) {
      response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
      response.end(file.body);
      return;
    }

    const query: RailsParams = railsParams(url.searchParams);
    const body = await parseBody(raw, request.headers['content-type'] ?? '');
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
    let checkedBody = body.check;
    if (
      basic?.[1] !== undefined &&
      checkedBody.kind !== 'none' &&
      typeof checkedBody.value === 'object'
    ) {
      const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      checkedBody = {
        ...checkedBody,
        value: { client_id: id, client_secret: secret, ...(checkedBody.value as object) },
      };
    }
    for (const violation of contract.checkRequest({ method, path, query, body: checkedBody })) {
      recorded.push({ ...violation, injected: false });
    }
    if (body.problem !== null) {
      recorded.push({
        method,
        path,
        operation: matched?.operation ?? null,
        where: 'request',
        message: body.problem,
        injected: false,
      });
    }

    // Rate limit, as rack-attack: before the app, per token (or per address without one).
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const known = bearer === undefined ? undefined : state.tokens.get(bearer);
    const rate = rateLimiter.take(
      known === undefined ? 'address:127.0.0.1' : `token:${known.token}`,
    );
    if (!rate.allowed) {
      send(
        response,
        method,
        path,
        { status: 429, json: { error: 'Too many requests' } },
        rate.headers,
        false,
      );
      return;
    }

    const fault = faults.take(method, path, matched?.template ?? null);
    if (fault?.kind === 'hang') {
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    if (fault?.kind === 'html-error') {
      send(
        response,
        method,
        path,
        { status: fault.status ?? 502, html: PROXY_ERROR_PAGE },
        rate.headers,
        true,
      );
      return;
    }

    const routeKey = matched === null ? `${method} ${path}` : matched.operation;
    const route = ROUTES[routeKey];
    if (route === undefined) {
      if (matched !== null) {
        recorded.push({
          method,
          path,
          operation: matched.operation,
          where: 'request',
          message: 'the contract server does not implement this operation',
          injected: false,
        });
      }
      send(
        response,
        method,
        path,
        { status: 404, json: { error: 'Record not found' } },
        rate.headers,
        false,
      );
      return;
    }

    let token = null;
    if (route.auth !== 'none' && bearer !== undefined) {
      if (known === undefined || known.revokedAt !== null) {
        const error =
          known === undefined ? 'The access token is invalid' : 'The access token was revoked';
        send(
          response,
          method,
          path,
          {
            status: 401,
            json: { error },
            headers: {
              'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${error}"`,
            },
          },
          rate.headers,
          false,
        );
        return;
      }
      token = known;
    }
    if (route.auth === 'user' && token === null) {
      send(
        response,
        method,
        path,
        { status: 401, json: { error: 'The access token is invalid' } },
        rate.headers,
        false,
      );
      return;
    }
    if (
      token !== null &&
      route.scopes !== undefined &&
      !route.scopes.some((s) => scopesCover(token.scopes, s))
    ) {
      send(
        response,
        method,
        path,
        { status: 403, json: { error: 'This action is outside the authorized scopes' } },
        rate.headers,
        false,
      );
      return;
    }

    const routeRequest: RouteRequest = {
      method,
      path,
      pathParams: matched?.pathParams ?? {},
      query,
      body: body.fields,
      headers: request.headers,
      token,
      viewer: token === null ? null : (state.accounts.get(token.accountId) ?? null),
    };
    let reply = route.handle(routeRequest, context);
    let injected = false;
    if (
      fault?.kind === 'malformed-notifications' &&
      reply.status === 200 &&
      reply.json !== undefined
    ) {
      reply = { ...reply, json: malformNotifications(reply.json, fault.defects) };
      injected = true;
    }
    if (fault?.kind === 'error-after-create') {
      reply = {
        status: fault.status ?? 500,
        json: { error: 'We’re sorry, but something went wrong on our end.' },
      };
      injected = true;
    }
    send(response, method, path, reply, rate.headers, injected);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  const state = new ContractState(clock, host);
  const entities = createEntities(state, origin, options.pictures);
  context = { state, entities, clock, origin, host, settings };

  const status = (id: string): ContractStatus => {
    const found = state.liveStatus(id);
    if (found === undefined) throw new Error(`no status ${id} (or it was deleted)`);
    return found;
  };
  const user = (name: string) => state.requireAccount(name);
  const createUser = (input: string | ContractUserInput) =>
    state.createAccount(typeof input === 'string' ? { username: input } : input);
  for (const input of options.users ?? []) createUser(input);

  let testAppClientId: string | null = null;

  return {
    origin,
    host,
    state,
    clock,
    violations: (filter) => recorded.filter((v) => filter?.includeInjected === true || !v.injected),
    requestCounts: () => Object.fromEntries(counts),
    requestTotal: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    createUser,
    tokenFor(username, scopes = 'read write follow') {
      if (testAppClientId === null) {
        testAppClientId = state.registerApp({
          name: TEST_APP,
          website: null,
          redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
          scopes: ['read', 'write', 'follow', 'push', 'profile'],
        }).clientId;
      }
      return state.issueToken(user(username), splitScopes(scopes), testAppClientId).token;
    },
    post: (username, input) => state.post(user(username), input),
    mention: (from, to, text = 'hello', postOptions = {}) =>
      state.post(user(from), { ...postOptions, text: `@${user(to).username} ${text}` }),
    reply(from, statusId, text, postOptions = {}) {
      const parent = status(statusId);
      const author = state.accountOf(parent);
      const replier = user(from);
      const mentioned = state.mentionedAccounts(text).includes(author);
      return state.post(replier, {
        visibility:
          parent.visibility === 'direct' || parent.visibility === 'private'
            ? parent.visibility
            : 'public',
        ...postOptions,
        text: author.id === replier.id || mentioned ? text : `@${author.username} ${text}`,
        inReplyToId: parent.id,
      });
    },
    favourite: (username, statusId) => state.favourite(user(username), status(statusId)),
    boost: (username, statusId) => state.boost(user(username), status(statusId)),
    follow(username, target, followOptions) {
      state.follow(user(username), user(target), followOptions);
    },
    acceptFollowRequest: (follower, target) =>
      state.acceptFollowRequest(user(follower), user(target)),
    edit: (statusId, text) => state.edit(status(statusId), text),
    vote: (username, statusId, choices) => state.vote(user(username), status(statusId), choices),
    endPoll: (statusId) => state.endPoll(status(statusId)),
    notify: (input) =>
      state.notify({
        to: user(input.to),
        from: user(input.from),
        type: input.type,
        status: input.statusId === undefined ? null : status(input.statusId),
      }),
    deleteStatus: (statusId) => state.deleteStatus(status(statusId)),
    revokeToken: (token) => state.revokeToken(token),
    setRateLimit: (budget) => rateLimiter.setBudget({ ...rateLimiter.budget(), ...budget }),
    rateBudget: () => rateLimiter.budget(),
    injectFault: (match, fault, times = 1) => faults.inject(match, fault, times),
    async stop() {
      faults.clear();
      for (const pending of hanging) pending.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
