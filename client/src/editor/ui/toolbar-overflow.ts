/**
 * How many groups of the editor's top bar move into its overflow menu at a given bar width:
 * 0 none; 1 zoom and shortcuts; 2 also undo/redo and publish; 3 also the panel toggles and Share
 * (and the presence avatars go). Export and Submit always stay in the bar.
 */
export const OVERFLOW_BREAKPOINTS = [1500, 1280, 1000] as const;

export function overflowLevel(width: number): number {
  return OVERFLOW_BREAKPOINTS.filter((bp) => width < bp).length;
}
