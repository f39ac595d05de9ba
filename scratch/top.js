// usage: node scratch/top.js FILE.cpuprofile N [--by-file]
const fs=require('fs');const [f,n='40',mode]=process.argv.slice(2);
const p=JSON.parse(fs.readFileSync(f));const dt=new Map();
const idx=new Map(p.nodes.map(x=>[x.id,x]));
for(let i=0;i<p.samples.length;i++){const d=p.timeDeltas[i]||0;dt.set(p.samples[i],(dt.get(p.samples[i])||0)+d);}
const agg=new Map();let tot=0;
for(const [id,t] of dt){const nd=idx.get(id);const cf=nd.callFrame;const file=(cf.url||'').replace(/.*\/(src|node_modules)\//,'$1/');
const k=mode==='--by-file'?file.replace(/(node_modules\/[^/]+).*/,'$1'):`${cf.functionName||'(anon)'} ${file}:${cf.lineNumber+1}`;agg.set(k,(agg.get(k)||0)+t);tot+=t;}
const rows=[...agg].sort((a,b)=>b[1]-a[1]).slice(0,+n);
console.log('total ms',(tot/1000).toFixed(0));for(const [k,t] of rows)console.log((t/1000).toFixed(0).padStart(7),(100*t/tot).toFixed(1).padStart(5)+'%',k);
