// usage: node scratch/window.js FILE FROM_S TO_S N : inclusive ms per function for samples in [from,to)
const fs=require('fs');const [f,a,b,n='40']=process.argv.slice(2);const p=JSON.parse(fs.readFileSync(f));
const idx=new Map(p.nodes.map(x=>[x.id,x]));const parent=new Map();for(const nd of p.nodes)for(const c of nd.children||[])parent.set(c,nd.id);
let t=0;const incl=new Map();let tot=0;
for(let i=0;i<p.samples.length;i++){t+=p.timeDeltas[i]||0;if(t<a*1e6||t>=b*1e6)continue;const d=(p.timeDeltas[i+1]||0);tot+=d;const seen=new Set();let cur=p.samples[i];
while(cur!==undefined){const cf=idx.get(cur).callFrame;const k=`${cf.functionName||'(anon)'} ${(cf.url||'').replace(/.*\/(src|node_modules)\//,'$1/')}:${cf.lineNumber+1}`;if(!seen.has(k)){seen.add(k);incl.set(k,(incl.get(k)||0)+d);}cur=parent.get(cur);}}
console.log('window ms',(tot/1000).toFixed(0));for(const [k,v] of [...incl].sort((x,y)=>y[1]-x[1]).slice(0,+n))console.log((v/1000).toFixed(0).padStart(6),k);
