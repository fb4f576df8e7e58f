/** QR code as SVG (filled in below). */
export function qrSvg(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${text.replace(/[<>&"]/g, '')}</title></svg>`;
}
