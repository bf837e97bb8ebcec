/**
 * Turn a name written in capitals (header style) into sentence case with
 * proper names capitalised: `ỦY BAN NHÂN DÂN XÃ CHẤN HƯNG` →
 * `Ủy ban nhân dân xã Chấn Hưng`.
 */

/** Words after which the rest of the name is a place name. */
const units = ['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'tỉnh', 'thành phố']
/** Head nouns of agency names: the word after one starts with a capital (`Sở Nội vụ`). */
const heads = ['sở', 'phòng', 'bộ', 'ban', 'trung tâm', 'văn phòng', 'cục', 'chi cục', 'vụ', 'tổng cục', 'công an', 'trường']
/** Names capitalised wherever they stand (`Ủy ban MTTQ Việt Nam tỉnh …`). */
const properNames = /(^|\s)việt nam(?=\s|$)/gu
/** Acronyms kept in capitals. */
const acronyms = /^(?:UBND|HĐND|MTTQ|UBMTTQ|VN|TP|TW|CP|CHXHCN|QĐ|KH|CCHC|TTHC|CNTT)$/u

/** Sentence-case `text` if it is in capitals; leave mixed-case text alone. */
export function properCase(text: string): string {
  if (text !== text.toUpperCase()) return text
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  const out: string[] = []
  const originals = text.split(/\s+/).filter(Boolean)
  let proper = false
  let capitalNext = false
  for (let i = 0; i < words.length; i++) {
    let word = words[i]
    if (acronyms.test(originals[i])) word = originals[i]
    else if (i === 0 || proper || capitalNext) word = capitalize(word)
    out.push(word)
    const lower = word.toLowerCase()
    const tail = out.slice(-2).join(' ').toLowerCase()
    const afterDash = out[out.length - 2] === '-'
    capitalNext = word === '-' || (((i === 0 && heads.includes(lower)) || (i === 1 && heads.includes(tail))) && !units.includes(words[i + 1] ?? ''))
    if (!afterDash && (units.includes(lower) || units.includes(tail))) proper = true
  }
  return out.join(' ').replace(properNames, '$1Việt Nam')
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
