/**
 * The output contract (v1) as a zod schema: the single source of the
 * TypeScript types and of the shipped JSON Schema. Field names are public:
 * add fields, never rename them without bumping `schemaVersion`.
 */
import {z} from 'zod'

/** A box on a page (pixels of the page image, or PDF points). */
export const BBoxSchema = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number()
})

/** Where a value came from. */
export const ProvenanceSchema = z.object({
  page: z.number().int().positive().nullable(),
  line: z.number().int().positive(),
  bbox: BBoxSchema.optional()
})

/** How the text of a file (or page) was obtained: a text file, a PDF text layer, OCR, a bad text layer kept for restoration, a Word file (`docx`: Office Open XML; `doc`: Word 97–2003). */
export const RouteSchema = z.enum(['text', 'pdf-text', 'ocr', 'ocr-text', 'docx', 'doc'])

/** The encoding the text was converted from, when not Unicode: UTF-16 (a text file), Windows-1258 (a text file), or the legacy TCVN3 (ABC) and VNI (text files, Word runs, PDF text layers). */
export const SourceEncodingSchema = z.enum(['utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'])

/** The input file and how its text was obtained (what `read` keeps in `file.data.source`). */
export const SourceSchema = z.object({
  path: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  pages: z.number().int().nonnegative(),
  route: RouteSchema,
  ocrConfidence: z.number().min(0).max(1).optional(),
  /** The encoding the text was converted from, when it was not Unicode (absent for UTF-8, and for PDFs, images and Word files in Unicode). */
  encoding: SourceEncodingSchema.optional()
})

/** Document type: code (QĐ, KH, TB, BC, CV …) and its name. */
export const DocumentTypeSchema = z.object({
  code: z.string(),
  name: z.string()
})

/** `Số: 15/KH-UBND` split into its parts. */
export const DocumentNumberSchema = z.object({
  raw: z.string(),
  seq: z.number().int().nullable(),
  typeCode: z.string().nullable(),
  issuerCode: z.string().nullable()
})

/** The issuing body and the body above it. */
export const IssuerSchema = z.object({
  name: z.string(),
  parent: z.string().optional()
})

/** A date as written, with blanks allowed (`ngày   tháng 01 năm 2026`). */
export const DateSchema = z.object({
  raw: z.string(),
  iso: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  year: z.number().int().nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable()
})

/** A legal document cited by a basis (`Căn cứ …`) or a text. */
export const ReferenceSchema = z.object({
  type: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  issuer: z.string().optional(),
  /** The name of a law cited without a number (`Luật Tổ chức chính quyền địa phương`). */
  title: z.string().optional()
})

/** One `Căn cứ …` (or `Theo đề nghị …`) line. */
export const BasisSchema = z.object({
  text: z.string(),
  references: z.array(ReferenceSchema)
})

/** `Điều N.` of a decision. */
export const ArticleSchema = z.object({
  number: z.number().int(),
  text: z.string()
})

