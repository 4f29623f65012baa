import { checkExternalUrl } from '../security/trusted-url';

/** Hands a checked URL to the operating system (Electron's shell.openExternal in the app). */
export type UrlOpener = (url: string) => Promise<void>;

export interface ExternalLinks {
  open(value: unknown): Promise<{ opened: boolean; reason: string | null }>;
}

export function createExternalLinks(opener: UrlOpener): ExternalLinks {
  return {
    async open(value) {
      const decision = checkExternalUrl(value);
      if (!decision.ok) return { opened: false, reason: decision.reason };
      await opener(decision.url);
      return { opened: true, reason: null };
    },
  };
}
