/** `trajectory extract`: not implemented yet. */
export async function run(_argv: string[]): Promise<number> {
  console.error('trajectory extract: not implemented yet');
  return 1;
}
