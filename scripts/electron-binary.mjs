// Finds the Electron binary without triggering electron's lazy download (which hangs or fails on
// an offline machine). Returns null when there is none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(root = process.cwd()) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const NO_ELECTRON_MESSAGE = `Slowpost could not start: the Electron runtime is not installed, and it could not be downloaded from here (this machine is offline, or its download host is unreachable). Everything else works without it. To use Slowpost in a browser instead, run \`npm run web\` and open the address it prints (it serves the same app on 127.0.0.1 with the real services behind it). To get the desktop app, run \`npx install-electron\` on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH to a folder that holds an Electron ${'45'} binary, then run \`npm start\` again.`;
