/**
 * A source's current capture is its latest (by capture time, then by insertion); search indexes
 * its text and an unspecified read means it. Kept as SQL fragments rather than a view, so a later
 * migration that rebuilds the snapshots table has no view to drop and recreate around it.
 */

/** `LEFT JOIN` the current capture of the source aliased `s` as `sn`. */
export const JOIN_CURRENT_CAPTURE =
  'LEFT JOIN snapshots sn ON sn.num = (SELECT latest.num FROM snapshots latest WHERE latest.source_id = s.id ORDER BY latest.captured_at DESC, latest.num DESC LIMIT 1)';

/** Selects the current capture's text of the source bound to `?` (no row when it has none). */
export const CURRENT_CAPTURE_TEXT = 'SELECT text FROM snapshots WHERE source_id = ? ORDER BY captured_at DESC, num DESC LIMIT 1';

/** Selects the current capture's id of the source bound to `?`. */
export const CURRENT_CAPTURE_ID = 'SELECT id FROM snapshots WHERE source_id = ? ORDER BY captured_at DESC, num DESC LIMIT 1';
