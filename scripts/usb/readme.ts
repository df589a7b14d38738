/**
 * The plain-text README at the top of the USB edition (and so of its zip):
 * Vietnamese, for whoever opens the stick. UTF-8 with a byte order mark and
 * CRLF line ends, so that Notepad on old Windows shows the accents and the
 * lines right. Same facts as the page /doc-offline/ (src/pages/doc-offline.astro).
 */

export const README_NAME = 'README.txt';

export function readmeText(siteUrl: string | null): string {
  const lines = [
    'KHO LƯU TRỮ NGHỊ QUYẾT – BẢN ĐỌC KHÔNG CẦN MẠNG',
    '',
    'CÁCH MỞ',
    '',
    '  Mở tệp index.html trong thư mục này (nhấp đúp chuột).',
    '',
    '  Trang mở trong trình duyệt: Chrome, Edge hoặc Cốc Cốc. Không cần cài đặt gì,',
    '  không cần mạng Internet.',
    '',
    '  Nếu bạn nhận được tệp nén (.zip): trước hết nhấn chuột phải vào tệp, chọn',
    '  "Extract All..." (Giải nén tất cả), rồi mở index.html trong thư mục vừa giải nén.',
    '  Đừng mở trang ngay bên trong tệp .zip: khi đó các trang khác và chức năng tìm',
    '  kiếm không chạy.',
    '',
    '  Có thể chép cả thư mục này sang USB hay sang máy khác, đặt ở đâu cũng được,',
    '  nhưng phải giữ nguyên các thư mục con bên trong.',
    '',
    'NHỮNG GÌ DÙNG ĐƯỢC',
    '',
    '  - Đọc toàn văn các văn bản, mục lục, liên kết giữa các văn bản và đến từng mục.',
    '  - Tìm kiếm: gõ có dấu hay không dấu đều được ("nong thon", "dang bo").',
    '  - Nút "Trích dẫn": sao chép trích dẫn kèm địa chỉ của văn bản trên mạng, không',
    '    phải đường dẫn trong máy, nên dán vào văn bản gửi người khác vẫn dùng được.',
    '',
    'LƯU Ý',
    '',
    '  - Bản sao này là ảnh chụp kho lưu trữ tại lúc tạo; văn bản mới chỉ có trên mạng',
    '    hoặc trong bản sao sau.',
    '  - Trang "Đọc trên máy không có mạng" (doc-offline/index.html) giải thích thêm.',
  ];
  if (siteUrl) lines.push('', `Địa chỉ của kho lưu trữ trên mạng: ${siteUrl}`);
  lines.push('');
  return `\uFEFF${lines.join('\r\n')}`;
}
