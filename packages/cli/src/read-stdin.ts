/**
 * Standard input as bytes, for a `-` file argument; refuses more than `maxBytes` (the same bound as files).
 * @example
 * const bytes = file === '-' ? await readStdin(LIMITS.fileBytes) : readFileBounded(file, { maxBytes });
 */
export async function readStdin(maxBytes: number, stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > maxBytes) throw new Error(`standard input is larger than ${maxBytes} bytes (the file limit)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
