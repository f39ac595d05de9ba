const { runReport } = require('../dist/report/run.js');
(async () => {
  const [corpus, out] = process.argv.slice(2);
  const t0 = performance.now();
  const summary = await runReport({ corpus, out, charts: false, cache: false });
  console.log(JSON.stringify({ ms: performance.now() - t0, articles: summary.articles }));
})();
