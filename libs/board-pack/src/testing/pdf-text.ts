import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The text of a PDF, extracted by pdf-parse (Mozilla's pdf.js) in a child process. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'extract-pdf-text.cjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`pdf-text exited ${code}: ${Buffer.concat(err).toString('utf8')}`))));
    child.stdin.end(pdf);
  });
}
