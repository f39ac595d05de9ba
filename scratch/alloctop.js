const p=JSON.parse(require('fs').readFileSync(process.argv[2]));const n=+(process.argv[3]||40);const mode=process.argv[4];
const self=new Map();let tot=0;
(function walk(node,stack){const cf=node.callFrame;const k=`${cf.functionName||'(anon)'} ${(cf.url||'').replace(/.*\/(src|node_modules)\//,'$1/')}:${cf.lineNumber+1}`;
const sz=node.selfSize;tot+=sz;const key=mode==='--file'?(cf.url||'').replace(/.*\/(src\/.*|node_modules\/[^/]+).*/,'$1'):k;self.set(key,(self.get(key)||0)+sz);for(const c of node.children)walk(c,stack);})(p.head,[]);
console.log('total MB',(tot/1e6).toFixed(0));for(const [k,v] of [...self].sort((a,b)=>b[1]-a[1]).slice(0,n))console.log((v/1e6).toFixed(1).padStart(8),k);
