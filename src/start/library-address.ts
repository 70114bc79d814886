// Whether an address opens the library, without the renderer's router: the browser host asks it of
// the workspace's last place when it serves the page, so a fresh start knows at once where it
// opens (renderer/app/routes.ts parses every address; a unit test holds the two to agree).

/** True for the library's own addresses, and for an empty one (the library is the start). */
export function isLibraryAddress(hash: string): boolean {
  return ['', '#', '#/', '#/library', '#/library/'].includes(hash);
}

/** The page's hint that it opens on the library: a `<meta>` the host writes, read before the first render. */
export const OPENS_ON_LIBRARY_META = { name: 'warrant-opens', content: 'library' } as const;
