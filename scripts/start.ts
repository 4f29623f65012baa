// `npm start`: build and open the desktop app. Where Electron cannot be had, say so in one
// paragraph and name the browser alternative, instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { NO_ELECTRON_MESSAGE, electronBinary } from './electron-binary';

if (electronBinary() === null) {
  console.log('Electron is not installed yet; trying to download it once…');
  const install = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    stdio: ['ignore', 'ignore', 'ignore'],
    timeout: 120_000,
  });
  if (install.status !== 0 || electronBinary() === null) {
    console.error(`\n${NO_ELECTRON_MESSAGE}\n`);
    process.exit(1);
  }
}

const run = spawnSync('npx', ['electron-vite', 'preview'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(run.status ?? 1);
