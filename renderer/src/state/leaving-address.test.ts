import { describe, expect, it } from 'vitest';
import { keepLeavingAddress, takeLeavingAddress } from './leaving-address';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the address the page had when it was left', () => {
  it('comes back once, after a reload', () => {
    const storage = memoryStorage();
    keepLeavingAddress(storage, '#conversation=c');
    expect(takeLeavingAddress(storage, 'reload')).toBe('#conversation=c');
    expect(takeLeavingAddress(storage, 'reload')).toBeNull();
  });

  it('an address with nothing open comes back as nothing open', () => {
    const storage = memoryStorage();
    keepLeavingAddress(storage, '');
    expect(takeLeavingAddress(storage, 'reload')).toBe('');
  });

  it('does not override an address the page was sent to, and is forgotten', () => {
    for (const arrivedBy of ['navigate', 'back_forward', 'prerender']) {
      const storage = memoryStorage();
      keepLeavingAddress(storage, '#conversation=c');
      expect(takeLeavingAddress(storage, arrivedBy)).toBeNull();
      expect(takeLeavingAddress(storage, 'reload')).toBeNull();
    }
  });

  it('a damaged entry is reported, removed and ignored', () => {
    for (const damaged of ['{not json', '{"to":"#a"}', '[]', '{"hash":3}']) {
      const storage = memoryStorage();
      storage.setItem('slowpost:leaving-address', damaged);
      const reports: string[] = [];
      expect(takeLeavingAddress(storage, 'reload', (message) => reports.push(message))).toBeNull();
      expect(reports).toHaveLength(1);
      expect(storage.items.size).toBe(0);
    }
  });
});
