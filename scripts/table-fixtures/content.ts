/**
 * The invented content of the real-layout table fixtures (`make-table-fixtures.ts`):
 * document headers, the portrait body of each plan, and task rows of the
 * genre (written for these fixtures, not copied from any corpus). The seeds'
 * rows are read from `fixtures/seed-000` and `fixtures/seed-001` by the script.
 */

/** A task row as the plan's author meant it: one value per field, agencies and products as lists. */
export interface TaskSource {
  content: string
  outputs?: string[]
  timeframe?: string
  lead?: string[]
  cooperating?: string[]
  monitoring?: string[]
}

/** A group of tasks under a group row ("I | Cải cách thể chế"). */
export interface TaskGroup {
  marker: string
  title: string
  tasks: TaskSource[]
}

/** The ND 30 header of a document and its signature. */
export interface DocumentHeader {
  issuerParent: string
  issuer: string
  number: string
  placeDate: string
  signer: {position: string; name: string}
}

/** The portrait body of a plan: title lines, then paragraphs (a line starting with a section marker is a heading). */
export interface PlanBody {
  title: string[]
  paragraphs: string[]
  recipients: string[]
}

export const headers = {
  assignment: {
    issuerParent: 'ỦY BAN NHÂN DÂN',
    issuer: 'XÃ CHẤN HƯNG',
    number: 'Số: 18/KH-UBND',
    placeDate: 'Chấn Hưng, ngày 20 tháng 01 năm 2026',
    signer: {position: 'CHỦ TỊCH', name: 'Nguyễn Anh Tuấn'}
  },
  responsibility: {
    issuerParent: 'ỦY BAN NHÂN DÂN',
    issuer: 'PHƯỜNG NAM ĐỒ SƠN',
    number: 'Số: 27/KH-UBND',
    placeDate: 'Nam Đồ Sơn, ngày 09 tháng 02 năm 2026',
    signer: {position: 'CHỦ TỊCH', name: 'Trần Văn Hải'}
  },
  horizontal: {
    issuerParent: 'ỦY BAN NHÂN DÂN',
    issuer: 'XÃ TÂN PHÚ ĐÔNG',
    number: 'Số: 05/KH-UBND',
    placeDate: 'Tân Phú Đông, ngày 12 tháng 01 năm 2026',
    signer: {position: 'CHỦ TỊCH', name: 'Lê Thị Thu Hà'}
  },
  outer: {
    issuerParent: 'ỦY BAN NHÂN DÂN',
    issuer: 'TỈNH AN GIANG',
    number: 'Số: 112/KH-UBND',
    placeDate: 'An Giang, ngày 03 tháng 3 năm 2026',
    signer: {position: 'CHỦ TỊCH', name: 'Phạm Minh Khoa'}
  }
} satisfies Record<string, DocumentHeader>

