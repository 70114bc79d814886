/** The largest offline snapshot Warrant accepts (HTML, PDF or text, as stored). */
export const SNAPSHOT_MAX_BYTES = 25 * 1024 * 1024;

/** {@link SNAPSHOT_MAX_BYTES} as the UI says it. */
export const SNAPSHOT_MAX_LABEL = '25 MB';
