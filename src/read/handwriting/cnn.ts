/**
 * A small convolutional network for 28 × 28 marks (the pen-digit model):
 * two 5 × 5 convolutions, each followed by ReLU and 2 × 2 max pooling, then
 * a dense hidden layer and the class layer (softmax). The model file stores
 * each layer's weights as int8 with one scale per layer, base64 in JSON
 * (`models/pen-digits.json`, made by `scripts/pen-digits/train.ts`).
 */

/** A convolution: `outputs` filters of `inputs` channels × `size` × `size`, and a bias per filter. */
export interface Conv {
  inputs: number
  outputs: number
  size: number
  weights: Float32Array
  biases: Float32Array
}

/** A dense layer: `outputs` × `inputs` weights (row by row) and `outputs` biases. */
export interface Dense {
  inputs: number
  outputs: number
  weights: Float32Array
  biases: Float32Array
}

/** The network. */
export interface Cnn {
  side: number
  convs: [Conv, Conv]
  dense: [Dense, Dense]
  labels: string[]
}

/** Feature maps: `channels` × `side` × `side`, channel by channel, row by row. */
export interface Maps {
  channels: number
  side: number
  data: Float32Array
}

/** Valid convolution followed by ReLU. */
export function convolve(input: Maps, conv: Conv): Maps {
  const side = input.side - conv.size + 1
  const out = new Float32Array(conv.outputs * side * side)
  const k = conv.size
  for (let o = 0; o < conv.outputs; o++) {
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let sum = conv.biases[o]
        for (let c = 0; c < conv.inputs; c++) {
          const w = (o * conv.inputs + c) * k * k
          const plane = c * input.side * input.side
          for (let ky = 0; ky < k; ky++) {
            const row = plane + (y + ky) * input.side + x
            const wr = w + ky * k
            for (let kx = 0; kx < k; kx++) sum += conv.weights[wr + kx] * input.data[row + kx]
          }
        }
        out[(o * side + y) * side + x] = sum > 0 ? sum : 0
      }
    }
  }
  return {channels: conv.outputs, side, data: out}
}

/** 2 × 2 max pooling; `from` receives, for each output, the index of the input it took. */
export function pool(input: Maps, from?: Int32Array): Maps {
  const side = input.side >> 1
  const out = new Float32Array(input.channels * side * side)
  for (let c = 0; c < input.channels; c++) {
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let best = -Infinity
        let at = 0
        for (let dy = 0; dy < 2; dy++) {
          for (let dx = 0; dx < 2; dx++) {
            const i = (c * input.side + 2 * y + dy) * input.side + 2 * x + dx
            if (input.data[i] > best) {
              best = input.data[i]
              at = i
            }
          }
        }
        const o = (c * side + y) * side + x
        out[o] = best
        if (from) from[o] = at
      }
    }
  }
  return {channels: input.channels, side, data: out}
}

/** A dense layer, with ReLU unless `last`. */
export function dense(input: Float32Array, layer: Dense, last: boolean): Float32Array {
  const out = new Float32Array(layer.outputs)
  for (let o = 0; o < layer.outputs; o++) {
    let sum = layer.biases[o]
    const row = o * layer.inputs
    for (let i = 0; i < layer.inputs; i++) sum += layer.weights[row + i] * input[i]
    out[o] = last || sum > 0 ? sum : 0
  }
  return out
}

/** The class probabilities of a 28 × 28 image. */
export function classify(model: Cnn, image: Float32Array): Float32Array {
  let maps: Maps = {channels: 1, side: model.side, data: image}
  for (const conv of model.convs) maps = pool(convolve(maps, conv))
  const hidden = dense(maps.data, model.dense[0], false)
  return softmax(dense(hidden, model.dense[1], true))
}

/** A layer's weights as the model file writes them. */
interface StoredWeights {
  weights: string
  scale: number
  biases: number[]
}

/** The model file. */
export interface StoredCnn {
  format: 'sohoa-cnn-1'
  side: number
  labels: string[]
  convs: Array<{inputs: number; outputs: number; size: number} & StoredWeights>
  dense: Array<{inputs: number; outputs: number} & StoredWeights>
  [key: string]: unknown
}

function unpack(stored: StoredWeights, count: number): {weights: Float32Array; biases: Float32Array} {
  const bytes = Buffer.from(stored.weights, 'base64')
  if (bytes.length !== count) throw new Error(`pen-digit model: ${bytes.length} weights where ${count} were expected`)
  const weights = new Float32Array(count)
  for (let i = 0; i < count; i++) weights[i] = ((bytes[i] << 24) >> 24) * stored.scale
  return {weights, biases: Float32Array.from(stored.biases)}
}

function pack(weights: Float32Array, biases: Float32Array): StoredWeights {
  let max = 0
  for (const w of weights) max = Math.max(max, Math.abs(w))
  const scale = max / 127 || 1
  const bytes = Buffer.alloc(weights.length)
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i] / scale) & 0xff
  return {weights: bytes.toString('base64'), scale, biases: Array.from(biases, (b) => Math.round(b * 1e5) / 1e5)}
}

/** A model from its file's content. */
export function loadCnn(stored: StoredCnn): Cnn {
  if (stored.format !== 'sohoa-cnn-1') throw new Error(`unknown pen-digit model format ${String(stored.format)}`)
  const convs = stored.convs.map((c) => ({inputs: c.inputs, outputs: c.outputs, size: c.size, ...unpack(c, c.inputs * c.outputs * c.size * c.size)}))
  const layers = stored.dense.map((d) => ({inputs: d.inputs, outputs: d.outputs, ...unpack(d, d.inputs * d.outputs)}))
  return {side: stored.side, labels: stored.labels, convs: [convs[0], convs[1]], dense: [layers[0], layers[1]]}
}

/** The file content of `model`, its weights quantised to int8. */
export function storeCnn(model: Cnn, extra: Record<string, unknown> = {}): StoredCnn {
  return {
    format: 'sohoa-cnn-1',
    ...extra,
    side: model.side,
    labels: model.labels,
    convs: model.convs.map((c) => ({inputs: c.inputs, outputs: c.outputs, size: c.size, ...pack(c.weights, c.biases)})),
    dense: model.dense.map((d) => ({inputs: d.inputs, outputs: d.outputs, ...pack(d.weights, d.biases)}))
  }
}

/** Softmax of `values`, in place. */
export function softmax(values: Float32Array): Float32Array {
  let max = -Infinity
  for (const v of values) max = Math.max(max, v)
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    values[i] = Math.exp(values[i] - max)
    sum += values[i]
  }
  for (let i = 0; i < values.length; i++) values[i] /= sum
  return values
}