export const bodies = {
  assignment: {
    title: ['KẾ HOẠCH', 'Triển khai nhiệm vụ cải cách hành chính nhà nước', 'xã Chấn Hưng năm 2026'],
    paragraphs: [
      'Thực hiện Quyết định số 5256/QĐ-UBND ngày 26/12/2025 của Ủy ban nhân dân thành phố Hải Phòng ban hành Kế hoạch Cải cách hành chính nhà nước thành phố Hải Phòng năm 2026, Ủy ban nhân dân xã Chấn Hưng ban hành Kế hoạch triển khai nhiệm vụ cải cách hành chính năm 2026 như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Cụ thể hóa các nhiệm vụ cải cách hành chính năm 2026 thành những việc làm có sản phẩm, thời hạn và cơ quan chịu trách nhiệm rõ ràng; làm căn cứ để theo dõi, kiểm tra, đôn đốc và đánh giá kết quả thực hiện của từng cơ quan, đơn vị.',
      '2. Yêu cầu',
      'Các cơ quan, đơn vị được giao chủ trì phải chủ động xây dựng kế hoạch chi tiết, bố trí nhân lực và kinh phí để hoàn thành nhiệm vụ đúng thời hạn; cơ quan phối hợp có trách nhiệm tham gia đầy đủ, kịp thời theo đề nghị của cơ quan chủ trì.',
      'Việc theo dõi, kiểm tra, đôn đốc được thực hiện thường xuyên, gắn với đánh giá chỉ số cải cách hành chính và xếp loại thi đua cuối năm.',
      'II. NHIỆM VỤ TRỌNG TÂM',
      'Tập trung cải cách thể chế, cải cách thủ tục hành chính, sắp xếp tổ chức bộ máy, nâng cao chất lượng đội ngũ cán bộ, công chức và đẩy mạnh xây dựng chính quyền số; nhiệm vụ cụ thể, sản phẩm, thời gian hoàn thành và phân công thực hiện tại Phụ lục kèm theo.',
      'III. TỔ CHỨC THỰC HIỆN',
      'Thủ trưởng các cơ quan, đơn vị căn cứ Phụ lục phân công thực hiện nhiệm vụ, chủ động triển khai và báo cáo kết quả định kỳ hằng quý về Phòng Văn hóa - Xã hội trước ngày 15 của tháng cuối quý để tổng hợp, báo cáo Ủy ban nhân dân xã.',
      'Phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng HĐND và UBND xã theo dõi, kiểm tra, đôn đốc việc thực hiện; tham mưu Ủy ban nhân dân xã sơ kết 6 tháng, tổng kết năm; đề xuất khen thưởng, phê bình đối với tập thể, cá nhân trong thực hiện nhiệm vụ cải cách hành chính.',
      'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm 2026 giao cho các cơ quan, đơn vị và các nguồn kinh phí hợp pháp khác theo quy định.',
      'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) để xem xét, giải quyết.',
      'Trên đây là Kế hoạch triển khai nhiệm vụ cải cách hành chính nhà nước xã Chấn Hưng năm 2026./.'
    ],
    recipients: ['UBND thành phố Hải Phòng;', 'Sở Nội vụ thành phố;', 'TT Đảng ủy, TT HĐND xã;', 'Các phòng, ban, đơn vị thuộc xã;', 'Lưu: VT, VHXH.']
  },
  responsibility: {
    title: ['KẾ HOẠCH', 'Thực hiện công tác cải cách hành chính', 'phường Nam Đồ Sơn năm 2026'],
    paragraphs: [
      'Căn cứ Kế hoạch Cải cách hành chính nhà nước thành phố Hải Phòng năm 2026, Ủy ban nhân dân phường Nam Đồ Sơn ban hành Kế hoạch thực hiện công tác cải cách hành chính năm 2026 với những nội dung sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Xác định cải cách hành chính là nhiệm vụ trọng tâm, xuyên suốt của cả hệ thống chính trị phường; phân định rõ trách nhiệm của từng cơ quan, đơn vị trong tổ chức thực hiện, bảo đảm hoàn thành các chỉ tiêu được giao.',
      'Tăng cường sự phối hợp giữa các cơ quan, đơn vị trực thuộc, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện.',
      'II. NHIỆM VỤ CỤ THỂ',
      'Các nhiệm vụ cụ thể, trách nhiệm thực hiện và thời gian hoàn thành được phân công tại Phụ lục kèm theo Kế hoạch này.',
      'III. TỔ CHỨC THỰC HIỆN',
      'Phòng Văn hóa - Xã hội là cơ quan thường trực, có trách nhiệm hướng dẫn, theo dõi, đôn đốc các cơ quan, đơn vị triển khai thực hiện Kế hoạch; tổng hợp, báo cáo kết quả theo quy định.',
      'Trên đây là Kế hoạch thực hiện công tác cải cách hành chính phường Nam Đồ Sơn năm 2026./.'
    ],
    recipients: ['UBND thành phố;', 'Sở Nội vụ;', 'TT Đảng ủy, HĐND phường;', 'Các cơ quan, đơn vị thuộc phường;', 'Lưu: VT.']
  },
  horizontal: {
    title: ['KẾ HOẠCH', 'Chuyển đổi số và phát triển chính quyền số', 'xã Tân Phú Đông năm 2026'],
    paragraphs: [
      'Nhằm đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp, Ủy ban nhân dân xã Tân Phú Đông ban hành Kế hoạch chuyển đổi số năm 2026 như sau:',
      'I. MỤC TIÊU',
      'Đến hết năm 2026, 100% hồ sơ công việc tại Ủy ban nhân dân xã được xử lý trên môi trường mạng (trừ hồ sơ mật); tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt trên 60%.',
      'II. NHIỆM VỤ',
      'Nhiệm vụ cụ thể và phân công thực hiện tại Phụ lục kèm theo.',
      'Trên đây là Kế hoạch chuyển đổi số và phát triển chính quyền số xã Tân Phú Đông năm 2026./.'
    ],
    recipients: ['Sở Khoa học và Công nghệ;', 'TT Đảng ủy, HĐND xã;', 'Các ban, ngành, đoàn thể xã;', 'Lưu: VT.']
  },
  outer: {
    title: ['KẾ HOẠCH', 'Thực hiện công tác phòng, chống thiên tai', 'và tìm kiếm cứu nạn tỉnh An Giang năm 2026'],
    paragraphs: [
      'Để chủ động ứng phó với thiên tai, giảm thiểu thiệt hại về người và tài sản, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026 như sau:',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Quán triệt phương châm “bốn tại chỗ”; nâng cao năng lực chỉ huy, điều hành và phối hợp giữa các cấp, các ngành trong phòng, chống thiên tai.',
      'II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN',
      'Nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời hạn và sản phẩm tại Phụ lục kèm theo.',
      'Trên đây là Kế hoạch thực hiện công tác phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh An Giang năm 2026./.'
    ],
    recipients: ['Ban Chỉ đạo Quốc gia về PCTT;', 'TT Tỉnh ủy, TT HĐND tỉnh;', 'Các sở, ban, ngành tỉnh;', 'UBND các xã, phường, đặc khu;', 'Lưu: VT, KT.']
  }
} satisfies Record<string, PlanBody>

