import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock';

/**
 * Where the server's authorize page sends the browser back: `http://127.0.0.1:<port>/callback`,
 * listening on 127.0.0.1 only, for one sign-in. It takes the answer only with the `state` Slowpost
 * sent (anything else is told so and ignored), answers the browser with a small calm page, and
 * closes after that one answer, on `close()`, or when the time is up.
 */

export type RedirectOutcome =
  | {
      readonly kind: 'code';
      readonly code: string;
      /** Everything the server sent back (`state`, `iss`…), for OAuth clients that check it. */
      readonly params: URLSearchParams;
    }
  /** The user said no on the server's page (`error=access_denied`). */
  | { readonly kind: 'denied' }
  /** The server sent another OAuth error back. */
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'closed' };

export interface LoopbackRedirect {
  readonly redirectUri: string;
  readonly port: number;
  /** Settles once, with the first outcome. */
  readonly outcome: Promise<RedirectOutcome>;
  /** Stops listening; a sign-in still waiting ends as `closed`. */
  close(): void;
  /** Settles once the port is free again. */
  readonly closed: Promise<void>;
}

export interface LoopbackRedirectOptions {
  /** The `state` Slowpost sent, or a test for the states of sign-ins it is waiting for. */
  readonly state: string | ((state: string) => boolean);
  /** 0 (the default) for any free port. */
  readonly port?: number;
  /** How long to wait for the browser (default 15 minutes). */
  readonly timeoutMs?: number;
  readonly clock: Pick<Clock, 'setTimer'>;
}

export const CALLBACK_PATH = '/callback';
const MAX_CODE_LENGTH = 2000;

/** Starts listening. Rejects (with the socket error's `code`, e.g. EADDRINUSE) if it cannot. */
export async function startLoopbackRedirect(
  options: LoopbackRedirectOptions,
): Promise<LoopbackRedirect> {
  let settle: (outcome: RedirectOutcome) => void = () => undefined;
  const outcome = new Promise<RedirectOutcome>((resolve) => {
    settle = resolve;
  });
  let done = false;
  let port = 0;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });

  const server = createServer((request, response) => {
    const host = request.headers.host;
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (done || request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      return page(response, 404, 'Not here', 'There is nothing at this address.');
    }
    if (host !== `127.0.0.1:${port}`) {
      return page(response, 400, 'Not here', 'There is nothing at this address.');
    }
    const params = url.searchParams;
    const state = params.get('state') ?? '';
    const expected =
      typeof options.state === 'string' ? state === options.state : options.state(state);
    if (!expected) {
      return page(
        response,
        400,
        'Not this sign-in',
        'This is not the sign-in Slowpost is waiting for. Start signing in again from Slowpost.',
      );
    }
    const error = params.get('error');
    const code = params.get('code');
    let result: RedirectOutcome;
    if (error !== null) {
      result = error === 'access_denied' ? { kind: 'denied' } : { kind: 'error', error };
      page(
        response,
        200,
        'Not signed in',
        error === 'access_denied'
          ? 'Slowpost was not given access, and nothing has changed. You can close this tab.'
          : 'The server could not finish the sign-in. You can close this tab and try again in Slowpost.',
      );
    } else if (code !== null && code.length > 0 && code.length <= MAX_CODE_LENGTH) {
      result = { kind: 'code', code, params: new URLSearchParams(params) };
      page(
        response,
        200,
        'Signed in',
        'You are signed in. You can close this tab and go back to Slowpost.',
      );
    } else {
      return page(
        response,
        400,
        'Not signed in',
        'The server sent no sign-in code. You can close this tab and try again in Slowpost.',
      );
    }
    finish(result);
  });

  const cancelTimer = options.clock.setTimer(
    () => finish({ kind: 'timeout' }),
    options.timeoutMs ?? 15 * 60_000,
  );

  function finish(result: RedirectOutcome): void {
    if (done) return;
    done = true;
    cancelTimer();
    settle(result);
    // Let the page that was just written reach the browser, then stop.
    server.close();
    setImmediate(() => server.closeAllConnections());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      cancelTimer();
      reject(
        Object.assign(new Error(`loopback listener: ${error.code ?? 'failed'}`), {
          code: error.code,
        }),
      );
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.once('close', () => markClosed());
  port = (server.address() as AddressInfo).port;

  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    port,
    outcome,
    close: () => finish({ kind: 'closed' }),
    closed,
  };
}

function page(response: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Slowpost</title>
<style>
  :root { color-scheme: light dark; }
  body { font: 1.1rem/1.6 system-ui, sans-serif; max-width: 32rem; margin: 20vh auto; padding: 0 1.5rem; }
  h1 { font-size: 1.4rem; font-weight: 600; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${text}</p>
</main>
</body>
</html>
`;
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(html);
}
