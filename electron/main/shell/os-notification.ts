import { Notification } from 'electron';
import type { ShownNotification } from '../services/delivery-notifier';

/** Electron glue: one quiet OS notification; clicking it brings the window forward. */
export function showOsNotification(notification: ShownNotification, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification({
    title: notification.title,
    body: notification.body,
    silent: true,
  });
  shown.on('click', onClick);
  shown.show();
}