/** Monitoring agencies of the assignment layout's seven groups from seed 000, in order. */
export const monitoringByGroup = [
  'Văn phòng HĐND và UBND xã',
  'Phòng Văn hóa - Xã hội',
  'Văn phòng HĐND và UBND xã',
  'Thường trực UBND xã',
  'Phòng Văn hóa - Xã hội',
  'Thường trực UBND xã',
  'Văn phòng HĐND và UBND xã'
]

/** An eighth group, invented, so the assignment appendix runs over more than ten pages. */
export const assignmentExtra: TaskGroup = {
  marker: 'VIII',
  title: 'Công tác thi đua, khen thưởng và thông tin, báo cáo',
  tasks: [
    {
      content: 'Xây dựng tiêu chí thi đua chuyên đề về cải cách hành chính đối với các phòng, ban, đơn vị thuộc xã',
      outputs: ['Quyết định ban hành tiêu chí', 'Hướng dẫn chấm điểm'],
      timeframe: 'Quý I/2026',
      lead: ['Phòng Văn hóa - Xã hội'],
      cooperating: ['Văn phòng HĐND và UBND xã'],
      monitoring: ['Thường trực UBND xã']
    },
    {
      content: 'Tổ chức sơ kết công tác cải cách hành chính 6 tháng đầu năm, đề ra nhiệm vụ trọng tâm 6 tháng cuối năm',
      outputs: ['Báo cáo sơ kết', 'Thông báo kết luận'],
      timeframe: 'Tháng 6/2026',
      lead: ['Phòng Văn hóa - Xã hội'],
      cooperating: ['Các phòng, ban, đơn vị thuộc xã'],
      monitoring: ['Thường trực UBND xã']
    },
    {
      content: 'Cập nhật số liệu, tài liệu kiểm chứng phục vụ đánh giá Chỉ số cải cách hành chính trên phần mềm của thành phố',
      outputs: ['Số liệu, tài liệu kiểm chứng được cập nhật'],
      timeframe: 'Trước ngày 30/11/2026',
      lead: ['Văn phòng HĐND và UBND xã'],
      cooperating: ['Các phòng, ban, đơn vị thuộc xã'],
      monitoring: ['Phòng Văn hóa - Xã hội']
    },
    {
      content: 'Khảo sát mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn xã',
      outputs: ['Phiếu khảo sát', 'Báo cáo kết quả khảo sát'],
      timeframe: 'Quý III/2026',
      lead: ['Trung tâm Phục vụ hành chính công'],
      cooperating: ['Ủy ban MTTQ Việt Nam xã', 'các thôn'],
      monitoring: ['Phòng Văn hóa - Xã hội']
    },
    {
      content: 'Tổng kết công tác cải cách hành chính năm 2026; đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc',
      outputs: ['Báo cáo tổng kết', 'Quyết định khen thưởng'],
      timeframe: 'Tháng 12/2026',
      lead: ['Phòng Văn hóa - Xã hội'],
      cooperating: ['Các phòng, ban, đơn vị thuộc xã'],
      monitoring: ['Chủ tịch UBND xã']
    },
    {
      content: 'Báo cáo định kỳ quý, 6 tháng, 9 tháng và năm về kết quả thực hiện Kế hoạch này',
      outputs: ['Báo cáo quý', 'Báo cáo năm'],
      timeframe: 'Định kỳ hằng quý',
      lead: ['Các phòng, ban, đơn vị thuộc xã'],
      cooperating: ['Phòng Văn hóa - Xã hội'],
      monitoring: ['Văn phòng HĐND và UBND xã']
    }
  ]
}

