/**
 * Posting and reading posts: `POST /api/v1/statuses` (reply, visibility, content warning,
 * language; a missing or deleted parent is 404; a text that is empty or too long is 422 with
 * Mastodon's message; `Idempotency-Key` returns the same status for an hour, per account),
 * `GET /api/v1/statuses/{id}`, its thread (`/context`), and `DELETE`.
 */
import type { ContractStatus, Visibility } from './contract-state';
import { compareIds } from './contract-ids';
import { countedLength } from './status-text';
import {
  json,
  notFound,
  requireViewer,
  type Reply,
  type RouteContext,
  type RouteRequest,
  type Routes,
} from './route-types';

const VISIBILITIES: readonly string[] = ['public', 'unlisted', 'private', 'direct'];

function text(body: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

const validationFailed = (why: string): Reply => json(422, { error: `Validation failed: ${why}` });

function createStatus(request: RouteRequest, context: RouteContext): Reply {
  const viewer = requireViewer(request);
  const { state, entities, settings } = context;
  const body = request.body;

  const inReplyToId = text(body, 'in_reply_to_id');
  if (inReplyToId !== undefined && inReplyToId !== '') {
    const parent = state.liveStatus(inReplyToId);
    if (parent === undefined || !state.canSee(viewer.id, parent)) {
      return json(404, { error: 'The post you are trying to reply to does not appear to exist.' });
    }
  }

  const key = request.headers['idempotency-key'];
  const idempotencyKey = typeof key === 'string' && key !== '' ? key : undefined;
  if (idempotencyKey !== undefined) {
    const earlier = state.rememberedPost(viewer.id, idempotencyKey);
    if (earlier !== undefined) return json(200, entities.status(earlier, viewer.id));
  }

  const status = text(body, 'status') ?? '';
  const spoilerText = text(body, 'spoiler_text') ?? '';
  const visibility = text(body, 'visibility') ?? 'public';
  const pollInput = body['poll'];
  const poll =
    typeof pollInput === 'object' && pollInput !== null
      ? (pollInput as { options?: unknown; expires_in?: unknown; multiple?: unknown })
      : undefined;
  const pollOptions = Array.isArray(poll?.options) ? poll.options.map(String) : [];
  if (status.trim() === '' && poll === undefined) return validationFailed("Text can't be blank");
  if (
    countedLength(status, spoilerText, settings.charactersReservedPerUrl) > settings.maxCharacters
  ) {
    return validationFailed(`Text character limit of ${settings.maxCharacters} exceeded`);
  }
  if (!VISIBILITIES.includes(visibility)) {
    return validationFailed('Visibility is not included in the list');
  }
  if (poll !== undefined && pollOptions.length < 2) {
    return validationFailed('Poll options must have at least 2 items');
  }
  const quotedId = text(body, 'quoted_status_id');
  if (quotedId !== undefined && quotedId !== '') {
    const quoted = state.liveStatus(quotedId);
    if (quoted === undefined || !state.canSee(viewer.id, quoted)) return notFound();
  }
  const language = text(body, 'language');

  const created = state.post(viewer, {
    text: status,
    inReplyToId: inReplyToId === '' ? null : (inReplyToId ?? null),
    visibility: visibility as Visibility,
    spoilerText,
    language: language === undefined || language === '' ? 'en' : language,
    quoteOfId: quotedId === '' ? null : (quotedId ?? null),
    poll:
      poll === undefined
        ? null
        : {
            options: pollOptions,
            expiresInSeconds: Number(poll.expires_in ?? 86_400),
            multiple: poll.multiple === true || poll.multiple === 'true',
          },
    applicationName: request.token?.clientId
      ? (state.apps.get(request.token.clientId)?.name ?? null)
      : null,
  });
  if (idempotencyKey !== undefined) state.rememberPost(viewer.id, idempotencyKey, created);
  return json(200, entities.status(created, viewer.id));
}

function visible(request: RouteRequest, context: RouteContext): ContractStatus | undefined {
  const status = context.state.liveStatus(request.pathParams['id'] ?? '');
  return status !== undefined && context.state.canSee(request.viewer?.id ?? null, status)
    ? status
    : undefined;
}

function showStatus(request: RouteRequest, context: RouteContext): Reply {
  const status = visible(request, context);
  return status === undefined
    ? notFound()
    : json(200, context.entities.status(status, request.viewer?.id ?? null));
}

function context(request: RouteRequest, routeContext: RouteContext): Reply {
  const { state, entities } = routeContext;
  const status = visible(request, routeContext);
  if (status === undefined) return notFound();
  const viewerId = request.viewer?.id ?? null;
  const ancestors: ContractStatus[] = [];
  for (let parentId = status.inReplyToId; parentId !== null;) {
    const parent = state.liveStatus(parentId);
    if (parent === undefined || !state.canSee(viewerId, parent)) break;
    ancestors.unshift(parent);
    parentId = parent.inReplyToId;
  }
  const descendants: ContractStatus[] = [];
  const walk = (parent: ContractStatus) => {
    const children = state
      .liveRepliesTo(parent)
      .filter((s) => state.canSee(viewerId, s))
      .sort((a, b) => compareIds(a.id, b.id));
    for (const child of children) {
      descendants.push(child);
      walk(child);
    }
  };
  walk(status);
  return json(200, {
    ancestors: ancestors.map((s) => entities.status(s, viewerId)),
    descendants: descendants.map((s) => entities.status(s, viewerId)),
  });
}

function deleteStatus(request: RouteRequest, context: RouteContext): Reply {
  const viewer = requireViewer(request);
  const status = context.state.liveStatus(request.pathParams['id'] ?? '');
  if (status === undefined || status.accountId !== viewer.id) return notFound();
  const body = { ...context.entities.status(status, viewer.id), text: status.text };
  context.state.deleteStatus(status);
  return json(200, body);
}

export const statusRoutes: Routes = {
  'POST /api/v1/statuses': { auth: 'user', scopes: ['write:statuses'], handle: createStatus },
  'GET /api/v1/statuses/{id}': { auth: 'optional', scopes: ['read:statuses'], handle: showStatus },
  'DELETE /api/v1/statuses/{id}': {
    auth: 'user',
    scopes: ['write:statuses'],
    handle: deleteStatus,
  },
  'GET /api/v1/statuses/{id}/context': {
    auth: 'optional',
    scopes: ['read:statuses'],
    handle: context,
  },
};
