import { join } from 'node:path';
import { app, session, shell } from 'electron';
import type { BrowserWindow, Tray } from 'electron';
import { createBridgeHandlers } from './ipc/bridge-handlers';
import { createDispatcher } from './ipc/bridge-dispatcher';
import { registerIpc } from './ipc/register-ipc';
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy';
import { addCspHeader, denyAllPermissions, guardWebContents } from './security/install-web-guards';
import { APP_ORIGIN, isTrustedAppUrl } from './security/trusted-url';
import { systemClock } from './services/clock';
import { createDeliveryService, type EmitEvent } from './services/delivery-service';
import { createDesktopHabits } from './services/desktop-habits';
import { createExternalLinks } from './services/external-links';
import { createNetworkServices } from './services/network-services';
import { createQuitGuard } from './services/quit-guard';
import { showOsNotification } from './shell/os-notification';
import { onWake } from './shell/power-events';
import { privateFile, textFile } from './services/text-file';
import { electronLoginItems } from './shell/login-items';
import { avatarSessionFetch, networkSessionFetch } from './shell/network-fetch';
import { createAvatarStore } from './services/avatar-store';
import { createSafeStorageEncryptor } from './shell/safe-storage-encryptor';
import { createTray } from './tray/create-tray';
import { installAppMenu } from './window/app-menu';
import { registerAppScheme, serveAppScheme } from './window/app-protocol';
import { createMainWindow } from './window/create-main-window';
import { allowExportDownloads } from './window/export-downloads';
import { createWindowStateStore } from './window/window-state';

// Wiring only: every piece lives in its own module.

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let quitting = false;
  let mainWindow: BrowserWindow | null = null;
  // Held here so the tray icon is not garbage-collected.
  let tray: Tray | null = null;
  const show = (): void => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  const emitToPage: EmitEvent = (event, payload) => mainWindow?.webContents.send(event, payload);
  const quit = (): void => {
    quitting = true;
    app.quit();
  };
  // Quitting waits (a few seconds at most) for the page to store its drafts; see quit-guard.
  const quitGuard = createQuitGuard({
    clock: systemClock,
    askPage: (requestId) => {
      if (mainWindow === null || mainWindow.isDestroyed() || mainWindow.webContents.isCrashed())
        return false;
      emitToPage('app:flushBeforeQuit', { requestId });
      return true;
    },
    quit: () => app.quit(),
    log: (message) => console.warn(message),
  });
  app.on('before-quit', (event) => {
    quitting = true;
    if (quitGuard.beforeQuit() === 'wait') event.preventDefault();
  });
  app.on('second-instance', show);
  app.on('activate', show);
  // Slowpost lives in the tray when its window is closed; only Quit ends it.
  app.on('window-all-closed', () => undefined);

  void app.whenReady().then(async () => {
    const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
    const appOrigins = devUrl === undefined ? [APP_ORIGIN] : [APP_ORIGIN, devUrl];
    const resources = join(app.getAppPath(), 'resources');
    const iconPath = join(resources, 'icon.png');

    denyAllPermissions(session.defaultSession);
    allowExportDownloads(session.defaultSession, appOrigins);
    if (devUrl !== undefined) {
      // Vite's dev server needs its inline refresh preamble and websocket; only in development.
      addCspHeader(
        session.defaultSession,
        CONTENT_SECURITY_POLICY.replace(
          "script-src 'self'",
          "script-src 'self' 'unsafe-inline'",
        ).replace("connect-src 'self'", "connect-src 'self' ws:"),
      );
    }
    const links = createExternalLinks((url) => shell.openExternal(url));
    const network = createNetworkServices({
      vaultFile: privateFile(join(app.getPath('userData'), 'credentials.json')),
      encryptor: createSafeStorageEncryptor(),
      fetch: networkSessionFetch(),
      clock: systemClock,
      links,
      log: (message) => console.warn(message),
    });
    const avatars = createAvatarStore({
      dir: join(app.getPath('userData'), 'avatars'),
      fetch: avatarSessionFetch(),
      clock: systemClock,
      accountOrigins: () => network.accountOrigins(),
      log: (message) => console.warn(message),
    });
    serveAppScheme(join(__dirname, '../renderer'), network.gateway, avatars);

    const deliveries = createDeliveryService({
      clock: systemClock,
      emit: emitToPage,
      showNotification: (notification) => showOsNotification(notification, show),
      setShellStatus: (text) => tray?.setToolTip(text),
    });
    onWake(() => deliveries.check());
    const desktopHabits = createDesktopHabits({
      file: textFile(join(app.getPath('userData'), 'desktop-habits.json')),
      loginItems: electronLoginItems(),
      log: (message) => console.warn(message),
    });
    app.on('will-quit', () => deliveries.stop());
    registerIpc(
      createDispatcher({
        handlers: createBridgeHandlers({
          appInfo: {
            name: app.getName(),
            version: app.getVersion(),
            platform: process.platform,
            host: 'electron',
          },
          links,
          deliveries,
          quitGuard,
          signIn: network.signIn,
          bluesky: network.bluesky,
          blueskyOAuth: network.blueskyOAuth,
          forget: network.forget,
          vault: network.vault,
          desktopHabits,
          avatars,
        }),
        isTrustedSender: (url) => isTrustedAppUrl(url, appOrigins),
        log: (message) => console.warn(message),
      }),
    );
    app.on('web-contents-created', (_event, contents) =>
      guardWebContents(contents, appOrigins, links),
    );

    mainWindow = await createMainWindow({
      preloadPath: join(__dirname, '../preload/index.cjs'),
      iconPath,
      stateStore: createWindowStateStore(
        textFile(join(app.getPath('userData'), 'window-state.json')),
        (m) => console.warn(m),
      ),
      isQuitting: () => quitting,
      showWhenReady: !(await desktopHabits.startInTray()),
    });
    tray = createTray({ iconPath: join(resources, 'tray.png'), onShow: show, onQuit: quit });
    installAppMenu(show, quit);
    app.on('will-quit', () => tray?.destroy());
    await mainWindow.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  });
}
