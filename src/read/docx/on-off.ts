/**
 * OOXML on/off properties (`<w:caps/>`, `<w:caps w:val="false"/>`) and
 * numbers (`w:val="240"`).
 */
import {childNamed, type XmlElement} from './xml.js'

/** The value of the on/off property `name` under `properties`: undefined when not set there. */
export function onOff(properties: XmlElement | undefined, name: string): boolean | undefined {
  const element = childNamed(properties, name)
  if (!element) return undefined
  const value = element.attributes['w:val']
  return value === undefined || !/^(false|0|off|none)$/i.test(value)
}

/** The integer `w:val` of `name` under `properties`, or undefined. */
export function intValue(properties: XmlElement | undefined, name: string): number | undefined {
  const value = childNamed(properties, name)?.attributes['w:val']
  if (value === undefined) return undefined
  const n = Number.parseInt(value, 10)
  return Number.isFinite(n) ? n : undefined
}
