/**
 * An error whose message is a sentence for the user: what went wrong and, where there is
 * something to do, what to do. The bridge passes the message on as it is. It never holds a token,
 * a client secret or an authorization code.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
