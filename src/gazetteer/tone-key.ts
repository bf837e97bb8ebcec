/**
 * The key by which place names are compared as written: case and tone-mark
 * placement aside. Its own file so that what needs only the key (the place
 * names index) does not load name matching (and its edit distance).
 */

/** Tone placement written the old way (`hoà`, `thuỷ`) moved to the list's way (`hòa`, `thủy`), lower case. */
export function toneKey(value: string): string {
  return value
    .normalize('NFD')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([ou])([aey])(\p{M}*)([\u0300\u0301\u0303\u0309\u0323])/gu, '$1$4$2$3')
    .normalize('NFC')
}
