/**
 * Every place where the contract server does not hold the Mastodon OpenAPI description
 * (tests/contracts/mastodon-openapi/schema.json) to the letter, with the reason. The schema file
 * itself is never edited (its README says so); these are applied to an in-memory copy, and each
 * patch checks that the part it replaces is still there, so a newer schema that fixes (or moves)
 * it makes the exception fail loudly instead of silently lingering.
 */

export interface SchemaPatch {
  /** JSON pointer into schema.json of the node that is replaced. */
  readonly pointer: string;
  /** What the node must look like today (a part of it), so a changed schema is noticed. */
  readonly expect: Record<string, unknown>;
  readonly replacement: unknown;
  readonly reason: string;
}

const STATUS_QUOTE = '/components/schemas/Status/properties/quote';
const APPS_REDIRECT_URIS =
  '/paths/~1api~1v1~1apps/post/requestBody/content/application~1json/schema/properties/redirect_uris';

const POST_STATUS_BODY =
  '/paths/~1api~1v1~1statuses/post/requestBody/content/application~1json/schema';

export const SCHEMA_PATCHES: readonly SchemaPatch[] = [
  {
    pointer: POST_STATUS_BODY,
    expect: {
      oneOf: [
        { $ref: '#/components/schemas/TextStatus' },
        { $ref: '#/components/schemas/MediaStatus' },
        { $ref: '#/components/schemas/PollStatus' },
      ],
    },
    replacement: {
      anyOf: [
        { $ref: '#/components/schemas/TextStatus' },
        { $ref: '#/components/schemas/MediaStatus' },
        { $ref: '#/components/schemas/PollStatus' },
      ],
    },
    reason:
      'Wrong as written: a poll or media post with text matches TextStatus (which only requires ' +
      '`status`) and PollStatus/MediaStatus at once, so `oneOf` refuses every such post. `anyOf` is what is meant.',
  },
  {
    pointer: STATUS_QUOTE,
    expect: {
      oneOf: [
        { $ref: '#/components/schemas/Quote' },
        { $ref: '#/components/schemas/ShallowQuote' },
        { type: 'null' },
      ],
    },
    replacement: {
      anyOf: [
        { $ref: '#/components/schemas/Quote' },
        { $ref: '#/components/schemas/ShallowQuote' },
        { type: 'null' },
      ],
    },
    reason:
      'Wrong as written: Quote and ShallowQuote both only require `state` and allow other ' +
      'properties, so every quote matches both and `oneOf` can never pass. `anyOf` is what is meant.',
  },
  {
    pointer: APPS_REDIRECT_URIS,
    expect: { type: 'array' },
    replacement: {
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', format: 'uri' } },
      ],
    },
    reason:
      'Too strict for real clients: Mastodon takes `redirect_uris` as one string (several URIs ' +
      'separated by newlines, the only form before 4.3) or as an array; masto sends a string.',
  },
];

/** Formats the schema uses that ajv-formats does not know. */
export const CUSTOM_FORMATS: Readonly<Record<string, { pattern: RegExp; reason: string }>> = {
  'iso-639-1': {
    pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/,
    reason:
      'Too strict if read literally: Mastodon accepts ISO 639-1 codes plus a few ISO 639-3 ones ' +
      '(`ast`, `ckb`, `tok`, …) and regional variants (`zh-TW`, `pt-BR`) for `language`.',
  },
  scopes: {
    pattern: /^[a-z]+(:[a-z_]+)*( [a-z]+(:[a-z_]+)*)*$/,
    reason:
      'Not a standard format: OAuth scopes separated by single spaces (`read write:statuses`).',
  },
};

/**
 * Operations that are browser pages, not client API calls: the authorization page a person sees.
 * Their requests are still checked; their responses are HTML (the schema describes 400 as JSON,
 * and has no 302) and are not.
 */
export const HTML_PAGE_OPERATIONS: Readonly<Record<string, string>> = {
  'GET /oauth/authorize':
    'A web page for a person: Mastodon answers HTML (the login and consent form, or an error page) ' +
    'and redirects (302) to the app after approval; the schema only sketches it.',
};

/** Routes that are not in the client API at all, so not in the schema: not checked. */
export const BROWSER_ROUTES: Readonly<Record<string, string>> = {
  'POST /oauth/authorize':
    'The consent form posts here (Mastodon: `POST /oauth/authorize` for approve, ' +
    '`DELETE` for deny); a browser sends it, never an API client.',
  'GET /favicon.ico': 'A browser showing the authorization page asks for it (answered 404).',
};

/** How requests are read where the schema is silent; written here so the rule is in one place. */
export const REQUEST_READING_NOTES: readonly string[] = [
  'Header parameters are not checked: the schema types `Idempotency-Key` as an object, while it is a string header.',
  'Form bodies (application/x-www-form-urlencoded, multipart/form-data) are checked against the JSON body schema, ' +
    'read the Rails way (`a[b]`, `a[]`, `a[0]`) with strings coerced to integers/booleans where the schema says so: ' +
    'Mastodon accepts all three encodings for every endpoint; the schema only lists JSON.',
  'Client credentials sent with HTTP Basic (`client_secret_basic`, which Mastodon advertises) count as ' +
    '`client_id`/`client_secret` in the body of /oauth/token and /oauth/revoke.',
  'Query parameters that an operation does not declare are violations: Mastodon ignores them, so a misspelled ' +
    'parameter would silently do nothing on a real server.',
];
