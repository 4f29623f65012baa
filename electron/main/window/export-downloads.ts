import type { Session } from 'electron';
import { isAppBlobUrl } from '../security/trusted-url';

/**
 * The page's export is a download of a file it made; the desktop app asks where to save it with
 * the system's save dialog. Any other download (a link in a post, a page of a server) is refused.
 */
export function allowExportDownloads(session: Session, appOrigins: readonly string[]): void {
  session.on('will-download', (event, item) => {
    if (!isAppBlobUrl(item.getURL(), appOrigins)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      title: 'Export Slowpost',
      defaultPath: item.getFilename(),
      filters: [{ name: 'Slowpost export', extensions: ['json'] }],
    });
  });
}
