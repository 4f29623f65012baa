import { z } from 'zod';
import { parseJsonText } from '@shared/validation/parse-unknown';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where the state file lives; Electron's glue passes a file in userData. */
export interface TextFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

/**
 * Remembers the window's size and position. A corrupt or hand-edited file falls back to the
 * default (and says why); a position on a display that is gone is dropped so the window never
 * opens off-screen.
 */
export function createWindowStateStore(
  file: TextFile,
  log: (message: string) => void = () => undefined,
) {
  return {
    async load(displays: readonly Rect[]): Promise<WindowState> {
      const text = await file.read();
      if (text === null) return DEFAULT_WINDOW_STATE;
      const parsed = parseJsonText(WindowStateSchema, text, 'window state');
      if (!parsed.ok) {
        log(`${parsed.error}; using the default size`);
        return DEFAULT_WINDOW_STATE;
      }
      return keepOnScreen(parsed.value, displays);
    },
    async save(state: WindowState): Promise<void> {
      await file.write(JSON.stringify(state));
    },
  };
}

export function keepOnScreen(state: WindowState, displays: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some(
    (d) => x + 64 > d.x && y >= d.y && x < d.x + d.width - 64 && y < d.y + d.height - 32,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}
