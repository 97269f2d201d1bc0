#!/usr/bin/env node
/**
 * `trajectory <command>`: a thin dispatcher. Each command lives in `commands/<name>.ts` and exports
 * `run(argv): Promise<number>` (the exit code); the CLI has no logic of its own.
 */
import { createRequire } from 'node:module';
import { terminalSafe } from '@trajectory/core';

const commands: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  data: {
    summary: 'list every indicator of the seed dataset by region (--conflicts: cross-document conflicts)',
    load: () => import('./commands/data.ts'),
  },
  assess: {
    summary: 'assess every target: probability of attainment, required vs historical growth, verdicts',
    load: () => import('./commands/assess.ts'),
  },
  propose: {
    summary: 'propose target values for the next plan at requested P(attain), with their evidence',
    load: () => import('./commands/propose.ts'),
  },
  review: {
    summary: "review a plan's targets against later observations (met, on track, behind, missed)",
    load: () => import('./commands/review.ts'),
  },
  run: {
    summary: 'run a scenario file (Monte Carlo, interventions, goal seeking)',
    load: () => import('./commands/run.ts'),
  },
  extract: { summary: 'propose indicator rows from a planning document', load: () => import('./commands/extract.ts') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'usage: trajectory <command> [options]   (trajectory <command> --help for its options; --version)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** The version of this package (its package.json, beside src/ and dist/). */
function version(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    console.log(`trajectory ${version()}`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`trajectory: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}

// `trajectory assess | head` closes the pipe early: stop quietly rather than crash with EPIPE
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(terminalSafe(`trajectory: ${error instanceof Error ? error.message : String(error)}`));
    process.exitCode = 1;
  },
);
