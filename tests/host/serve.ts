import { resolve } from 'node:path';
import { startHost } from './host-server';

// `npm run web`: the renderer build in any browser, with the real main-process services behind it.
async function main(): Promise<void> {
  const port = Number(process.env['SLOWPOST_HOST_PORT'] ?? 5217);
  const host = await startHost({
    rendererDir: resolve(__dirname, '../../out/renderer'),
    port,
    log: (message) => console.warn(message),
  });
  console.log(`Slowpost is being served at ${host.origin}/ (loopback only). Press Ctrl+C to stop.`);
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
