/**
 * The authorization code as the user pasted it: the code alone, the whole address the browser
 * ended on (`…/callback?code=…&state=…`), or what some servers show (snac: `code&state=…`).
 */
export type PastedCode =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly reason: string };

export function readPastedCode(text: string, expectedState: string): PastedCode {
  const pasted = text.trim();
  let code: string | null = pasted;
  let state: string | null = null;
  if (/^https?:\/\//i.test(pasted)) {
    try {
      const url = new URL(pasted);
      code = url.searchParams.get('code');
      state = url.searchParams.get('state');
      if (url.searchParams.get('error') === 'access_denied') {
        return {
          ok: false,
          reason: "You said no on the server's page, so Slowpost was not given access.",
        };
      }
    } catch {
      code = null;
    }
  } else if (pasted.includes('&')) {
    const [first, ...rest] = pasted.split('&');
    const params = new URLSearchParams(rest.join('&'));
    code = first?.startsWith('code=') === true ? first.slice('code='.length) : (first ?? null);
    state = params.get('state');
  }
  if (code === null || code === '' || /\s/.test(code) || code.length > 1000) {
    return {
      ok: false,
      reason:
        "That does not look like a sign-in code. Copy the code the server's page shows and paste it here.",
    };
  }
  if (state !== null && state !== '' && state !== expectedState) {
    return {
      ok: false,
      reason: 'That code belongs to another sign-in. Use the page Slowpost opened for this one.',
    };
  }
  return { ok: true, code };
}
