import { ConnectorError } from '@shared/connectors/connector';

/** Why a sync stopped, in a sentence or two for Settings ("The last sync … did not finish. …"). */
export function describeSyncFailure(error: unknown): string {
  if (error instanceof ConnectorError) {
    const failure = error.failure;
    switch (failure.kind) {
      case 'offline':
        return 'This computer was offline.';
      case 'timeout':
        return 'The server took too long to answer.';
      case 'server':
        return `The server had a problem (HTTP ${failure.status}).`;
      case 'rate-limited':
        return 'The server asked Slowpost to wait a while.';
      case 'auth':
        return `The server did not accept this account's sign-in: ${failure.message}`;
      case 'rejected':
        return `The server refused the request: ${failure.message}`;
      case 'malformed':
        return `The server sent something Slowpost could not read: ${failure.message}`;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
