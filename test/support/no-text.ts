/**
 * Inputs with no text at all, made by the libraries that make real files:
 * a text of only whitespace, a PDF without pages (pdf-lib), a 1×1 PNG
 * (fast-png), a JPEG whose scan data is garbage (@napi-rs/canvas encodes a
 * real JPEG of a word; its entropy-coded body is then overwritten, headers
 * intact, so it decodes to noise). Each must fail with `read:no-text`.
 */
import {createCanvas} from '@napi-rs/canvas'
import {encode} from 'fast-png'
import {PDFDocument} from 'pdf-lib'

/** The inputs by file name, with the reason `read` gives for each. */
export async function noTextInputs(): Promise<Array<{name: string; bytes: Uint8Array; reason: string}>> {
  return [
    {name: 'whitespace.txt', bytes: new TextEncoder().encode(' \n\t\n   \r\n'), reason: 'no text: only whitespace'},
    {name: 'no-pages.pdf', bytes: await (await PDFDocument.create()).save({addDefaultPage: false}), reason: 'no text: a PDF without pages'},
    {name: '1x1.png', bytes: encode({width: 1, height: 1, data: new Uint8Array([255]), channels: 1, depth: 8}), reason: 'no text: OCR found nothing on 1 page'},
    {name: 'garbage.jpg', bytes: await garbageJpeg(), reason: 'no text: OCR found nothing on 1 page'}
  ]
}

/** A JPEG with valid headers whose scan data (after the SOS segment) is pseudo-random bytes. */
async function garbageJpeg(): Promise<Uint8Array> {
  const canvas = createCanvas(96, 48)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, 96, 48)
  context.fillStyle = '#000'
  context.font = '20px serif'
  context.fillText('Số 12', 8, 30)
  const jpeg = new Uint8Array(await canvas.encode('jpeg', 90))
  let sos = 2
  while (!(jpeg[sos] === 0xff && jpeg[sos + 1] === 0xda)) sos++
  const body = sos + 2 + ((jpeg[sos + 2] << 8) | jpeg[sos + 3])
  let x = 12345
  for (let i = body; i < jpeg.length - 2; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    jpeg[i] = (x >> 16) & 0x7f // never 0xFF: no marker inside the scan data
  }
  return jpeg
}
