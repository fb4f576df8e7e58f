/** A person's initials for an avatar ("Jane Q. Smith" → "JQ"): the header, presence avatars and the share dialog. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}
