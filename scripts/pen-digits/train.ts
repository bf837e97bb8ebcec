/**
 * `npx tsx scripts/pen-digits/train.ts [--out models/pen-digits.json] [--epochs 8] [--samples 30000] [--seed 1]
 *   [--printed 0.15] [--bend 0.04] [--check MARKS.json]`:
 * train the pen-digit classifier (`src/read/handwriting/cnn.ts`) on synthetic
 * marks (`strokes.ts`: pen digits, and digits typed in the shipped font),
 * fresh ones every epoch, and write the model. Same options, same model
 * (seeded). Prints the accuracy on held-out synthetic marks and, with
 * `--check`, on marks labelled by hand (JSON of `{label, width, height, ink}`,
 * ink as base64 bytes), which are never trained on; the accuracy on real
 * headers is measured by `npm run eval -- header --scans DIR`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {createRandom, type Random} from '../../src/fixture/prng.js'
import {classify, convolve, dense, pool, softmax, storeCnn, type Cnn, type Conv, type Dense, type Maps} from '../../src/read/handwriting/cnn.js'
import {digitImage, digitSize} from '../../src/read/handwriting/digit-image.js'
import {bend, drawDigit, drawPrinted} from './strokes.js'

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback
}

const out = option('out', 'models/pen-digits.json')
const epochs = Number(option('epochs', '8'))
const samples = Number(option('samples', '30000'))
const seed = Number(option('seed', '1'))
/** Share of digits typed in a font rather than written. */
const printedShare = Number(option('printed', '0.15'))
/** How far a mark is bent (share of its size). */
const bendAmount = Number(option('bend', '0.04'))
const LABELS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']

/** A labelled training example. */
function example(random: Random): {input: Float32Array; label: number} {
  for (;;) {
    const label = random.int(0, 9)
    let mark = random.next() < printedShare ? drawPrinted(String(label), random) : drawDigit(String(label), random)
    if (bendAmount > 0) mark = bend(mark, random, bendAmount)
    const input = digitImage(mark)
    if (input) return {input, label}
  }
}

function conv(inputs: number, outputs: number, size: number, random: Random): Conv {
  const weights = new Float32Array(outputs * inputs * size * size)
  const spread = Math.sqrt(2 / (inputs * size * size))
  for (let i = 0; i < weights.length; i++) weights[i] = random.normal() * spread
  return {inputs, outputs, size, weights, biases: new Float32Array(outputs)}
}

function layer(inputs: number, outputs: number, random: Random): Dense {
  const weights = new Float32Array(inputs * outputs)
  const spread = Math.sqrt(2 / inputs)
  for (let i = 0; i < weights.length; i++) weights[i] = random.normal() * spread
  return {inputs, outputs, weights, biases: new Float32Array(outputs)}
}

const init = createRandom(seed, 1000)
const model: Cnn = {
  side: digitSize,
  labels: LABELS,
  convs: [conv(1, 8, 5, init), conv(8, 16, 5, init)],
  dense: [layer(16 * 4 * 4, 64, init), layer(64, LABELS.length, init)]
}
/** Every parameter array of the model, with its gradient and velocity. */
const params = [...model.convs, ...model.dense].flatMap((l) => [l.weights, l.biases]).map((values) => ({
  values,
  gradient: new Float32Array(values.length),
  velocity: new Float32Array(values.length)
}))
const grad = (values: Float32Array) => params.find((p) => p.values === values)!.gradient

/** One example forward and backward: adds its gradients, returns its loss. */
function learn(input: Float32Array, label: number): number {
  const [c1, c2] = model.convs
  const [d1, d2] = model.dense
  const a0: Maps = {channels: 1, side: digitSize, data: input}
  const r1 = convolve(a0, c1)
  const from1 = new Int32Array(r1.channels * (r1.side >> 1) ** 2)
  const p1 = pool(r1, from1)
  const r2 = convolve(p1, c2)
  const from2 = new Int32Array(r2.channels * (r2.side >> 1) ** 2)
  const p2 = pool(r2, from2)
  const h = dense(p2.data, d1, false)
  const p = softmax(dense(h, d2, true))
  const loss = -Math.log(Math.max(1e-9, p[label]))
  // Class layer.
  const dh = new Float32Array(h.length)
  const gw2 = grad(d2.weights)
  const gb2 = grad(d2.biases)
  for (let o = 0; o < d2.outputs; o++) {
    const g = p[o] - (o === label ? 1 : 0)
    gb2[o] += g
    const row = o * d2.inputs
    for (let i = 0; i < d2.inputs; i++) {
      gw2[row + i] += g * h[i]
      dh[i] += g * d2.weights[row + i]
    }
  }
  // Hidden layer.
  const dp2 = new Float32Array(p2.data.length)
  const gw1 = grad(d1.weights)
  const gb1 = grad(d1.biases)
  for (let o = 0; o < d1.outputs; o++) {
    if (h[o] <= 0) continue
    const g = dh[o]
    gb1[o] += g
    const row = o * d1.inputs
    for (let i = 0; i < d1.inputs; i++) {
      gw1[row + i] += g * p2.data[i]
      dp2[i] += g * d1.weights[row + i]
    }
  }
  // Second convolution (through its pooling and ReLU).
  const dr2 = new Float32Array(r2.data.length)
  for (let j = 0; j < dp2.length; j++) if (r2.data[from2[j]] > 0) dr2[from2[j]] += dp2[j]
  const dp1 = new Float32Array(p1.data.length)
  backConv(p1, c2, r2.side, dr2, dp1)
  // First convolution.
  const dr1 = new Float32Array(r1.data.length)
  for (let j = 0; j < dp1.length; j++) if (r1.data[from1[j]] > 0) dr1[from1[j]] += dp1[j]
  backConv(a0, c1, r1.side, dr1, null)
  return loss
}