/** A signature block. */
export const SignatureSchema = z.object({
  authority: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']).nullable(),
  on: z.string().optional(),
  position: z.string().nullable(),
  name: z.string().nullable(),
  /** Every authority line, outermost first (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`). */
  chain: z.array(z.object({authority: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']), on: z.string()})).optional()
})

/** The document's header and formal parts (Nghị định 30/2020/NĐ-CP). */
export const DocumentInfoSchema = z.object({
  type: DocumentTypeSchema.nullable(),
  number: DocumentNumberSchema.nullable(),
  issuer: IssuerSchema.nullable(),
  place: z.string().nullable(),
  date: DateSchema.nullable(),
  title: z.string().nullable(),
  bases: z.array(BasisSchema),
  articles: z.array(ArticleSchema),
  addressees: z.array(z.string()),
  recipients: z.array(z.string()),
  signatures: z.array(SignatureSchema)
})

/** A section of a plan, with its sub-sections. */
export interface PlanSection {
  id: string
  marker: string
  kind: SectionKind
  title: string | null
  paragraphs: string[]
  children: PlanSection[]
}

export const PlanSectionSchema: z.ZodType<PlanSection> = z.lazy(() =>
  z.object({
    id: z.string(),
    marker: z.string(),
    kind: SectionKindSchema,
    title: z.string().nullable(),
    paragraphs: z.array(z.string()),
    children: z.array(PlanSectionSchema)
  })
)

/** Section marker kinds, from the outermost (`roman`) to the innermost (`plus`). */
export const SectionKindSchema = z.enum(['roman', 'arabic', 'dotted', 'letter', 'paren', 'dash', 'plus'])

/** A numeric value found in a target (`95%`). */
export const TargetValueSchema = z.object({
  value: z.number(),
  unit: z.string().nullable()
})

/** A numbered target ("chỉ tiêu"). */
export const TargetSchema = z.object({
  id: z.string(),
  text: z.string(),
  values: z.array(TargetValueSchema)
})

/** An agency named in a task: canonical name and the text it was written as. */
export const AgencySchema = z.object({
  name: z.string(),
  raw: z.string()
})

/** When a task is to be done. Never a date that is not written. */
export const TimeframeSchema = z.object({
  raw: z.string(),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  kind: z.enum(['date', 'deadline', 'range', 'continuous', 'recurring', 'conditional']).nullable()
})

/** One task row of a plan. */
export const TaskSchema = z.object({
  id: z.string(),
  group: z.string().nullable(),
  content: z.string(),
  lead: z.array(AgencySchema),
  cooperating: z.array(AgencySchema),
  timeframe: TimeframeSchema.nullable(),
  outputs: z.array(z.string()),
  /** Who follows up, checks and urges the task on (a "Theo dõi, kiểm tra, đôn đốc" column); absent when the plan has no such column. */
  monitoring: z.array(AgencySchema).optional(),
  source: ProvenanceSchema,
  confidence: z.number().min(0).max(1)
})

/** The plan: the document's own, or the one a decision issues. */
export const PlanInfoSchema = z.object({
  title: z.string().nullable(),
  period: z.object({from: z.number().int(), to: z.number().int()}).optional(),
  sections: z.array(PlanSectionSchema),
  targets: z.array(TargetSchema),
  tasks: z.array(TaskSchema)
})

/** A message a stage reported. */
export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  source: z.string().nullable(),
  ruleId: z.string().nullable(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** For a repair: the text as read. */
  actual: z.string().optional(),
  /** For a repair: what it was taken for. */
  expected: z.array(z.string()).optional()
})

/** The whole output of `parse`. */
export const OutputSchema = z.object({
  schemaVersion: z.literal(1),
  source: SourceSchema,
  document: DocumentInfoSchema,
  plan: PlanInfoSchema.nullable(),
  diagnostics: z.array(DiagnosticSchema)
})

export type BBoxJson = z.infer<typeof BBoxSchema>
export type Provenance = z.infer<typeof ProvenanceSchema>
export type Source = z.infer<typeof SourceSchema>
export type DocumentType = z.infer<typeof DocumentTypeSchema>
export type DocumentNumber = z.infer<typeof DocumentNumberSchema>
export type Issuer = z.infer<typeof IssuerSchema>
export type DateInfo = z.infer<typeof DateSchema>
export type Reference = z.infer<typeof ReferenceSchema>
export type Basis = z.infer<typeof BasisSchema>
export type Article = z.infer<typeof ArticleSchema>
export type Signature = z.infer<typeof SignatureSchema>
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>
export type Target = z.infer<typeof TargetSchema>
export type TargetValue = z.infer<typeof TargetValueSchema>
export type Agency = z.infer<typeof AgencySchema>
export type Timeframe = z.infer<typeof TimeframeSchema>
export type Task = z.infer<typeof TaskSchema>
export type PlanInfo = z.infer<typeof PlanInfoSchema>
export type Diagnostic = z.infer<typeof DiagnosticSchema>
export type Output = z.infer<typeof OutputSchema>
export type SectionKind = z.infer<typeof SectionKindSchema>
