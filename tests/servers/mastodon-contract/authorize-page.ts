/**
 * The HTML of the contract server's authorization page, the one a person sees in the browser:
 * sign in (username, password) and say yes or no to the app; or, for an out-of-band redirect,
 * the code to copy. Plain forms, labelled fields, no script, so a browser test can drive it by
 * role and name: the textboxes "Username" and "Password", the buttons "Authorize" and "Deny".
 */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main>
${body}
</main></body>
</html>`;
}

export interface ConsentPageInput {
  readonly appName: string;
  readonly scopes: readonly string[];
  /** Who is signed in already (null: the form asks for a username and password). */
  readonly signedInAs: string | null;
  /** Shown above the form after a wrong password. */
  readonly problem: string | null;
  /** Everything the authorize request carried, sent back with the answer. */
  readonly hidden: Readonly<Record<string, string>>;
}

export function consentPage(input: ConsentPageInput): string {
  const hidden = Object.entries(input.hidden)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n');
  const who =
    input.signedInAs === null
      ? `<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>`
      : `<p>Signed in as <strong>@${escapeHtml(input.signedInAs)}</strong></p>`;
  const problem = input.problem === null ? '' : `<p role="alert">${escapeHtml(input.problem)}</p>`;
  return page(
    'Authorization required',
    `<h1>Authorization required</h1>
<p><strong>${escapeHtml(input.appName)}</strong> would like permission to access your account: ${escapeHtml(input.scopes.join(' '))}.</p>
${problem}
<form method="post" action="/oauth/authorize">
${hidden}
${who}
<button type="submit" name="decision" value="approve">Authorize</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form>`,
  );
}

/** What Mastodon shows for `urn:ietf:wg:oauth:2.0:oob`: the code, to copy into the app. */
export function codePage(code: string): string {
  return page(
    'Authorization code',
    `<h1>Authorization code</h1>
<p>Copy this authorization code and paste it to the application.</p>
<p><label for="code">Authorization code</label> <input id="code" readonly value="${escapeHtml(code)}"></p>`,
  );
}

/** An OAuth error a browser shows instead of redirecting (unknown app, a redirect it did not register). */
export function errorPage(description: string): string {
  return page(
    'An error has occurred',
    `<h1>An error has occurred</h1>
<p role="alert">${escapeHtml(description)}</p>`,
  );
}
