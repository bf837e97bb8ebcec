/**
 * `sohoa/read`: the reader on its own: `read` (a path, bytes or a VFile →
 * a VFile with the text and, for PDFs and images, the layout), the OCR
 * worker pool to share between reads, the `ReadError` it throws, and the
 * format and text-layer checks it routes by.
 *
 *     import {read, createOcrPool} from 'sohoa/read'
 *     const ocr = createOcrPool({workers: 2})
 *     const file = await read('scan.pdf', {ocr})
 */
import '../vfile-data.js'

export {read, createOcrPool, ReadError, judgeTextLayer, sniff} from '../read/index.js'
export type {ReadOptions, ReadProgress, OcrPool, OcrPoolOptions, OcrResult, OcrLine, RecognizeOptions, PreprocessOptions, TextLayerQuality, InputKind, Sniffed} from '../read/index.js'
export type * from '../read/types.js'
