/**
 * The place and date line of the header (`Quảng Ngãi, ngày 17 tháng 01 năm
 * 2025`) as far as it can be read for sure. Day (and at times month) are
 * written by hand into the printed line and OCR garbles them (`ngày 4†
 * tháng 0Ï`): the place, the year and a printed month are kept, a day that
 * is not plain digits is left null rather than guessed.
 */
import type {DateInfo} from '../output/schema.js'
import {isoDate} from '../normalize/document-date.js'

/** A place and date read from their line, and the parts that could not be read. */
export interface PlaceDateReading {
  place: string
  date: DateInfo
  unsure: Array<'day' | 'month'>
}

/** Letters OCR reads for the digits of a printed month (`0Ï` for 01, `O2` for 02). */
const digitLike: Record<string, string> = {O: '0', o: '0', Ø: '0', ø: '0', ð: '0', Ô: '0', Ò: '0', Ó: '0', Ö: '0', D: '0', Q: '0', I: '1', l: '1', '|': '1', ']': '1', '[': '1', '!': '1', Ï: '1', Í: '1', Ì: '1', i: '1', í: '1', Z: '2', z: '2', S: '5', $: '5', B: '8'}

/** Read the groups of the header's `placeDate` rule: place, day, month, year, and the whole date as written. */
export function readPlaceDate(groups: {place: string; day: string; month: string; year: string; date: string}): PlaceDateReading {
  const unsure: PlaceDateReading['unsure'] = []
  const year = Number(groups.year)
  const dayText = groups.day.trim()
  let day: number | null = null
  if (/^\d{1,2}$/u.test(dayText)) day = Number(dayText)
  else if (!/^[\s.…_:,-]*$/u.test(dayText)) unsure.push('day')
  const monthText = groups.month.trim()
  let month: number | null = null
  if (monthText !== '' && !/^[.…_]+$/u.test(monthText)) {
    const digits = [...monthText].map((c) => (/\d/u.test(c) ? c : (digitLike[c] ?? 'x'))).join('')
    // One letter alone may be one of two digits (`Ï` for 11): a letter stands for a digit beside a digit read as such.
    const sure = /\d/u.test(monthText) || digits.length === 2
    if (sure && /^\d{1,2}$/u.test(digits) && Number(digits) >= 1 && Number(digits) <= 12) month = Number(digits)
    else unsure.push('month')
  }
  if (day !== null && (day < 1 || day > daysIn(year, month ?? 1))) {
    day = null
    unsure.push('day')
  }
  return {
    place: groups.place.trim(),
    date: {raw: `ngày${groups.date}`.replace(/\s+/gu, ' ').trim(), iso: isoDate(year, month, day), year, month, day},
    unsure
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
