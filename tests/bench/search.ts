import type { Page } from '@playwright/test';
import type { SearchFigures } from './page/search-page';

export type { SearchFigures };

/** Search query times on the bench page's store (each query `rounds` times after a warm-up). */
export async function measureSearch(page: Page, rounds: number): Promise<SearchFigures> {
  return page.evaluate((r) => window.slowpostBenchSearch.searchBench(r), rounds);
}
