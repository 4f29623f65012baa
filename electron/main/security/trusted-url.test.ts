import { describe, expect, it } from 'vitest';
import { checkExternalUrl, isAppBlobUrl, isTrustedAppUrl } from './trusted-url';

describe('isTrustedAppUrl', () => {
  const origins = ['app://slowpost', 'http://127.0.0.1:5173'];
  it.each(['app://slowpost/index.html', 'app://slowpost/', 'http://127.0.0.1:5173/#x'])(
    'trusts %s',
    (url) => {
      expect(isTrustedAppUrl(url, origins)).toBe(true);
    },
  );
  it.each([
    'app://slowpost.evil/',
    'app://evil/slowpost',
    'https://slowpost/',
    'http://127.0.0.1:5174/',
    'http://127.0.0.1.evil.com:5173/',
    'http://user:pw@127.0.0.1:5173/',
    'file:///app://slowpost/',
    '',
    'app:slowpost',
    42,
    null,
  ])('does not trust %s', (url) => {
    expect(isTrustedAppUrl(url, origins)).toBe(false);
  });
});

describe('isAppBlobUrl: the only downloads allowed are files the app page made (its export)', () => {
  const origins = ['app://slowpost', 'http://127.0.0.1:5173'];
  it.each([
    'blob:app://slowpost/6f1c2d3e-0000-4000-8000-000000000000',
    'blob:http://127.0.0.1:5173/6f1c2d3e-0000-4000-8000-000000000000',
  ])('allows %s', (url) => {
    expect(isAppBlobUrl(url, origins)).toBe(true);
  });
  it.each([
    'blob:https://evil.example/6f1c2d3e',
    'blob:app://slowpost.evil/6f1c2d3e',
    'app://slowpost/export.json',
    'https://mastodon.example/media/file.zip',
    'data:application/json,{}',
    '',
    null,
  ])('refuses %s', (url) => {
    expect(isAppBlobUrl(url, origins)).toBe(false);
  });
});

describe('checkExternalUrl', () => {
  it('accepts http and https links and normalises them', () => {
    expect(checkExternalUrl('https://Example.org/a b')).toEqual({
      ok: true,
      url: 'https://example.org/a%20b',
    });
    expect(checkExternalUrl('http://example.org')).toEqual({
      ok: true,
      url: 'http://example.org/',
    });
  });
  it.each([
    ['javascript:alert(1)', /javascript:/],
    ['file:///etc/passwd', /file:/],
    ['smb://share/x', /smb:/],
    ['data:text/html,hi', /data:/],
    ['https://user:secret@example.org', /user name or password/],
    ['not a url', /not a web address/],
    [{ href: 'https://example.org' }, /not a web address/],
  ])('refuses %s with a reason', (value, reason) => {
    const decision = checkExternalUrl(value);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.reason).toMatch(reason);
  });
});
