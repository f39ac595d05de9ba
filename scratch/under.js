// usage: node scratch/under.js FILE fnName N : self time of functions under fnName (inclusive samples within it), top N
const fs=require('fs');const [f,root,n='40']=process.argv.slice(2);
const p=JSON.parse(fs.readFileSync(f));const idx=new Map(p.nodes.map(x=>[x.id,x]));const parent=new Map();
for(const nd of p.nodes)for(const c of nd.children||[])parent.set(c,nd.id);
const self=new Map();for(let i=0;i<p.samples.length;i++)self.set(p.samples[i],(self.get(p.samples[i])||0)+(p.timeDeltas[i]||0));
const agg=new Map();const aggIncl=new Map();let tot=0;
for(const [id,t] of self){let cur=id;let inside=false;const chain=[];while(cur!==undefined){const cf=idx.get(cur).callFrame;chain.push(cf);if(cf.functionName===root){inside=true;break;}cur=parent.get(cur);}
if(!inside)continue;tot+=t;const cf=idx.get(id).callFrame;const k=`${cf.functionName||'(anon)'} ${(cf.url||'').replace(/.*\/(src|node_modules)\//,'$1/')}:${cf.lineNumber+1}`;agg.set(k,(agg.get(k)||0)+t);
const seen=new Set();for(const c of chain.slice(0,-1)){const kk=`${c.functionName||'(anon)'} ${(c.url||'').replace(/.*\/(src|node_modules)\//,'$1/')}:${c.lineNumber+1}`;if(seen.has(kk))continue;seen.add(kk);aggIncl.set(kk,(aggIncl.get(kk)||0)+t);}}
console.log('total under',root,(tot/1000).toFixed(0));
console.log('--- self');for(const [k,t] of [...agg].sort((a,b)=>b[1]-a[1]).slice(0,+n))console.log((t/1000).toFixed(0).padStart(6),k);
console.log('--- inclusive');for(const [k,t] of [...aggIncl].sort((a,b)=>b[1]-a[1]).slice(0,+n))console.log((t/1000).toFixed(0).padStart(6),k);
