/**
 * QR codes for TOTP enrolment (the `qrcode` package; error correction M, the smallest version
 * that fits). Loaded on first use: enrolment is rare and the package is not small.
 */
const load = () => import('qrcode').then((m) => m.default);

/** The code's modules, row by row (true = dark). */
export async function qrMatrix(text: string): Promise<boolean[][]> {
  const { modules } = (await load()).create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
}

/** An SVG of the code with a quiet zone, black on white, for an <img> or inline. */
export async function qrSvg(text: string): Promise<string> {
  return (await load()).toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}
