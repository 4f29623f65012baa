import type { Page } from '@playwright/test';

/**
 * Where, if anywhere, the page holds a secret's text: every IndexedDB database and store,
 * localStorage, sessionStorage, and a heap snapshot of the page's JavaScript (CDP). Returns the
 * places it was found; an empty list means the page never held it.
 */
export async function placesHolding(page: Page, secret: string): Promise<string[]> {
  // The heap first: the storage scan below hands the secret to the page to search for.
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const inHeap = chunks.join('').includes(secret);
  const found = await page.evaluate(async (needle) => {
    const places: string[] = [];
    const holds = (value: unknown): boolean => {
      try {
        return JSON.stringify(value)?.includes(needle) ?? false;
      } catch {
        return false;
      }
    };
    for (const storage of ['localStorage', 'sessionStorage'] as const) {
      const area = window[storage];
      for (let i = 0; i < area.length; i++) {
        const key = area.key(i) ?? '';
        if (key.includes(needle) || (area.getItem(key) ?? '').includes(needle)) {
          places.push(`${storage}:${key}`);
        }
      }
    }
    for (const info of await indexedDB.databases()) {
      if (info.name === undefined) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(new Error(String(request.error)));
        });
        if (rows.some(holds)) places.push(`indexedDB:${info.name}/${store}`);
      }
      db.close();
    }
    return places;
  }, secret);

  if (inHeap) found.push('JavaScript heap');
  return found;
}
