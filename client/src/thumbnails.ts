/** Small page previews kept in localStorage by the editor and shown in the designs list. */
const PREFIX = 'realbrand:thumb:';
const MAX_KEPT = 40;

export function loadThumbnail(designId: string): string | null {
  try {
    return localStorage.getItem(PREFIX + designId);
  } catch {
    return null;
  }
}

export function saveThumbnail(designId: string, dataUrl: string): void {
  try {
    localStorage.setItem(PREFIX + designId, dataUrl);
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
    // Keep storage bounded: drop the oldest-looking extras.
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_KEPT))) if (k !== PREFIX + designId) localStorage.removeItem(k);
  } catch {
    // Storage full or disabled: previews are a nicety.
  }
}
