/**
 * Tables Word uses for layout, not data: the two-column header (issuer and
 * number | Quốc hiệu, motto, place and date) and the closing block
 * (recipients | signature), usually without borders. They are read as text
 * in reading order, not as task tables.
 */
import type {WordTable} from './model.js'

/** Lines of a header or signature block. */
const layoutCues = /CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–—]\s*Tự do|Nơi nhận|^\s*Số\s*:|^\s*(?:TM|KT|TL|TUQ|Q|T\/M)\.\s*\S|^\s*(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ)\s*$/mu

/** Column headings of a task table. */
const dataCues = /^(?:S?TT|Số TT|Nội dung|Nhiệm vụ|Cơ quan|Đơn vị|Chủ trì|Phối hợp|Thời gian|Thời hạn|Sản phẩm|Kết quả|Ghi chú|Kinh phí)/iu

/** Whether `table` (whose cells read as `cellText`) lays out a header or signature block rather than holding data. */
export function isLayoutTable(table: WordTable, cellText: (row: number, index: number) => string): boolean {
  const widest = Math.max(0, ...table.rows.map((row) => row.length))
  if (widest >= 4) return false
  const first = table.rows[0] ?? []
  const headings = first.filter((_, i) => dataCues.test(cellText(0, i).trim())).length
  if (headings >= 2) return false
  const all = table.rows.flatMap((row, r) => row.map((_, i) => cellText(r, i))).join('\n')
  if (layoutCues.test(all)) return true
  return table.borders === false && table.rows.length <= 12
}
