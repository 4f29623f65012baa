import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** The Electron binary, found without triggering electron's lazy download; null when absent. */
export function electronBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const candidate = join(override, 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const SKIP_REASON =
  'No Electron binary is installed (node_modules/electron/dist is empty: electron downloads it on first use, and this machine is offline). The renderer and the main-process services are covered by the e2e suite in Chromium and the unit tests instead.';
