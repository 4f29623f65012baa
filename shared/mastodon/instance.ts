/**
 * What the connector learns from the server about itself (`GET /api/v2/instance`, or
 * `/api/v1/instance` on servers without it): what a reply may do there, and whether it has
 * grouped notifications.
 */
import { MASTODON_DEFAULT_CAPABILITIES, type NetworkCapabilities } from '../domain';
import type { MastodonInstanceV1, MastodonInstanceV2 } from './payloads';

export interface InstanceFacts {
  readonly capabilities: NetworkCapabilities;
  /** `GET /api/v2/notifications` exists: the server says Mastodon API version 2 or later (4.3+). */
  readonly groupedNotifications: boolean;
}

/**
 * The server's post limit (`configuration.statuses.max_characters`; Pleroma's `max_toot_chars`)
 * and URL length (`characters_reserved_per_url`), Mastodon's defaults for what it does not say.
 * Every Mastodon-API server offers the four audiences, content warnings, languages and direct
 * messages.
 */
export function instanceFacts(
  instance:
    | { readonly version: 2; readonly value: MastodonInstanceV2 }
    | { readonly version: 1; readonly value: MastodonInstanceV1 }
    | null,
): InstanceFacts {
  const statuses = instance?.value.configuration?.statuses;
  const legacyLimit = instance?.version === 1 ? instance.value.maxTootChars : null;
  const defaults = MASTODON_DEFAULT_CAPABILITIES.postLimit;
  return {
    capabilities: {
      ...MASTODON_DEFAULT_CAPABILITIES,
      postLimit: {
        graphemes: statuses?.maxCharacters ?? legacyLimit ?? defaults.graphemes,
        charactersPerUrl: statuses?.charactersReservedPerUrl ?? defaults.charactersPerUrl,
        bytes: null,
      },
    },
    groupedNotifications:
      instance?.version === 2 && (instance.value.apiVersions?.mastodon ?? 0) >= 2,
  };
}
