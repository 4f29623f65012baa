import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  sendJson,
  startHttpTestServer,
  type HttpTestServer,
} from '../../../tests/support/http-test-server';
import { discoverOAuthServer, ServerUnreachableError } from './oauth-server-metadata';
import { pkcePair } from './pkce';

const servers: HttpTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serving(handler: Parameters<typeof startHttpTestServer>[0]): Promise<string> {
  const server = await startHttpTestServer(handler);
  servers.push(server);
  return server.origin;
}

const discover = (origin: string) =>
  discoverOAuthServer(origin, (input, init) => fetch(input, init), 5_000);

describe("a server's OAuth metadata", () => {
  it('says whether PKCE with S256 is offered, and which scopes there are', async () => {
    const origin = await serving((_r, response) =>
      sendJson(response, 200, {
        issuer: 'x',
        authorization_endpoint: 'PLACEHOLDER',
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['read', 'write:statuses'],
      }),
    );
    expect(await discover(origin)).toEqual({
      authorizeUrl: `${origin}/oauth/authorize`,
      pkceS256: true,
      scopes: ['read', 'write:statuses'],
    });
  });

  it("uses the server's own authorize endpoint, but only on its own origin", async () => {
    let endpoint = '';
    const origin = await serving((_r, response) =>
      sendJson(response, 200, { authorization_endpoint: endpoint }),
    );
    endpoint = `${origin}/auth/authorize`;
    expect((await discover(origin)).authorizeUrl).toBe(`${origin}/auth/authorize`);
    endpoint = 'https://elsewhere.example/oauth/authorize';
    expect((await discover(origin)).authorizeUrl).toBe(`${origin}/oauth/authorize`);
    endpoint = `${origin}/oauth/authorize?client_id=sneaky`;
    expect((await discover(origin)).authorizeUrl).toBe(`${origin}/oauth/authorize`);
  });

  it('falls back to the usual paths and no PKCE where there is no metadata (or nonsense)', async () => {
    const fallback = (origin: string) => ({
      authorizeUrl: `${origin}/oauth/authorize`,
      pkceS256: false,
      scopes: null,
    });
    const missing = await serving((_r, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>404</h1>');
    });
    expect(await discover(missing)).toEqual(fallback(missing));
    const html = await serving((_r, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>a blog</html>');
    });
    expect(await discover(html)).toEqual(fallback(html));
    const wrong = await serving((_r, response) =>
      sendJson(response, 200, { code_challenge_methods_supported: 'S256' }),
    );
    expect(await discover(wrong)).toEqual(fallback(wrong));
  });

  it('tells a server that is not there from one without metadata', async () => {
    const gone = await startHttpTestServer(() => undefined);
    await gone.close();
    await expect(discover(gone.origin)).rejects.toBeInstanceOf(ServerUnreachableError);
  });
});

describe('PKCE', () => {
  it('sends the SHA-256 of a fresh verifier, base64url without padding', () => {
    const a = pkcePair();
    const b = pkcePair();
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.verifier).toMatch(/^[\w-]{43}$/);
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
    expect(a.challenge).not.toContain('=');
  });
});
