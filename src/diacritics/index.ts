/**
 * The diacritics stage: restore Vietnamese diacritics in text whose marks were stripped and repair
 * text an OCR engine without Vietnamese mangled. Stands alone (`restore`) and runs in the pipeline
 * (the default export, a unified plugin over the lines tree, before the sections stage).
 */
export {default} from './plugin.js'
export type {Options} from './plugin.js'
export {restore} from './restore.js'
export type {RestoreMode, RestoreOptions, RestoreResult} from './restore.js'
export {loadModel, defaultModelPath} from './load-model.js'
export type {Restorer} from './load-model.js'
export {textQuality} from '../vietnamese/quality.js'
export type {TextQuality} from '../vietnamese/quality.js'
export {canonical, compose, decompose, isValidSyllable} from '../vietnamese/orthography.js'
export type {Syllable} from '../vietnamese/orthography.js'
export {stripMarks} from '../vietnamese/letters.js'
export {trainModel} from './train-model.js'
export type {TrainOptions, TrainResult} from './train-model.js'
