/**
 * Checks requests and responses against the Mastodon OpenAPI description (OpenAPI 3.1, whose
 * schemas are JSON Schema 2020-12) with ajv. An operation is found by method and path template;
 * then the request's query parameters and body, and the response body (for its status code) and
 * declared headers, are validated against the schema's own definitions. It never throws for a
 * bad message: everything wrong comes back as a list of violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  BROWSER_ROUTES,
  CUSTOM_FORMATS,
  HTML_PAGE_OPERATIONS,
  SCHEMA_PATCHES,
  type SchemaPatch,
} from './contract-exceptions';

export interface ContractViolation {
  readonly method: string;
  /** The path as requested (no query), e.g. `/api/v1/statuses/123`. */
  readonly path: string;
  /** The operation it matched, e.g. `GET /api/v1/statuses/{id}`, or null when none did. */
  readonly operation: string | null;
  readonly where: 'request' | 'response';
  /** The response's status code, for response violations. */
  readonly status?: number;
  /** What was wrong, with where in the message (`query.limit`, `body/notification_groups/0`). */
  readonly message: string;
}

export interface RequestToCheck {
  readonly method: string;
  readonly path: string;
  /** Query parameters read the Rails way (see rails-params.ts). */
  readonly query: Readonly<Record<string, unknown>>;
  /** `json`: a parsed JSON body; `form`: Rails-read form fields (strings); `none`: no body. */
  readonly body:
    { kind: 'json'; value: unknown } | { kind: 'form'; value: unknown } | { kind: 'none' };
}

export interface ResponseToCheck {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as sent. */
  readonly body: string;
}

export interface MatchedOperation {
  /** `GET /api/v1/statuses/{id}` */
  readonly operation: string;
  readonly template: string;
  readonly pathParams: Readonly<Record<string, string>>;
}

export interface OpenApiValidator {
  /** How many operations (method + path) the description has. */
  readonly operationCount: number;
  findOperation(method: string, path: string): MatchedOperation | null;
  checkRequest(request: RequestToCheck): ContractViolation[];
  checkResponse(response: ResponseToCheck): ContractViolation[];
}

type JsonObject = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const DOCUMENT_ID = 'mastodon-openapi.json';
/** Enough to say what is wrong without drowning a test report. */
const MAX_MESSAGES = 8;

interface Template {
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Literal segments first: `/accounts/verify_credentials` beats `/accounts/{id}`. */
  readonly literalSegments: number;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointerPart(part: string): string {
  return part.replaceAll('~', '~0').replaceAll('/', '~1');
}

function pointerRef(parts: readonly string[]): string {
  return `${DOCUMENT_ID}#/${parts.map((part) => encodeURIComponent(escapePointerPart(part))).join('/')}`;
}

function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function matchesExpected(node: unknown, expected: unknown): boolean {
  if (isObject(expected)) {
    return (
      isObject(node) && Object.entries(expected).every(([k, v]) => matchesExpected(node[k], v))
    );
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(node) &&
      node.length === expected.length &&
      expected.every((v, i) => matchesExpected(node[i], v))
    );
  }
  return node === expected;
}

/** The description with the documented exceptions applied (a copy; the file stays as it is). */
export function patchedDocument(document: unknown, patches: readonly SchemaPatch[]): JsonObject {
  const copy = structuredClone(document) as JsonObject;
  for (const patch of patches) {
    const parts = patch.pointer.split('/').slice(1);
    const last = parts.pop();
    const parent = resolvePointer(copy, `/${parts.join('/')}`);
    const key = last?.replaceAll('~1', '/').replaceAll('~0', '~');
    if (key === undefined || !isObject(parent) || !matchesExpected(parent[key], patch.expect)) {
      throw new Error(
        `The contract exception for ${patch.pointer} no longer matches schema.json: ` +
          'look at it again (the schema may have been fixed).',
      );
    }
    parent[key] = patch.replacement;
  }
  return copy;
}

