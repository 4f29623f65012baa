/**
 * The shared layout of the week charts: seven day columns after a narrow gutter, in SVG user
 * units (the drawing scales to its box).
 */
export const CHART_WIDTH = 364;
export const GUTTER = 36;
export const COLUMN = (CHART_WIDTH - GUTTER) / 7;

/** The middle of day `index`'s column. */
export function columnCenter(index: number): number {
  return GUTTER + COLUMN * index + COLUMN / 2;
}
