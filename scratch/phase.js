// usage: node scratch/phase.js FILE BUCKET_S : per bucket, ms in GC / idle / program / by top-level src dir
const fs=require('fs');const [f,b='1']=process.argv.slice(2);const p=JSON.parse(fs.readFileSync(f));
const idx=new Map(p.nodes.map(x=>[x.id,x]));let t=0;const B=+b*1e6;const rows=[];
for(let i=0;i<p.samples.length;i++){t+=p.timeDeltas[i]||0;const k=Math.floor(t/B);rows[k]??={};const cf=idx.get(p.samples[i]).callFrame;
let cat=cf.url?cf.url.replace(/.*\/(src\/[^/]+(\/[^/]+)?|node_modules\/[^/]+).*/,'$1').replace(/\.ts$/,''):cf.functionName;rows[k][cat]=(rows[k][cat]||0)+(p.timeDeltas[i+1]||0)/1000;}
rows.forEach((r,k)=>{const top=Object.entries(r).sort((a,b)=>b[1]-a[1]).slice(0,6).map(([c,v])=>`${c}:${v.toFixed(0)}`).join(' ');console.log(String(k*+b).padStart(4),top);});
