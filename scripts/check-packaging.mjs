// Validates electron-builder.yml the way electron-builder does before a build, without building
// (the Electron binary cannot be downloaded on offline machines). Also checks that every icon and
// built entry point the config names exists.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util/out/DebugLogger');

const root = process.cwd();
const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
await validateConfiguration(config, new DebugLogger(false));

const problems = [];
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
  console.error(`electron-builder.yml: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `electron-builder.yml is valid (${config.appId}, ${config.productName}); targets ${targets.join(', ')}`,
);
