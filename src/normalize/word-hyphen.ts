/**
 * Whether a text ends with a hyphen right after a word character (`Văn
 * hoá-`): a compound wrapped at its hyphen, whose next line is joined
 * without a space. Tested at the end only: a growing paragraph is not
 * scanned again from its start, as `/\S-$/u` would.
 */

/** `/\S-$/u.test(text)`, in constant time. */
export function endsWithWordHyphen(text: string): boolean {
  const n = text.length
  return n >= 2 && text.charCodeAt(n - 1) === 0x2d && !/\s/.test(text[n - 2])
}
