// usage: node scratch/incl.js FILE name1 name2 ...  : inclusive ms of functions by name (no double count of recursion)
const fs=require('fs');const [f,...names]=process.argv.slice(2);
const p=JSON.parse(fs.readFileSync(f));const idx=new Map(p.nodes.map(x=>[x.id,x]));const parent=new Map();
for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const self=new Map();for(let i=0;i<p.samples.length;i++)self.set(p.samples[i],(self.get(p.samples[i])||0)+(p.timeDeltas[i]||0));
const res=Object.fromEntries(names.map(n=>[n,0]));let tot=0;
for(const [id,t] of self){tot+=t;const seen=new Set();let cur=id;while(cur!==undefined){const fn=idx.get(cur).callFrame.functionName;if(fn in res&&!seen.has(fn)){res[fn]+=t;seen.add(fn);}cur=parent.get(cur);}}
console.log('total',(tot/1000).toFixed(0));for(const n of names)console.log(n.padEnd(30),(res[n]/1000).toFixed(0));
