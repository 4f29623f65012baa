/**
 * `GET /api/v1/instance` and `GET /api/v2/instance`: what the server says about itself, with the
 * post limit (`configuration.statuses.max_characters`) and the length a URL counts for
 * (`characters_reserved_per_url`) the test configured.
 */
import { json, type Reply, type RouteContext, type Routes } from './route-types';

function limits(context: RouteContext) {
  return {
    accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
    statuses: {
      max_characters: context.settings.maxCharacters,
      max_media_attachments: 4,
      characters_reserved_per_url: context.settings.charactersReservedPerUrl,
    },
    media_attachments: {
      supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
      image_size_limit: 16_777_216,
      image_matrix_limit: 33_177_600,
      video_size_limit: 103_809_024,
      video_frame_rate_limit: 120,
      video_matrix_limit: 8_294_400,
      description_limit: 1500,
    },
    polls: {
      max_options: 4,
      max_characters_per_option: 50,
      min_expiration: 300,
      max_expiration: 2_629_746,
    },
  };
}

const DESCRIPTION = 'A Mastodon contract server for Slowpost’s tests.';

function instanceV1(_request: unknown, context: RouteContext): Reply {
  const { state, host } = context;
  return json(200, {
    uri: host,
    title: 'Contract test server',
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: 'admin@contract.test',
    version: context.settings.version,
    urls: { streaming_api: `ws://${host}` },
    stats: {
      user_count: state.accounts.size,
      status_count: [...state.statuses.values()].filter((s) => s.deletedAt === null).length,
      domain_count: 0,
    },
    thumbnail: null,
    languages: ['en'],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    configuration: limits(context),
    contact_account: null,
    rules: [],
  });
}

function instanceV2(_request: unknown, context: RouteContext): Reply {
  const { state, host, origin } = context;
  return json(200, {
    domain: host,
    title: 'Contract test server',
    version: context.settings.version,
    source_url: 'https://github.com/mastodon/mastodon',
    description: DESCRIPTION,
    usage: { users: { active_month: state.accounts.size } },
    thumbnail: { url: `${origin}/packs/media/images/preview.png` },
    icon: [],
    languages: ['en'],
    configuration: {
      urls: { streaming: `ws://${host}`, status: null, about: `${origin}/about` },
      ...limits(context),
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null, url: null },
    api_versions: { mastodon: context.settings.groupedNotifications ? 6 : 0 },
    contact: { email: 'admin@contract.test', account: null },
    rules: [],
  });
}

export const instanceRoutes: Routes = {
  'GET /api/v1/instance': { auth: 'none', handle: instanceV1 },
  'GET /api/v2/instance': { auth: 'none', handle: instanceV2 },
};
