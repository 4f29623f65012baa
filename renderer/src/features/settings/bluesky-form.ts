import type { AppPasswordSignIn } from '../../accounts/use-add-account';

/** What the user typed into "Add a Bluesky account". */
export interface BlueskyFormInput {
  readonly identifier: string;
  readonly appPassword: string;
  readonly server: string;
}

/** How Bluesky writes app passwords: four groups of four letters and digits. */
const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;

export function looksLikeEmail(identifier: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identifier.trim());
}

/**
 * The request the form sends, or null while something needed is missing. Spaces around what was
 * pasted are dropped; an empty server means "find it from the handle".
 */
export function appPasswordRequest(input: BlueskyFormInput): AppPasswordSignIn | null {
  const identifier = input.identifier.trim();
  const appPassword = input.appPassword.trim();
  if (identifier === '' || appPassword === '') return null;
  const server = input.server.trim();
  return { identifier, appPassword, server: server === '' ? null : server };
}

/**
 * A quiet hint while typing, or null: an address that is an email needs to know its server
 * unless it is on bsky.social; a password that is not shaped like an app password is probably the
 * account's own (which Slowpost must not be given, and the server refuses anyway).
 */
export function blueskyFormHint(input: BlueskyFormInput): string | null {
  const appPassword = input.appPassword.trim();
  if (appPassword !== '' && !APP_PASSWORD.test(appPassword)) {
    return 'This does not look like an app password (those look like abcd-efgh-ijkl-mnop). Please make one rather than using your account password.';
  }
  if (looksLikeEmail(input.identifier) && input.server.trim() === '') {
    return 'With an email address, Slowpost signs in at bsky.social. If your account is on another server, name it below.';
  }
  return null;
}

/**
 * Where the browser sign-in starts: the server the user named, else their handle (their server is
 * found from it), else bsky.social (an email says nothing about the server).
 */
export function browserSignInServer(input: BlueskyFormInput): string {
  const server = input.server.trim();
  if (server !== '') return server;
  const identifier = input.identifier.trim().replace(/^@/, '');
  return identifier === '' || looksLikeEmail(identifier) ? 'bsky.social' : identifier;
}

/** Main's words when the server has no browser sign-in (issue 12, seam 2). */
const NO_BROWSER_SIGN_IN = 'This server does not offer signing in through the browser';

export function offersNoBrowserSignIn(message: string): boolean {
  return message.startsWith(NO_BROWSER_SIGN_IN);
}