function templatesOf(document: JsonObject): Template[] {
  const paths = isObject(document['paths']) ? document['paths'] : {};
  return Object.keys(paths)
    .map((template) => {
      const names: string[] = [];
      const segments = template.split('/');
      const source = segments
        .map((segment) => {
          const param = /^\{(.+)\}$/.exec(segment);
          if (param === null) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1] ?? '');
          return '([^/]+)';
        })
        .join('/');
      return {
        template,
        pattern: new RegExp(`^${source}$`),
        names,
        literalSegments: segments.length - names.length,
      };
    })
    .sort((a, b) => b.literalSegments - a.literalSegments);
}

function describe(errors: readonly ErrorObject[] | null | undefined, prefix: string): string[] {
  return (errors ?? []).slice(0, MAX_MESSAGES).map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
        : error.keyword === 'enum'
          ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${prefix}${error.instancePath} ${error.message ?? error.keyword}${extra}`;
  });
}

function newAjv(document: JsonObject, coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: true,
    ...(coerce ? { coerceTypes: 'array' as const } : {}),
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, format.pattern);
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

export function createOpenApiValidator(rawDocument: unknown): OpenApiValidator {
  const document = patchedDocument(rawDocument, SCHEMA_PATCHES);
  const paths = document['paths'] as Record<string, JsonObject>;
  const templates = templatesOf(document);
  const strictAjv = newAjv(document, false);
  let coercingAjv: Ajv2020 | null = null;
  const compiled = new Map<string, ValidateFunction>();

  function validatorFor(schema: JsonObject, coerce: boolean): ValidateFunction {
    const key = `${coerce ? 'coercing' : 'strict'}:${JSON.stringify(schema)}`;
    let validate = compiled.get(key);
    if (validate === undefined) {
      if (coerce) coercingAjv ??= newAjv(document, true);
      validate = (coerce && coercingAjv !== null ? coercingAjv : strictAjv).compile(schema);
      compiled.set(key, validate);
    }
    return validate;
  }

  function operationObject(method: string, template: string): JsonObject | null {
    const item = paths[template];
    const operation = item?.[method.toLowerCase()];
    return isObject(operation) ? operation : null;
  }

  function findOperation(method: string, path: string): MatchedOperation | null {
    for (const candidate of templates) {
      const match = candidate.pattern.exec(path);
      if (match === null) continue;
      if (operationObject(method, candidate.template) === null) continue;
      const pathParams: Record<string, string> = {};
      candidate.names.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(match[i + 1] ?? '');
      });
      return {
        operation: `${method.toUpperCase()} ${candidate.template}`,
        template: candidate.template,
        pathParams,
      };
    }
    return null;
  }

  /** A query-parameter object schema made of the operation's own parameter schemas. */
  function querySchema(template: string, method: string): JsonObject {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    const lists: { parameters: unknown; at: string[] }[] = [
      { parameters: paths[template]?.['parameters'], at: ['paths', template, 'parameters'] },
      {
        parameters: operationObject(method, template)?.['parameters'],
        at: ['paths', template, method.toLowerCase(), 'parameters'],
      },
    ];
    for (const { parameters, at } of lists) {
      if (!Array.isArray(parameters)) continue;
      parameters.forEach((parameter: unknown, index) => {
        if (!isObject(parameter) || parameter['in'] !== 'query') return;
        const name = String(parameter['name']);
        properties[name] = { $ref: pointerRef([...at, String(index), 'schema']) };
        if (parameter['required'] === true) required.push(name);
      });
    }
    return { type: 'object', properties, required, additionalProperties: false };
  }

  function checkRequest(request: RequestToCheck): ContractViolation[] {
    const key = `${request.method.toUpperCase()} ${request.path}`;
    if (BROWSER_ROUTES[key] !== undefined) return [];
    const matched = findOperation(request.method, request.path);
    const base = {
      method: request.method.toUpperCase(),
      path: request.path,
      operation: matched?.operation ?? null,
      where: 'request' as const,
    };
    if (matched === null) {
      return [{ ...base, message: 'no operation in the contract has this method and path' }];
    }
    const method = request.method.toLowerCase();
    const messages: string[] = [];
    try {
      const validateQuery = validatorFor(querySchema(matched.template, method), true);
      if (!validateQuery(structuredClone(request.query))) {
        messages.push(...describe(validateQuery.errors, 'query'));
      }
      const requestBody = operationObject(method, matched.template)?.['requestBody'];
      const jsonBody = isObject(requestBody)
        ? resolvePointer(requestBody, '/content/application~1json/schema')
        : undefined;
      if (request.body.kind === 'none') {
        if (isObject(requestBody) && requestBody['required'] === true) {
          messages.push('body is required and missing');
        }
      } else if (jsonBody === undefined) {
        messages.push('body: the operation takes none');
      } else {
        const ref = {
          $ref: pointerRef([
            'paths',
            matched.template,
            method,
            'requestBody',
            'content',
            'application/json',
            'schema',
          ]),
        };
        const validateBody = validatorFor(ref, request.body.kind === 'form');
        if (!validateBody(structuredClone(request.body.value))) {
          messages.push(...describe(validateBody.errors, 'body'));
        }
      }
    } catch (error) {
      messages.push(
        `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return messages.map((message) => ({ ...base, message }));
  }

  function checkResponse(response: ResponseToCheck): ContractViolation[] {
    const key = `${response.method.toUpperCase()} ${response.path}`;
    if (BROWSER_ROUTES[key] !== undefined) return [];
    const matched = findOperation(response.method, response.path);
    if (matched === null || HTML_PAGE_OPERATIONS[matched.operation] !== undefined) return [];
    const method = response.method.toLowerCase();
    const base = {
      method: response.method.toUpperCase(),
      path: response.path,
      operation: matched.operation,
      where: 'response' as const,
      status: response.status,
    };
    const responses = operationObject(method, matched.template)?.['responses'];
    const statusKey = String(response.status);
    const described = isObject(responses)
      ? (responses[statusKey] ?? responses['default'])
      : undefined;
    if (!isObject(described)) {
      return [
        { ...base, message: `status ${response.status} is not a response this operation has` },
      ];
    }
    const messages: string[] = [];
    try {
      const headers = isObject(described['headers']) ? described['headers'] : {};
      for (const [name, header] of Object.entries(headers)) {
        const value = response.headers[name.toLowerCase()];
        if (value === undefined || !isObject(header)) continue;
        const headerPointer =
          typeof header['$ref'] === 'string'
            ? [...header['$ref'].slice(2).split('/'), 'schema'].map((part) =>
                part.replaceAll('~1', '/').replaceAll('~0', '~'),
              )
            : [
                'paths',
                matched.template,
                method,
                'responses',
                statusKey,
                'headers',
                name,
                'schema',
              ];
        const validateHeader = validatorFor({ $ref: pointerRef(headerPointer) }, true);
        if (!validateHeader(value))
          messages.push(...describe(validateHeader.errors, `header ${name}`));
      }
      const schema = resolvePointer(described, '/content/application~1json/schema');
      if (schema !== undefined) {
        const contentType = response.headers['content-type'] ?? '';
        let body: unknown;
        if (!/^application\/json\b/.test(contentType)) {
          messages.push(`body is ${contentType || 'untyped'}, not application/json`);
        } else {
          try {
            body = JSON.parse(response.body);
          } catch {
            messages.push('body is not JSON');
          }
        }
        if (body !== undefined) {
          const validateBody = validatorFor(
            {
              $ref: pointerRef([
                'paths',
                matched.template,
                method,
                'responses',
                isObject(responses) && responses[statusKey] !== undefined ? statusKey : 'default',
                'content',
                'application/json',
                'schema',
              ]),
            },
            false,
          );
          if (!validateBody(body)) messages.push(...describe(validateBody.errors, 'body'));
        }
      }
    } catch (error) {
      messages.push(
        `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return messages.map((message) => ({ ...base, message }));
  }

  const operationCount = Object.values(paths).reduce(
    (count, item) => count + METHODS.filter((method) => isObject(item[method])).length,
    0,
  );

  return { operationCount, findOperation, checkRequest, checkResponse };
}

// `__dirname`, not `import.meta`: tsx and Playwright load these files as CommonJS (the bench and
// the e2e tests start this server too), and vitest provides it as well.
const SCHEMA_FILE = join(__dirname, '../../contracts/mastodon-openapi/schema.json');
let shared: OpenApiValidator | null = null;

/** The validator for the vendored Mastodon description, built once per process (compiling is slow). */
export function mastodonContract(): OpenApiValidator {
  shared ??= createOpenApiValidator(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  return shared;
}
