/**
 * The parts a Vietnamese syllable is spelt from, as data: onsets (initial
 * consonants) and rhymes (vần), both lowercase and toneless.
 */

/** Written onsets, longest first so the parser tries `ngh` before `ng` before `n`. */
export const onsets = [
  'ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'qu', 'th', 'tr', 'ch',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''
] as const

/** Written rhymes (vowel nucleus with its glide and final), toneless. */
export const rhymes = new Set(
  `a ac ach ai am an ang anh ao ap at au ay
  ăc ăm ăn ăng ăp ăt
  âc âm ân âng âp ât âu ây
  e ec em en eng eo ep et
  ê êch êm ên ênh êp êt êu
  i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
  y yêm yên yêng yêt yêu ych yn ynh yt yu
  o oc oi om on ong op ot
  oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
  oe oen oeo oet
  ooc oong
  ô ôc ôi ôm ôn ông ôp ôt
  ơ ơi ơm ơn ơp ơt
  u ua uc ui um un ung up ut
  uân uâng uât uây
  uê uêch uênh
  uôc uôi uôm uôn uông uôt
  uơ
  uy uya uych uyn uynh uyp uyt uyu uyên uyêt
  ư ưa ưc ưi ưm ưn ưng ưt ưu
  ươc ươi ươm ươn ương ươp ươt ươu`
    .split(/\s+/)
    .filter(Boolean)
)

/** Finals after which only sắc (1) and nặng (5) may stand. */
export const stopFinals = ['ch', 'c', 'p', 't'] as const

/** Onsets that stand only before i, e, ê (and y for k). */
export const frontOnsets = new Set(['k', 'gh', 'ngh'])

/** Onsets that never stand before i, e, ê, y (their front spelling is k, gh, ngh). */
export const backOnsets = new Set(['c', 'ng'])
