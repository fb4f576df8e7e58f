/** Whether pdf-lib can embed a font file as a subset (what every PDF export of it will do). */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';

export async function embedsInPdf(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(bytes, { subset: true });
    doc.addPage().drawText('Ag', { font, size: 12 });
    await doc.save();
    return true;
  } catch {
    return false;
  }
}
