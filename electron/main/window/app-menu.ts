import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

/** The application menu: standard edit and view roles, and a Quit that really quits. */
export function installAppMenu(onShow: () => void, onQuit: () => void): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Slowpost',
      submenu: [
        { label: 'Open Slowpost', click: onShow },
        { type: 'separator' },
        { label: 'Quit Slowpost', accelerator: 'CmdOrCtrl+Q', click: onQuit },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
