/** Words for a license's days left on the dashboard, and which ones to flag (pure: tested without a browser). */

/** "Today", "Tomorrow", "12 days", "Expired" (the list starts today, so a past date only shows after midnight passes on an open page). */
export function daysLeftLabel(daysLeft: number): string {
  if (daysLeft < 0) return 'Expired';
  if (daysLeft === 0) return 'Today';
  if (daysLeft === 1) return 'Tomorrow';
  return `${daysLeft} days`;
}

/** Within two weeks: shown in red. */
export function isUrgent(daysLeft: number): boolean {
  return daysLeft <= 14;
}
