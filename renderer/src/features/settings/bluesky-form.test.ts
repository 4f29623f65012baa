import { describe, expect, it } from 'vitest';
import {
  appPasswordRequest,
  blueskyFormHint,
  browserSignInServer,
  offersNoBrowserSignIn,
} from './bluesky-form';

const form = (identifier: string, appPassword = '', server = '') => ({
  identifier,
  appPassword,
  server,
});

describe('the Add a Bluesky account form', () => {
  it('sends a handle and an app password as typed, trimmed; no server means "find it"', () => {
    expect(appPasswordRequest(form(' alice.bsky.social ', ' abcd-efgh-ijkl-mnop\n'))).toEqual({
      identifier: 'alice.bsky.social',
      appPassword: 'abcd-efgh-ijkl-mnop',
      server: null,
    });
    expect(
      appPasswordRequest(form('me@example.com', 'abcd-efgh-ijkl-mnop', ' pds.example.com ')),
    ).toEqual({
      identifier: 'me@example.com',
      appPassword: 'abcd-efgh-ijkl-mnop',
      server: 'pds.example.com',
    });
  });

  it('sends nothing while the handle or the app password is missing', () => {
    expect(appPasswordRequest(form('alice.bsky.social', '  '))).toBeNull();
    expect(appPasswordRequest(form('', 'abcd-efgh-ijkl-mnop'))).toBeNull();
  });

  it('says quietly when a password is not shaped like an app password', () => {
    expect(blueskyFormHint(form('alice.bsky.social', 'hunter2'))).toMatch(/app password/);
    expect(blueskyFormHint(form('alice.bsky.social', 'ABCD-efgh-1234-mnop'))).toBeNull();
  });

  it('says where an email signs in, unless a server is named', () => {
    expect(blueskyFormHint(form('me@example.com'))).toMatch(/bsky\.social/);
    expect(blueskyFormHint(form('me@example.com', '', 'pds.example.com'))).toBeNull();
    expect(blueskyFormHint(form('alice.bsky.social'))).toBeNull();
  });

  it('starts the browser sign-in at the named server, else the handle, else bsky.social', () => {
    expect(browserSignInServer(form('alice.bsky.social', '', 'pds.example.com'))).toBe(
      'pds.example.com',
    );
    expect(browserSignInServer(form('@alice.example.com'))).toBe('alice.example.com');
    expect(browserSignInServer(form('me@example.com'))).toBe('bsky.social');
    expect(browserSignInServer(form(''))).toBe('bsky.social');
  });

  it("recognises main's words for a server without browser sign-in", () => {
    expect(
      offersNoBrowserSignIn(
        'This server does not offer signing in through the browser (no OAuth metadata).',
      ),
    ).toBe(true);
    expect(offersNoBrowserSignIn('Not available yet')).toBe(false);
  });
});
