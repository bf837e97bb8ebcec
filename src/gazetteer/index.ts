/**
 * The gazetteer of places: Vietnam's provinces and commune-level units from
 * 1 July 2025 with their official codes, and name matching against them.
 */
export {allProvinces, allUnits, type Province, type Unit} from './units.js'
export {matchProvince, matchUnit, type Match, type MatchKind, type UnitQuery} from './match.js'
export {toneKey} from './tone-key.js'
export {placeNames, placeNamesByLetters, type PlaceName} from './names.js'
