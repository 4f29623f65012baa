import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Finds the Electron binary without triggering electron's lazy download (which fails on an offline
// machine). Used by `npm start` and by the Electron smoke suite.

const root = join(__dirname, '..');

/** The Electron binary, or null when none is installed. */
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

export const NO_ELECTRON_MESSAGE = `Slowpost could not start: the Electron runtime is not installed, and it could not be downloaded from here (this machine is offline, or its download host is unreachable). Everything else works without it. To use Slowpost in a browser instead, run \`npm run web\` and open the address it prints (it serves the same app on 127.0.0.1 with the real services behind it). To get the desktop app, run \`npx install-electron\` on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to a folder that holds an Electron 45 binary, then run \`npm start\` again.`;

export const SMOKE_SKIP_REASON =
  'No Electron binary is installed (node_modules/electron/dist is empty: electron downloads it on first use, and this machine is offline). The renderer and the main-process services are covered by the e2e suite in Chromium and the unit tests instead.';
