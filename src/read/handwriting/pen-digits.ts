/**
 * Read a row of pen digits: each mark classified by the shipped model
 * (`models/pen-digits.json`, see `cnn.ts`); the row is read only when every
 * mark is a digit the model is sure of.
 */
import {readFileSync} from 'node:fs'
import {digitImage} from './digit-image.js'
import type {RegionMark} from './marks.js'
import {classify, loadCnn, type Cnn, type StoredCnn} from './cnn.js'
import {packagePath} from '../../util/package-root.js'

/** The model shipped with sohoa. */
export const penDigitModelPath = packagePath('models/pen-digits.json')

/** A mark is read as a digit when the model gives that digit at least this probability. */
export const sureDigit = 0.9

let model: Cnn | undefined

/** The shipped model, loaded once. */
export function penDigitModel(): Cnn {
  model ??= loadCnn(JSON.parse(readFileSync(penDigitModelPath, 'utf8')) as StoredCnn)
  return model
}

/** One mark as read: the best label and its probability. */
export interface MarkReading {
  label: string
  probability: number
}

/** What the model makes of each mark. */
export function readMarks(marks: RegionMark[], cnn: Cnn = penDigitModel()): MarkReading[] {
  return marks.map((mark) => {
    const input = digitImage(mark)
    if (!input) return {label: 'other', probability: 1}
    const p = classify(cnn, input)
    let best = 0
    for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i
    return {label: cnn.labels[best], probability: p[best]}
  })
}

/** The digits of `readings` when each is a digit read for sure, else null. */
export function sureDigits(readings: MarkReading[]): string | null {
  if (readings.length === 0) return null
  if (!readings.every((r) => /^\d$/u.test(r.label) && r.probability >= sureDigit)) return null
  return readings.map((r) => r.label).join('')
}
