// Prints the text of the PDF read from standard input. Run as its own process: pdf-parse's pdf.js
// loads its worker with a dynamic import(), which jest's module sandbox refuses.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  try {
    const { text } = await parser.getText();
    process.stdout.write(text);
  } finally {
    await parser.destroy();
  }
});
