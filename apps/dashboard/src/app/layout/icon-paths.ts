// The SVG paths of the few icons the dashboard draws inline (24×24 viewBox).
// Inline, because no icon font can be fetched where Koers runs.

/** An exclamation mark in a triangle: something needs attention. */
export const warningIconPath = 'M1 21h22L12 2zm12-3h-2v-2h2zm0-4h-2v-4h2z';

/** A clock: something is under way. */
export const clockIconPath =
  'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7z';
