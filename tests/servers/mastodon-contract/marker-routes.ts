/**
 * `GET /api/v1/markers` and `POST /api/v1/markers`: where the person stopped reading
 * (`notifications[last_read_id]`, `home[last_read_id]`), shared by all their apps.
 */
import { listParam } from './rails-params';
import {
  json,
  requireViewer,
  type Reply,
  type RouteContext,
  type RouteRequest,
  type Routes,
} from './route-types';

const TIMELINES = ['home', 'notifications'];

function markersOf(accountId: string, timelines: readonly string[], context: RouteContext) {
  const own = context.state.markers.get(accountId);
  const body: Record<string, unknown> = {};
  for (const timeline of timelines) {
    const marker = own?.get(timeline);
    if (marker !== undefined) body[timeline] = context.entities.marker(marker);
  }
  return body;
}

function getMarkers(request: RouteRequest, context: RouteContext): Reply {
  const viewer = requireViewer(request);
  const asked = (listParam(request.query, 'timeline') ?? []).filter((t) => TIMELINES.includes(t));
  return json(200, markersOf(viewer.id, asked, context));
}

function setMarkers(request: RouteRequest, context: RouteContext): Reply {
  const viewer = requireViewer(request);
  for (const timeline of TIMELINES) {
    const given = request.body[timeline];
    if (typeof given !== 'object' || given === null) continue;
    const lastReadId = (given as Record<string, unknown>)['last_read_id'];
    if (typeof lastReadId === 'string' && lastReadId !== '') {
      context.state.setMarker(viewer.id, timeline, lastReadId);
    } else if (typeof lastReadId === 'number') {
      context.state.setMarker(viewer.id, timeline, String(lastReadId));
    }
  }
  return json(200, markersOf(viewer.id, TIMELINES, context));
}

export const markerRoutes: Routes = {
  'GET /api/v1/markers': { auth: 'user', scopes: ['read:statuses'], handle: getMarkers },
  'POST /api/v1/markers': { auth: 'user', scopes: ['write:statuses'], handle: setMarkers },
};
