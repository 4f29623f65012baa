import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { TextFile } from '../window/window-state';

/** A small text file written atomically (write to a temp file, then rename over the old one). */
export function textFile(path: string, options: { readonly mode?: number } = {}): TextFile {
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(text) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, text, { encoding: 'utf8', mode: options.mode });
      // writeFile's mode applies only when it creates the file; a temp file left by a crash keeps
      // whatever mode it had.
      if (options.mode !== undefined) await chmod(temp, options.mode);
      await rename(temp, path);
    },
  };
}

/** A file that may not be replaced blindly: one that could not be read is moved aside first. */
export interface KeptFile extends TextFile {
  /** Renames the file to a name beside it (suffix: `.unreadable-<instant>`); returns that name. */
  setAside(now: number): Promise<string>;
}

/** A file only this user may read or write (mode 0600), written atomically. */
export function privateFile(path: string): KeptFile {
  return {
    ...textFile(path, { mode: 0o600 }),
    async setAside(now) {
      const aside = `${path}.unreadable-${now}`;
      await rename(path, aside);
      return basename(aside);
    },
  };
}
