import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const { runReport } = require('../dist/report/run') as typeof import('../src/report/run');
async function main() {
  const s = new Session(); s.connect();
  await s.post('HeapProfiler.enable');
  await s.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as any);
  await runReport({ corpus: process.argv[2]!, out: '/tmp/taballoc', charts: false, cache: false } as any);
  const { profile } = await s.post('HeapProfiler.stopSampling');
  writeFileSync('/tmp/alloc.heapprofile', JSON.stringify(profile));
}
main();