/** A ninth group, invented, for the same reason. */
export const assignmentMore: TaskGroup = {
  marker: 'IX',
  title: 'Nâng cao chất lượng phục vụ người dân, doanh nghiệp',
  tasks: [
    {
      content: 'Rà soát, sắp xếp lại quầy tiếp nhận, bố trí khu vực chờ, khu vực hướng dẫn và trang thiết bị phục vụ người dân tại Trung tâm Phục vụ hành chính công',
      outputs: ['Phương án bố trí', 'Báo cáo kết quả thực hiện'],
      timeframe: 'Quý II/2026',
      lead: ['Trung tâm Phục vụ hành chính công'],
      cooperating: ['Văn phòng HĐND và UBND xã'],
      monitoring: ['Phòng Văn hóa - Xã hội']
    },
    {
      content: 'Niêm yết công khai số điện thoại đường dây nóng, hộp thư góp ý và địa chỉ tiếp nhận phản ánh, kiến nghị của người dân',
      outputs: ['Bảng niêm yết', 'Sổ theo dõi phản ánh, kiến nghị'],
      timeframe: 'Tháng 3/2026',
      lead: ['Trung tâm Phục vụ hành chính công'],
      cooperating: ['Các phòng, ban, đơn vị thuộc xã'],
      monitoring: ['Văn phòng HĐND và UBND xã']
    },
    {
      content: 'Tổ chức đối thoại giữa Chủ tịch Ủy ban nhân dân xã với người dân, doanh nghiệp về giải quyết thủ tục hành chính',
      outputs: ['Thông báo tổ chức đối thoại', 'Biên bản đối thoại'],
      timeframe: 'Quý III/2026',
      lead: ['Văn phòng HĐND và UBND xã'],
      cooperating: ['Ủy ban MTTQ Việt Nam xã', 'Trung tâm Phục vụ hành chính công'],
      monitoring: ['Thường trực UBND xã']
    },
    {
      content: 'Thực hiện xin lỗi người dân, tổ chức đối với hồ sơ giải quyết quá hạn; công khai danh sách hồ sơ trễ hạn trên Cổng thông tin điện tử của xã',
      outputs: ['Văn bản xin lỗi', 'Danh sách hồ sơ trễ hạn được công khai'],
      timeframe: 'Thường xuyên',
      lead: ['Các phòng, ban, đơn vị thuộc xã'],
      cooperating: ['Trung tâm Phục vụ hành chính công'],
      monitoring: ['Văn phòng HĐND và UBND xã']
    },
    {
      content: 'Bồi dưỡng kỹ năng giao tiếp, ứng xử cho công chức làm việc tại bộ phận tiếp nhận và trả kết quả',
      outputs: ['Kế hoạch bồi dưỡng', 'Danh sách công chức tham gia'],
      timeframe: 'Quý II/2026',
      lead: ['Phòng Văn hóa - Xã hội'],
      cooperating: ['Trung tâm Phục vụ hành chính công'],
      monitoring: ['Thường trực UBND xã']
    },
    {
      content: 'Đánh giá việc giải quyết thủ tục hành chính theo bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp',
      outputs: ['Báo cáo đánh giá hằng tháng'],
      timeframe: 'Hằng tháng',
      lead: ['Trung tâm Phục vụ hành chính công'],
      cooperating: ['Các phòng, ban, đơn vị thuộc xã'],
      monitoring: ['Phòng Văn hóa - Xã hội']
    },
    {
      content: 'Thí điểm tiếp nhận hồ sơ thủ tục hành chính ngoài giờ hành chính vào sáng thứ Bảy hằng tuần',
      outputs: ['Thông báo thực hiện', 'Báo cáo đánh giá kết quả thí điểm'],
      timeframe: 'Từ tháng 4/2026',
      lead: ['Trung tâm Phục vụ hành chính công'],
      cooperating: ['Công an xã'],
      monitoring: ['Chủ tịch UBND xã']
    }
  ]
}

