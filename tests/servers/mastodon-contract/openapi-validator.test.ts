import { describe, expect, it } from 'vitest';
import { mastodonContract, patchedDocument } from './openapi-validator';

const account = {
  id: '109',
  username: 'alice',
  acct: 'alice',
  display_name: 'Alice',
  locked: false,
  bot: false,
  group: false,
  indexable: false,
  created_at: '2025-01-01T00:00:00.000Z',
  note: '',
  url: 'http://127.0.0.1:1/@alice',
  uri: 'http://127.0.0.1:1/users/alice',
  avatar: 'http://127.0.0.1:1/avatars/original/missing.png',
  avatar_static: 'http://127.0.0.1:1/avatars/original/missing.png',
  header: 'http://127.0.0.1:1/headers/original/missing.png',
  header_static: 'http://127.0.0.1:1/headers/original/missing.png',
  followers_count: 0,
  following_count: 0,
  statuses_count: 0,
  emojis: [],
  fields: [],
};

function response(body: unknown, status = 200) {
  return {
    method: 'GET',
    path: '/api/v1/accounts/109',
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

describe('the OpenAPI validator', { timeout: 60_000 }, () => {
  const contract = mastodonContract();

  it('finds operations by method and path template, literal segments first', () => {
    expect(contract.findOperation('GET', '/api/v1/accounts/verify_credentials')?.operation).toBe(
      'GET /api/v1/accounts/verify_credentials',
    );
    expect(contract.findOperation('GET', '/api/v1/accounts/109/statuses')).toMatchObject({
      operation: 'GET /api/v1/accounts/{id}/statuses',
      pathParams: { id: '109' },
    });
    expect(contract.findOperation('PATCH', '/api/v1/notifications')).toBeNull();
    expect(contract.operationCount).toBeGreaterThan(200);
  });

  it('accepts a valid request: Rails-style query parameters, coerced as Mastodon reads them', () => {
    expect(
      contract.checkRequest({
        method: 'GET',
        path: '/api/v1/notifications',
        query: { limit: '80', types: ['mention', 'favourite'], max_id: '5' },
        body: { kind: 'none' },
      }),
    ).toEqual([]);
    expect(
      contract.checkRequest({
        method: 'POST',
        path: '/api/v1/statuses',
        query: {},
        body: { kind: 'json', value: { status: 'hi', visibility: 'direct', in_reply_to_id: '1' } },
      }),
    ).toEqual([]);
    expect(
      contract.checkRequest({
        method: 'POST',
        path: '/api/v1/markers',
        query: {},
        body: { kind: 'form', value: { notifications: { last_read_id: '7' } } },
      }),
    ).toEqual([]);
  });

  it('reports an invalid request: wrong query types, unknown parameters, a bad body', () => {
    const violations = contract.checkRequest({
      method: 'GET',
      path: '/api/v1/notifications',
      query: { limit: 'many', types: ['mention', 'hug'], since: '3' },
      body: { kind: 'none' },
    });
    expect(violations.map((v) => v.message)).toEqual(
      expect.arrayContaining([
        'query/limit must be integer',
        expect.stringMatching(/^query\/types\/1 must be equal to one of the allowed values/),
        'query must NOT have additional properties (since)',
      ]),
    );
    expect(violations[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/notifications',
      operation: 'GET /api/v1/notifications',
      where: 'request',
    });
    const badStatus = contract.checkRequest({
      method: 'POST',
      path: '/api/v1/statuses',
      query: {},
      body: { kind: 'json', value: { status: 'hi', visibility: 'friends-only' } },
    });
    expect(badStatus.length).toBeGreaterThan(0);
    expect(
      contract.checkRequest({
        method: 'GET',
        path: '/api/v1/timelines/nowhere/else',
        query: {},
        body: { kind: 'none' },
      }),
    ).toEqual([
      expect.objectContaining({
        operation: null,
        message: 'no operation in the contract has this method and path',
      }),
    ]);
  });

  it('accepts a valid response and reports an invalid one for its status code', () => {
    expect(contract.checkResponse(response(account))).toEqual([]);
    expect(contract.checkResponse(response({ error: 'Record not found' }, 404))).toEqual([]);

    const { id: _id, ...withoutId } = account;
    const violations = contract.checkResponse(response({ ...withoutId, followers_count: 'many' }));
    expect(violations.map((v) => v.message)).toEqual(
      expect.arrayContaining([
        "body must have required property 'id'",
        'body/followers_count must be integer',
      ]),
    );
    expect(violations[0]).toMatchObject({ where: 'response', status: 200 });

    expect(contract.checkResponse(response({ error: 'nope' }, 418))).toEqual([
      expect.objectContaining({ message: 'status 418 is not a response this operation has' }),
    ]);
    expect(
      contract.checkResponse({
        ...response(account),
        status: 404,
        headers: { 'content-type': 'text/html' },
        body: '<h1>Not found</h1>',
      }),
    ).toEqual([expect.objectContaining({ message: 'body is text/html, not application/json' })]);
  });

  it('checks the rate-limit headers the contract declares', () => {
    const violations = contract.checkResponse({
      ...response(account),
      headers: {
        'content-type': 'application/json',
        'x-ratelimit-limit': '300',
        'x-ratelimit-reset': 'soon',
      },
    });
    expect(violations.map((v) => v.message)).toEqual([
      'header X-RateLimit-Reset must match format "date-time"',
    ]);
  });

  it('refuses an exception whose part of the schema has changed', () => {
    expect(() =>
      patchedDocument({ components: { schemas: { Status: { properties: { quote: {} } } } } }, [
        {
          pointer: '/components/schemas/Status/properties/quote',
          expect: { oneOf: [] },
          replacement: {},
          reason: 'test',
        },
      ]),
    ).toThrow(/no longer matches schema.json/);
  });
});
