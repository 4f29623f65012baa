import { describe, expect, it } from 'vitest';
import { isAllowedServerOrigin, parseServerAddress } from './server-address';

describe('what the user typed to name their server', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  Mastodon.Social  ', 'https://mastodon.social'],
    ['@me@example.social', 'https://example.social'],
    ['me@example.social', 'https://example.social'],
    ['https://example.social/@me', 'https://example.social'],
    ['https://example.social/@me/109?x=1#top', 'https://example.social'],
    ['example.social/@me', 'https://example.social'],
    ['example.social:8443', 'https://example.social:8443'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['http://localhost:8411', 'http://localhost:8411'],
    ['localhost:8411', 'http://localhost:8411'],
    ['http://127.0.0.1:8411/', 'http://127.0.0.1:8411'],
    ['@alice@localhost:8411', 'http://localhost:8411'],
    ['http://[::1]:8411', 'http://[::1]:8411'],
  ])('%s is the server %s', (typed, origin) => {
    expect(parseServerAddress(typed)).toMatchObject({ ok: true, origin });
  });

  it.each([
    ['', /Type your server's address/],
    ['   ', /Type your server's address/],
    ['mastodon social', /has spaces in it/],
    ['mastodon', /"mastodon" is not a whole domain/],
    ['@me@', /names no server after the @/],
    ['@me@example.social/x', /names no server after the @/],
    ['http://example.social', /only over https.*https:\/\/example\.social/],
    ['ftp://example.social', /That is not a server address: "ftp:\/\/example\.social"/],
    ['javascript:alert(1)', /That is not a server address/],
    ['https://me:pw@example.social', /holds a name or password/],
    ['https://', /That is not a server address/],
  ])('%j is refused, saying why', (typed, reason) => {
    const parsed = parseServerAddress(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('shortens a long address when quoting it back', () => {
    const parsed = parseServerAddress(`ftp://${'a'.repeat(300)}.social`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeLessThan(200);
  });
});

describe('the origins the gateway may talk to', () => {
  it('is https anywhere, and http only on loopback', () => {
    expect(isAllowedServerOrigin(new URL('https://example.social'))).toBe(true);
    expect(isAllowedServerOrigin(new URL('http://localhost:1'))).toBe(true);
    expect(isAllowedServerOrigin(new URL('http://127.0.0.1:1'))).toBe(true);
    expect(isAllowedServerOrigin(new URL('http://[::1]:1'))).toBe(true);
    expect(isAllowedServerOrigin(new URL('http://example.social'))).toBe(false);
    expect(isAllowedServerOrigin(new URL('http://127.0.0.2'))).toBe(false);
    expect(isAllowedServerOrigin(new URL('http://localhost.example.social'))).toBe(false);
    expect(isAllowedServerOrigin(new URL('ftp://example.social'))).toBe(false);
    expect(isAllowedServerOrigin(new URL('https://u:p@example.social'))).toBe(false);
  });
});
