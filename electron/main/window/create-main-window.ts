import { BrowserWindow, screen } from 'electron';
import { secureWebPreferences } from './secure-web-preferences';
import type { WindowState, createWindowStateStore } from './window-state';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly iconPath: string;
  readonly stateStore: ReturnType<typeof createWindowStateStore>;
  /** True once the user chose Quit: only then does closing the window really close it. */
  readonly isQuitting: () => boolean;
  /** False when the user chose to start in the tray: the window waits until it is opened. */
  readonly showWhenReady: boolean;
}

/**
 * The one Slowpost window. Closing it hides it (Slowpost keeps its delivery clock in the tray);
 * size, position and maximized state are remembered.
 */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = await options.stateStore.load(displays);
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Slowpost',
    icon: options.iconPath,
    backgroundColor: '#f6f3ee',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (state.maximized) win.maximize();
  if (options.showWhenReady) win.once('ready-to-show', () => win.show());

  const remember = (): void => {
    const bounds = win.getNormalBounds();
    const next: WindowState = { ...bounds, maximized: win.isMaximized() };
    void options.stateStore.save(next);
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', (event) => {
    remember();
    if (!options.isQuitting()) {
      event.preventDefault();
      win.hide();
    }
  });
  return win;
}
