// Renders resources/icon.svg to the PNG icons electron-builder and the tray need. Run once after
// changing the SVG: `node --import tsx scripts/render-icons.ts` (uses Playwright's Chromium).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium';

async function main(): Promise<void> {
  const svg = await readFile(join(__dirname, '../resources/icon.svg'), 'utf8');
  const browser = await chromium.launch(chromiumLaunchOptions());
  const sizes: [string, number][] = [
    ['resources/icon.png', 512],
    ['resources/icons/512x512.png', 512],
    ['resources/icons/256x256.png', 256],
    ['resources/icons/128x128.png', 128],
    ['resources/icons/64x64.png', 64],
    ['resources/icons/32x32.png', 32],
    ['resources/tray.png', 32],
  ];
  for (const [path, size] of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`,
    );
    await writeFile(join(__dirname, '..', path), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  await browser.close();
}

void main();
