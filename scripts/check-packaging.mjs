// Validates electron-builder.yml the way electron-builder does before a build, without building
// (the Electron binary cannot be downloaded on offline machines). Also checks that every icon and
// built entry point the config names exists, and that the packaged binary gets its fuses flipped.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fuseProblems } from './electron-fuses.mjs';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util/out/DebugLogger');

const root = process.cwd();
const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
await validateConfiguration(config, new DebugLogger(false));

const problems = fuseProblems(config);
for (const path of ['resources/icon.png', 'resources/tray.png', 'resources/icons/512x512.png']) {
  if (!existsSync(join(root, path))) problems.push(`missing ${path}`);
}
for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
  if (!existsSync(join(root, path)))
    problems.push(`missing build output ${path} (run npm run build)`);
}
const targets = ['linux', 'mac', 'win'].map(
  (os) => `${os}: ${JSON.stringify(config[os]?.target ?? [])}`,
);
if (problems.length > 0) {
  console.error(`electron-builder.yml:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `electron-builder.yml is valid (${config.appId}, ${config.productName}); targets ${targets.join(', ')}; fuses ${JSON.stringify(config.electronFuses)}`,
);
