/**
 * What a route of the contract server gets and gives back. The server's pipeline
 * (contract-server.ts) parses the request, checks the token and its scope, and sends the reply;
 * a route only decides what Mastodon would answer.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ContractClock } from './contract-clock';
import type { ContractAccount, ContractState, ContractToken } from './contract-state';
import type { Entities } from './mastodon-entities';
import type { RailsParams } from './rails-params';

export interface ContractSettings {
  /** Whether `/.well-known/oauth-authorization-server` exists and `/oauth/authorize` checks PKCE. */
  pkce: boolean;
  /** Whether `/api/v2/notifications` exists (Mastodon 4.3 and later). */
  groupedNotifications: boolean;
  maxCharacters: number;
  charactersReservedPerUrl: number;
  /** The version `/api/v1/instance` and `/api/v2/instance` report. */
  version: string;
}

export interface RouteContext {
  readonly state: ContractState;
  readonly entities: Entities;
  readonly clock: ContractClock;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `127.0.0.1:<port>` */
  readonly host: string;
  readonly settings: ContractSettings;
}

export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: RailsParams;
  /** A JSON body as parsed, or form fields read the Rails way; {} when there is none. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: IncomingHttpHeaders;
  /** The valid token the request carried, if any. */
  readonly token: ContractToken | null;
  /** The person the token belongs to. */
  readonly viewer: ContractAccount | null;
}

export interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Route {
  /**
   * `none`: the token is not looked at; `optional`: a token, if sent, must be valid;
   * `user`: a valid token of a person is required.
   */
  readonly auth: 'none' | 'optional' | 'user';
  /** Scopes of which the token needs one (`read:notifications`); a parent (`read`) also does. */
  readonly scopes?: readonly string[];
  handle(request: RouteRequest, context: RouteContext): Reply;
}

/** `'GET /api/v1/notifications'` (the schema's path template) → route. */
export type Routes = Readonly<Record<string, Route>>;

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  json: body,
  ...(headers === undefined ? {} : { headers }),
});

/** Mastodon's answer when a record does not exist or may not be seen. */
export const notFound = (): Reply => json(404, { error: 'Record not found' });

export function requireViewer(request: RouteRequest): ContractAccount {
  if (request.viewer === null) throw new Error('route needs a signed-in person');
  return request.viewer;
}
