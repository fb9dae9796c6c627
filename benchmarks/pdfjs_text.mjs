// Text of one PDF page as pdf.js gives it (getTextContent), the way web
// tools and Node scripts usually join it: each item's string, a newline
// where pdf.js marks the end of a line.
//
//   node benchmarks/pdfjs_text.mjs ISSUE.pdf PAGE_INDEX
//
// Needs the pdfjs-dist package next to this script:
//   npm install --prefix benchmarks      (benchmarks/package.json)
import { createRequire } from "module";
import fs from "fs";
import path from "path";

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
const { getDocument } = await import(path.join(root, "legacy/build/pdf.mjs"));

const [, , pdfPath, pageIndex] = process.argv;
const data = new Uint8Array(fs.readFileSync(pdfPath));
const doc = await getDocument({
  data,
  cMapUrl: path.join(root, "cmaps") + "/",
  cMapPacked: true,
  standardFontDataUrl: path.join(root, "standard_fonts") + "/",
}).promise;
const page = await doc.getPage(Number(pageIndex) + 1);
const content = await page.getTextContent();
let text = "";
for (const item of content.items) {
  text += item.str;
  if (item.hasEOL) text += "\n";
}
process.stdout.write(text);
