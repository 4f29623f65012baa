import { app } from 'electron';
import type { LoginItems } from '../services/desktop-habits';

/**
 * Electron glue for "open at login": `app.setLoginItemSettings` exists on macOS and Windows only.
 * Starting in the tray is Slowpost's own choice at launch, so no hidden-launch flags are needed
 * (macOS 13 and later ignore `openAsHidden` anyway).
 */
export function electronLoginItems(): LoginItems {
  const supported = process.platform === 'darwin' || process.platform === 'win32';
  return {
    supported,
    read: () => (supported ? app.getLoginItemSettings().openAtLogin : null),
    apply: (openAtLogin) => {
      if (supported) app.setLoginItemSettings({ openAtLogin });
    },
  };
}
