/**
 * Answers the contract server's authorization page without a browser, the way a person would:
 * open the page, fill in the form (username, password) and press "Authorize" or "Deny". For
 * tests of a sign-in that opens "the system browser" at a URL and waits for the redirect: call
 * this with that URL, and the redirect (`location`) goes where the app registered it.
 */
export interface AuthorizeAnswer {
  readonly decision: 'approve' | 'deny';
  /** Leave both out to answer as whoever is signed in already (see `cookie`). */
  readonly username?: string;
  readonly password?: string;
  /** The session cookie of an earlier answer: "signed in" on this server. */
  readonly cookie?: string | null;
}

export interface AuthorizeOutcome {
  /** 302 for a redirect to the app; 200 for a page (the code for out-of-band, or the form again). */
  readonly status: number;
  /** Where the browser is sent: `<redirect_uri>?code=…&state=…` or `?error=access_denied&…`. */
  readonly location: string | null;
  /** The page shown (the code page for `urn:ietf:wg:oauth:2.0:oob`). */
  readonly html: string;
  /** The code shown on the out-of-band page, if that is what came back. */
  readonly shownCode: string | null;
  /** The session cookie the server set (pass it back to be "signed in"). */
  readonly cookie: string | null;
  /** Whether the page asked for a username and password (not signed in, or `force_login`). */
  readonly askedToSignIn: boolean;
}

function hiddenFields(html: string): [string, string][] {
  const unescape = (value: string) =>
    value
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    (match) => [unescape(match[1] ?? ''), unescape(match[2] ?? '')],
  );
}

export async function answerAuthorizePage(
  authorizeUrl: string,
  answer: AuthorizeAnswer,
): Promise<AuthorizeOutcome> {
  const cookieHeader: Record<string, string> =
    answer.cookie == null ? {} : { cookie: answer.cookie };
  const page = await fetch(authorizeUrl, { headers: cookieHeader, redirect: 'manual' });
  const pageHtml = await page.text();
  if (page.status !== 200 || !pageHtml.includes('<form')) {
    return {
      status: page.status,
      location: page.headers.get('location'),
      html: pageHtml,
      shownCode: null,
      cookie: null,
      askedToSignIn: false,
    };
  }
  const askedToSignIn = pageHtml.includes('name="password"');
  const form = new URLSearchParams(hiddenFields(pageHtml));
  if (answer.username !== undefined) form.set('username', answer.username);
  if (answer.password !== undefined) form.set('password', answer.password);
  form.set('decision', answer.decision);
  const response = await fetch(new URL('/oauth/authorize', authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...cookieHeader },
    body: form,
    redirect: 'manual',
  });
  const html = await response.text();
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    location: response.headers.get('location'),
    html,
    shownCode: /<input id="code" readonly value="([^"]+)">/.exec(html)?.[1] ?? null,
    cookie: setCookie === null ? (answer.cookie ?? null) : (setCookie.split(';')[0] ?? null),
    askedToSignIn,
  };
}
