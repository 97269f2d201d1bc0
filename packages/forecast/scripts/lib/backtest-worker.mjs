// Worker bootstrap: worker threads do not inherit tsx's hooks, so register them before loading the TS worker.
import { register } from 'tsx/esm/api';

register();
await import('./backtest-worker.ts');
