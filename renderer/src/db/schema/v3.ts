import type { SchemaVersion } from './schema-version';

/**
 * Version 3: posts are also indexed by when they arrived, so opening a review session reads the
 * posts a delivery brought as one index range (they arrive with its activity) instead of one
 * request per post. No data changes shape.
 */
export const v3: SchemaVersion = {
  version: 3,
  stores: {
    posts: 'id, accountId, threadId, authorId, arrivedAt',
  },
};
