/**
 * Accounts: who the token belongs to (`verify_credentials`), a profile, someone's posts
 * (`exclude_replies`, `exclude_reblogs`, id paging) and the people someone follows (paged by the
 * follow rows, so only `Link` says where the next page starts).
 */
import type { ContractFollow } from './contract-state';
import { linkHeader, pageById, pageRequest } from './id-paging';
import { stringParam } from './rails-params';
import {
  json,
  notFound,
  requireViewer,
  type Reply,
  type RouteContext,
  type RouteRequest,
  type Routes,
} from './route-types';

const truthy = (value: string | undefined) =>
  value !== undefined && ['1', 'true', 't', 'on'].includes(value.toLowerCase());

function verifyCredentials(request: RouteRequest, context: RouteContext): Reply {
  return json(200, context.entities.credentialAccount(requireViewer(request)));
}

function showAccount(request: RouteRequest, context: RouteContext): Reply {
  const account = context.state.accounts.get(request.pathParams['id'] ?? '');
  return account === undefined ? notFound() : json(200, context.entities.account(account));
}

function accountStatuses(request: RouteRequest, context: RouteContext): Reply {
  const { state, entities } = context;
  const account = state.accounts.get(request.pathParams['id'] ?? '');
  if (account === undefined) return notFound();
  const viewerId = request.viewer?.id ?? null;
  const excludeReplies = truthy(stringParam(request.query, 'exclude_replies'));
  const excludeReblogs = truthy(stringParam(request.query, 'exclude_reblogs'));
  const candidates = [...state.statuses.values()].filter(
    (s) =>
      s.accountId === account.id &&
      state.canSee(viewerId, s) &&
      // Mastodon keeps self-replies (threads) when excluding replies.
      !(excludeReplies && s.inReplyToId !== null && s.inReplyToAccountId !== account.id) &&
      !(excludeReblogs && s.reblogOfId !== null) &&
      s.visibility !== 'direct',
  );
  const asked = pageRequest(request.query, 20, 40);
  const page = pageById(candidates, (s) => s.id, asked);
  return json(
    200,
    page.map((s) => entities.status(s, viewerId)),
    linkHeader(
      context.origin,
      request.path,
      request.query,
      ['limit', 'exclude_replies', 'exclude_reblogs', 'only_media', 'pinned', 'tagged'],
      page[0]?.id,
      page.at(-1)?.id,
      { nextOnlyWhenFull: { size: page.length, limit: asked.limit } },
    ),
  );
}

function following(request: RouteRequest, context: RouteContext): Reply {
  const { state, entities } = context;
  const account = state.accounts.get(request.pathParams['id'] ?? '');
  if (account === undefined) return notFound();
  const rows = state.follows.filter((f) => f.accountId === account.id && !f.pending);
  const idOf = (f: ContractFollow) => String(f.id);
  const asked = pageRequest(request.query, 40, 80);
  const page = pageById(rows, idOf, asked);
  const people = page.flatMap((f) => {
    const target = state.accounts.get(f.targetAccountId);
    return target === undefined ? [] : [entities.account(target)];
  });
  return json(
    200,
    people,
    linkHeader(
      context.origin,
      request.path,
      request.query,
      ['limit'],
      page[0] === undefined ? undefined : idOf(page[0]),
      page.at(-1) === undefined ? undefined : idOf(page.at(-1) as ContractFollow),
      { prev: 'since_id', nextOnlyWhenFull: { size: page.length, limit: asked.limit } },
    ),
  );
}

export const accountRoutes: Routes = {
  'GET /api/v1/accounts/verify_credentials': {
    auth: 'user',
    scopes: ['read:accounts', 'profile'],
    handle: verifyCredentials,
  },
  'GET /api/v1/accounts/{id}': { auth: 'optional', scopes: ['read:accounts'], handle: showAccount },
  'GET /api/v1/accounts/{id}/statuses': {
    auth: 'optional',
    scopes: ['read:statuses'],
    handle: accountStatuses,
  },
  'GET /api/v1/accounts/{id}/following': {
    auth: 'optional',
    scopes: ['read:accounts'],
    handle: following,
  },
};
