/**
 * Reader-facing names for provision fragment ids (the scheme of the
 * structure work): "II.3" -> "Mục II.3", "dieu-1.2.a" -> "Điều 1, khoản 2, điểm a",
 * "I.2.ct-15" -> "Mục I.2, chỉ tiêu (15)".
 */
const FIXED: Record<string, string> = {
  'mo-dau': 'Mở đầu',
  'can-cu': 'Căn cứ',
  'ket-thuc': 'Phần kết',
  'noi-nhan': 'Nơi nhận',
  'chu-ky': 'Chữ ký',
  'dau-van-ban': 'Đầu văn bản',
  'chu-thich': 'Chú thích',
};

export function describeProvision(id: string): string {
  const fixed = FIXED[id];
  if (fixed) return fixed;
  // An inline numbered target "(15)" inside a provision.
  const target = /^(.+)\.ct-(\d+)$/.exec(id);
  if (target) {
    const parent = describeProvision(target[1]!);
    return `${parent ? `${parent}, ` : ''}chỉ tiêu (${target[2]})`;
  }
  const article = /^dieu-(\d+)(?:\.(\d+))?(?:\.([a-zđ]))?$/.exec(id);
  if (article) {
    const [, dieu, khoan, diem] = article;
    return `Điều ${dieu}${khoan ? `, khoản ${khoan}` : ''}${diem ? `, điểm ${diem}` : ''}`;
  }
  // Numbered paths: roman parts, numbered sections, lettered points ("II.2.1", "I.1.a").
  if (/^([IVXLC]+|\d+)(\.(\d+|[a-zđ]))*$/.test(id)) return `Mục ${id}`;
  return ''; // an unnumbered heading: its own words say what it is
}
