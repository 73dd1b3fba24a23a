import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
const boot = `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(join(__dirname, 'probe-w.ts'))});`;
const w = new Worker(boot, { eval: true });
w.on('message', (m) => console.log('msg', m)); w.on('error', (e) => console.log('ERR', e.message));
