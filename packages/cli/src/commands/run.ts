/** `trajectory run`: not implemented yet. */
export async function run(_argv: string[]): Promise<number> {
  console.error('trajectory run: not implemented yet');
  return 1;
}
