async function main() {
const t0 = performance.now();
const { createPipeline } = await import('../src/pipeline');
const t1 = performance.now();
const { tag } = await import('../src/text/tagger');
tag('warm up the tagger.');
const t2 = performance.now();
const p = createPipeline();
const t3 = performance.now();
const { runReport } = await import('../src/report/run');
const t4 = performance.now();
console.log({ importPipeline: t1 - t0, taggerLoad: t2 - t1, createPipeline: t3 - t2, importRun: t4 - t3 });
}
main();