/** Gradients of a convolution's weights and biases (and of its input, into `dInput` when given). */
function backConv(input: Maps, c: Conv, side: number, dOut: Float32Array, dInput: Float32Array | null): void {
  const gw = grad(c.weights)
  const gb = grad(c.biases)
  const k = c.size
  for (let o = 0; o < c.outputs; o++) {
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const g = dOut[(o * side + y) * side + x]
        if (g === 0) continue
        gb[o] += g
        for (let ch = 0; ch < c.inputs; ch++) {
          const w = (o * c.inputs + ch) * k * k
          const plane = ch * input.side * input.side
          for (let ky = 0; ky < k; ky++) {
            const row = plane + (y + ky) * input.side + x
            for (let kx = 0; kx < k; kx++) {
              gw[w + ky * k + kx] += g * input.data[row + kx]
              if (dInput) dInput[row + kx] += g * c.weights[w + ky * k + kx]
            }
          }
        }
      }
    }
  }
}

const validation = Array.from({length: 3000}, (_, i) => example(createRandom(seed, 5000 + i)))
const checkFile = process.argv.includes('--check') ? option('check', '') : ''
const checks = checkFile
  ? (JSON.parse(readFileSync(checkFile, 'utf8')) as Array<{label: string; width: number; height: number; ink: string}>).map((m) => ({
      label: LABELS.indexOf(m.label),
      input: digitImage({width: m.width, height: m.height, ink: new Uint8Array(Buffer.from(m.ink, 'base64'))})!
    }))
  : []

function measure(set: Array<{input: Float32Array; label: number}>): {right: number; sure: number; sureRight: number} {
  let right = 0
  let sure = 0
  let sureRight = 0
  for (const {input, label} of set) {
    const p = classify(model, input)
    const best = p.indexOf(Math.max(...p))
    if (best === label) right++
    if (p[best] >= 0.9) {
      sure++
      if (best === label) sureRight++
    }
  }
  return {right, sure, sureRight}
}

const batch = 16
let heldOut = 0
for (let epoch = 0; epoch < epochs; epoch++) {
  const random = createRandom(seed, epoch)
  const rate = 0.02 * Math.pow(0.75, epoch)
  const started = performance.now()
  let loss = 0
  for (let s = 0; s < samples; s++) {
    const {input, label} = example(random)
    loss += learn(input, label)
    if ((s + 1) % batch !== 0) continue
    for (const p of params) {
      for (let i = 0; i < p.values.length; i++) {
        p.velocity[i] = 0.9 * p.velocity[i] - rate * (p.gradient[i] / batch + 1e-5 * p.values[i])
        p.values[i] += p.velocity[i]
      }
      p.gradient.fill(0)
    }
  }
  const v = measure(validation)
  heldOut = v.right / validation.length
  const c = checks.length > 0 ? measure(checks) : null
  const real = c ? `; marks by hand: ${c.right}/${checks.length} right, ${c.sure} sure of which ${c.sureRight} right` : ''
  process.stdout.write(`epoch ${epoch + 1}/${epochs}: loss ${(loss / samples).toFixed(4)}, held-out ${(heldOut * 100).toFixed(2)}%${real}, ${((performance.now() - started) / 1000).toFixed(0)} s\n`)
}
const stored = storeCnn(model, {
  description: 'Pen-digit classifier of sohoa (src/read/handwriting/): 28×28 straightened ink coverage → 0–9. Trained on synthetic marks only (scripts/pen-digits/train.ts).',
  training: {epochs, samples, seed, printedShare, bendAmount, heldOutAccuracy: Math.round(heldOut * 10000) / 10000}
})
writeFileSync(out, JSON.stringify(stored) + '\n')
process.stdout.write(`wrote ${out}\n`)
