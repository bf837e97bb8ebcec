/**
 * Turn a name written in capitals (header style) into sentence case with
 * proper names capitalised: `ỦY BAN NHÂN DÂN XÃ CHẤN HƯNG` →
 * `Ủy ban nhân dân xã Chấn Hưng`.
 */

/** Words after which the rest of the name is a place name. */
const units = ['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'tỉnh', 'thành phố']
/** Acronyms kept in capitals. */
const acronyms = /^(?:UBND|HĐND|MTTQ|UBMTTQ|VN|TP|TW|CP|CHXHCN|QĐ|KH|CCHC|TTHC|CNTT)$/u

/** Sentence-case `text` if it is in capitals; leave mixed-case text alone. */
export function properCase(text: string): string {
  if (text !== text.toUpperCase()) return text
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  const out: string[] = []
  let proper = false
  for (let i = 0; i < words.length; i++) {
    const original = text.split(/\s+/).filter(Boolean)[i]
    let word = words[i]
    if (acronyms.test(original)) word = original
    else if (i === 0 || proper) word = capitalize(word)
    out.push(word)
    const tail = out.slice(-2).join(' ').toLowerCase()
    if (units.includes(word.toLowerCase()) || units.includes(tail)) proper = true
  }
  return out.join(' ')
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
