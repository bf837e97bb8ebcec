/**
 * The administrative units of Vietnam from 1 July 2025 (`data/`): 34
 * provinces and 3,321 commune-level units with their official codes, loaded
 * once on first use.
 */
import {readFileSync} from 'node:fs'
import {packageRoot} from '../util/package-root.js'

/** A province-level unit: `01` Hà Nội, thành phố. */
export interface Province {
  code: string
  name: string
  type: 'tỉnh' | 'thành phố'
}

/** A commune-level unit: `00070` Hoàn Kiếm, phường, in Hà Nội. */
export interface Unit {
  code: string
  name: string
  type: 'xã' | 'phường' | 'đặc khu'
  provinceCode: string
  province: string
}

/** The folder of the unit lists. */
export const dataFolder = new URL('data/', packageRoot)

let provinces: Province[] | undefined
let units: Unit[] | undefined

/** The 34 provinces, in the list's order. */
export function allProvinces(): Province[] {
  provinces ??= rows('provinces-2025.tsv').map(([code, name, type]) => ({code, name, type: type as Province['type']}))
  return provinces
}

/** The 3,321 commune-level units, in the list's order (by province). */
export function allUnits(): Unit[] {
  units ??= rows('admin-units-2025.tsv').map(([code, name, type, provinceCode, province]) => ({
    code,
    name,
    type: type as Unit['type'],
    provinceCode,
    province
  }))
  return units
}

/** The rows of a TSV file of `data/` without its header line. */
function rows(name: string): string[][] {
  const text = readFileSync(new URL(name, dataFolder), 'utf8')
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'))
}