/** Tasks of the plan whose table has only horizontal rules (TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành). */
export const horizontalRows: TaskGroup[] = [
  {
    marker: 'I',
    title: 'Hạ tầng số',
    tasks: [
      {content: 'Rà soát, nâng cấp đường truyền mạng nội bộ và mạng truyền số liệu chuyên dùng tại trụ sở Ủy ban nhân dân xã', lead: ['Văn phòng HĐND và UBND xã'], cooperating: ['Viễn thông tỉnh'], timeframe: 'Quý I/2026'},
      {content: 'Trang bị bổ sung máy tính, máy quét tài liệu cho bộ phận tiếp nhận và trả kết quả', lead: ['Văn phòng HĐND và UBND xã'], cooperating: ['Phòng Kinh tế'], timeframe: 'Quý II/2026'},
      {content: 'Lắp đặt hệ thống camera giám sát tại Trung tâm Phục vụ hành chính công', lead: ['Trung tâm Phục vụ hành chính công'], cooperating: ['Công an xã'], timeframe: 'Tháng 5/2026'}
    ]
  },
  {
    marker: 'II',
    title: 'Dữ liệu số và dịch vụ công trực tuyến',
    tasks: [
      {content: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực thuộc lĩnh vực hộ tịch, chứng thực', lead: ['Trung tâm Phục vụ hành chính công'], cooperating: ['Phòng Văn hóa - Xã hội'], timeframe: 'Trước ngày 30/9/2026'},
      {content: 'Làm sạch dữ liệu đất đai, cập nhật biến động vào cơ sở dữ liệu đất đai của tỉnh', lead: ['Phòng Kinh tế'], cooperating: ['Văn phòng Đăng ký đất đai chi nhánh khu vực'], timeframe: 'Cả năm 2026'},
      {content: 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình và thanh toán trực tuyến', lead: ['Tổ công nghệ số cộng đồng'], cooperating: ['Đoàn Thanh niên xã', 'các ấp'], timeframe: 'Thường xuyên'},
      {content: 'Tuyên truyền, vận động người dân cài đặt và sử dụng ứng dụng định danh điện tử', lead: ['Công an xã'], cooperating: ['Các ban, ngành, đoàn thể xã'], timeframe: 'Thường xuyên'}
    ]
  },
  {
    marker: 'III',
    title: 'Nhân lực số',
    tasks: [
      {content: 'Tập huấn kỹ năng số cơ bản cho cán bộ, công chức và thành viên tổ công nghệ số cộng đồng', lead: ['Phòng Văn hóa - Xã hội'], cooperating: ['Trung tâm Chuyển đổi số tỉnh'], timeframe: 'Quý II/2026'},
      {content: 'Tổ chức cuộc thi tìm hiểu về chuyển đổi số dành cho đoàn viên, thanh niên trên địa bàn xã', lead: ['Đoàn Thanh niên xã'], cooperating: ['Phòng Văn hóa - Xã hội'], timeframe: 'Tháng 8/2026'},
      {content: 'Đánh giá mức độ chuyển đổi số của xã theo bộ chỉ số của tỉnh', lead: ['Phòng Văn hóa - Xã hội'], cooperating: ['Các ban, ngành, đoàn thể xã'], timeframe: 'Tháng 11/2026'}
    ]
  }
]

/** Tasks of the plan whose table has only an outer border (STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành | Sản phẩm). */
export const outerRows: TaskSource[] = [
  {content: 'Kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn các cấp', lead: ['Sở Nông nghiệp và Môi trường'], cooperating: ['Các sở, ban, ngành', 'UBND các xã, phường, đặc khu'], timeframe: 'Tháng 3/2026', outputs: ['Quyết định kiện toàn']},
  {content: 'Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro thiên tai', lead: ['Các sở, ban, ngành', 'UBND các xã, phường, đặc khu'], cooperating: ['Sở Nông nghiệp và Môi trường'], timeframe: 'Trước ngày 30/4/2026', outputs: ['Phương án ứng phó được phê duyệt']},
  {content: 'Kiểm tra hiện trạng đê bao, bờ bao, cống đập trước mùa mưa lũ; đề xuất xử lý các điểm xung yếu', lead: ['Sở Nông nghiệp và Môi trường'], cooperating: ['UBND các xã, phường, đặc khu'], timeframe: 'Tháng 4-5/2026', outputs: ['Báo cáo kiểm tra', 'Danh mục công trình cần xử lý']},
  {content: 'Diễn tập phòng, chống thiên tai và tìm kiếm cứu nạn cấp tỉnh năm 2026', lead: ['Bộ Chỉ huy Quân sự tỉnh'], cooperating: ['Sở Nông nghiệp và Môi trường', 'Công an tỉnh'], timeframe: 'Quý III/2026', outputs: ['Kế hoạch diễn tập', 'Báo cáo rút kinh nghiệm']},
  {content: 'Cập nhật bản đồ cảnh báo sạt lở bờ sông, kênh rạch và công bố cho người dân biết', lead: ['Sở Nông nghiệp và Môi trường'], cooperating: ['UBND các xã, phường, đặc khu'], timeframe: 'Tháng 6/2026', outputs: ['Bản đồ cảnh báo', 'Thông báo công khai']},
  {content: 'Dự trữ vật tư, phương tiện, lương thực, thuốc men phục vụ cứu hộ, cứu nạn', lead: ['Sở Công Thương'], cooperating: ['Sở Y tế', 'Sở Tài chính'], timeframe: 'Trước mùa mưa bão', outputs: ['Danh mục vật tư dự trữ']},
  {content: 'Tuyên truyền kiến thức phòng, chống thiên tai trên các phương tiện thông tin đại chúng', lead: ['Báo và Phát thanh, Truyền hình An Giang'], cooperating: ['Sở Văn hóa, Thể thao và Du lịch'], timeframe: 'Thường xuyên', outputs: ['Chuyên mục, tin bài']},
  {content: 'Tổng hợp, đánh giá thiệt hại do thiên tai gây ra và đề xuất hỗ trợ khắc phục hậu quả', lead: ['Sở Nông nghiệp và Môi trường'], cooperating: ['Sở Tài chính', 'UBND các xã, phường, đặc khu'], timeframe: 'Sau mỗi đợt thiên tai', outputs: ['Báo cáo thiệt hại', 'Tờ trình hỗ trợ']},
  {content: 'Sơ kết, tổng kết công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026', lead: ['Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh'], cooperating: ['Các thành viên Ban Chỉ huy'], timeframe: 'Tháng 12/2026', outputs: ['Báo cáo tổng kết']}
]
