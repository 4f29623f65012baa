import { Menu, Tray, nativeImage } from 'electron';

export interface TrayOptions {
  readonly iconPath: string;
  readonly onShow: () => void;
  readonly onQuit: () => void;
}

/**
 * The tray icon: show the window, or quit. Its tooltip carries the next delivery time and never a
 * count (set by the delivery clock).
 */
export function createTray(options: TrayOptions): Tray {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  tray.setToolTip('Slowpost');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Slowpost', click: options.onShow },
      { type: 'separator' },
      { label: 'Quit Slowpost', click: options.onQuit },
    ]),
  );
  tray.on('click', options.onShow);
  return tray;
}
